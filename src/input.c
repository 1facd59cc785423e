/* input.c: the table of accepted keys and their validators. */
#include "input.h"

#include <string.h>

#include "valid.h"

const char *const input_type_words[] = {"releases", "events", NULL};

static int check_page(const char *raw, struct input *out)
{
	return valid_positive(raw, 100000, &out->i);
}

static int check_type(const char *raw, struct input *out)
{
	int w;
	if (!valid_word(raw, input_type_words, &w))
		return 0;
	out->i = w;
	return 1;
}

static int check_year(const char *raw, struct input *out)
{
	int y;
	if (!valid_year(raw, &y))
		return 0;
	out->i = y;
	return 1;
}

static const struct {
	const char *name;
	int (*check)(const char *raw, struct input *out);
} keys[KEY__MAX] = {
	[KEY_PAGE] = {"page", check_page},
	[KEY_TYPE] = {"type", check_type},
	[KEY_YEAR] = {"year", check_year},
};

const char *input_name(enum key k)
{
	return keys[k].name;
}

enum key input_key(const char *name)
{
	for (int k = 0; k < KEY__MAX; k++)
		if (strcmp(keys[k].name, name) == 0)
			return (enum key)k;
	return KEY__MAX;
}

int input_check(enum key k, const char *raw, struct input *out)
{
	struct input v = {0};
	if (!keys[k].check(raw, &v))
		return 0;
	v.set = 1;
	v.s = raw;
	*out = v;
	return 1;
}
