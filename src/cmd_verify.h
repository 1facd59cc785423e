/* cmd_verify.h: `pressroom verify DIR [--checkpoint FILE]`, a reader's check of a downloaded copy. */
#ifndef PRESSROOM_CMD_VERIFY_H
#define PRESSROOM_CMD_VERIFY_H

/* Check the folder dir as docs/authenticity.md says a reader may: signing-key.pub; history.txt, its chain
 * from the first entry, and its history.txt.minisig when there is one; history-head.txt and its .minisig, whose head must be in that chain; every other
 * <name>.txt with its .minisig, whose text must be one the history records; and, when checkpoint is not
 * NULL, that the checkpoint saved earlier at that path is a prefix of today's history. Prints each problem,
 * naming its file or entry; returns 0 when all hold, else 1. */
int verify_command(const char *dir, const char *checkpoint);
/* The same, naming the copy label in its verdict (`pressroom verify URL` checks a temporary folder). */
int verify_folder(const char *dir, const char *label, const char *checkpoint);

#endif
