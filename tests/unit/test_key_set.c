/* test_key_set.c: unit tests for key_set.c, the keys `pressroom verify` trusts after rotations. Three keys
 * A, B, C, each rotation signed both ways as `pressroom key rotate` signs it (key_store.c's comments): from
 * either end the reader reaches every key, each for its own entries only; a key the list adds that no trusted
 * key vouches for, or a signature changed in the list, is a problem, and never trusted. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "arena.h"
#include "buf.h"
#include "key_set.h"
#include "key_store.h"
#include "minisign.h"

static struct minisign_key A, B, C, D;

static void make(struct minisign_key *k, unsigned char n)
{
	unsigned char seed[32], id[MINISIGN_ID_BYTES];
	memset(seed, n, sizeof seed);
	memset(id, n, sizeof id);
	minisign_from_seed(k, seed, id);
}

static char *pub_of(const struct minisign_key *k)
{
	struct buf b = {0};
	minisign_public_file(&b, k);
	return b.data;
}

static const char *fp(const struct minisign_key *k, char out[MINISIGN_FINGERPRINT_LEN + 1])
{
	minisign_fingerprint(out, k);
	return out;
}

static void section(struct buf *out, const char *name, const char *text)
{
	buf_printf(out, "[%s %zu]\n%s", name, strlen(text), text);
}

/* The list /signing-keys serves after two rotations: A signs 1..last_a, B to last_b, C after. */
static void list(struct buf *out, long long last_a, long long last_b)
{
	struct arena a = {0};
	char ia[17], ib[17], ic[17];
	char *pa = pub_of(&A), *pb = pub_of(&B), *pc = pub_of(&C);
	struct buf sig = {0};
	buf_puts(out, "pressroom-signing-keys: 1\n");
	buf_printf(out, "\nkey: %s\nvalid-from: x\nvalid-until: x\n", fp(&A, ia));
	section(out, "public-key", pa);
	minisign_sign(&sig, &B, pa, strlen(pa), key_store_retirement_comment(&a, ia, 0, last_a, fp(&B, ib)));
	section(out, "retirement", buf_str(&sig));
	buf_reset(&sig);
	buf_printf(out, "\nkey: %s\nvalid-from: x\nvalid-until: x\n", ib);
	section(out, "public-key", pb);
	minisign_sign(&sig, &A, pb, strlen(pb), key_store_endorsement_comment(&a, ib, 0, last_a + 1, ia));
	section(out, "endorsement", buf_str(&sig));
	buf_reset(&sig);
	minisign_sign(&sig, &C, pb, strlen(pb), key_store_retirement_comment(&a, ib, 0, last_b, fp(&C, ic)));
	section(out, "retirement", buf_str(&sig));
	buf_reset(&sig);
	buf_printf(out, "\nkey: %s\nvalid-from: x\nvalid-until: current\n", ic);
	section(out, "public-key", pc);
	minisign_sign(&sig, &B, pc, strlen(pc), key_store_endorsement_comment(&a, ic, 0, last_b + 1, ib));
	section(out, "endorsement", buf_str(&sig));
	buf_free(&sig);
	buf_free(&(struct buf){.data = pa});
	buf_free(&(struct buf){.data = pb});
	buf_free(&(struct buf){.data = pc});
	arena_free(&a);
}

/* 1, 0 or -1 as key_set_verify says for a text signed by k, recorded at entry. */
static int check(const struct key_set *s, const struct minisign_key *k, long long entry)
{
	struct buf sig = {0};
	minisign_sign(&sig, k, "text", 4, "https://embassy.example/releases/1 v1");
	int rc = key_set_verify(s, "text", 4, buf_str(&sig), entry, NULL);
	buf_free(&sig);
	return rc;
}

static void trusted_from(const struct minisign_key *anchor)
{
	static struct key_set s;
	struct buf text = {0}, problems = {0};
	char *pub = pub_of(anchor);
	list(&text, 3, 7);
	assert_int_equal(key_set_init(&s, pub), 0);
	assert_int_equal(key_set_add_list(&s, buf_str(&text), &problems), 0);
	assert_int_equal(s.n, 3);
	assert_int_equal(check(&s, &A, 1), 1);
	assert_int_equal(check(&s, &A, 3), 1);
	assert_int_equal(check(&s, &A, 4), -1);   /* a stolen retired key, after its retirement */
	assert_int_equal(check(&s, &B, 3), -1);   /* a key before it was endorsed */
	assert_int_equal(check(&s, &B, 4), 1);
	assert_int_equal(check(&s, &B, 7), 1);
	assert_int_equal(check(&s, &B, 8), -1);
	assert_int_equal(check(&s, &C, 8), 1);
	assert_int_equal(check(&s, &C, 100), 1);
	assert_int_equal(check(&s, &C, 7), -1);
	assert_int_equal(check(&s, &D, 5), 0);    /* no trusted key made it */
	buf_free(&text);
	buf_free(&problems);
	buf_free(&(struct buf){.data = pub});
}

static void test_from_the_newest_key(void **state)
{
	(void)state;
	trusted_from(&C);
}

static void test_from_the_oldest_key(void **state)
{
	(void)state;
	trusted_from(&A);
}

static void test_from_the_middle_key(void **state)
{
	(void)state;
	trusted_from(&B);
}

static void test_without_the_list_only_the_key_file(void **state)
{
	(void)state;
	static struct key_set s;
	char *pub = pub_of(&C);
	assert_int_equal(key_set_init(&s, pub), 0);
	assert_int_equal(check(&s, &C, 1), 1);    /* no stretch known: every entry */
	assert_int_equal(check(&s, &A, 1), 0);
	assert_int_equal(key_set_init(&s, "not a key"), -1);
	buf_free(&(struct buf){.data = pub});
}

static void test_a_key_retired_before_any_entry_signs_none(void **state)
{
	(void)state;
	static struct key_set s;
	struct buf text = {0}, problems = {0};
	char *pub = pub_of(&C);
	list(&text, 0, 7);   /* A rotated away before the history's first entry */
	assert_int_equal(key_set_init(&s, pub), 0);
	assert_int_equal(key_set_add_list(&s, buf_str(&text), &problems), 0);
	assert_int_equal(check(&s, &A, 1), -1);
	assert_int_equal(check(&s, &B, 1), 1);
	buf_free(&text);
	buf_free(&problems);
	buf_free(&(struct buf){.data = pub});
}

static void test_a_key_nobody_vouches_for_is_a_problem(void **state)
{
	(void)state;
	static struct key_set s;
	struct arena a = {0};
	struct buf text = {0}, problems = {0}, sig = {0};
	char id_c[17], id_d[17];
	char *pub = pub_of(&C), *pd = pub_of(&D);
	list(&text, 3, 7);
	/* D "endorsed by C", but the signature is D's own: the comment cannot lend it C's word. */
	buf_printf(&text, "\nkey: %s\n", fp(&D, id_d));
	section(&text, "public-key", pd);
	minisign_sign(&sig, &D, pd, strlen(pd), key_store_endorsement_comment(&a, id_d, 0, 9, fp(&C, id_c)));
	section(&text, "endorsement", buf_str(&sig));
	assert_int_equal(key_set_init(&s, pub), 0);
	assert_int_equal(key_set_add_list(&s, buf_str(&text), &problems), 1);
	assert_non_null(strstr(buf_str(&problems), "no key you trust vouches for it"));
	assert_non_null(strstr(buf_str(&problems), id_d));
	assert_int_equal(check(&s, &D, 9), 0);
	buf_free(&text);
	buf_free(&problems);
	buf_free(&sig);
	buf_free(&(struct buf){.data = pub});
	buf_free(&(struct buf){.data = pd});
	arena_free(&a);
}

static void test_a_changed_signature_in_the_list_is_a_problem(void **state)
{
	(void)state;
	static struct key_set s;
	struct buf text = {0}, problems = {0};
	char *pub = pub_of(&A);
	list(&text, 3, 7);
	/* Someone moves B's retirement later in its trusted comment, to let a stolen B sign entry 9. */
	char *at = strstr(text.data, "(history entry 7), retired by");
	assert_non_null(at);
	at[strlen("(history entry ")] = '9';
	/* A reader who holds A: B is still reached by A's endorsement, and C by B's, which says C signs from 8
	 * on: B signs nothing after 7 all the same, and the changed signature is named. */
	assert_int_equal(key_set_init(&s, pub), 0);
	assert_int_equal(key_set_add_list(&s, buf_str(&text), &problems), 1);
	assert_non_null(strstr(buf_str(&problems), "its retirement does not hold"));
	assert_int_equal(check(&s, &B, 7), 1);
	assert_int_equal(check(&s, &B, 9), -1);
	/* One who holds C cannot reach B (C's word for it is the changed one) nor A behind it. */
	buf_reset(&problems);
	char *pc = pub_of(&C);
	assert_int_equal(key_set_init(&s, pc), 0);
	assert_true(key_set_add_list(&s, buf_str(&text), &problems) >= 1);
	assert_non_null(strstr(buf_str(&problems), "no key you trust vouches for it"));
	assert_int_equal(check(&s, &B, 5), 0);
	buf_free(&(struct buf){.data = pc});
	buf_free(&text);
	buf_free(&problems);
	buf_free(&(struct buf){.data = pub});
}

int main(void)
{
	make(&A, 1);
	make(&B, 2);
	make(&C, 3);
	make(&D, 4);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_from_the_newest_key),
		cmocka_unit_test(test_from_the_oldest_key),
		cmocka_unit_test(test_from_the_middle_key),
		cmocka_unit_test(test_without_the_list_only_the_key_file),
		cmocka_unit_test(test_a_key_retired_before_any_entry_signs_none),
		cmocka_unit_test(test_a_key_nobody_vouches_for_is_a_problem),
		cmocka_unit_test(test_a_changed_signature_in_the_list_is_a_problem),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
