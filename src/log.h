/* log.h: one line per event on stderr, with time, pid and level, which nginx-style log collectors can read;
 * under systemd (JOURNAL_STREAM or INVOCATION_ID set), "<3>", "<4>" or "<6>" and the message only, since
 * journald adds the time and pid and takes the priority from the prefix. */
#ifndef PRESSROOM_LOG_H
#define PRESSROOM_LOG_H

void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
