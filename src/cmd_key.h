/* cmd_key.h: `pressroom key`, the office's signing key: generate, show, sign a file by hand, sign the
 * versions still unsigned, rotate. */
#ifndef PRESSROOM_CMD_KEY_H
#define PRESSROOM_CMD_KEY_H

/* Run `pressroom key ACTION [FILE]` (words: what follows "key", options taken out). key_path: --key, else
 * the configuration's signing_key (NULL if neither); db_path: the database, whose folder the key must stay
 * out of; comment: --comment for sign (NULL: "file:NAME"); archive: --archive URL for sign-versions (NULL:
 * none). Returns the exit code (2 for bad usage). */
int key_command(int argc, char **words, const char *key_path, const char *db_path, const char *comment,
                const char *archive);

#endif
