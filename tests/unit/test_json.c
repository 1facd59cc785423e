/* test_json.c: unit tests for tpl_json_string, the one way text becomes a JSON string (JSON-LD): valid JSON
 * for any text, and nothing that could end the <script> element it is printed in. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "buf.h"
#include "tpl.h"

static void check(const char *text, const char *expected)
{
	struct buf out = {0};
	tpl_json_string(&out, text);
	assert_string_equal(buf_str(&out), expected);
	buf_free(&out);
}

static void plain_text_is_quoted(void **state)
{
	(void)state;
	check("", "\"\"");
	check("Joint statement", "\"Joint statement\"");
	check("Заявление МИД — «итоги»", "\"Заявление МИД — «итоги»\"");
}

static void quotes_backslashes_and_slashes_are_escaped(void **state)
{
	(void)state;
	check("say \"no\" \\ https://x/y", "\"say \\\"no\\\" \\\\ https:\\/\\/x\\/y\"");
}

static void nothing_can_close_the_script_element(void **state)
{
	(void)state;
	check("</script><!-- & -->", "\"\\u003C\\/script\\u003E\\u003C!-- \\u0026 --\\u003E\"");
}

static void named_controls_are_escaped_and_others_dropped(void **state)
{
	(void)state;
	check("a\nb\tc\rd", "\"a\\nb\\tc\\rd\"");
	check("\x01start\x1f mid\x7f end\x02", "\"start mid\x7f end\"");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_text_is_quoted),
		cmocka_unit_test(quotes_backslashes_and_slashes_are_escaped),
		cmocka_unit_test(nothing_can_close_the_script_element),
		cmocka_unit_test(named_controls_are_escaped_and_others_dropped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
