/* fuzz_input.c: the gate's validators (input_check) for every key of input.c. The first byte picks a key
 * and the rest is its raw value; or, for the byte after the last key, the rest is a form body that goes the
 * way route_dispatch sends one: req_parse_pairs without strict UTF-8, then each known field checked.
 *
 * Properties: no memory error; a query key is accepted only with a value in its range, and ?q= always,
 * cleaned to at most 256 bytes of UTF-8 without control characters; a form field is always kept (but for the
 * hidden fields the form sets itself: CSRF token, action, version, when, confirm, return_to) as valid UTF-8, and when it has no error it is text of its kind: no control
 * characters but line breaks and tabs in multi-line fields, no Unicode noncharacter, a real date, a real
 * time, a listed word; /verify's pasted text without a CR and within its bound. */
#include "fuzz.h"

#include "input.h"
#include "req.h"
#include "valid.h"

static int no_controls(const char *s, int multiline)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == 0x7F || (*p < 0x20 && !(multiline && (*p == '\n' || *p == '\t'))))
			return 0;
		if (*p == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0)
			return 0;
	}
	return 1;
}

static int count_words(const char *const *words)
{
	int n = 0;
	while (words[n])
		n++;
	return n;
}

static void check_key(struct arena *a, enum key k, const char *raw)
{
	struct input in = {0};
	int ok = input_check(a, k, raw, &in);
	if (!ok) {
		/* only a query key, or a field whose value the form itself fixes (a 400, not a message for the
		 * officer): hidden fields, the correction's notify checkbox, RFC 8058's one-click body */
		CHECK(!input_is_field(k) || k == KEY_CSRF || k == KEY_ACTION || k == KEY_VERSION || k == KEY_WHEN ||
		      k == KEY_CONFIRM || k == KEY_RETURN || k == KEY_NOTIFY || k == KEY_ONE_CLICK);
		CHECK(!in.set);
		return;
	}
	CHECK(in.set && in.s != NULL);
	switch (k) {
	case KEY_PAGE:
		CHECK(in.i >= 1 && in.i <= 100000);
		break;
	case KEY_TYPE:
		CHECK(in.i >= 0 && in.i < LIST__MAX);
		break;
	case KEY_YEAR:
		CHECK(in.i >= 1900 && in.i <= 2200);
		break;
	case KEY_DONE:
		CHECK(in.i >= 0 && in.i < DONE__MAX);
		break;
	case KEY_MONTH:
		CHECK(in.i >= 1 && in.i <= 12);
		break;
	case KEY_Q:
		CHECK(strlen(in.s) <= 256 && valid_utf8(in.s, strlen(in.s)));
		for (const unsigned char *p = (const unsigned char *)in.s; *p; p++)
			CHECK(*p >= 0x20 && *p != 0x7F);
		/* Trimmed, one space between words, nothing XML cannot carry. */
		CHECK(valid_text_span(in.s) == strlen(in.s) && strstr(in.s, "  ") == NULL);
		CHECK(in.s[0] != ' ' && (in.s[0] == '\0' || in.s[strlen(in.s) - 1] != ' '));
		break;
	case KEY_CSRF:
		CHECK(strlen(raw) == 64);
		break;
	case KEY_ACTION:
		CHECK(in.i >= 0 && in.i < ACTION__MAX);
		break;
	default:
		break;
	}
	if (!input_is_field(k) || k == KEY_CSRF || k == KEY_ACTION)
		return;
	/* A form field: kept as UTF-8 whatever came, with a message when it is not acceptable. */
	CHECK(valid_utf8(in.s, strlen(in.s)));
	CHECK(strlen(in.s) <= strlen(raw));
	if (in.error != NULL)
		return;
	if (k == KEY_TEXT) {
		/* /verify's pasted text: compared, never shown or stored; line ends made LF, bounded. */
		CHECK(strchr(in.s, '\r') == NULL && strlen(in.s) <= INPUT_TEXT_MAX);
		return;
	}
	int multiline = k == KEY_TEASER || k == KEY_BODY || k == KEY_SIGNATURE || k == KEY_COMMENT;
	CHECK(no_controls(in.s, multiline));
	CHECK(valid_text_span(in.s) == strlen(in.s)); /* no noncharacter: a feed can carry it */
	int y, m, d, h, min;
	if (k == KEY_DATE)
		CHECK(valid_date(in.s, &y, &m, &d));
	if (k == KEY_TIME)
		CHECK(valid_time(in.s, &h, &min));
	if (k == KEY_KIND)
		CHECK(in.i >= 0 && in.i < count_words(input_kind_words));
	if (k == KEY_ITEM_TYPE)
		CHECK(in.i >= 0 && in.i < count_words(input_item_type_words));
}

static void form_body(struct arena *a, const char *body)
{
	struct kv *kv = NULL;
	size_t n = 0;
	const char *why = NULL;
	if (req_parse_pairs(a, body, &kv, &n, 0, &why) != 0)
		return;
	for (size_t i = 0; i < n; i++) {
		enum key k = input_key(kv[i].key);
		if (k != KEY__MAX)
			check_key(a, k, kv[i].value);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned mode = data[0] % (KEY__MAX + 1);
	struct arena a = {0};
	char *s = fuzz_string(data + 1, size - 1);
	if (mode == KEY__MAX)
		form_body(&a, s);
	else
		check_key(&a, (enum key)mode, s);
	free(s);
	arena_free(&a);
	return 0;
}
