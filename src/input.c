/* input.c: the table of accepted keys and their validators. */
#include "input.h"

#include <string.h>

#include "alerts_address.h"
#include "arena.h"
#include "buf.h"
#include "valid.h"

/* A route's keys are the bits of an unsigned (KEYBIT): a 33rd key needs a wider type there first. */

const char *const input_type_words[] = {"releases", "events", NULL};
const char *const input_action_words[] = {"save", "submit", "publish", "preview", "edit",
                                          "withdraw", "sendback", "share", "revoke", "unschedule", NULL};
const char *const input_done_words[] = {"saved", "submitted", "published", "scheduled", "sentback",
                                        "withdrawn", "revoked", "unscheduled", "checked", NULL};
const char *const input_when_words[] = {"now", "set", NULL};
const char *const input_status_words[] = {"draft", "submitted", "scheduled", "published", "withdrawn", NULL};
const char *const input_kind_words[] = {"release", "event", NULL};
const char *const input_receive_words[] = {"releases", "events", "both", NULL};
const char *const input_item_type_words[] = {"statement", "press-release", "comment", "interview", "news",
                                             "speech", "briefing", "event", NULL};

/* ---- query keys: 0 means 400 ---- */

static int check_page(struct arena *a, const char *raw, struct input *out)
{
	(void)a;
	return valid_positive(raw, 100000, &out->i);
}

static int check_type(struct arena *a, const char *raw, struct input *out)
{
	int w;
	(void)a;
	if (!valid_word(raw, input_type_words, &w))
		return 0;
	out->i = w;
	return 1;
}

static int check_year(struct arena *a, const char *raw, struct input *out)
{
	int y;
	(void)a;
	if (!valid_year(raw, &y))
		return 0;
	out->i = y;
	return 1;
}

static int check_done(struct arena *a, const char *raw, struct input *out)
{
	int w;
	(void)a;
	if (!valid_word(raw, input_done_words, &w))
		return 0;
	out->i = w;
	return 1;
}

/* Anything typed into the search box is acceptable: it is cleaned, not refused. Controls and characters
 * text may not hold become spaces, and runs of spaces one, trimmed, so "a  b " and "a b" are one search. */
static int check_q(struct arena *a, const char *raw, struct input *out)
{
	size_t len = strlen(raw);
	if (len > 256) {
		len = 256;
		while (len > 0 && ((unsigned char)raw[len] & 0xC0) == 0x80)
			len--;
	}
	char *s = arena_strndup(a, raw, len);
	valid_clean_utf8(s);
	size_t o = 0, n;
	unsigned cp;
	for (size_t i = 0; i < len; i += n) {
		n = valid_utf8_char(s + i, len - i, &cp);
		if (cp < 0x20 || cp == ' ' || !valid_char(cp)) {
			if (o > 0 && s[o - 1] != ' ')
				s[o++] = ' ';
			continue;
		}
		memmove(s + o, s + i, n);
		o += n;
	}
	if (o > 0 && s[o - 1] == ' ')
		o--;
	s[o] = '\0';
	out->s = s;
	return 1;
}

static int check_month(struct arena *a, const char *raw, struct input *out)
{
	(void)a;
	return strlen(raw) <= 2 && valid_positive(raw, 12, &out->i);
}

static int check_lang(struct arena *a, const char *raw, struct input *out)
{
	(void)a;
	out->s = raw;
	return strcmp(raw, "all") == 0 || valid_lang_tag(raw);
}

static int check_status(struct arena *a, const char *raw, struct input *out)
{
	int w;
	(void)a;
	if (!valid_word(raw, input_status_words, &w))
		return 0;
	out->i = w;
	return 1;
}

static int check_revision(struct arena *a, const char *raw, struct input *out)
{
	(void)a;
	return valid_positive(raw, VALID_ID_MAX, &out->i);
}

static int check_csrf(struct arena *a, const char *raw, struct input *out)
{
	(void)a;
	(void)out;
	return strlen(raw) == 64 && strspn(raw, "0123456789abcdef") == 64;
}

static int check_action(struct arena *a, const char *raw, struct input *out)
{
	int w;
	(void)a;
	if (!valid_word(raw, input_action_words, &w))
		return 0;
	out->i = w;
	return 1;
}

/* 0 (an item without revisions yet) or a revision id; the text is kept for the form to carry again. */
static int check_version(struct arena *a, const char *raw, struct input *out)
{
	if (strcmp(raw, "0") == 0)
		out->i = 0;
	else if (!valid_positive(raw, VALID_ID_MAX, &out->i))
		return 0;
	out->s = arena_strdup(a, raw);
	return 1;
}

/* Radio buttons and hidden fields the form itself sets: anything else did not come from it (400). */
static int check_when(struct arena *a, const char *raw, struct input *out)
{
	int w;
	(void)a;
	if (!valid_word(raw, input_when_words, &w))
		return 0;
	out->i = w;
	out->s = input_when_words[w];
	return 1;
}

static int check_return(struct arena *a, const char *raw, struct input *out)
{
	static const char items[] = "/admin/items/";
	out->s = arena_strdup(a, raw);
	if (strcmp(raw, "/admin/new") == 0) {
		out->i = 0;
		return 1;
	}
	return strncmp(raw, items, sizeof items - 1) == 0 && valid_positive(raw + sizeof items - 1, VALID_ID_MAX, &out->i);
}

/* A checkbox: its one value, or it did not come from the form. */
static int check_notify(struct arena *a, const char *raw, struct input *out)
{
	(void)a;
	out->i = 1;
	return strcmp(raw, "1") == 0;
}

static int check_confirm(struct arena *a, const char *raw, struct input *out)
{
	(void)a;
	return valid_positive(raw, VALID_ID_MAX, &out->i);
}

static int check_token(struct arena *a, const char *raw, struct input *out)
{
	(void)a;
	out->s = raw;
	return strlen(raw) == 64 && strspn(raw, "0123456789abcdef") == 64;
}

/* RFC 8058's body says exactly this; a hidden field of the preferences page sends it too. */
static int check_one_click(struct arena *a, const char *raw, struct input *out)
{
	(void)a;
	out->s = raw;
	return strcmp(raw, "One-Click") == 0;
}

/* ---- form fields: always 1; out->error says what is wrong ---- */

/* Text as typed, checked: valid UTF-8 (else cleaned, so it can be shown again), no control characters but
 * line breaks and tabs where multiline, no noncharacter or other code point XML 1.0 cannot carry (a feed
 * holding one would not parse), at most max characters. CRLF becomes LF. */
static void check_text(struct arena *a, const char *raw, struct input *out, size_t max, int multiline)
{
	size_t len = strlen(raw);
	char *s = arena_strndup(a, raw, len);
	size_t o = 0;
	for (size_t i = 0; i < len; i++)
		if (!(s[i] == '\r' && s[i + 1] == '\n'))
			s[o++] = s[i];
	s[o] = '\0';
	out->s = s;
	if (!valid_utf8(s, o)) {
		valid_clean_utf8(s);
		out->error = "contains bytes that are not UTF-8 text";
		return;
	}
	size_t chars = 0, n;
	unsigned cp;
	for (size_t i = 0; i < o; i += n, chars++) {
		n = valid_utf8_char(s + i, o - i, &cp);
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
			if (multiline && (cp == '\n' || cp == '\t'))
				continue;
			out->error = multiline ? "contains control characters" : "must be one line without control characters";
			return;
		}
		if (!valid_char(cp)) {
			out->error = "contains a character that cannot be published (a Unicode noncharacter such as U+FFFF)";
			return;
		}
	}
	if (chars > max)
		out->error = "is too long";
}

#define TEXT_CHECK(name, max, multiline)                                            \
	static int name(struct arena *a, const char *raw, struct input *out)        \
	{                                                                             \
		check_text(a, raw, out, max, multiline);                              \
		return 1;                                                             \
	}

TEXT_CHECK(check_username, 64, 0)
TEXT_CHECK(check_password, 1024, 0)
TEXT_CHECK(check_title, 300, 0)
TEXT_CHECK(check_teaser, 1000, 1)
TEXT_CHECK(check_body, 100000, 1)
TEXT_CHECK(check_signature, 1000, 1)
TEXT_CHECK(check_zone, 64, 0)
TEXT_CHECK(check_note, 500, 0)
TEXT_CHECK(check_comment, 2000, 1)

/* A pasted text as the canonical text's rule 1 has it (docs/authenticity.md): CR LF and a lone CR become
 * LF (a browser sends a textarea's line ends as CR LF). It is compared, never shown or stored, so nothing
 * else is changed; bytes that are not UTF-8, or too many of them, are an error the page explains. */
static int check_pasted(struct arena *a, const char *raw, struct input *out)
{
	size_t len = strlen(raw), o = 0;
	char *s = arena_strndup(a, raw, len);
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\r' && s[i + 1] == '\n')
			continue;
		s[o++] = s[i] == '\r' ? '\n' : s[i];
	}
	s[o] = '\0';
	out->s = s;
	if (o > INPUT_TEXT_MAX)
		out->error = "is too long";
	else if (!valid_utf8(s, o)) {
		valid_clean_utf8(s);   /* kept as UTF-8 like every field, though only the error is used */
		out->error = "contains bytes that are not UTF-8 text";
	}
	return 1;
}

static int check_choice(struct arena *a, const char *raw, struct input *out, const char *const *words,
                        const char *error)
{
	int w;
	check_text(a, raw, out, 64, 0);
	if (out->error == NULL && !valid_word(out->s, words, &w))
		out->error = error;
	else
		out->i = out->error ? 0 : w;
	return 1;
}

static int check_kind(struct arena *a, const char *raw, struct input *out)
{
	return check_choice(a, raw, out, input_kind_words, "choose press release or event");
}

static int check_item_type(struct arena *a, const char *raw, struct input *out)
{
	return check_choice(a, raw, out, input_item_type_words, "choose one of the listed types");
}

static int check_receive(struct arena *a, const char *raw, struct input *out)
{
	return check_choice(a, raw, out, input_receive_words, "choose press releases, events or both");
}

/* The address as stored (alerts_address.h), or, with an error (an msgid the page translates), the typed
 * text cleaned for display: the form shows it again, escaped by its template. */
static int check_email(struct arena *a, const char *raw, struct input *out)
{
	char stored[ALERTS_ADDRESS_MAX + 1];
	out->error = alerts_address_check(raw, strlen(raw), stored);
	if (out->error == NULL) {
		out->s = arena_strdup(a, stored);
		return 1;
	}
	size_t len = strlen(raw) > 1024 ? 1024 : strlen(raw);
	char *shown = arena_strndup(a, raw, len);
	valid_clean_utf8(shown);
	for (char *p = shown; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F)
			*p = ' ';
	out->s = shown;
	return 1;
}

static int check_date(struct arena *a, const char *raw, struct input *out)
{
	check_text(a, raw, out, 10, 0);
	int y, m, d;
	if (out->error == NULL && !valid_date(out->s, &y, &m, &d))
		out->error = "must be a real date, as YYYY-MM-DD";
	return 1;
}

static int check_time(struct arena *a, const char *raw, struct input *out)
{
	check_text(a, raw, out, 5, 0);
	int h, m;
	if (out->error == NULL && !valid_time(out->s, &h, &m))
		out->error = "must be a time of day, as HH:MM";
	return 1;
}

static const struct {
	const char *name;
	int field;
	int (*check)(struct arena *a, const char *raw, struct input *out);
} keys[KEY__MAX] = {
	[KEY_PAGE] = {"page", 0, check_page},
	[KEY_TYPE] = {"type", 0, check_type},
	[KEY_YEAR] = {"year", 0, check_year},
	[KEY_DONE] = {"done", 0, check_done},
	[KEY_Q] = {"q", 0, check_q},
	[KEY_MONTH] = {"month", 0, check_month},
	[KEY_LANG] = {"lang", 0, check_lang},
	[KEY_CSRF] = {"csrf", 1, check_csrf},
	[KEY_ACTION] = {"action", 1, check_action},
	[KEY_USERNAME] = {"username", 1, check_username},
	[KEY_PASSWORD] = {"password", 1, check_password},
	[KEY_KIND] = {"kind", 1, check_kind},
	[KEY_ITEM_TYPE] = {"item_type", 1, check_item_type},
	[KEY_TITLE] = {"title", 1, check_title},
	[KEY_TEASER] = {"teaser", 1, check_teaser},
	[KEY_BODY] = {"body", 1, check_body},
	[KEY_SIGNATURE] = {"signature", 1, check_signature},
	[KEY_DATE] = {"date", 1, check_date},
	[KEY_TIME] = {"time", 1, check_time},
	[KEY_ZONE] = {"zone", 1, check_zone},
	[KEY_NOTE] = {"note", 1, check_note},
	[KEY_COMMENT] = {"comment", 1, check_comment},
	[KEY_VERSION] = {"version", 1, check_version},
	[KEY_WHEN] = {"when", 1, check_when},
	[KEY_CONFIRM] = {"confirm", 1, check_confirm},
	[KEY_RETURN] = {"return_to", 1, check_return},
	[KEY_REV] = {"rev", 0, check_revision},
	[KEY_TO] = {"to", 0, check_revision},
	[KEY_NEW_PASSWORD] = {"new_password", 1, check_password},
	[KEY_STATUS] = {"status", 0, check_status},
	[KEY_EMAIL] = {"email", 1, check_email},
	[KEY_RECEIVE] = {"receive", 1, check_receive},
	[KEY_TOKEN] = {"token", 0, check_token},
	[KEY_ONE_CLICK] = {"List-Unsubscribe", 1, check_one_click},
	[KEY_TEXT] = {"text", 1, check_pasted},
	[KEY_NOTIFY] = {"notify", 1, check_notify},
};

const char *input_name(enum key k)
{
	return keys[k].name;
}

enum key input_key(const char *name)
{
	for (int k = 0; k < KEY__MAX; k++)
		if (strcmp(keys[k].name, name) == 0)
			return (enum key)k;
	return KEY__MAX;
}

int input_is_field(enum key k)
{
	return keys[k].field;
}

int input_check(struct arena *a, enum key k, const char *raw, struct input *out)
{
	struct input v = {0};
	v.s = raw;
	/* A query key's raw value may be any bytes (see req_parse); only the validator decides. */
	if (!keys[k].check(a, raw, &v))
		return 0;
	v.set = 1;
	*out = v;
	return 1;
}

/* Append v as a browser encodes a form value. */
static void put_form_value(struct buf *b, const char *v)
{
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("*-._", *p))
			buf_putc(b, (char)*p);
		else if (*p == ' ')
			buf_putc(b, '+');
		else
			buf_printf(b, "%%%02X", *p);
	}
}

const char *input_query_string(struct arena *a, const struct input in[KEY__MAX])
{
	static const enum key order[] = {KEY_TYPE, KEY_STATUS, KEY_YEAR, KEY_MONTH, KEY_Q, KEY_PAGE, KEY_DONE, KEY_LANG};
	struct buf b = {0};
	for (size_t j = 0; j < sizeof order / sizeof order[0]; j++) {
		enum key k = order[j];
		const struct input *v = &in[k];
		if (!v->set || (k == KEY_PAGE && v->i == 1) || (k == KEY_Q && v->s[0] == '\0'))
			continue;
		buf_putc(&b, b.len ? '&' : '?'); /* not buf_printf: a list page builds some thirty links */
		buf_puts(&b, keys[k].name);
		buf_putc(&b, '=');
		if (k == KEY_TYPE)
			buf_puts(&b, input_type_words[v->i]);
		else if (k == KEY_DONE)
			buf_puts(&b, input_done_words[v->i]);
		else if (k == KEY_STATUS)
			buf_puts(&b, input_status_words[v->i]);
		else if (k == KEY_Q || k == KEY_LANG)
			put_form_value(&b, v->s);
		else
			buf_put_int(&b, v->i);
	}
	const char *s = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* ---- the statement form's file rows ---- */

static const char *const media_field_names[MF__MAX] = {
	[MF_ID] = "id", [MF_POSITION] = "position", [MF_ALT] = "alt", [MF_CAPTION] = "caption",
	[MF_CREDIT] = "credit", [MF_TITLE] = "title", [MF_DECORATIVE] = "decorative", [MF_REMOVE] = "remove",
};

int input_media_name(const char *name, int *row, enum media_field *field)
{
	if (strncmp(name, "media_", 6) != 0)
		return 0;
	const char *p = name + 6;
	int n = 0, digits = 0;
	while (*p >= '0' && *p <= '9' && digits < 3)
		n = n * 10 + (*p++ - '0'), digits++;
	if (digits == 0 || *p != '_' || n < 1 || n > INPUT_MEDIA_ROWS)
		return 0;
	for (int f = 0; f < MF__MAX; f++)
		if (strcmp(p + 1, media_field_names[f]) == 0) {
			*row = n;
			*field = (enum media_field)f;
			return 1;
		}
	return 0;
}

void input_media_check(struct arena *a, enum media_field f, const char *raw, struct input *out)
{
	*out = (struct input){.set = 1, .s = raw};
	switch (f) {
	case MF_ID:
	case MF_POSITION:
		check_text(a, raw, out, 20, 0);
		if (out->error == NULL && out->s[0] && !valid_positive(out->s, f == MF_ID ? VALID_ID_MAX : 999, &out->i))
			out->error = f == MF_ID ? "does not name an upload" : "must be a number from 1 to 999";
		break;
	case MF_ALT:
		check_text(a, raw, out, 500, 0);
		break;
	case MF_CAPTION:
		check_text(a, raw, out, 1000, 0);
		break;
	case MF_CREDIT:
	case MF_TITLE:
		check_text(a, raw, out, 300, 0);
		break;
	case MF_DECORATIVE:
	case MF_REMOVE:
		out->i = strcmp(raw, "1") == 0;
		break;
	case MF__MAX:
		break;
	}
}

int input_language_field(const char *name, const char *value)
{
	if (strcmp(name, "language") != 0)
		return -1;
	return valid_lang_tag(value);
}
