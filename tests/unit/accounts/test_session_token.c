/* Unit tests of session_token.c: format, hash, CSRF derivation. */
#include "unit.h"

#include "accounts/session_token.h"

static void
test_new_tokens(void **state)
{
	char	a[TOKEN_TEXT_LEN + 1], b[TOKEN_TEXT_LEN + 1];
	size_t	i;

	(void)state;
	assert_int_equal(token_init(), 0);
	for (i = 0; i < 100; i++) {
		token_new(a);
		token_new(b);
		assert_int_equal(strlen(a), TOKEN_TEXT_LEN);
		assert_true(token_valid(a));
		assert_string_not_equal(a, b);
		assert_int_equal(strspn(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "abcdefghijklmnopqrstuvwxyz0123456789-_"), TOKEN_TEXT_LEN);
	}
}

static void
test_valid(void **state)
{
	static const struct unit_text_case	texts[] = {
		{ "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 1 },
		{ "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 0 },
		{ "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 0 },
		{ "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", 0 },
		{ "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+", 0 },
		{ "", 0 },
	};

	(void)state;
	assert_int_equal(token_init(), 0);
	unit_text_cases(texts, token_valid);
}

static void
test_hash_and_csrf(void **state)
{
	/* SHA-256 of "abc" (FIPS 180-2 test vector). */
	static const char	abc[] = "\\xba7816bf8f01cfea414140de5dae2223"
				    "b00361a396177a9cb410ff61f20015ad";
	char	h[TOKEN_HASH_HEX_LEN + 1];
	char	t[TOKEN_TEXT_LEN + 1], c1[TOKEN_TEXT_LEN + 1];
	char	c2[TOKEN_TEXT_LEN + 1], u[TOKEN_TEXT_LEN + 1];

	(void)state;
	assert_int_equal(token_init(), 0);
	token_hash_hex("abc", h);
	assert_string_equal(h, abc);
	token_new(t);
	token_new(u);
	token_csrf(t, c1);
	token_csrf(t, c2);
	assert_true(token_valid(c1));
	assert_string_equal(c1, c2);
	assert_string_not_equal(c1, t);
	token_csrf(u, c2);
	assert_string_not_equal(c1, c2);
	assert_true(token_equal(c1, c1));
	assert_false(token_equal(c1, c2));
	assert_false(token_equal(c1, ""));
}

UNIT_MAIN("session_token",
    cmocka_unit_test(test_new_tokens),
    cmocka_unit_test(test_valid),
    cmocka_unit_test(test_hash_and_csrf))
