/* input.h: every query or form key Pressroom accepts, with its validator. A route lists the keys it takes;
 * the gate (route.c) validates them before the handler runs, so handlers read typed values only. */
#ifndef PRESSROOM_INPUT_H
#define PRESSROOM_INPUT_H

enum key {
	KEY_PAGE,  /* ?page=N, 1..100000 */
	KEY_TYPE,  /* ?type=releases|events, as an index into input_type_words */
	KEY_YEAR,  /* ?year=YYYY */
	KEY__MAX
};

#define KEYBIT(k) (1u << (k))

/* A checked value: set is 1 when the key was present and valid; then i (numbers and word indexes) or s. */
struct input {
	int set;
	long long i;
	const char *s;
};

/* The ?type= words, in the order of enum list_type. */
enum list_type { LIST_RELEASES, LIST_EVENTS, LIST__MAX };
extern const char *const input_type_words[];

/* The name of key k as it appears in a URL. */
const char *input_name(enum key k);
/* The key called name, or KEY__MAX if there is none. */
enum key input_key(const char *name);
/* Check raw against key k's validator; fills *out and returns 1, or returns 0. */
int input_check(enum key k, const char *raw, struct input *out);

#endif
