/* test_alerts_address.c: unit tests for alerts_address_check (the subscribe form's address rules). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "alerts_address.h"

static char out[ALERTS_ADDRESS_MAX + 1];

static const char *check(const char *typed)
{
	return alerts_address_check(typed, strlen(typed), out);
}

static const char *repeat(char c, size_t n)
{
	static char s[600];
	assert_true(n < sizeof s);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

static void accepts_plain_addresses_and_lowercases_the_domain(void **state)
{
	(void)state;
	assert_null(check("Press.Office@Embassy.EXAMPLE"));
	assert_string_equal(out, "Press.Office@embassy.example"); /* the local part as typed */
	assert_null(check("a+tag!#$%&'*/=?^_`{|}~-x@mail.example.org"));
	assert_null(check("x@xn--80ak6aa92e.xn--p1ai")); /* an IDN, already in its ASCII form */
	assert_null(check("x@a-b.c2"));
}

static void refuses_line_breaks_and_controls_anywhere(void **state)
{
	(void)state;
	const char *hostile[] = {"a@b.example\r\nBcc: victim@example.org", "a\n@b.example", "a@b.example\r",
	                         "a\t@b.example", "a@b.ex\x7fmple", "a b@c.example", " a@b.example", "a@b.example "};
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		assert_non_null(check(hostile[i]));
		assert_string_equal(out, "");
	}
	/* A NUL inside: the length says where the text ends, not the NUL. */
	assert_non_null(alerts_address_check("a@b.example\0x", 13, out));
}

static void refuses_quoted_local_parts_and_bad_dots(void **state)
{
	(void)state;
	assert_non_null(strstr(check("\"john.doe\"@example.org"), "Quoted"));
	assert_non_null(strstr(check("\"john\"@example.org"), "Quoted"));
	assert_non_null(check(".a@example.org"));
	assert_non_null(check("a.@example.org"));
	assert_non_null(check("a..b@example.org"));
	assert_non_null(check("a(comment)@example.org"));
	assert_non_null(check("a,b@example.org"));
}

static void refuses_bad_domains(void **state)
{
	(void)state;
	const char *bad[] = {"a@localhost", "a@example.", "a@.example", "a@exa..mple", "a@-x.example",
	                     "a@x-.example", "a@[127.0.0.1]", "a@1.2.3.4", "a@exa_mple.org", "a@b@example.org",
	                     "@example.org", "a@", "a", ""};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_non_null(check(bad[i]));
	assert_non_null(check("a@пример.рф")); /* non-ASCII: refused, with the xn-- advice */
	assert_non_null(strstr(check("a@пример.рф"), "xn--"));
	assert_non_null(check("имя@example.org"));
}

static void holds_the_rfc_5321_limits(void **state)
{
	(void)state;
	char s[600];
	/* Local part: 64 bytes yes, 65 no. */
	strcpy(s, repeat('l', 64));
	strcat(s, "@example.org");
	assert_null(check(s));
	strcpy(s, repeat('l', 65));
	strcat(s, "@example.org");
	assert_non_null(strstr(check(s), "64"));
	/* A label: 63 yes, 64 no. */
	strcpy(s, "a@");
	strcat(s, repeat('d', 63));
	strcat(s, ".org");
	assert_null(check(s));
	strcpy(s, "a@");
	strcat(s, repeat('d', 64));
	strcat(s, ".org");
	assert_non_null(check(s));
	/* The whole: 254 yes, 255 no (labels of 60 joined by dots). */
	strcpy(s, repeat('l', 64));
	strcat(s, "@");
	while (strlen(s) < 254 - 61)
		strcat(s, repeat('d', 60)), strcat(s, ".");
	strcat(s, repeat('e', 254 - strlen(s)));
	assert_int_equal(strlen(s), 254);
	assert_null(check(s));
	strcat(s, "e");
	assert_non_null(strstr(check(s), "254"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepts_plain_addresses_and_lowercases_the_domain),
		cmocka_unit_test(refuses_line_breaks_and_controls_anywhere),
		cmocka_unit_test(refuses_quoted_local_parts_and_bad_dots),
		cmocka_unit_test(refuses_bad_domains),
		cmocka_unit_test(holds_the_rfc_5321_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
