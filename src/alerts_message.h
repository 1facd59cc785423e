/* alerts_message.h: an alert, a correction or a confirmation as a MIME message (GMime): From, To, an RFC
 * 2047 Subject, Date, Message-ID, List-Unsubscribe with List-Unsubscribe-Post (RFC 8058), and a
 * multipart/alternative of a text/plain and a text/html part. Every header value is given to GMime, which
 * encodes it; control characters are blanked first, so no value can start a header of its own. */
#ifndef PRESSROOM_ALERTS_MESSAGE_H
#define PRESSROOM_ALERTS_MESSAGE_H
#include <time.h>

struct item;
struct req;

/* Who sends what to whom. */
struct alerts_letter {
	const char *kind;             /* "alert", "correction" or "confirm" */
	const char *to;               /* the subscriber's address */
	const char *site_name, *from; /* From: "site_name <from>" */
	const char *host;             /* the site's host: Message-IDs end in @host */
	long long outbox_id;          /* the Message-ID's own part, the same for every attempt of one row */
	const char *manage_url;       /* preferences (alerts) */
	const char *unsubscribe_url;  /* List-Unsubscribe's HTTPS link (alerts) */
	const char *confirm_url;      /* the confirmation's link */
	const struct item *item;      /* an alert's or correction's statement, in full */
	const char *item_url, *minisig_url; /* its absolute URL; its signature's, or NULL when the site signs none */
};

/* Call once per process before alerts_message. */
void alerts_message_init(void);

/* The whole message with CRLF line ends, owned by r's arena; NULL if it cannot be made (logged). r is the
 * sender's stand-in request: its arena, site and time (view.c reads them); words are in i18n's language. */
const char *alerts_message(struct req *r, const struct alerts_letter *l);

#endif
