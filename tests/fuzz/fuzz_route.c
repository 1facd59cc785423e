/* fuzz_route.c: routing and the validators of valid.c on any text: route_match, the '*' segment checks
 * of the route table (route_segment) and valid_id_slug, and valid_positive, valid_year, valid_date, valid_time, valid_word, valid_line,
 * valid_utf8 and valid_clean_utf8, each given the whole input.
 *
 * Properties: no memory error; a matched '*' segment lies inside the path and is not empty; every accepted
 * value is in its range and, for dates and times, prints back as the input; cleaning gives valid UTF-8 of
 * the same length and leaves valid UTF-8 as it is. */
#include "fuzz.h"

#include "route.h"
#include "valid.h"

static void route(const char *path)
{
	const char *arg = NULL;
	const struct route *rt = route_match(path, &arg);
	if (rt == NULL) {
		CHECK(arg == NULL);
		return;
	}
	CHECK(rt >= route_table && rt < route_table + PAGE__MAX);
	if (arg == NULL) {
		CHECK(strcmp(rt->pattern, path) == 0);
		return;
	}
	size_t seglen = strcspn(arg, "/");
	CHECK(arg > path && arg + seglen <= path + strlen(path) && seglen > 0);
	/* The segment alone, as route_dispatch gives it to the page. */
	char *seg = malloc(seglen + 1);
	CHECK(seg != NULL);
	memcpy(seg, arg, seglen);
	seg[seglen] = '\0';
	long long id = 0;
	const char *slug = NULL;
	if (valid_id_slug(seg, &id, &slug)) {
		CHECK(id >= 1 && id <= 9007199254740991LL);
		CHECK(slug >= seg && slug <= seg + seglen);
	}
	/* The route's own check, as route_dispatch runs it, and every other kind's on the same segment. */
	for (int kind = 0; kind < SEG__MAX; kind++) {
		struct req_seg v;
		const char *missing = NULL;
		int ok = route_segment((enum seg)kind, seg, &v, &missing);
		CHECK(ok ? missing == NULL : missing != NULL && v.id == 0 && v.slug == NULL);
		CHECK(kind != SEG_NONE || !ok);
		if (ok && (kind == SEG_ID_SLUG || kind == SEG_ID || kind == SEG_XML_PART))
			CHECK(v.id >= 1 && v.id <= (kind == SEG_XML_PART ? 100000 : 9007199254740991LL));
		if (ok && kind == SEG_ID_SLUG)
			CHECK(v.slug >= seg && v.slug <= seg + seglen);
		if (ok && kind == SEG_TOKEN)
			CHECK(seglen == 64 && strspn(seg, "0123456789abcdef") == 64);
	}
	CHECK(rt->seg != SEG_NONE);
	free(seg);
}

static void validators(char *s)
{
	size_t len = strlen(s);
	long long v = 0;
	static const long long maxima[] = {1, 12, 100000, 9007199254740991LL, 999999999999999999LL};
	for (size_t i = 0; i < sizeof maxima / sizeof maxima[0]; i++)
		if (valid_positive(s, maxima[i], &v))
			CHECK(v >= 1 && v <= maxima[i] && len <= 18 && strspn(s, "0123456789") == len);

	int y = 0, m = 0, d = 0, h = 0, min = 0;
	if (valid_year(s, &y))
		CHECK(y >= 1900 && y <= 2200 && len == 4);
	if (valid_date(s, &y, &m, &d)) {
		char back[32];
		snprintf(back, sizeof back, "%04d-%02d-%02d", y, m, d);
		CHECK(strcmp(back, s) == 0);
		CHECK(m >= 1 && m <= 12 && d >= 1 && d <= 31);
	}
	if (valid_time(s, &h, &min)) {
		char back[16];
		snprintf(back, sizeof back, "%02d:%02d", h, min);
		CHECK(strcmp(back, s) == 0);
		CHECK(h >= 0 && h <= 23 && min >= 0 && min <= 59);
	}
	static const char *const words[] = {"releases", "events", "", NULL};
	int w = -1;
	if (valid_word(s, words, &w))
		CHECK(w >= 0 && w < 3 && strcmp(words[w], s) == 0);

	int utf8 = valid_utf8(s, len);
	if (valid_line(s, 256))
		CHECK(utf8 && len <= 256);
	char *clean = strdup(s);
	CHECK(clean != NULL);
	valid_clean_utf8(clean);
	CHECK(strlen(clean) == len && valid_utf8(clean, len));
	CHECK(!utf8 || strcmp(clean, s) == 0);
	free(clean);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size);
	route(s);
	validators(s);
	free(s);
	return 0;
}
