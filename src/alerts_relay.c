/* alerts_relay.c: SMTP and WebSub over libcurl (alerts_relay.h). */
#include "alerts_relay.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

enum { CONNECT_SECONDS = 15, TRANSFER_SECONDS = 120 };

struct alerts_relay {
	CURL *smtp, *http;              /* kept, so the relay's connection is reused between messages */
	const char *url, *user, *password;
	int loopback;
};

struct upload {
	const char *data;
	size_t left;
};

static size_t read_message(char *buf, size_t size, size_t n, void *arg)
{
	struct upload *u = arg;
	size_t take = size * n < u->left ? size * n : u->left;
	memcpy(buf, u->data, take);
	u->data += take;
	u->left -= take;
	return take;
}

static size_t ignore_body(char *buf, size_t size, size_t n, void *arg)
{
	(void)buf, (void)arg;
	return size * n;
}

unsigned alerts_relay_port(const char *url)
{
	CURLU *u = curl_url();
	char *port = NULL;
	unsigned n = 0;
	if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK)
		n = (unsigned)strtoul(port, NULL, 10);
	curl_free(port);
	curl_url_cleanup(u);
	return n;
}

int alerts_relay_is_loopback(const char *url)
{
	CURLU *u = curl_url();
	char *host = NULL;
	int loop = 0;
	if (u && curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
		/* An address, not a name that starts like one (127.0.0.1.example.org is anywhere). */
		struct in_addr v4;
		loop = strcmp(host, "localhost") == 0 || strcmp(host, "[::1]") == 0 ||
		       (inet_pton(AF_INET, host, &v4) == 1 && (ntohl(v4.s_addr) >> 24) == 127);
	}
	curl_free(host);
	curl_url_cleanup(u);
	return loop;
}

struct alerts_relay *alerts_relay_open(const char *smtp_url, const char *user, const char *password)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0) {
		log_error("sender: libcurl did not initialise");
		return NULL;
	}
	struct alerts_relay *r = calloc(1, sizeof *r);
	if (r == NULL)
		return NULL;
	r->url = smtp_url;
	r->user = user;
	r->password = password;
	r->loopback = smtp_url && alerts_relay_is_loopback(smtp_url);
	r->smtp = curl_easy_init();
	r->http = curl_easy_init();
	if (r->smtp == NULL || r->http == NULL) {
		log_error("sender: libcurl: no handle");
		alerts_relay_close(r);
		return NULL;
	}
	return r;
}

void alerts_relay_close(struct alerts_relay *r)
{
	if (r == NULL)
		return;
	if (r->smtp)
		curl_easy_cleanup(r->smtp);
	if (r->http)
		curl_easy_cleanup(r->http);
	free(r);
}

/* Options every transfer shares: no signals (the sender's SIGTERM must not abort a transfer: the row in
 * flight is finished), bounded waits. */
static void common_options(CURL *c, char *errbuf)
{
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, (long)CONNECT_SECONDS);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)TRANSFER_SECONDS);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	errbuf[0] = '\0';
}

enum outbox_result alerts_relay_send(struct alerts_relay *r, const char *from, const char *to, const char *message,
                                     char *answer, size_t answerlen)
{
	char errbuf[CURL_ERROR_SIZE], envelope_from[512], rcpt[512];
	CURL *c = r->smtp;
	struct upload u = {message, strlen(message)};
	snprintf(envelope_from, sizeof envelope_from, "<%s>", from);
	snprintf(rcpt, sizeof rcpt, "<%s>", to);
	struct curl_slist *rcpts = curl_slist_append(NULL, rcpt);
	curl_easy_reset(c);   /* the options go; the connection stays in the handle's cache */
	common_options(c, errbuf);
	curl_easy_setopt(c, CURLOPT_URL, r->url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	/* STARTTLS or nothing, except to a relay on this machine, where no one is between us. */
	curl_easy_setopt(c, CURLOPT_USE_SSL, r->loopback ? (long)CURLUSESSL_TRY : (long)CURLUSESSL_ALL);
	if (r->user) {
		curl_easy_setopt(c, CURLOPT_USERNAME, r->user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, r->password ? r->password : "");
	}
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, envelope_from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpts);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_message);
	curl_easy_setopt(c, CURLOPT_READDATA, &u);
	curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)u.left);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	CURLcode rc = curl_easy_perform(c);
	long code = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	curl_slist_free_all(rcpts);
	if (rc == CURLE_OK) {
		snprintf(answer, answerlen, "%ld", code);
		return OUTBOX_SENT;
	}
	snprintf(answer, answerlen, "%ld %s", code, errbuf[0] ? errbuf : curl_easy_strerror(rc));
	/* A refused login (535) is our configuration, not the recipient: fixed, the message still goes. */
	if (rc == CURLE_LOGIN_DENIED)
		return OUTBOX_RETRY;
	return code >= 500 && code < 600 ? OUTBOX_REJECTED : OUTBOX_RETRY;
}

enum outbox_result alerts_relay_ping(struct alerts_relay *r, const char *hub, const char *topic, char *answer,
                                     size_t answerlen)
{
	char errbuf[CURL_ERROR_SIZE];
	CURL *c = r->http;
	curl_easy_reset(c);
	common_options(c, errbuf);
	char *escaped = curl_easy_escape(c, topic, 0);
	if (escaped == NULL) {
		snprintf(answer, answerlen, "cannot encode the topic");
		return OUTBOX_REJECTED;
	}
	char *form = malloc(strlen(escaped) + 40);
	if (form == NULL) {
		curl_free(escaped);
		snprintf(answer, answerlen, "out of memory");
		return OUTBOX_RETRY;
	}
	sprintf(form, "hub.mode=publish&hub.url=%s", escaped);
	curl_free(escaped);
	curl_easy_setopt(c, CURLOPT_URL, hub);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, form);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, ignore_body);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "Pressroom WebSub publisher");
	CURLcode rc = curl_easy_perform(c);
	long code = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	free(form);
	if (rc != CURLE_OK) {
		snprintf(answer, answerlen, "%s", errbuf[0] ? errbuf : curl_easy_strerror(rc));
		return OUTBOX_RETRY;
	}
	snprintf(answer, answerlen, "HTTP %ld", code);
	if (code >= 200 && code < 300)
		return OUTBOX_SENT;
	return code >= 400 && code < 500 && code != 408 && code != 429 ? OUTBOX_REJECTED : OUTBOX_RETRY;
}
