/* Unit tests of password.c: argon2id hashes and the password policy. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "accounts/common_passwords.h"
#include "accounts/password.h"

static void
test_hash_verify(void **state)
{
	char	h[PASSWORD_HASH_MAX];

	(void)state;
	assert_int_equal(password_init(), 0);
	assert_int_equal(password_hash("een lang wachtwoord", h), 0);
	assert_memory_equal(h, "$argon2id$v=19$m=65536,t=2,p=1$", 31);
	assert_true(password_verify(h, "een lang wachtwoord"));
	assert_false(password_verify(h, "een lang wachtwoorD"));
	assert_false(password_verify(NULL, "een lang wachtwoord"));
	assert_false(password_verify("$2y$10$notargon", "x"));
	assert_false(password_needs_rehash(h));
	assert_true(password_needs_rehash("$argon2id$v=19$m=8,t=1,p=1$"
	    "c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"));
}

static void
test_policy(void **state)
{
	static const struct {
		const char	*pw;
		const char	*email;
		int		 ok;
	} cases[] = {
		{ "correct horse battery", NULL, 1 },
		{ "kort", NULL, 0 },
		{ "123456789", NULL, 0 },			/* 9 chars */
		{ "ééééééééé", NULL, 0 },			/* 9 code points */
		{ "éééééééééé", NULL, 1 },			/* 10 */
		{ "1234567890", NULL, 0 },			/* common */
		{ "qwertyuiop", NULL, 0 },			/* common */
		{ "QWERTYUIOP", NULL, 0 },			/* any case */
		{ "1q2w3e4r5t6y", NULL, 0 },
		{ "leerlijn-demo", NULL, 0 },		/* the demo password */
		{ "Leerlijn-Demo", NULL, 0 },
		{ "a@school.example", "a@school.example", 0 },	/* = email */
		{ "A@School.example", "a@school.example", 0 },
		{ "mijn a@school.example!", "a@school.example", 0 },
		{ "jan.jansen-2026!", "jan.jansen@school.example", 0 },
		{ "JAN.JANSEN wachtwoord", "jan.jansen@school.example", 0 },
		{ "eenjanneke-wachtwoord", "jan.jansen@school.example", 1 },
		/* a local part of two letters is too short to refuse */
		{ "ab en nog veel meer", "ab@school.example", 1 },
		{ "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5", NULL, 0 },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if ((password_policy(cases[i].pw, cases[i].email) == NULL) !=
		    cases[i].ok)
			fail_msg("case %zu: %s", i, cases[i].pw);
	}
}

static void
test_list_sorted(void **state)
{
	size_t	i;

	(void)state;
	assert_true(common_passwords_count >= 30000 - 100);
	for (i = 1; i < common_passwords_count; i++)
		assert_true(strcmp(common_passwords[i - 1],
		    common_passwords[i]) < 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash_verify),
		cmocka_unit_test(test_policy),
		cmocka_unit_test(test_list_sorted),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
