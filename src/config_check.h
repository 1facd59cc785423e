/* config_check.h: what `pressroom config check` checks beyond the file's own syntax: everything that
 * `pressroom serve` would refuse at start. */
#ifndef PRESSROOM_CONFIG_CHECK_H
#define PRESSROOM_CONFIG_CHECK_H

#include "buf.h"

struct config;

/* Check the machine against the valid configuration c read from path: the templates load, the user exists
 * and is not root, the database opens at the current schema, the socket's folder exists. Problems are
 * appended to errors and warnings as "path:line: ...\n" (the line of the key at fault). Returns the number
 * of problems (warnings not counted). */
int config_check_machine(const char *path, const struct config *c, struct buf *errors, struct buf *warnings);

#endif
