/* log.c: stderr logging, with sd-daemon priority prefixes under systemd. Each line is written with one write() so lines from several workers do not interleave. */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Under systemd (it sets JOURNAL_STREAM when stderr goes to the journal, INVOCATION_ID for every service),
 * journald records the time and the pid itself and reads the priority from an sd-daemon prefix ("<4>"), so
 * `journalctl -p warning` can select lines; elsewhere, a line says all of that itself. Decided once: the
 * environment does not change, and the workers' sandbox needs no call for it. */
static int under_systemd(void)
{
	static int known = -1;
	if (known < 0) {
		const char *stream = getenv("JOURNAL_STREAM"), *invocation = getenv("INVOCATION_ID");
		known = (stream && *stream) || (invocation && *invocation);
	}
	return known;
}

static void log_line(int priority, const char *level, const char *fmt, va_list ap)
{
	char line[2048];
	struct timespec ts;
	struct tm tm;
	int n;
	if (under_systemd()) {
		n = snprintf(line, sizeof line, "<%d>", priority);
	} else {
		clock_gettime(CLOCK_REALTIME, &ts);
		gmtime_r(&ts.tv_sec, &tm);
		n = snprintf(line, sizeof line, "%04d-%02d-%02dT%02d:%02d:%02dZ pressroom[%d] %s: ", tm.tm_year + 1900,
		             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (int)getpid(), level);
	}
	if (n < 0)
		return;
	int m = vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
	size_t len = (size_t)n + (m < 0 ? 0 : (size_t)m);
	if (len > sizeof line - 2)
		len = sizeof line - 2;
	/* Request data may be quoted in a message: keep one event on one line. */
	for (size_t i = (size_t)n; i < len; i++)
		if (line[i] == '\n' || line[i] == '\r')
			line[i] = ' ';
	line[len++] = '\n';
	ssize_t w = write(STDERR_FILENO, line, len);
	(void)w;
}

#define LOG_FN(name, priority, level)                \
	void name(const char *fmt, ...)              \
	{                                            \
		va_list ap;                          \
		va_start(ap, fmt);                   \
		log_line(priority, level, fmt, ap);  \
		va_end(ap);                          \
	}

/* syslog's LOG_INFO, LOG_WARNING, LOG_ERR */
LOG_FN(log_info, 6, "info")
LOG_FN(log_warn, 4, "warn")
LOG_FN(log_error, 3, "error")
