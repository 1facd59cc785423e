/* sender.c: the alerts' delivery process (sender.h). It parses no request: what it sends it reads from the
 * database, and the only words from outside it sees are the relay's and the hubs' answers, kept as text. */
#include "sender.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "alerts_message.h"
#include "alerts_outbox.h"
#include "alerts_queue.h"
#include "alerts_relay.h"
#include "arena.h"
#include "config.h"
#include "db.h"
#include "i18n.h"
#include "item_public.h"
#include "log.h"
#include "req.h"
#include "sandbox.h"
#include "site.h"

static volatile sig_atomic_t stopping;

/* LeakSanitizer's check, in the sanitizer build only (NULL otherwise): _exit would skip it. */
extern void __lsan_do_leak_check(void) __attribute__((weak));

static void on_term(int sig)
{
	(void)sig;
	stopping = 1;
}

static double monotonic(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Sleep up to seconds; SIGTERM ends it early. */
static void nap(double seconds)
{
	if (seconds <= 0 || stopping)
		return;
	struct timespec ts = {(time_t)seconds, (long)((seconds - (double)(time_t)seconds) * 1e9)};
	nanosleep(&ts, NULL);
}

/* The first line of the password file, read while still root; NULL if it cannot be read (logged). */
static const char *read_password(struct arena *a, const char *path)
{
	char line[1024];
	FILE *f = fopen(path, "r");
	if (f == NULL || fgets(line, sizeof line, f) == NULL) {
		log_error("sender: cannot read smtp_password_file %s: %s", path, f ? "it is empty" : strerror(errno));
		if (f)
			fclose(f);
		return NULL;
	}
	fclose(f);
	line[strcspn(line, "\r\n")] = '\0';
	const char *out = arena_strdup(a, line);
	explicit_bzero(line, sizeof line);
	return out;
}

/* The host of a base URL, for Message-IDs. */
static const char *host_of(struct arena *a, const char *base)
{
	const char *h = strstr(base, "://");
	h = h ? h + 3 : base;
	return arena_strndup(a, h, strcspn(h, ":/"));
}

/* Build and send one outbox row; record what happened. */
static void deliver(struct db *db, struct req *r, struct alerts_relay *relay, const struct config *c,
                    const char *base, const struct outbox_row *row)
{
	char answer[512] = "";
	enum outbox_result result = OUTBOX_REJECTED;
	struct item it;
	const struct site *site = site_in_language(r->site, row->lang[0] ? row->lang : r->site->languages[0]);
	i18n_use(row->lang[0] ? row->lang : r->site->languages[0]);
	struct alerts_letter l = {
		.kind = row->kind, .to = row->email, .site_name = site->name, .from = c->mail_from,
		.host = host_of(r->arena, base), .outbox_id = row->id,
		.manage_url = arena_printf(r->arena, "%s/subscription?token=%s", base, row->manage_token),
		.unsubscribe_url = arena_printf(r->arena, "%s/unsubscribe?token=%s", base, row->manage_token),
	};
	struct req view = *r;
	view.site = site;
	if (strpbrk(row->email, "\r\n<>") != NULL) {
		snprintf(answer, sizeof answer, "not an address that can be sent to");
		goto record;
	}
	if (strcmp(row->kind, "confirm") == 0) {
		if (row->confirmed || row->confirm_token[0] == '\0' || row->confirm_expires <= (long long)r->now) {
			snprintf(answer, sizeof answer, "no confirmation pending (confirmed, used or expired)");
			goto record;
		}
		l.confirm_url = arena_printf(r->arena, "%s/subscribe/confirm?token=%s", base, row->confirm_token);
		l.manage_url = l.unsubscribe_url = NULL;
	} else {
		int found = item_get_public(db, r->arena, r->now, row->item_id, &it);
		if (found != 1) {
			snprintf(answer, sizeof answer, found < 0 ? "the item could not be read" : "the item is no longer public");
			result = found < 0 ? OUTBOX_RETRY : OUTBOX_REJECTED;
			goto record;
		}
		l.item = &it;
		l.item_url = arena_printf(r->arena, "%s%s", base, item_path(r, &it));
		if (c->signing_key)
			l.minisig_url = arena_printf(r->arena, "%s.txt.minisig", l.item_url);
	}
	const char *message = alerts_message(&view, &l);
	if (message == NULL) {
		snprintf(answer, sizeof answer, "the message could not be made");
		result = OUTBOX_RETRY;
		goto record;
	}
	result = alerts_relay_send(relay, c->mail_from, row->email, message, answer, sizeof answer);
record:
	if (result != OUTBOX_SENT)
		log_warn("sender: message %lld (%s) to subscriber's address: %s%s", row->id, row->kind, answer,
		         result == OUTBOX_RETRY ? "; will retry" : "; not retried");
	if (outbox_record(db, 0, row->id, result, r->now, row->queued_at, row->attempts, answer) != 0)
		log_error("sender: message %lld: could not record the attempt: %s", row->id, db_error(db));
}

static void ping(struct db *db, struct alerts_relay *relay, const struct outbox_ping *p, time_t now)
{
	char answer[512] = "";
	enum outbox_result result = alerts_relay_ping(relay, p->hub, p->topic, answer, sizeof answer);
	if (result != OUTBOX_SENT)
		log_warn("sender: WebSub ping of %s for %s: %s", p->hub, p->topic, answer);
	if (outbox_record(db, 1, p->id, result, now, p->queued_at, p->attempts, answer) != 0)
		log_error("sender: ping %lld: could not record the attempt: %s", p->id, db_error(db));
}

static void sender_main(const struct config *c, const char *db_path, const struct sandbox *sb)
{
	char err[512];
	struct arena keep = {0}, arena = {0};
	signal(SIGINT, SIG_DFL);
	signal(SIGHUP, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	struct sigaction sa = {.sa_handler = on_term};   /* no SA_RESTART: a nap ends at once */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	/* Nothing of the supervisor's: not the FastCGI socket, nor the signer's channel. */
	for (int fd = 3; fd < 1024; fd++)
		close(fd);
	const char *password = c->smtp_user && c->smtp_password_file ? read_password(&keep, c->smtp_password_file) : NULL;
	if (c->smtp_user && c->smtp_password_file && password == NULL)
		_exit(1);
	struct db *db = db_open(db_path, 0, err, sizeof err);
	if (db == NULL || db_check_statements(db, err, sizeof err) != 0) {
		log_error("sender: %s", err);
		_exit(1);
	}
	/* A sandbox of its own: unlike a worker it connects out (the relay, the hubs, DNS), to those ports
	 * alone. */
	unsigned ports[2 + CONFIG_MAX_HUBS];
	int nports = 0;
	ports[nports++] = 53;   /* DNS over TCP, when an answer does not fit in UDP */
	if (c->smtp_url)
		ports[nports++] = alerts_relay_port(c->smtp_url);
	for (int i = 0; i < c->nwebsub_hubs; i++)
		ports[nports++] = alerts_relay_port(c->websub_hubs[i]);
	if (sandbox_enter_sender(sb, ports, nports, err, sizeof err) != 0) {
		log_error("sender: %s", err);
		_exit(1);
	}
	alerts_message_init();
	struct alerts_relay *relay = alerts_relay_open(c->smtp_url, c->smtp_user, password);
	if (relay == NULL || alerts_queue_start(db, time(NULL)) != 0)
		_exit(1);
	const int mail = c->smtp_url != NULL;
	const double interval = 60.0 / (c->mail_rate > 0 ? c->mail_rate : 60);
	double next_send = 0;
	int warned = 0;
	log_info("sender %d: started (%s%s)", (int)getpid(), mail ? "email alerts" : "no email",
	         c->nwebsub_hubs ? ", WebSub pings" : "");

	while (!stopping) {
		time_t now = time(NULL);
		arena_reset(&arena);
		const struct site *site = site_get(db);
		if (site == NULL) {
			nap(1);
			continue;
		}
		const char *base = site->url[0] ? site->url : alerts_known_base_url(db, &arena);
		if (base == NULL) {
			if (!warned)
				log_warn("sender: no site_url, and nothing published yet to learn the site's address from: "
				         "links in mail would be wrong, so nothing is sent until one is known");
			warned = 1;
			nap(1);
			continue;
		}
		struct alerts_setup setup = {
			.mail = mail, .hubs = c->websub_hubs, .nhubs = c->nwebsub_hubs, .base_url = base,
			.primary_lang = site->languages[0],
		};
		struct req r = {.arena = &arena, .db = db, .site = site, .now = now};
		alerts_queue_tick(db, &arena, now, &setup);
		int busy = 0;
		double t = monotonic();
		if (mail && t >= next_send) {
			struct outbox_row row;
			if (outbox_take_due(db, &arena, now, &row) == 1) {
				deliver(db, &r, relay, c, base, &row);
				next_send = (next_send + interval > t ? next_send : t) + interval;
				busy = 1;
			}
		}
		struct outbox_ping p;
		if (!stopping && c->nwebsub_hubs && outbox_ping_due(db, &arena, now, &p) == 1) {
			ping(db, relay, &p, now);
			busy = 1;
		}
		if (busy)
			continue;
		/* Nothing due: look again in a second (a publication is announced within it), or sooner when the
		 * rate is all that holds a due message back. */
		double wait = 1.0;
		if (mail && next_send - t < wait && next_send > t && outbox_next_at(db) <= (long long)now)
			wait = next_send - t;
		nap(wait);
	}
	log_info("sender: stopping");
	alerts_relay_close(relay);
	arena_free(&arena);
	arena_free(&keep);
	site_forget();
	db_close(db);
	if (__lsan_do_leak_check)   /* the sanitizer build: a message that leaks fails the tests, as in a worker */
		__lsan_do_leak_check();
	_exit(0);
}

pid_t sender_start(const struct config *c, const char *db_path, const struct sandbox *sb, char *err, size_t errlen)
{
	if (c == NULL || (c->smtp_url == NULL && c->nwebsub_hubs == 0))
		return 0;
	if (c->smtp_url && c->mail_from == NULL) {
		snprintf(err, errlen, "sender: smtp_url is set but mail_from is not");
		return -1;
	}
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(err, errlen, "sender: fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0)
		sender_main(c, db_path, sb);
	return pid;
}
