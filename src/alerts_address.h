/* alerts_address.h: whether a typed email address may become a subscriber's, and its one spelling.
 * RFC 5321's limits (local part 64 bytes, whole address 254), RFC 5322's dot-atom for the local part
 * (quoted strings refused: relays and mail clients handle them badly and nobody types them), a domain of
 * letter-digit-hyphen labels with at least one dot (an internationalised domain only in its ASCII xn--
 * form: SMTPUTF8 is not assumed of the relay), and no space, control character, CR, LF or NUL anywhere, so
 * the address can go into a mail header as it is. The domain is lower-cased; the local part is kept as
 * typed (RFC 5321: only the receiving host may fold its case). */
#ifndef PRESSROOM_ALERTS_ADDRESS_H
#define PRESSROOM_ALERTS_ADDRESS_H

#include <stddef.h>

enum { ALERTS_ADDRESS_MAX = 254, ALERTS_LOCAL_MAX = 64, ALERTS_LABEL_MAX = 63 };

/* Check the len bytes of typed (which may hold NUL bytes: they are refused). NULL when acceptable, with the
 * address as stored in out (ALERTS_ADDRESS_MAX + 1 bytes, NUL-terminated); else why not, an English msgid
 * (I18N_NOOP) for i18n_text, and out is "". */
const char *alerts_address_check(const char *typed, size_t len, char out[ALERTS_ADDRESS_MAX + 1]);

#endif
