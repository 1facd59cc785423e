/* test_req.c: unit tests for request parsing in req.c (percent-decoding, query and form pairs, method and URI,
 * cookies). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "req.h"

/* Each test gets a fresh arena in *state, freed after it. */
static int arena_setup(void **state)
{
	struct arena *a = calloc(1, sizeof *a);
	if (a == NULL)
		return -1;
	*state = a;
	return 0;
}

static int arena_teardown(void **state)
{
	arena_free(*state);
	free(*state);
	return 0;
}

/* ---- req_decode ---- */

static void decode_passes_plain_text(void **state)
{
	char *s = req_decode(*state, "abc", 3, 0, 1);
	assert_non_null(s);
	assert_string_equal(s, "abc");
}

static void decode_reads_only_len_bytes(void **state)
{
	char *s = req_decode(*state, "abcdef", 3, 0, 1);
	assert_non_null(s);
	assert_string_equal(s, "abc");
}

static void decode_empty_is_empty_string(void **state)
{
	char *s = req_decode(*state, "", 0, 1, 1);
	assert_non_null(s);
	assert_string_equal(s, "");
}

static void decode_escape_uppercase_hex(void **state)
{
	char *s = req_decode(*state, "%41", 3, 0, 1);
	assert_non_null(s);
	assert_string_equal(s, "A");
}

static void decode_escape_lowercase_hex(void **state)
{
	char *s = req_decode(*state, "x%4ay%2f", 8, 0, 1);
	assert_non_null(s);
	assert_string_equal(s, "xJy/");
}

static void decode_refuses_escape_cut_short(void **state)
{
	assert_null(req_decode(*state, "%4", 2, 0, 1));
	assert_null(req_decode(*state, "ab%4", 4, 0, 1));
	assert_null(req_decode(*state, "ab%", 3, 0, 1));
}

static void decode_refuses_escape_cut_by_len(void **state)
{
	/* "%41" with len 2 is "%4": the byte past len must not complete the escape. */
	assert_null(req_decode(*state, "%41", 2, 0, 1));
}

static void decode_refuses_non_hex_escape(void **state)
{
	assert_null(req_decode(*state, "%zz", 3, 0, 1));
	assert_null(req_decode(*state, "%4g", 3, 0, 1));
	assert_null(req_decode(*state, "%g4", 3, 0, 1));
}

static void decode_plus_is_space_when_asked(void **state)
{
	char *s = req_decode(*state, "a+b", 3, 1, 1);
	assert_non_null(s);
	assert_string_equal(s, "a b");
}

static void decode_plus_stays_plus_otherwise(void **state)
{
	char *s = req_decode(*state, "a+b", 3, 0, 1);
	assert_non_null(s);
	assert_string_equal(s, "a+b");
}

static void decode_escaped_plus_is_plus(void **state)
{
	char *s = req_decode(*state, "%2B", 3, 1, 1);
	assert_non_null(s);
	assert_string_equal(s, "+");
}

static void decode_refuses_nul(void **state)
{
	assert_null(req_decode(*state, "%00", 3, 0, 1));
	assert_null(req_decode(*state, "ab%00cd", 7, 1, 1));
}

static void decode_refuses_invalid_utf8(void **state)
{
	assert_null(req_decode(*state, "%C0%80", 6, 0, 1));
	assert_null(req_decode(*state, "%FF", 3, 0, 1));
	assert_null(req_decode(*state, "%ED%A0%80", 9, 0, 1));
}

static void decode_accepts_escaped_utf8(void **state)
{
	char *s = req_decode(*state, "%D0%B7%E2%80%99", 15, 0, 1);
	assert_non_null(s);
	assert_string_equal(s, "\xd0\xb7\xe2\x80\x99");
}

static void decode_lenient_keeps_invalid_utf8(void **state)
{
	/* Without strict, a form field's bad bytes are kept for its own check to report. */
	char *s = req_decode(*state, "%C0%80%FF", 9, 1, 0);
	assert_non_null(s);
	assert_string_equal(s, "\xc0\x80\xff");
}

static void decode_lenient_still_refuses_nul(void **state)
{
	assert_null(req_decode(*state, "a%00", 4, 1, 0));
}

static void decode_lenient_still_refuses_bad_escape(void **state)
{
	assert_null(req_decode(*state, "a%4", 3, 1, 0));
}

/* ---- req_parse_pairs ---- */

static void pairs_empty_string_gives_none(void **state)
{
	struct kv *kv = (struct kv *)1;
	size_t n = 99;
	const char *why = NULL;
	assert_int_equal(req_parse_pairs(*state, "", &kv, &n, 1, &why), 0);
	assert_int_equal(n, 0);
	assert_null(kv);
}

static void pairs_null_gives_none(void **state)
{
	struct kv *kv = (struct kv *)1;
	size_t n = 99;
	const char *why = NULL;
	assert_int_equal(req_parse_pairs(*state, NULL, &kv, &n, 1, &why), 0);
	assert_int_equal(n, 0);
	assert_null(kv);
}

static void pairs_two_in_order(void **state)
{
	struct kv *kv;
	size_t n;
	const char *why = NULL;
	assert_int_equal(req_parse_pairs(*state, "a=1&b=2", &kv, &n, 1, &why), 0);
	assert_int_equal(n, 2);
	assert_string_equal(kv[0].key, "a");
	assert_string_equal(kv[0].value, "1");
	assert_string_equal(kv[1].key, "b");
	assert_string_equal(kv[1].value, "2");
}

static void pairs_key_without_equals_has_empty_value(void **state)
{
	struct kv *kv;
	size_t n;
	const char *why = NULL;
	assert_int_equal(req_parse_pairs(*state, "a", &kv, &n, 1, &why), 0);
	assert_int_equal(n, 1);
	assert_string_equal(kv[0].key, "a");
	assert_string_equal(kv[0].value, "");
}

static void pairs_key_with_equals_has_empty_value(void **state)
{
	struct kv *kv;
	size_t n;
	const char *why = NULL;
	assert_int_equal(req_parse_pairs(*state, "a=", &kv, &n, 1, &why), 0);
	assert_int_equal(n, 1);
	assert_string_equal(kv[0].key, "a");
	assert_string_equal(kv[0].value, "");
}

static void pairs_only_ampersands_gives_none(void **state)
{
	struct kv *kv;
	size_t n = 99;
	const char *why = NULL;
	assert_int_equal(req_parse_pairs(*state, "&&", &kv, &n, 1, &why), 0);
	assert_int_equal(n, 0);
}

static void pairs_skips_empty_segment(void **state)
{
	struct kv *kv;
	size_t n;
	const char *why = NULL;
	assert_int_equal(req_parse_pairs(*state, "a=1&&b=2&", &kv, &n, 1, &why), 0);
	assert_int_equal(n, 2);
	assert_string_equal(kv[0].key, "a");
	assert_string_equal(kv[0].value, "1");
	assert_string_equal(kv[1].key, "b");
	assert_string_equal(kv[1].value, "2");
}

static void pairs_split_on_first_equals_only(void **state)
{
	struct kv *kv;
	size_t n;
	const char *why = NULL;
	assert_int_equal(req_parse_pairs(*state, "a=1=2", &kv, &n, 1, &why), 0);
	assert_int_equal(n, 1);
	assert_string_equal(kv[0].key, "a");
	assert_string_equal(kv[0].value, "1=2");
}

static void pairs_decode_keys_and_values(void **state)
{
	struct kv *kv;
	size_t n;
	const char *why = NULL;
	assert_int_equal(req_parse_pairs(*state, "my+key=a+b%26c%3Dd", &kv, &n, 1, &why), 0);
	assert_int_equal(n, 1);
	assert_string_equal(kv[0].key, "my key");
	assert_string_equal(kv[0].value, "a b&c=d");
}

/* "k=1&k=1&...": count pairs joined by '&'. */
static char *many_pairs(size_t count)
{
	char *s = malloc(count * 4 + 1);
	size_t o = 0;
	for (size_t i = 0; i < count; i++) {
		if (i > 0)
			s[o++] = '&';
		memcpy(s + o, "k=1", 3);
		o += 3;
	}
	s[o] = '\0';
	return s;
}

static void pairs_accepts_64(void **state)
{
	char *s = many_pairs(64);
	struct kv *kv;
	size_t n;
	const char *why = NULL;
	int rc = req_parse_pairs(*state, s, &kv, &n, 1, &why);
	free(s);
	assert_int_equal(rc, 0);
	assert_int_equal(n, 64);
	assert_string_equal(kv[63].key, "k");
}

static void pairs_refuses_65(void **state)
{
	char *s = many_pairs(65);
	struct kv *kv;
	size_t n;
	const char *why = NULL;
	int rc = req_parse_pairs(*state, s, &kv, &n, 1, &why);
	free(s);
	assert_int_equal(rc, -1);
	assert_string_equal(why, "too many parameters");
}

static void pairs_refuses_bad_escape_in_value(void **state)
{
	struct kv *kv;
	size_t n;
	const char *why = NULL;
	assert_int_equal(req_parse_pairs(*state, "a=1&b=%zz", &kv, &n, 1, &why), -1);
	assert_string_equal(why, "malformed percent-encoding in parameters");
}

static void pairs_refuses_bad_escape_in_key(void **state)
{
	struct kv *kv;
	size_t n;
	const char *why = NULL;
	assert_int_equal(req_parse_pairs(*state, "%4=1", &kv, &n, 1, &why), -1);
	assert_string_equal(why, "malformed percent-encoding in parameters");
}

static void pairs_lenient_keeps_invalid_utf8(void **state)
{
	struct kv *kv;
	size_t n;
	const char *why = NULL;
	assert_int_equal(req_parse_pairs(*state, "title=%FF", &kv, &n, 0, &why), 0);
	assert_int_equal(n, 1);
	assert_string_equal(kv[0].value, "\xff");
}

static void pairs_strict_refuses_invalid_utf8(void **state)
{
	struct kv *kv;
	size_t n;
	const char *why = NULL;
	assert_int_equal(req_parse_pairs(*state, "title=%FF", &kv, &n, 1, &why), -1);
	assert_string_equal(why, "malformed percent-encoding in parameters");
}

/* ---- req_cookie ---- */

static void cookie_finds_first(void **state)
{
	const char *v = req_cookie(*state, "a=1; b=2", "a");
	assert_non_null(v);
	assert_string_equal(v, "1");
}

static void cookie_finds_last(void **state)
{
	const char *v = req_cookie(*state, "a=1; b=2", "b");
	assert_non_null(v);
	assert_string_equal(v, "2");
}

static void cookie_missing_is_null(void **state)
{
	assert_null(req_cookie(*state, "a=1; b=2", "c"));
}

static void cookie_without_header_is_null(void **state)
{
	assert_null(req_cookie(*state, NULL, "a"));
	assert_null(req_cookie(*state, "", "a"));
}

static void cookie_given_twice_is_null(void **state)
{
	assert_null(req_cookie(*state, "sid=good; other=1; sid=planted", "sid"));
	assert_null(req_cookie(*state, "sid=same;sid=same", "sid"));
}

static void cookie_name_must_match_whole(void **state)
{
	/* "sid" is neither "xsid" nor "sidx", nor a bare "sid" without '='. */
	assert_null(req_cookie(*state, "xsid=1; sidx=2; sid", "sid"));
}

static void cookie_other_names_sharing_a_prefix_do_not_count_twice(void **state)
{
	const char *v = req_cookie(*state, "sidx=2; sid=1; xsid=3", "sid");
	assert_non_null(v);
	assert_string_equal(v, "1");
}

static void cookie_value_trimmed_of_spaces(void **state)
{
	const char *v = req_cookie(*state, "  a=1 \t; b=2", "a");
	assert_non_null(v);
	assert_string_equal(v, "1");
}

static void cookie_without_spaces_after_semicolons(void **state)
{
	const char *v = req_cookie(*state, "a=1;b=2;c=3", "b");
	assert_non_null(v);
	assert_string_equal(v, "2");
}

static void cookie_value_may_hold_equals(void **state)
{
	const char *v = req_cookie(*state, "t=abc==; u=1", "t");
	assert_non_null(v);
	assert_string_equal(v, "abc==");
}

static void cookie_empty_value_is_empty_string(void **state)
{
	const char *v = req_cookie(*state, "a=; b=2", "a");
	assert_non_null(v);
	assert_string_equal(v, "");
}

static void cookie_value_is_a_copy(void **state)
{
	char header[] = "a=xyz";
	const char *v = req_cookie(*state, header, "a");
	header[2] = 'Q';
	assert_string_equal(v, "xyz");
}

/* ---- req_parse ---- */

static int parse(void **state, struct req *r, const char *method, const char *uri, const char **why)
{
	memset(r, 0, sizeof *r);
	r->arena = *state;
	*why = NULL;
	return req_parse(r, method, uri, why);
}

static void parse_get(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", "/", &why), 0);
	assert_int_equal(r.method, METHOD_GET);
	assert_string_equal(r.method_name, "GET");
}

static void parse_head(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "HEAD", "/", &why), 0);
	assert_int_equal(r.method, METHOD_HEAD);
	assert_string_equal(r.method_name, "HEAD");
}

static void parse_post(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "POST", "/", &why), 0);
	assert_int_equal(r.method, METHOD_POST);
	assert_string_equal(r.method_name, "POST");
}

static void parse_other_method(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "DELETE", "/", &why), 0);
	assert_int_equal(r.method, METHOD_OTHER);
	assert_string_equal(r.method_name, "DELETE");
}

static void parse_method_is_case_sensitive(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "get", "/", &why), 0);
	assert_int_equal(r.method, METHOD_OTHER);
}

static void parse_missing_method_is_other(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, NULL, "/", &why), 0);
	assert_int_equal(r.method, METHOD_OTHER);
	assert_string_equal(r.method_name, "");
}

static void parse_refuses_uri_without_slash(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", "messages", &why), 400);
	assert_string_equal(why, "the request URI must start with /");
}

static void parse_refuses_absolute_uri(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", "http://example.org/", &why), 400);
	assert_string_equal(why, "the request URI must start with /");
}

static void parse_refuses_empty_and_missing_uri(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", "", &why), 400);
	assert_int_equal(parse(state, &r, "GET", NULL, &why), 400);
	assert_string_equal(why, "the request URI must start with /");
}

/* "/aaa...": a path of exactly len bytes. */
static char *long_uri(size_t len)
{
	char *s = malloc(len + 1);
	s[0] = '/';
	memset(s + 1, 'a', len - 1);
	s[len] = '\0';
	return s;
}

static void parse_accepts_uri_of_max_length(void **state)
{
	struct req r;
	const char *why;
	char *uri = long_uri(REQ_MAX_URI);
	int rc = parse(state, &r, "GET", uri, &why);
	free(uri);
	assert_int_equal(rc, 0);
	assert_int_equal(strlen(r.path), REQ_MAX_URI);
}

static void parse_refuses_uri_past_max_length_with_414(void **state)
{
	struct req r;
	const char *why;
	char *uri = long_uri(REQ_MAX_URI + 1);
	int rc = parse(state, &r, "GET", uri, &why);
	free(uri);
	assert_int_equal(rc, 414);
	assert_string_equal(why, "the request URI is too long");
}

static void parse_refuses_nul_in_path(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", "/releases/12%00.html", &why), 400);
	assert_string_equal(why, "the path is not valid percent-encoded UTF-8");
}

static void parse_refuses_bad_escape_in_path(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", "/a%zz", &why), 400);
	assert_string_equal(why, "the path is not valid percent-encoded UTF-8");
}

static void parse_refuses_invalid_utf8_in_path(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", "/a%C0%AF", &why), 400);
	assert_string_equal(why, "the path is not valid percent-encoded UTF-8");
}

static void parse_refuses_escaped_control_in_path(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", "/a%0Ab", &why), 400);
	assert_string_equal(why, "the path holds control characters");
}

static void parse_refuses_raw_control_in_path(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", "/a\tb", &why), 400);
	assert_string_equal(why, "the path holds control characters");
}

static void parse_refuses_c1_control_in_path(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", "/a%C2%85b", &why), 400);
	assert_string_equal(why, "the path holds control characters");
}

static void parse_splits_path_and_query(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", "/messages?page=2&type=events", &why), 0);
	assert_string_equal(r.path, "/messages");
	assert_int_equal(r.nquery, 2);
	assert_string_equal(r.query[0].key, "page");
	assert_string_equal(r.query[0].value, "2");
	assert_string_equal(r.query[1].key, "type");
	assert_string_equal(r.query[1].value, "events");
}

static void parse_without_query_has_no_pairs(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", "/messages", &why), 0);
	assert_string_equal(r.path, "/messages");
	assert_int_equal(r.nquery, 0);
	assert_null(r.query);
}

static void parse_empty_query_has_no_pairs(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", "/?", &why), 0);
	assert_string_equal(r.path, "/");
	assert_int_equal(r.nquery, 0);
}

static void parse_decodes_path(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", "/caf%C3%A9/%7Eme", &why), 0);
	assert_string_equal(r.path, "/caf\xc3\xa9/~me");
}

static void parse_keeps_plus_in_path(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", "/a+b?q=a+b", &why), 0);
	assert_string_equal(r.path, "/a+b");
	assert_string_equal(r.query[0].value, "a b");
}

/* Query values are judged by their key's validator at the gate (a search may hold anything). */
static void parse_leaves_query_values_to_the_validators(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", "/?q=a%0Ab%FF", &why), 0);
	assert_string_equal(r.query[0].value, "a\nb\xff");
}

static void parse_refuses_control_in_query_name(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", "/?a%0Ab=1", &why), 400);
	assert_string_equal(why, "a query parameter's name is too long or not plain text");
}

static void parse_refuses_bad_escape_in_query(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", "/?q=%zz", &why), 400);
	assert_string_equal(why, "malformed percent-encoding in parameters");
}

static void parse_refuses_65_query_pairs(void **state)
{
	struct req r;
	const char *why;
	char *pairs = many_pairs(65);
	char *uri = malloc(strlen(pairs) + 3);
	sprintf(uri, "/?%s", pairs);
	int rc = parse(state, &r, "GET", uri, &why);
	free(pairs);
	free(uri);
	assert_int_equal(rc, 400);
	assert_string_equal(why, "too many parameters");
}

/* "/?q=vvv...": a query with one value of len bytes, in a static buffer. */
static const char *uri_with_value(size_t len)
{
	static char uri[1100];
	assert_true(len + 5 <= sizeof uri);
	strcpy(uri, "/?q=");
	memset(uri + 4, 'v', len);
	uri[4 + len] = '\0';
	return uri;
}

static void parse_accepts_query_value_of_1024_bytes(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", uri_with_value(1024), &why), 0);
	assert_int_equal(r.nquery, 1);
	assert_int_equal(strlen(r.query[0].value), 1024);
}

static void parse_accepts_query_value_past_1024_bytes(void **state)
{
	struct req r;
	const char *why;
	assert_int_equal(parse(state, &r, "GET", uri_with_value(1025), &why), 0);
	assert_int_equal(strlen(r.query[0].value), 1025);
}

#define T(f) cmocka_unit_test_setup_teardown(f, arena_setup, arena_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(decode_passes_plain_text),
		T(decode_reads_only_len_bytes),
		T(decode_empty_is_empty_string),
		T(decode_escape_uppercase_hex),
		T(decode_escape_lowercase_hex),
		T(decode_refuses_escape_cut_short),
		T(decode_refuses_escape_cut_by_len),
		T(decode_refuses_non_hex_escape),
		T(decode_plus_is_space_when_asked),
		T(decode_plus_stays_plus_otherwise),
		T(decode_escaped_plus_is_plus),
		T(decode_refuses_nul),
		T(decode_refuses_invalid_utf8),
		T(decode_accepts_escaped_utf8),
		T(decode_lenient_keeps_invalid_utf8),
		T(decode_lenient_still_refuses_nul),
		T(decode_lenient_still_refuses_bad_escape),
		T(pairs_empty_string_gives_none),
		T(pairs_null_gives_none),
		T(pairs_two_in_order),
		T(pairs_key_without_equals_has_empty_value),
		T(pairs_key_with_equals_has_empty_value),
		T(pairs_only_ampersands_gives_none),
		T(pairs_skips_empty_segment),
		T(pairs_split_on_first_equals_only),
		T(pairs_decode_keys_and_values),
		T(pairs_accepts_64),
		T(pairs_refuses_65),
		T(pairs_refuses_bad_escape_in_value),
		T(pairs_refuses_bad_escape_in_key),
		T(pairs_lenient_keeps_invalid_utf8),
		T(pairs_strict_refuses_invalid_utf8),
		T(cookie_finds_first),
		T(cookie_finds_last),
		T(cookie_missing_is_null),
		T(cookie_without_header_is_null),
		T(cookie_given_twice_is_null),
		T(cookie_name_must_match_whole),
		T(cookie_other_names_sharing_a_prefix_do_not_count_twice),
		T(cookie_value_trimmed_of_spaces),
		T(cookie_without_spaces_after_semicolons),
		T(cookie_value_may_hold_equals),
		T(cookie_empty_value_is_empty_string),
		T(cookie_value_is_a_copy),
		T(parse_get),
		T(parse_head),
		T(parse_post),
		T(parse_other_method),
		T(parse_method_is_case_sensitive),
		T(parse_missing_method_is_other),
		T(parse_refuses_uri_without_slash),
		T(parse_refuses_absolute_uri),
		T(parse_refuses_empty_and_missing_uri),
		T(parse_accepts_uri_of_max_length),
		T(parse_refuses_uri_past_max_length_with_414),
		T(parse_refuses_nul_in_path),
		T(parse_refuses_bad_escape_in_path),
		T(parse_refuses_invalid_utf8_in_path),
		T(parse_refuses_escaped_control_in_path),
		T(parse_refuses_raw_control_in_path),
		T(parse_refuses_c1_control_in_path),
		T(parse_splits_path_and_query),
		T(parse_without_query_has_no_pairs),
		T(parse_empty_query_has_no_pairs),
		T(parse_decodes_path),
		T(parse_keeps_plus_in_path),
		T(parse_leaves_query_values_to_the_validators),
		T(parse_refuses_control_in_query_name),
		T(parse_refuses_bad_escape_in_query),
		T(parse_refuses_65_query_pairs),
		T(parse_accepts_query_value_of_1024_bytes),
		T(parse_accepts_query_value_past_1024_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
