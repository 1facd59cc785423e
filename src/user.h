/* user.h: `pressroom user ...`, the accounts of press officers, managed by the sysadmin. */
#ifndef PRESSROOM_USER_H
#define PRESSROOM_USER_H

enum user_action { USER_ADD, USER_PASSWD, USER_DISABLE, USER_LIST };

/* Run one action on the database at db_path. Passwords come from the terminal (asked twice, not echoed) or
 * from the first line of stdin; never from the command line. Returns the exit code. */
int user_command(enum user_action action, const char *name, const char *role, const char *db_path);

#endif
