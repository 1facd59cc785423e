/* log.h: one line per event on stderr, with time, pid and level, which nginx-style log collectors can read. */
#ifndef PRESSROOM_LOG_H
#define PRESSROOM_LOG_H

void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
