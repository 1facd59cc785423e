/* test_alerts_outbox.c: unit tests for the one retry rule of the outbox and the WebSub pings
 * (outbox_next_attempt in alerts_outbox.c): a minute, doubled each failure, at most an hour apart, and
 * failed once a day has passed since the row was queued; and the relay's loopback and port rules
 * (alerts_relay.c), which decide where STARTTLS may be skipped and which ports the sender may reach. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "alerts_outbox.h"
#include "alerts_relay.h"

static void backoff_doubles_from_a_minute_to_an_hour(void **state)
{
	(void)state;
	const long long queued = 1000000, now = queued + 10;
	assert_int_equal(outbox_next_attempt(now, queued, 0), now + 60);
	assert_int_equal(outbox_next_attempt(now, queued, 1), now + 120);
	assert_int_equal(outbox_next_attempt(now, queued, 2), now + 240);
	assert_int_equal(outbox_next_attempt(now, queued, 5), now + 1920);
	assert_int_equal(outbox_next_attempt(now, queued, 6), now + 3600);
	assert_int_equal(outbox_next_attempt(now, queued, 40), now + 3600);  /* no overflow, still an hour */
}

static void a_day_after_queueing_the_row_fails(void **state)
{
	(void)state;
	const long long queued = 1000000;
	/* The last retry that still falls within the day is made; the next is not. */
	assert_int_equal(outbox_next_attempt(queued + 86400 - 3600, queued, 10), queued + 86400);
	assert_int_equal(outbox_next_attempt(queued + 86400 - 3599, queued, 10), 0);
	assert_int_equal(outbox_next_attempt(queued + 90000, queued, 0), 0);
}

static void loopback_relays_and_ports(void **state)
{
	(void)state;
	assert_true(alerts_relay_is_loopback("smtp://127.0.0.1:2525"));
	assert_true(alerts_relay_is_loopback("smtp://localhost"));
	assert_true(alerts_relay_is_loopback("smtp://[::1]:25"));
	assert_false(alerts_relay_is_loopback("smtp://mail.example.org:587"));
	assert_false(alerts_relay_is_loopback("smtp://127.0.0.1.evil.example:25"));
	assert_false(alerts_relay_is_loopback("smtp://localhost.evil.example"));
	assert_int_equal(alerts_relay_port("smtp://mail.example.org:587"), 587);
	assert_int_equal(alerts_relay_port("smtp://mail.example.org"), 25);
	assert_int_equal(alerts_relay_port("smtps://mail.example.org"), 465);
	assert_int_equal(alerts_relay_port("https://hub.example.org/"), 443);
	assert_int_equal(alerts_relay_port("http://127.0.0.1:8080/hub"), 8080);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(backoff_doubles_from_a_minute_to_an_hour),
		cmocka_unit_test(a_day_after_queueing_the_row_fails),
		cmocka_unit_test(loopback_relays_and_ports),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
