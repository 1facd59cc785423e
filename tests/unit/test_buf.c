/* test_buf.c: unit tests for the growable buffer of buf.c and the request arena of arena.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <malloc.h>
#include <string.h>

#include "arena.h"
#include "buf.h"

/* The sanitizer build's arena leaves a poisoned 16-byte gap after each allocation (arena.c). */
#if defined(__SANITIZE_ADDRESS__)
enum { ARENA_GAP = 16 };
#else
enum { ARENA_GAP = 0 };
#endif

/* ---- buf ---- */

static void buf_zeroed_is_empty_string(void **state)
{
	(void)state;
	struct buf b = {0};
	assert_non_null(buf_str(&b));
	assert_string_equal(buf_str(&b), "");
	assert_int_equal(b.len, 0);
}

static void buf_puts_appends_text(void **state)
{
	(void)state;
	struct buf b = {0};
	buf_puts(&b, "hello");
	buf_puts(&b, ", world");
	assert_string_equal(buf_str(&b), "hello, world");
	assert_int_equal(b.len, 12);
	buf_free(&b);
}

static void buf_append_takes_exactly_len_bytes(void **state)
{
	(void)state;
	struct buf b = {0};
	buf_append(&b, "abcdef", 3);
	assert_string_equal(buf_str(&b), "abc");
	assert_int_equal(b.len, 3);
	buf_free(&b);
}

static void buf_append_keeps_embedded_nul(void **state)
{
	(void)state;
	struct buf b = {0};
	buf_append(&b, "a\0b", 3);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.data, "a\0b", 4);
	buf_free(&b);
}

static void buf_append_nothing_to_empty_gives_empty_string(void **state)
{
	(void)state;
	struct buf b = {0};
	buf_append(&b, "", 0);
	assert_string_equal(buf_str(&b), "");
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

static void buf_putc_grows_past_256(void **state)
{
	(void)state;
	struct buf b = {0};
	for (int i = 0; i < 300; i++)
		buf_putc(&b, (char)('a' + i % 26));
	assert_int_equal(b.len, 300);
	assert_true(b.cap > 300);
	for (int i = 0; i < 300; i++)
		assert_int_equal(b.data[i], 'a' + i % 26);
	assert_int_equal(b.data[300], '\0');
	buf_free(&b);
}

static void buf_append_grows_past_256_at_once(void **state)
{
	(void)state;
	struct buf b = {0};
	char big[257];
	memset(big, 'x', sizeof big);
	buf_putc(&b, '<');
	buf_append(&b, big, sizeof big);
	buf_putc(&b, '>');
	assert_int_equal(b.len, 259);
	assert_int_equal(b.data[0], '<');
	assert_memory_equal(b.data + 1, big, sizeof big);
	assert_string_equal(b.data + 258, ">");
	buf_free(&b);
}

static void buf_capacity_doubles(void **state)
{
	(void)state;
	/* Doubling keeps appends a byte at a time cheap: 256 first, then 512, 1024, ... */
	struct buf b = {0};
	buf_putc(&b, 'x');
	assert_int_equal(b.cap, 256);
	for (int i = 0; i < 300; i++)
		buf_putc(&b, 'x');
	assert_int_equal(b.cap, 512);
	for (int i = 0; i < 600; i++)
		buf_putc(&b, 'x');
	assert_int_equal(b.cap, 1024);
	buf_free(&b);
}

static void buf_puts_grows_to_several_kb(void **state)
{
	(void)state;
	struct buf b = {0};
	for (int i = 0; i < 1000; i++)
		buf_puts(&b, "0123456789");
	assert_int_equal(b.len, 10000);
	assert_int_equal(strlen(buf_str(&b)), 10000);
	for (size_t i = 0; i < 10000; i++)
		assert_int_equal(b.data[i], '0' + (int)(i % 10));
	buf_free(&b);
}

static void buf_printf_formats(void **state)
{
	(void)state;
	struct buf b = {0};
	buf_printf(&b, "%d-%s-%05.1f", 42, "abc", 3.14159);
	assert_string_equal(buf_str(&b), "42-abc-003.1");
	assert_int_equal(b.len, 12);
	buf_free(&b);
}

static void buf_printf_appends_after_contents(void **state)
{
	(void)state;
	struct buf b = {0};
	buf_puts(&b, "id=");
	buf_printf(&b, "%lld", 9007199254740991LL);
	buf_puts(&b, ";");
	assert_string_equal(buf_str(&b), "id=9007199254740991;");
	buf_free(&b);
}

static void buf_put_int_prints_as_lld_does(void **state)
{
	(void)state;
	static const long long v[] = {0, 7, -7, 10, 1240, -1000, 9007199254740991LL, LLONG_MAX, LLONG_MIN};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		struct buf b = {0}, want = {0};
		buf_puts(&b, "n=");
		buf_put_int(&b, v[i]);
		buf_printf(&want, "n=%lld", v[i]);
		assert_string_equal(buf_str(&b), buf_str(&want));
		buf_free(&b);
		buf_free(&want);
	}
}

static void buf_printf_grows_past_256(void **state)
{
	(void)state;
	struct buf b = {0};
	buf_puts(&b, "head:");
	buf_printf(&b, "%300d|", 7);
	assert_int_equal(b.len, 5 + 300 + 1);
	assert_int_equal(b.data[5], ' ');
	assert_int_equal(b.data[5 + 298], ' ');
	assert_string_equal(b.data + 5 + 299, "7|");
	buf_free(&b);
}

static void buf_printf_grows_to_several_kb(void **state)
{
	(void)state;
	struct buf b = {0};
	char big[6001];
	memset(big, 'q', 6000);
	big[6000] = '\0';
	buf_printf(&b, "[%s]", big);
	buf_printf(&b, "[%s]", big);
	assert_int_equal(b.len, 12004);
	assert_int_equal(b.data[0], '[');
	assert_int_equal(b.data[6001], ']');
	assert_int_equal(b.data[6002], '[');
	assert_int_equal(b.data[12003], ']');
	assert_int_equal(b.data[12004], '\0');
	assert_int_equal(strspn(b.data + 6003, "q"), 6000);
	buf_free(&b);
}

static void buf_printf_of_empty_string_changes_nothing(void **state)
{
	(void)state;
	struct buf b = {0};
	buf_puts(&b, "x");
	buf_printf(&b, "%s", "");
	assert_string_equal(buf_str(&b), "x");
	assert_int_equal(b.len, 1);
	buf_free(&b);
}

static void buf_reset_empties_but_keeps_memory(void **state)
{
	(void)state;
	struct buf b = {0};
	for (int i = 0; i < 100; i++)
		buf_puts(&b, "0123456789");
	char *data = b.data;
	size_t cap = b.cap;
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(buf_str(&b), "");
	assert_ptr_equal(b.data, data);
	assert_int_equal(b.cap, cap);
	buf_free(&b);
}

static void buf_reset_then_reuse_does_not_reallocate(void **state)
{
	(void)state;
	struct buf b = {0};
	for (int i = 0; i < 100; i++)
		buf_puts(&b, "0123456789");
	char *data = b.data;
	buf_reset(&b);
	for (int i = 0; i < 100; i++)
		buf_puts(&b, "abcdefghij");
	assert_ptr_equal(b.data, data);
	assert_int_equal(b.len, 1000);
	assert_int_equal(memcmp(b.data, "abcdefghij", 10), 0);
	buf_free(&b);
}

static void buf_reset_of_zeroed_buffer_is_empty(void **state)
{
	(void)state;
	struct buf b = {0};
	buf_reset(&b);
	assert_string_equal(buf_str(&b), "");
	assert_null(b.data);
}

static void buf_free_clears_the_struct(void **state)
{
	(void)state;
	struct buf b = {0};
	buf_puts(&b, "something");
	buf_free(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	assert_string_equal(buf_str(&b), "");
}

static void buf_usable_after_free(void **state)
{
	(void)state;
	struct buf b = {0};
	buf_puts(&b, "first");
	buf_free(&b);
	buf_puts(&b, "second");
	assert_string_equal(buf_str(&b), "second");
	buf_free(&b);
}

/* ---- arena ---- */

static void arena_alloc_is_zeroed(void **state)
{
	(void)state;
	struct arena a = {0};
	unsigned char *p = arena_alloc(&a, 100);
	assert_non_null(p);
	for (int i = 0; i < 100; i++)
		assert_int_equal(p[i], 0);
	arena_free(&a);
}

static void arena_alloc_after_reset_is_zeroed(void **state)
{
	(void)state;
	struct arena a = {0};
	memset(arena_alloc(&a, 256), 0xAA, 256);
	arena_reset(&a);
	unsigned char *p = arena_alloc(&a, 256);
	for (int i = 0; i < 256; i++)
		assert_int_equal(p[i], 0);
	arena_free(&a);
}

static void arena_allocations_do_not_overlap(void **state)
{
	(void)state;
	struct arena a = {0};
	unsigned char *p = arena_alloc(&a, 10);
	unsigned char *q = arena_alloc(&a, 10);
	memset(p, 0x11, 10);
	memset(q, 0x22, 10);
	for (int i = 0; i < 10; i++)
		assert_int_equal(p[i], 0x11);
	assert_true(q >= p + 10 || p >= q + 10);
	arena_free(&a);
}

static void arena_alloc_is_16_byte_aligned(void **state)
{
	(void)state;
	struct arena a = {0};
	for (size_t n = 1; n < 40; n++)
		assert_int_equal((uintptr_t)arena_alloc(&a, n) % 16, 0);
	assert_int_equal((uintptr_t)arena_alloc(&a, 20000) % 16, 0);
	arena_free(&a);
}

static void arena_strdup_copies(void **state)
{
	(void)state;
	struct arena a = {0};
	char src[] = "Заявление";
	char *s = arena_strdup(&a, src);
	assert_ptr_not_equal(s, src);
	src[0] = 'X';
	assert_string_equal(s, "Заявление");
	arena_free(&a);
}

static void arena_strndup_takes_n_bytes(void **state)
{
	(void)state;
	struct arena a = {0};
	char *s = arena_strndup(&a, "abcdef", 3);
	assert_string_equal(s, "abc");
	arena_free(&a);
}

static void arena_strndup_of_zero_is_empty(void **state)
{
	(void)state;
	struct arena a = {0};
	char *s = arena_strndup(&a, "abc", 0);
	assert_non_null(s);
	assert_string_equal(s, "");
	arena_free(&a);
}

/* arena_printf formats on the stack up to 255 bytes, in the arena past that: both sides of the edge. */
static void arena_printf_at_the_stack_buffers_edge(void **state)
{
	(void)state;
	struct arena a = {0};
	for (int n = 250; n < 262; n++) {
		char *s = arena_printf(&a, "%*d", n, 5);
		assert_int_equal(strlen(s), (size_t)n);
		assert_int_equal(s[n - 1], '5');
		assert_int_equal(s[0], ' ');
	}
	arena_free(&a);
}

static void arena_concat_joins_a_prefix_and_a_string(void **state)
{
	(void)state;
	struct arena a = {0};
	assert_string_equal(arena_concat(&a, "/ru/", 3, "/messages"), "/ru/messages");
	assert_string_equal(arena_concat(&a, "http://host", 11, ""), "http://host");
	assert_string_equal(arena_concat(&a, "", 0, "/feed.atom"), "/feed.atom");
	arena_free(&a);
}

static void arena_printf_formats_into_the_arena(void **state)
{
	(void)state;
	struct arena a = {0};
	char *s = arena_printf(&a, "/admin/items/%lld?done=%s", 42LL, "saved");
	assert_string_equal(s, "/admin/items/42?done=saved");
	assert_string_equal(arena_printf(&a, "%s", ""), "");
	/* Longer than a block: the length is measured, not guessed. */
	char *big = arena_printf(&a, "%30000d|", 7);
	assert_int_equal(strlen(big), 30001);
	assert_string_equal(big + 29999, "7|");
	assert_string_equal(s, "/admin/items/42?done=saved");
	arena_free(&a);
}

static void arena_large_allocation_is_usable_and_zeroed(void **state)
{
	(void)state;
	struct arena a = {0};
	size_t n = 40000; /* more than one 16 KiB block */
	unsigned char *p = arena_alloc(&a, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(p[i], 0);
	memset(p, 0x5A, n);
	assert_int_equal(p[n - 1], 0x5A);
	arena_free(&a);
}

static void arena_large_allocation_behind_a_block_is_zeroed(void **state)
{
	(void)state;
	/* Dirty a large chunk and free it, so malloc is likely to hand the same memory back. */
	struct arena dirty = {0};
	memset(arena_alloc(&dirty, 30000), 0xAA, 30000);
	arena_free(&dirty);
	struct arena a = {0};
	arena_alloc(&a, 16); /* a current block, so the large one goes behind it */
	unsigned char *p = arena_alloc(&a, 30000);
	for (size_t i = 0; i < 30000; i++)
		assert_int_equal(p[i], 0);
	arena_free(&a);
}

static void arena_large_allocation_keeps_current_block_free_space(void **state)
{
	(void)state;
	struct arena a = {0};
	char *before = arena_strdup(&a, "before");
	unsigned char *big = arena_alloc(&a, 20000);
	char *after = arena_strdup(&a, "after");
	memset(big, 0x77, 20000);
	assert_string_equal(before, "before");
	assert_string_equal(after, "after");
	assert_ptr_equal(after, before + 16 + ARENA_GAP); /* same block, next 16-byte slot */
	arena_free(&a);
}

static void arena_many_allocations_span_blocks_intact(void **state)
{
	(void)state;
	struct arena a = {0};
	unsigned char *p[100];
	for (int i = 0; i < 100; i++) {
		p[i] = arena_alloc(&a, 1000);
		memset(p[i], i, 1000);
	}
	for (int i = 0; i < 100; i++)
		for (int k = 0; k < 1000; k++)
			assert_int_equal(p[i][k], i);
	arena_free(&a);
}

static void arena_reset_reuses_memory(void **state)
{
	(void)state;
	struct arena a = {0};
	void *first = arena_alloc(&a, 64);
	arena_alloc(&a, 64);
	arena_reset(&a);
	assert_ptr_equal(arena_alloc(&a, 64), first);
	arena_free(&a);
}

static void arena_reset_keeps_the_largest_block(void **state)
{
	(void)state;
	/* After a request that needed a 20000-byte block, the same request again must allocate nothing: the
	 * C library's count of bytes in use does not move. (Under a sanitizer mallinfo2 reads 0: still true.) */
	struct arena a = {0};
	arena_alloc(&a, 16);
	arena_alloc(&a, 20000);
	arena_reset(&a);
	size_t before = mallinfo2().uordblks;
	arena_alloc(&a, 20000);
	assert_int_equal(mallinfo2().uordblks, before);
	arena_free(&a);
}

static void arena_reset_then_strdup(void **state)
{
	(void)state;
	struct arena a = {0};
	for (int i = 0; i < 50; i++)
		arena_strdup(&a, "a string that fills blocks: 0123456789012345678901234567890123456789");
	arena_reset(&a);
	char *s = arena_strdup(&a, "fresh");
	assert_string_equal(s, "fresh");
	arena_free(&a);
}

static void arena_reset_of_empty_arena_is_harmless(void **state)
{
	(void)state;
	struct arena a = {0};
	arena_reset(&a);
	assert_null(a.head);
	assert_string_equal(arena_strdup(&a, "x"), "x");
	arena_free(&a);
}

static void arena_free_empties_the_arena(void **state)
{
	(void)state;
	struct arena a = {0};
	arena_alloc(&a, 20000);
	arena_alloc(&a, 100);
	arena_free(&a);
	assert_null(a.head);
	assert_string_equal(arena_strdup(&a, "again"), "again");
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(buf_zeroed_is_empty_string),
		cmocka_unit_test(buf_puts_appends_text),
		cmocka_unit_test(buf_append_takes_exactly_len_bytes),
		cmocka_unit_test(buf_append_keeps_embedded_nul),
		cmocka_unit_test(buf_append_nothing_to_empty_gives_empty_string),
		cmocka_unit_test(buf_putc_grows_past_256),
		cmocka_unit_test(buf_append_grows_past_256_at_once),
		cmocka_unit_test(buf_capacity_doubles),
		cmocka_unit_test(buf_puts_grows_to_several_kb),
		cmocka_unit_test(buf_printf_formats),
		cmocka_unit_test(buf_put_int_prints_as_lld_does),
		cmocka_unit_test(buf_printf_appends_after_contents),
		cmocka_unit_test(buf_printf_grows_past_256),
		cmocka_unit_test(buf_printf_grows_to_several_kb),
		cmocka_unit_test(buf_printf_of_empty_string_changes_nothing),
		cmocka_unit_test(buf_reset_empties_but_keeps_memory),
		cmocka_unit_test(buf_reset_then_reuse_does_not_reallocate),
		cmocka_unit_test(buf_reset_of_zeroed_buffer_is_empty),
		cmocka_unit_test(buf_free_clears_the_struct),
		cmocka_unit_test(buf_usable_after_free),
		cmocka_unit_test(arena_alloc_is_zeroed),
		cmocka_unit_test(arena_alloc_after_reset_is_zeroed),
		cmocka_unit_test(arena_allocations_do_not_overlap),
		cmocka_unit_test(arena_alloc_is_16_byte_aligned),
		cmocka_unit_test(arena_strdup_copies),
		cmocka_unit_test(arena_strndup_takes_n_bytes),
		cmocka_unit_test(arena_strndup_of_zero_is_empty),
		cmocka_unit_test(arena_printf_formats_into_the_arena),
		cmocka_unit_test(arena_printf_at_the_stack_buffers_edge),
		cmocka_unit_test(arena_concat_joins_a_prefix_and_a_string),
		cmocka_unit_test(arena_large_allocation_is_usable_and_zeroed),
		cmocka_unit_test(arena_large_allocation_behind_a_block_is_zeroed),
		cmocka_unit_test(arena_large_allocation_keeps_current_block_free_space),
		cmocka_unit_test(arena_many_allocations_span_blocks_intact),
		cmocka_unit_test(arena_reset_reuses_memory),
		cmocka_unit_test(arena_reset_keeps_the_largest_block),
		cmocka_unit_test(arena_reset_then_strdup),
		cmocka_unit_test(arena_reset_of_empty_arena_is_harmless),
		cmocka_unit_test(arena_free_empties_the_arena),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
