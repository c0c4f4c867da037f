/*
 * unit.h: what every unit test program in tests/unit/ shares.
 *
 * A test program includes this header (instead of cmocka.h and the four
 * system headers cmocka needs before it), writes its tests as cmocka
 * functions `static void test_x(void **state)` and ends with one line that
 * lists them:
 *
 *	UNIT_MAIN("router",
 *	    cmocka_unit_test(test_match_table),
 *	    cmocka_unit_test(test_params));
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

/* main() of a test program: the cmocka tests of group NAME, in order. */
#define UNIT_MAIN(name, ...)						\
	UNIT_MAIN_FIXTURE(name, NULL, NULL, __VA_ARGS__)

/* The same with a group SETUP and TEARDOWN (either may be NULL). */
#define UNIT_MAIN_FIXTURE(name, setup, teardown, ...)			\
	int								\
	main(void)							\
	{								\
		const struct CMUnitTest	unit_tests[] = { __VA_ARGS__ };	\
									\
		return (cmocka_run_group_tests_name(name, unit_tests,	\
		    setup, teardown));					\
	}

#endif /* UNIT_H */
