/* test_route.c: unit tests for route.c's route table and route_match (route_dispatch renders, so not here). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "input.h"
#include "req.h"
#include "route.h"

/* A value route_match must overwrite, to catch an *arg left from an earlier call. */
static const char stale[] = "stale";

/* ?lang= and the form's language: a BCP 47 tag (language and one subtag) or "all"; anything else is a 400. */
static void lang_key_takes_tags_and_all(void **state)
{
	(void)state;
	static const char *const good[] = {"en", "ru", "ast", "pt-BR", "zh-Hant", "sr-Latn", "es-419", "all"};
	static const char *const bad[] = {"", "e", "english", "EN", "ru-", "ru-x", "ru-abcdefghi", "ru_RU", "pt-BR-x",
	                                  "ru!", "en ru", "-ru", "\xd1\x80\xd1\x83"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		struct input v = {0};
		assert_int_equal(input_check(NULL, KEY_LANG, good[i], &v), 1);
		assert_string_equal(v.s, good[i]);
		assert_null(v.error);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct input v = {0};
		assert_int_equal(input_check(NULL, KEY_LANG, bad[i], &v), 0);
	}
	assert_int_equal(input_key("lang"), KEY_LANG);
	assert_int_equal(input_is_field(KEY_LANG), 0); /* a query key; the gate also reads it from the form */
}

/* A version's text and signature (issue 15): "*.txt" takes the segment's end; the item page keeps the rest. */
static void version_text_routes(void **state)
{
	(void)state;
	const char *arg = stale, *missing;
	struct req_seg seg;
	assert_ptr_equal(route_match("/releases/7-joint-statement.txt", &arg), &route_table[PAGE_RELEASE_TEXT]);
	assert_ptr_equal(route_match("/releases/7-a.v2.txt.minisig", &arg), &route_table[PAGE_RELEASE_SIGNATURE]);
	assert_ptr_equal(route_match("/events/7-a.txt", &arg), &route_table[PAGE_EVENT_TEXT]);
	assert_ptr_equal(route_match("/releases/7-joint-statement", &arg), &route_table[PAGE_RELEASE]);
	assert_ptr_equal(route_match("/releases/.txt", &arg), &route_table[PAGE_RELEASE]);   /* nothing before it */
	assert_null(route_match("/releases/7.txt/x", &arg));
	assert_int_equal(route_segment(SEG_VERSION_TEXT, "7-a.v12.txt.minisig", &seg, &missing), 1);
	assert_int_equal(seg.id, 7);
	assert_int_equal(seg.version, 12);
	/* The slug is not checked (the text is the item's whatever its title became): these are version 0. */
	const char *any_slug[] = {"7-a.b.txt", "7-a.v.txt", "7-a.txt.minisig.txt"};
	for (size_t i = 0; i < sizeof any_slug / sizeof any_slug[0]; i++) {
		assert_int_equal(route_segment(SEG_VERSION_TEXT, any_slug[i], &seg, &missing), 1);
		assert_int_equal(seg.version, 0);
	}
	const char *bad[] = {"7-a.v0.txt", "x.txt", "7-a.minisig", ".txt", "7-a.v99999999999999999999.txt", "7-a.TXT"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(route_segment(SEG_VERSION_TEXT, bad[i], &seg, &missing), 0);
}

static void translation_routes(void **state)
{
	(void)state;
	const char *arg = stale;
	assert_ptr_equal(route_match("/admin/items/7/translate", &arg), &route_table[PAGE_ADMIN_TRANSLATE]);
	assert_string_equal(route_table[PAGE_ADMIN_TRANSLATE].arg, "translate");
	assert_true(route_table[PAGE_ADMIN_TRANSLATE].keys & KEYBIT(KEY_LANG));
	assert_ptr_equal(route_match("/admin/items/7/checked", &arg), &route_table[PAGE_ADMIN_CHECKED]);
	assert_int_equal(route_table[PAGE_ADMIN_CHECKED].methods, METHOD_POST);
	assert_true(route_table[PAGE_ADMIN_CHECKED].flags & ROUTE_LOGIN);
	assert_true(route_table[PAGE_ADMIN_ITEM].keys & KEYBIT(KEY_LANG));
}

static void match_root_is_home(void **state)
{
	(void)state;
	const char *arg = stale;
	assert_ptr_equal(route_match("/", &arg), &route_table[PAGE_HOME]);
	assert_null(arg);
}

static void match_messages(void **state)
{
	(void)state;
	const char *arg = stale;
	assert_ptr_equal(route_match("/messages", &arg), &route_table[PAGE_MESSAGES]);
	assert_null(arg);
}

/* No page at path: no route, or only a language route (/<lang>/ and the like) whose segment is no
 * language tag, which the gate answers with a 404. */
static void assert_no_page(const char *path)
{
	const char *arg = stale;
	const struct route *rt = route_match(path, &arg);
	if (rt == NULL) {
		assert_null(arg);
		return;
	}
	char segment[64];
	struct req_seg seg;
	const char *missing;
	assert_int_equal(rt->seg, SEG_LANG);
	snprintf(segment, sizeof segment, "%.*s", (int)strcspn(arg, "/"), arg);
	assert_false(route_segment(rt->seg, segment, &seg, &missing));
	assert_string_equal(missing, "There is no page at this address.");
}

static void match_refuses_messages_with_trailing_slash(void **state)
{
	(void)state;
	assert_no_page("/messages/");
}

static void match_language_pages(void **state)
{
	(void)state;
	const char *arg = stale;
	struct req_seg seg;
	const char *missing;
	assert_ptr_equal(route_match("/ru/", &arg), &route_table[PAGE_LANG_HOME]);
	assert_string_equal(arg, "ru/");
	assert_true(route_segment(SEG_LANG, "ru", &seg, &missing));
	assert_ptr_equal(route_match("/ru/messages", &arg), &route_table[PAGE_LANG_MESSAGES]);
	assert_ptr_equal(route_match("/ru/feed.atom", &arg), &route_table[PAGE_LANG_FEED_ALL]);
	assert_ptr_equal(route_match("/ru/releases/feed.atom", &arg), &route_table[PAGE_LANG_FEED_RELEASES]);
	assert_string_equal(route_table[PAGE_LANG_FEED_RELEASES].arg, "release");
	assert_ptr_equal(route_match("/ru/events/feed.atom", &arg), &route_table[PAGE_LANG_FEED_EVENTS]);
	assert_string_equal(route_table[PAGE_LANG_FEED_EVENTS].arg, "event");
	/* The English feeds keep their routes: the first match wins. */
	assert_ptr_equal(route_match("/releases/feed.atom", &arg), &route_table[PAGE_FEED_RELEASES]);
	assert_true(route_segment(SEG_LANG, "pt-BR", &seg, &missing));
	assert_false(route_segment(SEG_LANG, "RU", &seg, &missing));
	assert_false(route_segment(SEG_LANG, "russian", &seg, &missing));
	assert_no_page("/ru/releases/");
}

static void match_release_gives_segment(void **state)
{
	(void)state;
	const char *arg = stale;
	assert_ptr_equal(route_match("/releases/12-slug", &arg), &route_table[PAGE_RELEASE]);
	assert_non_null(arg);
	assert_string_equal(arg, "12-slug");
}

static void match_refuses_release_without_segment(void **state)
{
	(void)state;
	assert_no_page("/releases/");
}

static void match_refuses_release_prefix_without_slash(void **state)
{
	(void)state;
	const char *arg = stale;
	assert_null(route_match("/releases", &arg));
	assert_null(route_match("/releases12", &arg));
	assert_null(arg);
}

static void match_refuses_two_segments(void **state)
{
	(void)state;
	const char *arg = stale;
	assert_null(route_match("/releases/a/b", &arg));
	assert_null(arg);
}

static void match_refuses_segment_with_trailing_slash(void **state)
{
	(void)state;
	const char *arg = stale;
	assert_null(route_match("/events/3/", &arg));
	assert_null(arg);
}

static void match_event_gives_segment(void **state)
{
	(void)state;
	const char *arg = stale;
	assert_ptr_equal(route_match("/events/3", &arg), &route_table[PAGE_EVENT]);
	assert_non_null(arg);
	assert_string_equal(arg, "3");
}

static void match_refuses_unknown_path(void **state)
{
	(void)state;
	const char *arg = stale;
	assert_null(route_match("/nope", &arg));
	assert_null(arg);
}

static void match_refuses_empty_path(void **state)
{
	(void)state;
	const char *arg = stale;
	assert_null(route_match("", &arg));
	assert_null(arg);
}

static void match_is_case_sensitive(void **state)
{
	(void)state;
	const char *arg = stale;
	assert_null(route_match("/Messages", &arg));
	assert_null(arg);
}

static void match_admin_list(void **state)
{
	(void)state;
	const char *arg = stale;
	assert_ptr_equal(route_match("/admin", &arg), &route_table[PAGE_ADMIN_LIST]);
	assert_null(arg);
}

static void match_refuses_admin_with_trailing_slash(void **state)
{
	(void)state;
	assert_no_page("/admin/");
}

static void match_admin_item_gives_segment(void **state)
{
	(void)state;
	const char *arg = stale;
	assert_ptr_equal(route_match("/admin/items/12", &arg), &route_table[PAGE_ADMIN_ITEM]);
	assert_non_null(arg);
	assert_string_equal(arg, "12");
}

static void match_star_in_the_middle_gives_segment_start(void **state)
{
	(void)state;
	/* *arg points at the segment; it runs to the next '/'. */
	const char *arg = stale;
	assert_ptr_equal(route_match("/admin/items/12/withdraw", &arg), &route_table[PAGE_ADMIN_WITHDRAW]);
	assert_non_null(arg);
	assert_string_equal(arg, "12/withdraw");
	assert_int_equal(strcspn(arg, "/"), 2);
}

static void match_refuses_empty_segment_in_the_middle(void **state)
{
	(void)state;
	const char *arg = stale;
	assert_null(route_match("/admin/items//withdraw", &arg));
	assert_null(arg);
}

static void match_refuses_unknown_suffix_after_star(void **state)
{
	(void)state;
	const char *arg = stale;
	assert_null(route_match("/admin/items/12/delete", &arg));
	assert_null(route_match("/admin/items/12/withdraw/", &arg));
	assert_null(arg);
}

static void table_every_route_has_handler(void **state)
{
	(void)state;
	for (int i = 0; i < PAGE__MAX; i++)
		assert_non_null(route_table[i].handler);
}

static void table_every_route_has_pattern_from_root(void **state)
{
	(void)state;
	for (int i = 0; i < PAGE__MAX; i++) {
		assert_non_null(route_table[i].pattern);
		assert_int_equal(route_table[i].pattern[0], '/');
	}
}

static void table_every_route_has_known_methods(void **state)
{
	(void)state;
	for (int i = 0; i < PAGE__MAX; i++) {
		assert_int_not_equal(route_table[i].methods, 0);
		assert_int_equal(route_table[i].methods & ~(unsigned)(METHOD_GET | METHOD_HEAD | METHOD_POST), 0);
	}
}

static void table_every_get_route_takes_head(void **state)
{
	(void)state;
	for (int i = 0; i < PAGE__MAX; i++)
		if (route_table[i].methods & METHOD_GET)
			assert_true(route_table[i].methods & METHOD_HEAD);
}

static void table_public_pages_are_read_only(void **state)
{
	(void)state;
	assert_int_equal(route_table[PAGE_HOME].methods, METHOD_GET | METHOD_HEAD);
	assert_int_equal(route_table[PAGE_MESSAGES].methods, METHOD_GET | METHOD_HEAD);
	assert_int_equal(route_table[PAGE_RELEASE].methods, METHOD_GET | METHOD_HEAD);
	assert_int_equal(route_table[PAGE_EVENT].methods, METHOD_GET | METHOD_HEAD);
}

static void table_every_route_matches_its_own_pattern(void **state)
{
	(void)state;
	/* A pattern with its star replaced by "1" must route to its own entry, so no entry shadows another. */
	for (int i = 0; i < PAGE__MAX; i++) {
		char path[128];
		const char *arg;
		const char *pat = route_table[i].pattern;
		const char *star = strchr(pat, '*');
		assert_true(strlen(pat) + 1 < sizeof path);
		if (star == NULL) {
			strcpy(path, pat);
		} else {
			memcpy(path, pat, (size_t)(star - pat));
			path[star - pat] = '1';
			strcpy(path + (star - pat) + 1, star + 1);
		}
		assert_ptr_equal(route_match(path, &arg), &route_table[i]);
	}
}

static void table_every_login_route_is_no_store(void **state)
{
	(void)state;
	for (int i = 0; i < PAGE__MAX; i++)
		if (route_table[i].flags & ROUTE_LOGIN)
			assert_true(route_table[i].flags & ROUTE_NOSTORE);
}

static void table_every_publisher_route_needs_login(void **state)
{
	(void)state;
	for (int i = 0; i < PAGE__MAX; i++)
		if (route_table[i].flags & ROUTE_PUBLISHER)
			assert_true(route_table[i].flags & ROUTE_LOGIN);
}

static void table_every_admin_route_but_sign_in_needs_login(void **state)
{
	(void)state;
	for (int i = 0; i < PAGE__MAX; i++) {
		if (i == PAGE_ADMIN_LOGIN || strncmp(route_table[i].pattern, "/admin", 6) != 0)
			continue;
		assert_true(route_table[i].flags & ROUTE_LOGIN);
	}
	assert_int_equal(route_table[PAGE_ADMIN_LOGIN].flags & ROUTE_LOGIN, 0);
}

static void table_public_pages_need_no_login(void **state)
{
	(void)state;
	assert_int_equal(route_table[PAGE_HOME].flags & (ROUTE_LOGIN | ROUTE_PUBLISHER), 0);
	assert_int_equal(route_table[PAGE_MESSAGES].flags & (ROUTE_LOGIN | ROUTE_PUBLISHER), 0);
	assert_int_equal(route_table[PAGE_RELEASE].flags & (ROUTE_LOGIN | ROUTE_PUBLISHER), 0);
	assert_int_equal(route_table[PAGE_EVENT].flags & (ROUTE_LOGIN | ROUTE_PUBLISHER), 0);
}

static void table_state_changing_admin_actions_are_post_only(void **state)
{
	(void)state;
	assert_int_equal(route_table[PAGE_ADMIN_LOGOUT].methods, METHOD_POST);
	/* Withdrawal's GET is the page that asks first (issue 12); only its POST withdraws. */
	assert_int_equal(route_table[PAGE_ADMIN_WITHDRAW].methods, METHOD_GET | METHOD_HEAD | METHOD_POST);
	assert_int_equal(route_table[PAGE_ADMIN_SENDBACK].methods, METHOD_POST);
	assert_int_equal(route_table[PAGE_ADMIN_SHARE].methods, METHOD_POST);
	assert_int_equal(route_table[PAGE_ADMIN_REVOKE].methods, METHOD_POST);
	assert_int_equal(route_table[PAGE_ADMIN_RESTORE].methods, METHOD_POST);
}

static void table_messages_accepts_page_type_year_month_q(void **state)
{
	(void)state;
	unsigned keys = KEYBIT(KEY_PAGE) | KEYBIT(KEY_TYPE) | KEYBIT(KEY_YEAR) | KEYBIT(KEY_MONTH) | KEYBIT(KEY_Q) |
	                KEYBIT(KEY_LANG);
	assert_int_equal(route_table[PAGE_MESSAGES].keys, keys);
	assert_int_equal(route_table[PAGE_LANG_MESSAGES].keys, keys);
}

static void table_items_and_home_accept_no_keys(void **state)
{
	(void)state;
	assert_int_equal(route_table[PAGE_HOME].keys, 0);
	assert_int_equal(route_table[PAGE_RELEASE].keys, 0);
	assert_int_equal(route_table[PAGE_EVENT].keys, 0);
}

static void table_routes_name_their_handlers(void **state)
{
	(void)state;
	assert_ptr_equal(route_table[PAGE_RELEASE].handler, page_item);
	assert_ptr_equal(route_table[PAGE_EVENT].handler, page_item);
	assert_ptr_equal(route_table[PAGE_HOME].handler, page_home);
	assert_ptr_equal(route_table[PAGE_MESSAGES].handler, page_messages);
}

/* ---- the '*' segments: every route with a star checks it, and hands a typed value ---- */

static void table_a_star_has_a_segment_check_and_only_a_star(void **state)
{
	(void)state;
	for (int i = 0; i < PAGE__MAX; i++)
		if ((strchr(route_table[i].pattern, '*') != NULL) != (route_table[i].seg != SEG_NONE))
			fail_msg("%s: a '*' needs a segment check (enum seg), and only a '*'", route_table[i].pattern);
}

static void segment_id_slug(void **state)
{
	(void)state;
	struct req_seg v;
	const char *missing;
	assert_true(route_segment(SEG_ID_SLUG, "12-joint-statement", &v, &missing));
	assert_int_equal(v.id, 12);
	assert_string_equal(v.slug, "joint-statement");
	assert_true(route_segment(SEG_ID_SLUG, "12", &v, &missing));
	assert_int_equal(v.id, 12);
	assert_string_equal(v.slug, "");
	/* Any slug and leading zeros pass: the page answers 301 to the canonical URL. */
	assert_true(route_segment(SEG_ID_SLUG, "012-Any Thing", &v, &missing));
	assert_int_equal(v.id, 12);
	static const char *const bad[] = {"0", "-3", "x12", "12x", "9007199254740992", "1234567890123456789"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (route_segment(SEG_ID_SLUG, bad[i], &v, &missing))
			fail_msg("accepted %s", bad[i]);
		assert_int_equal(v.id, 0);
		assert_string_equal(missing, "There is no page at this address.");
	}
}

static void segment_id(void **state)
{
	(void)state;
	struct req_seg v;
	const char *missing;
	assert_true(route_segment(SEG_ID, "9007199254740991", &v, &missing));
	assert_int_equal(v.id, 9007199254740991LL);
	assert_null(missing);
	assert_false(route_segment(SEG_ID, "12-slug", &v, &missing));
	assert_false(route_segment(SEG_ID, "9007199254740992", &v, &missing));
	assert_false(route_segment(SEG_ID, "0", &v, &missing));
	assert_string_equal(missing, "There is no item with this number.");
}

static void segment_token(void **state)
{
	(void)state;
	struct req_seg v;
	const char *missing;
	char token[65];
	memset(token, 'a', 64);
	token[64] = '\0';
	assert_true(route_segment(SEG_TOKEN, token, &v, &missing));
	token[10] = 'A';
	assert_false(route_segment(SEG_TOKEN, token, &v, &missing));
	assert_string_equal(missing, "This preview link does not exist.");
	token[10] = 'a';
	token[63] = '\0';
	assert_false(route_segment(SEG_TOKEN, token, &v, &missing));
}

static void segment_xml_part(void **state)
{
	(void)state;
	struct req_seg v;
	const char *missing;
	assert_true(route_segment(SEG_XML_PART, "7.xml", &v, &missing));
	assert_int_equal(v.id, 7);
	assert_true(route_segment(SEG_XML_PART, "100000.xml", &v, &missing));
	static const char *const bad[] = {"0.xml", "100001.xml", ".xml", "7", "7.XML", "7.xml.xml", "x.xml", "-1.xml"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (route_segment(SEG_XML_PART, bad[i], &v, &missing))
			fail_msg("accepted %s", bad[i]);
		assert_string_equal(missing, "There is no such sitemap.");
	}
}

static void segment_media(void **state)
{
	(void)state;
	struct req_seg v;
	const char *missing;
	char name[80];
	const char *sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	static const char *const good[] = {".jpg", ".webp", ".pdf"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		snprintf(name, sizeof name, "%s%s", sha, good[i]);
		if (!route_segment(SEG_MEDIA, name, &v, &missing))
			fail_msg("refused %s", name);
	}
	static const char *const bad[] = {"", ".", ".jpeg", ".JPG", ".png", ".jpg.html", ".jpgx", "0.jpg"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(name, sizeof name, "%s%s", sha, bad[i]);
		if (route_segment(SEG_MEDIA, name, &v, &missing))
			fail_msg("accepted %s", name);
		assert_string_equal(missing, "There is no file at this address.");
	}
	snprintf(name, sizeof name, "%s.jpg", sha);
	name[5] = 'A'; /* one canonical spelling: lower-case hex */
	assert_false(route_segment(SEG_MEDIA, name, &v, &missing));
	name[5] = 'g';
	assert_false(route_segment(SEG_MEDIA, name, &v, &missing));
	assert_false(route_segment(SEG_MEDIA, "0123.jpg", &v, &missing));
}

static void segment_none_takes_no_segment(void **state)
{
	(void)state;
	struct req_seg v;
	const char *missing;
	assert_true(route_segment(SEG_NONE, NULL, &v, &missing));
	assert_int_equal(v.id, 0);
	assert_false(route_segment(SEG_NONE, "12", &v, &missing));
	assert_false(route_segment(SEG_ID, NULL, &v, &missing));
}

static void table_feed_and_item_routes_carry_their_kind(void **state)
{
	(void)state;
	assert_null(route_table[PAGE_FEED_ALL].arg);
	assert_string_equal(route_table[PAGE_FEED_RELEASES].arg, "release");
	assert_string_equal(route_table[PAGE_FEED_EVENTS].arg, "event");
	assert_string_equal(route_table[PAGE_RELEASE].arg, "release");
	assert_string_equal(route_table[PAGE_EVENT].arg, "event");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(match_root_is_home),
		cmocka_unit_test(version_text_routes),
		cmocka_unit_test(segment_media),
		cmocka_unit_test(match_messages),
		cmocka_unit_test(match_refuses_messages_with_trailing_slash),
		cmocka_unit_test(match_language_pages),
		cmocka_unit_test(match_release_gives_segment),
		cmocka_unit_test(match_refuses_release_without_segment),
		cmocka_unit_test(match_refuses_release_prefix_without_slash),
		cmocka_unit_test(match_refuses_two_segments),
		cmocka_unit_test(match_refuses_segment_with_trailing_slash),
		cmocka_unit_test(match_event_gives_segment),
		cmocka_unit_test(match_refuses_unknown_path),
		cmocka_unit_test(match_refuses_empty_path),
		cmocka_unit_test(match_is_case_sensitive),
		cmocka_unit_test(match_admin_list),
		cmocka_unit_test(match_refuses_admin_with_trailing_slash),
		cmocka_unit_test(match_admin_item_gives_segment),
		cmocka_unit_test(match_star_in_the_middle_gives_segment_start),
		cmocka_unit_test(match_refuses_empty_segment_in_the_middle),
		cmocka_unit_test(match_refuses_unknown_suffix_after_star),
		cmocka_unit_test(table_every_route_has_handler),
		cmocka_unit_test(table_every_route_has_pattern_from_root),
		cmocka_unit_test(table_every_route_has_known_methods),
		cmocka_unit_test(table_every_get_route_takes_head),
		cmocka_unit_test(table_public_pages_are_read_only),
		cmocka_unit_test(table_every_route_matches_its_own_pattern),
		cmocka_unit_test(table_every_login_route_is_no_store),
		cmocka_unit_test(table_every_publisher_route_needs_login),
		cmocka_unit_test(table_every_admin_route_but_sign_in_needs_login),
		cmocka_unit_test(table_public_pages_need_no_login),
		cmocka_unit_test(table_state_changing_admin_actions_are_post_only),
		cmocka_unit_test(table_messages_accepts_page_type_year_month_q),
		cmocka_unit_test(table_items_and_home_accept_no_keys),
		cmocka_unit_test(table_routes_name_their_handlers),
		cmocka_unit_test(table_a_star_has_a_segment_check_and_only_a_star),
		cmocka_unit_test(segment_id_slug),
		cmocka_unit_test(lang_key_takes_tags_and_all),
		cmocka_unit_test(translation_routes),
		cmocka_unit_test(segment_id),
		cmocka_unit_test(segment_token),
		cmocka_unit_test(segment_xml_part),
		cmocka_unit_test(segment_none_takes_no_segment),
		cmocka_unit_test(table_feed_and_item_routes_carry_their_kind),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
