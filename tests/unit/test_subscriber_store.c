/* test_subscriber_store.c: unit tests for the pure part of subscriber_store.c: the key the subscribe form's
 * per-address throttle counts a client by (subscriber_client_key). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "subscriber_store.h"

static const char *key(const char *address)
{
	static char out[SUBSCRIBER_KEY_MAX];
	subscriber_client_key(address, out);
	return out;
}

static void ipv4_is_itself(void **state)
{
	(void)state;
	assert_string_equal(key("203.0.113.7"), "203.0.113.7");
	assert_string_equal(key("::ffff:203.0.113.7"), "203.0.113.7"); /* mapped: the same client */
}

static void ipv6_counts_by_its_64(void **state)
{
	(void)state;
	assert_string_equal(key("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "2001:db8:1:2::/64");
	assert_string_equal(key("2001:db8:1:2:ffff::9"), "2001:db8:1:2::/64");
	assert_string_equal(key("2001:db8:1:3::1"), "2001:db8:1:3::/64");
	assert_string_equal(key("::1"), "::/64");
}

static void anything_else_as_it_is_cut_to_fit(void **state)
{
	(void)state;
	assert_string_equal(key(""), "");
	assert_string_equal(key("unix:"), "unix:");
	char long_one[200];
	memset(long_one, 'x', sizeof long_one - 1);
	long_one[sizeof long_one - 1] = '\0';
	assert_int_equal(strlen(key(long_one)), SUBSCRIBER_KEY_MAX - 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ipv4_is_itself),
		cmocka_unit_test(ipv6_counts_by_its_64),
		cmocka_unit_test(anything_else_as_it_is_cut_to_fit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
