/*
 * unit.h: what every unit test program in tests/unit/ shares.
 *
 * A test program includes this header instead of cmocka.h (it brings the
 * system headers cmocka needs, string.h, stdlib.h and jansson.h), writes
 * its tests as cmocka functions `static void test_x(void **state)` and
 * ends with the list of them:
 *
 *	UNIT_MAIN("router",
 *	    cmocka_unit_test(test_match_table),
 *	    cmocka_unit_test(test_params))
 *
 * UNIT_MAIN writes main(): it runs the listed tests as one cmocka group of
 * that name and exits non-zero when any fails. UNIT_MAIN_FIXTURE does the
 * same with a group setup and teardown (cmocka's group fixtures).
 *
 * The assertion helpers below are macros, so that a failure reports the
 * line of the test that called them, not a line in this header. Each one
 * stands for the plain cmocka assertions it is written with; none of them
 * is weaker than those.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <stdlib.h>
#include <jansson.h>

/* main() of a test program: the cmocka tests of group NAME, in order. */
#define UNIT_MAIN(name, ...)						\
	UNIT_MAIN_FIXTURE(name, NULL, NULL, __VA_ARGS__)

/* The same with a group SETUP and TEARDOWN (either may be NULL). */
#define UNIT_MAIN_FIXTURE(name, setup, teardown, ...)			\
	int								\
	main(void)							\
	{								\
		const struct CMUnitTest unit_tests[] = { __VA_ARGS__ };\
									\
		return (cmocka_run_group_tests_name(name, unit_tests,	\
		    setup, teardown));					\
	}

/* The number of elements of array A (a table of cases). */
#define UNIT_COUNT(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * unit_json(text): TEXT parsed as JSON (any value, not only an object or
 * array); the test fails at the caller's line, with jansson's reason, when
 * TEXT is not JSON. The caller owns the result (json_decref).
 */
#define unit_json(text)	unit_json_at((text), __FILE__, __LINE__)

/*
 * unit_json_equal(v, flags, want): json_dumps(V, FLAGS) is exactly the text
 * WANT (for example with JSON_COMPACT | JSON_SORT_KEYS for a stable order);
 * V may not be NULL. V stays the caller's.
 */
#define unit_json_equal(v, flags, want)					\
	unit_json_equal_at((v), (flags), (want), __FILE__, __LINE__)

/*
 * unit_writes(b, call, want): CALL writes into the struct strbuf B, which
 * this initialises first and frees after: CALL returns 0 and B then holds
 * exactly the text WANT. The test includes core/strbuf.h (most modules that
 * write text do so through their own header).
 */
#define unit_writes(b, call, want)					\
	do {								\
		strbuf_init(&(b));					\
		assert_int_equal((call), 0);				\
		assert_string_equal((b).data, (want));			\
		strbuf_free(&(b));					\
	} while (0)

static inline json_t *
unit_json_at(const char *text, const char *file, int line)
{
	json_error_t	 e;
	json_t		*v;

	v = json_loads(text, JSON_DECODE_ANY, &e);
	if (v == NULL) {
		print_error("not JSON (%s at column %d): %s\n", e.text,
		    e.column, text);
		_fail(file, line);
	}
	return (v);
}

static inline void
unit_json_equal_at(const json_t *v, size_t flags, const char *want,
    const char *file, int line)
{
	char	*s;

	if (v == NULL) {
		print_error("no JSON value where %s was expected\n", want);
		_fail(file, line);
	}
	s = json_dumps(v, flags);
	if (s == NULL || strcmp(s, want) != 0) {
		print_error("JSON\n  %s\nis not the expected\n  %s\n",
		    s != NULL ? s : "(json_dumps failed)", want);
		free(s);
		_fail(file, line);
	}
	free(s);
}

#endif /* UNIT_H */
