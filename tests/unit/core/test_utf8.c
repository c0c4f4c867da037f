/* Unit tests of utf8.c: strict validation, table-driven. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/utf8.h"

static const struct {
	const char	*name;
	const char	*bytes;
	size_t		 len;
	int		 valid;
} cases[] = {
	{ "empty",		"",			0, 1 },
	{ "ascii",		"Les 1",		5, 1 },
	{ "e-acute",		"priv\xc3\xa9",		6, 1 },
	{ "euro",		"\xe2\x82\xac",		3, 1 },
	{ "emoji",		"\xf0\x9f\x98\x80",	4, 1 },
	{ "max code point",	"\xf4\x8f\xbf\xbf",	4, 1 },
	{ "lone continuation",	"\x80",			1, 0 },
	{ "truncated 2-byte",	"\xc3",			1, 0 },
	{ "truncated 3-byte",	"\xe2\x82",		2, 0 },
	{ "overlong slash",	"\xc0\xaf",		2, 0 },
	{ "overlong 3-byte",	"\xe0\x80\xaf",		3, 0 },
	{ "surrogate",		"\xed\xa0\x80",		3, 0 },
	{ "above U+10FFFF",	"\xf4\x90\x80\x80",	4, 0 },
	{ "invalid lead f8",	"\xf8\x88\x80\x80\x80",	5, 0 },
	{ "latin-1 e-acute",	"priv\xe9",		5, 0 },
	{ "embedded NUL",	"a\0b",			3, 0 },
	{ "bad continuation",	"\xc3\x28",		2, 0 },
};

static void
test_valid_table(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (utf8_valid(cases[i].bytes, cases[i].len) != cases[i].valid)
			fail_msg("case '%s': expected %s", cases[i].name,
			    cases[i].valid ? "valid" : "invalid");
	}
}

static void
test_cut_table(void **state)
{
	static const struct {
		const char	*s;
		size_t		 max_bytes, max_chars, want;
	} rows[] = {
		{ "abc", 10, SIZE_MAX, 3 },
		{ "abc", 2, SIZE_MAX, 2 },
		{ "abc", 10, 1, 1 },
		{ "\xe2\x82\xac\xe2\x82\xac", 5, SIZE_MAX, 3 },	/* € € */
		{ "\xe2\x82\xac\xe2\x82\xac", 6, SIZE_MAX, 6 },
		{ "\xe2\x82\xac\xe2\x82\xac", 2, SIZE_MAX, 0 },
		{ "a\xf0\x9f\x98\x80" "b", 4, SIZE_MAX, 1 },		/* a😀b */
		{ "a\xf0\x9f\x98\x80" "b", 5, SIZE_MAX, 5 },
		{ "a\xf0\x9f\x98\x80" "b", 100, 2, 5 },
		{ "\xff\xfe", 1, SIZE_MAX, 1 },			/* not UTF-8 */
		{ "\xe2\x82", 10, SIZE_MAX, 2 },			/* cut short */
		{ "", 10, 10, 0 },
	};
	size_t	i, got;

	(void)state;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		got = utf8_cut(rows[i].s, strlen(rows[i].s), rows[i].max_bytes,
		    rows[i].max_chars);
		assert_int_equal(got, rows[i].want);
		assert_true(utf8_valid(rows[i].s, got) ||
		    !utf8_valid(rows[i].s, strlen(rows[i].s)));
	}
}

static void
test_length(void **state)
{
	(void)state;
	assert_int_equal(utf8_length("priv\xc3\xa9", 6), 5);
	assert_int_equal(utf8_length("\xf0\x9f\x98\x80x", 5), 2);
	assert_int_equal(utf8_length("", 0), 0);
}

/*
 * Every text of 1- to 4-byte characters, cut at every length: the result is
 * valid UTF-8, a prefix of the text, and loses less than one character.
 */
static void
test_cut_every_boundary(void **state)
{
	static const char *const	texts[] = {
		"abcdefgh",
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
		"\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac",
		"\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80",
		"a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80" "b",
	};
	char	buf[64];
	size_t	i, max, n, len;

	(void)state;
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		len = strlen(texts[i]);
		for (max = 0; max <= len + 1; max++) {
			n = utf8_cut(texts[i], len, max, SIZE_MAX);
			assert_true(n <= max && n <= len);
			assert_true(utf8_valid(texts[i], n));
			assert_true(n == len || max - n < 4);
			if (n < len)
				assert_true(((unsigned char)texts[i][n] &
				    0xc0) != 0x80);

			/* A buffer of max + 1 bytes holds max bytes of text. */
			assert_int_equal(utf8_fmt(buf, max + 1, "%s",
			    texts[i]), n);
			assert_int_equal(strlen(buf), n);
			assert_memory_equal(buf, texts[i], n);
		}
	}
}

static void
test_fmt_fits(void **state)
{
	char	buf[16];

	(void)state;
	assert_int_equal(utf8_fmt(buf, sizeof(buf), "%s %d", "les", 3), 5);
	assert_string_equal(buf, "les 3");
	/* "Les " + 4 euro signs = 16 bytes: the last one does not fit. */
	assert_int_equal(utf8_fmt(buf, sizeof(buf), "Les %s",
	    "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"), 13);
	assert_true(utf8_valid(buf, strlen(buf)));
	assert_int_equal(utf8_fmt(buf, 1, "%s", "x"), 0);
	assert_string_equal(buf, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_table),
		cmocka_unit_test(test_length),
		cmocka_unit_test(test_cut_table),
		cmocka_unit_test(test_cut_every_boundary),
		cmocka_unit_test(test_fmt_fits),
	};

	return (cmocka_run_group_tests_name("utf8", tests, NULL, NULL));
}
