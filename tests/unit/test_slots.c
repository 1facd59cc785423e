/* test_slots.c: unit tests for slots.c (the cross-worker bounds): a slot another process holds is busy, the
 * next one is free, a given-back slot can be taken again, a dead holder's slot is free, sizes are checked.
 * "Another process" is a forked child with its own descriptor, as a worker is. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "slots.h"

static char db[64];

static int setup(void **state)
{
	(void)state;
	char dir[] = "/tmp/pressroom-slots-XXXXXX";
	assert_non_null(mkdtemp(dir));
	snprintf(db, sizeof db, "%s/pressroom.db", dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char path[96];
	slots_close();
	snprintf(path, sizeof path, "%s%s", db, SLOTS_SUFFIX);
	unlink(path);
	*strrchr(db, '/') = '\0';
	rmdir(db);
	return 0;
}

/* In a child with its own descriptor: 1 if it could take a slot of kind k, 0 if not. */
static int child_takes(enum slots_kind k)
{
	pid_t pid = fork();
	if (pid == 0) {
		char err[128];
		const int sizes[SLOTS__MAX] = {1, 2};
		_exit(slots_open(db, sizes, err, sizeof err) == 0 ? slots_take(k) : 9);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static void test_without_open_every_take_succeeds(void **state)
{
	(void)state;
	assert_int_equal(slots_take(SLOTS_PASSWORD), 1);
	slots_give(SLOTS_PASSWORD);
	assert_int_equal(slots_size(SLOTS_PASSWORD), 0);
}

static void test_a_slot_held_elsewhere_is_busy_until_given_back(void **state)
{
	(void)state;
	char err[128];
	const int sizes[SLOTS__MAX] = {1, 2};
	assert_int_equal(slots_open(db, sizes, err, sizeof err), 0);
	assert_int_equal(slots_size(SLOTS_PASSWORD), 1);
	assert_int_equal(slots_take(SLOTS_PASSWORD), 1);
	assert_int_equal(child_takes(SLOTS_PASSWORD), 0);
	assert_int_equal(child_takes(SLOTS_SEARCH), 1); /* the kinds are separate */
	slots_give(SLOTS_PASSWORD);
	assert_int_equal(child_takes(SLOTS_PASSWORD), 1);
}

static void test_two_slots_let_two_in(void **state)
{
	(void)state;
	char err[128];
	const int sizes[SLOTS__MAX] = {1, 2};
	assert_int_equal(slots_open(db, sizes, err, sizeof err), 0);
	assert_int_equal(slots_take(SLOTS_SEARCH), 1);
	assert_int_equal(child_takes(SLOTS_SEARCH), 1); /* the second slot */
	slots_give(SLOTS_SEARCH);
}

static void test_a_dead_holders_slot_is_free(void **state)
{
	(void)state;
	int ready[2];
	assert_int_equal(pipe(ready), 0);
	pid_t pid = fork();
	if (pid == 0) {
		char err[128];
		const int sizes[SLOTS__MAX] = {1, 1};
		char c = slots_open(db, sizes, err, sizeof err) == 0 && slots_take(SLOTS_PASSWORD) ? 'y' : 'n';
		(void)!write(ready[1], &c, 1);
		pause(); /* holds the slot until killed */
		_exit(0);
	}
	char c = 0;
	assert_int_equal(read(ready[0], &c, 1), 1);
	assert_int_equal(c, 'y');
	assert_int_equal(child_takes(SLOTS_PASSWORD), 0);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	assert_int_equal(child_takes(SLOTS_PASSWORD), 1);
	close(ready[0]);
	close(ready[1]);
}

static void test_sizes_are_checked(void **state)
{
	(void)state;
	char err[128];
	const int zero[SLOTS__MAX] = {0, 1}, big[SLOTS__MAX] = {1, SLOTS_MAX + 1};
	assert_int_equal(slots_open(db, zero, err, sizeof err), -1);
	assert_int_equal(slots_open(db, big, err, sizeof err), -1);
	assert_non_null(strstr(err, "not from 1 to 64"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_without_open_every_take_succeeds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_slot_held_elsewhere_is_busy_until_given_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_slots_let_two_in, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_dead_holders_slot_is_free, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sizes_are_checked, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
