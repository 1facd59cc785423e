/* verify_download.h: `pressroom verify URL`, the reader's check of a live site: everything a reader needs
 * downloaded over HTTP(S) with libcurl, then checked exactly as a folder is (cmd_verify.h). */
#ifndef PRESSROOM_VERIFY_DOWNLOAD_H
#define PRESSROOM_VERIFY_DOWNLOAD_H

/* Whether arg names a site (http:// or https://) rather than a folder. */
int verify_is_url(const char *arg);

/* Download from the site at url (its scheme, host and optional path prefix) into a new temporary folder:
 * signing-key.pub, history.txt and its .minisig, history-head.txt and its .minisig, and for every entry of
 * the history not sealed, its version's text and .minisig (fetched from url at the path of the entry's
 * URL). Then check the folder as verify_command does, checkpoint included, and also that each version
 * downloaded has the SHA-256 its entry records; remove the folder. Prints each problem naming its file or
 * entry; returns 0 when all hold, else 1. */
int verify_url(const char *url, const char *checkpoint);

#endif
