/* alerts_relay.h: handing a message to the mail relay (SMTP through libcurl) and a ping to a WebSub hub
 * (an HTTP POST, W3C WebSub section 7), each attempt answered as sent, to retry, or rejected for good. */
#ifndef PRESSROOM_ALERTS_RELAY_H
#define PRESSROOM_ALERTS_RELAY_H
#include <stddef.h>

#include "alerts_outbox.h"

struct alerts_relay;

/* The relay of smtp_url (smtp:// with STARTTLS required unless the host is loopback; smtps://), logging in
 * as user with password when user is set. NULL on failure (logged). The connection is kept between
 * messages. */
struct alerts_relay *alerts_relay_open(const char *smtp_url, const char *user, const char *password);
void alerts_relay_close(struct alerts_relay *r);

/* Send message (CRLF line ends) from the envelope address from to to. The relay's answer (or the transport
 * error) in answer. A 5xx reply is OUTBOX_REJECTED but a refused login (our configuration); any other
 * failure OUTBOX_RETRY. */
enum outbox_result alerts_relay_send(struct alerts_relay *r, const char *from, const char *to, const char *message,
                                     char *answer, size_t answerlen);

/* POST hub.mode=publish&hub.url=topic to hub. 2xx: sent; 4xx but 408 and 429: rejected; else retry. */
enum outbox_result alerts_relay_ping(struct alerts_relay *r, const char *hub, const char *topic, char *answer,
                                     size_t answerlen);

/* The TCP port url connects to (its scheme's default when it names none), or 0 if it does not parse. */
unsigned alerts_relay_port(const char *url);

/* 1 when url's host is loopback (localhost, 127.0.0.0/8, ::1): the only relays reached without TLS. */
int alerts_relay_is_loopback(const char *url);

#endif
