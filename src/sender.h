/* sender.h: the process that delivers email alerts and WebSub pings (issue 16, docs/alerts.md). The
 * supervisor forks it beside the workers when smtp_url or a websub_hub is set, and starts another if it
 * dies. It queues what became public (alerts_queue.c), then takes the due outbox rows one at a time, at most
 * mail_rate a minute, hands each to the relay and marks it sent in a transaction of its own; failures wait
 * with backoff (alerts_outbox.c). SIGTERM: it finishes the message in flight and leaves. */
#ifndef PRESSROOM_SENDER_H
#define PRESSROOM_SENDER_H
#include <stddef.h>
#include <sys/types.h>

struct config;

/* Supervisor: fork the sender. Returns its pid; 0 when c sets neither smtp_url nor a websub_hub (no
 * sender); -1 with the reason in err. */
struct sandbox;
pid_t sender_start(const struct config *c, const char *db_path, const struct sandbox *sb, char *err, size_t errlen);

#endif
