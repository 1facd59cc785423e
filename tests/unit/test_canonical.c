/* test_canonical.c: unit tests for canonical_text in canonical.c: the known answer docs/authenticity.md
 * shows (so the document and the code cannot drift apart), line ends, header values kept on their line, byte
 * counts in bytes (Cyrillic), and a version without files. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "canonical.h"

static const struct canon_file files[] = {
	{"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "webp", 800},
};

static struct canon_version example(void)
{
	struct canon_version v = {
		.site = "https://embassy.example",
		.url = "https://embassy.example/releases/7-joint-statement",
		.kind = "release", .type = "statement", .lang = "en",
		.version = 2, .change = "corrected",
		.published_at = 1499247000,   /* 2017-07-05 09:30:00 UTC */
		.note = "Corrected the date of the meeting",
		.files = files, .nfiles = 1,
		.title = "Joint statement", .teaser = "On 5 July.",
		.body = "First point.\r\n\r\nSecond.", .signature = "Ministry",
	};
	return v;
}

/* The example of docs/authenticity.md, byte for byte. */
static void known_answer(void **state)
{
	(void)state;
	struct canon_version v = example();
	struct buf out = {0};
	canonical_text(&out, &v);
	assert_string_equal(buf_str(&out),
		"pressroom-version: 1\n"
		"site: https://embassy.example\n"
		"url: https://embassy.example/releases/7-joint-statement\n"
		"kind: release\n"
		"type: statement\n"
		"language: en\n"
		"version: 2\n"
		"change: corrected\n"
		"published: 2017-07-05T09:30:00Z\n"
		"note: Corrected the date of the meeting\n"
		"file: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 webp 800\n"
		"\n"
		"[title 15]\nJoint statement\n"
		"[teaser 10]\nOn 5 July.\n"
		"[body 21]\nFirst point.\n\nSecond.\n"
		"[signature 8]\nMinistry\n");
	buf_free(&out);
}

/* A note with a line break stays one header line; a lone CR in a body is a line end; lengths are bytes. */
static void line_ends_and_bytes(void **state)
{
	(void)state;
	struct canon_version v = example();
	v.note = "first\r\nsecond\nthird";
	v.body = "a\rb";
	v.title = "Заявление";   /* 9 letters, 18 bytes */
	v.files = NULL;
	v.nfiles = 0;
	struct buf out = {0};
	canonical_text(&out, &v);
	const char *s = buf_str(&out);
	assert_non_null(strstr(s, "note: first second third\n\n[title 18]\nЗаявление\n"));
	assert_non_null(strstr(s, "[body 3]\na\nb\n"));
	assert_null(strstr(s, "file:"));
	assert_null(strchr(s, '\r'));
	buf_free(&out);
}

/* Empty fields still have their lines, so every version has the same shape. */
static void empty_fields(void **state)
{
	(void)state;
	struct canon_version v = example();
	v.note = "";
	v.teaser = "";
	v.signature = "";
	struct buf out = {0};
	canonical_text(&out, &v);
	assert_non_null(strstr(buf_str(&out), "\nnote: \n"));
	assert_non_null(strstr(buf_str(&out), "[teaser 0]\n\n[body"));
	assert_non_null(strstr(buf_str(&out), "[signature 0]\n\n"));
	buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(known_answer),
		cmocka_unit_test(line_ends_and_bytes),
		cmocka_unit_test(empty_fields),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
