/* cmd_subscribers.h: `pressroom subscribers export|count`, for the data controller on the server: the only
 * way the subscribers' addresses leave the database (the admin shows counts only). */
#ifndef PRESSROOM_CMD_SUBSCRIBERS_H
#define PRESSROOM_CMD_SUBSCRIBERS_H

/* Run `pressroom subscribers ARGS...` (args: what follows "subscribers", options taken out) on the database
 * at db_path. export: the confirmed subscribers as CSV on stdout (RFC 4180, a header line; email, releases,
 * events, languages, confirmed_at in UTC ISO 8601). count: subscribers confirmed and pending, and per
 * language and list. Prints what is wrong and returns the exit code (2 for bad usage). */
int subscribers_command(int argc, char **argv, const char *db_path);

#endif
