/* cmd_site.h: `pressroom site`, the site's name, contacts and clock cities, set without SQL. */
#ifndef PRESSROOM_CMD_SITE_H
#define PRESSROOM_CMD_SITE_H

struct config;
struct db;

/* Run `pressroom site ARGS...` (args: what follows "site", options already taken out) on the database at
 * db_path. Prints what is wrong and returns the exit code (2 for bad usage). */
int site_command(int argc, char **argv, const char *db_path);
/* A warning when the site (the database, with the configuration c over it; c may be NULL) has no clock
 * cities and no contacts, so its header would lack what the demo shows; else NULL. Static text. */
const char *site_lacks_basics(struct db *db, const struct config *c);

#endif
