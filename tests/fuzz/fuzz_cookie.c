/* fuzz_cookie.c: req_cookie, which finds the session and sign-in cookies in a Cookie header that anyone
 * can write. The first byte picks the cookie name; the rest is the header.
 *
 * Properties: no memory error; a value found holds no ';', does not end in a space or tab, and appears in
 * the header right after "name="; a cookie given twice is refused. */
#include "fuzz.h"

#include "auth.h"
#include "req.h"

/* How many times "name=" starts a cookie in header, counted independently of req_cookie. */
static int occurrences(const char *header, const char *name)
{
	size_t nlen = strlen(name);
	int count = 0;
	const char *p = header;
	while (*p) {
		p += strspn(p, " \t;");
		size_t len = strcspn(p, ";");
		if (len > nlen && memcmp(p, name, nlen) == 0 && p[nlen] == '=')
			count++;
		p += len;
	}
	return count;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {AUTH_SESSION_COOKIE, AUTH_LOGIN_COOKIE, "a", ""};
	if (size < 1)
		return 0;
	const char *name = names[data[0] % 4];
	struct arena a = {0};
	char *header = fuzz_string(data + 1, size - 1);
	const char *value = req_cookie(&a, header, name);
	int n = occurrences(header, name);
	if (n != 1) {
		CHECK(value == NULL);
	} else {
		CHECK(value != NULL);
		size_t len = strlen(value);
		CHECK(strchr(value, ';') == NULL);
		CHECK(len == 0 || (value[len - 1] != ' ' && value[len - 1] != '\t'));
		char *want = malloc(strlen(name) + len + 2);
		CHECK(want != NULL);
		sprintf(want, "%s=%s", name, value);
		CHECK(strstr(header, want) != NULL);
		free(want);
	}
	free(header);
	arena_free(&a);
	return 0;
}
