/* buf.h: the one growable byte buffer, for response bodies and strings built at run time. */
#ifndef PRESSROOM_BUF_H
#define PRESSROOM_BUF_H

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A NUL-terminated, growable string. A zeroed struct is an empty buffer. The owner frees it with buf_free. */
struct buf {
	char   *data;
	size_t  len;
	size_t  cap;
};

void buf_append(struct buf *b, const char *data, size_t len);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
/* v in decimal, as "%lld" prints it. */
void buf_put_int(struct buf *b, long long v);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Empty the buffer but keep its memory, so a worker reuses one allocation across requests. */
void buf_reset(struct buf *b);
void buf_free(struct buf *b);
/* The contents as a C string; "" for an empty buffer, never NULL. Valid until the next change. */
const char *buf_str(const struct buf *b);

#ifdef __cplusplus
}
#endif

#endif
