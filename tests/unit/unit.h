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
 * is weaker than those.  A table of cases (struct unit_text_case or
 * unit_text_pair, checked by unit_text_cases, unit_json_cases or
 * unit_text_pairs) checks every case and reports each one that fails, with
 * its index and text, before the test fails.
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
		const struct CMUnitTest unit_tests[] = { __VA_ARGS__ };	\
									\
		return (cmocka_run_group_tests_name(name, unit_tests,	\
		    setup, teardown));					\
	}

/*
 * UNIT_CASE(fn, c): a cmocka test of its own, named by the case C (a struct
 * of the test program with a member `name`), that runs FN with *state
 * pointing at C: one test function for several cases of the same shape,
 * each still counted and reported as a test.
 */
#define UNIT_CASE(fn, c)						\
	{ (c).name, (fn), NULL, NULL, (void *)(uintptr_t)&(c) }

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

/*
 * One case of a check of a text: the TEXT given (may be NULL) and the
 * value WANT the check returns for it (1 or 0 for a yes/no check).
 */
struct unit_text_case {
	const char	*text;
	long		 want;
};

/*
 * unit_text_cases(cases, check): CHECK(text) is WANT for every case of the
 * array CASES (of struct unit_text_case), all of them checked; each case
 * that fails is reported with its index, its text and both values, and the
 * test then fails at the caller's line.
 */
#define unit_text_cases(cases, check)					\
	do {								\
		size_t	ui_, ubad_ = 0;					\
									\
		for (ui_ = 0; ui_ < UNIT_COUNT(cases); ui_++)		\
			ubad_ += unit_case_is((cases)[ui_].text,	\
			    ui_, (long)(check)((cases)[ui_].text),	\
			    (cases)[ui_].want);				\
		if (ubad_ > 0)						\
			_fail(__FILE__, __LINE__);			\
	} while (0)

/*
 * unit_json_cases(cases, check): the same where each TEXT is JSON (see
 * unit_json) and CHECK takes the parsed value.
 */
#define unit_json_cases(cases, check)					\
	do {								\
		size_t	 ui_, ubad_ = 0;				\
		json_t	*uv_;						\
									\
		for (ui_ = 0; ui_ < UNIT_COUNT(cases); ui_++) {		\
			uv_ = unit_json((cases)[ui_].text);		\
			ubad_ += unit_case_is((cases)[ui_].text,	\
			    ui_, (long)(check)(uv_),			\
			    (cases)[ui_].want);				\
			json_decref(uv_);				\
		}							\
		if (ubad_ > 0)						\
			_fail(__FILE__, __LINE__);			\
	} while (0)

/*
 * One case of a text made from a text: the TEXT given (may be NULL) and
 * the text WANT made of it, NULL where none is made (a refusal).
 */
struct unit_text_pair {
	const char	*text;
	const char	*want;
};

/*
 * unit_text_pairs(cases, make): MAKE(text) returns WANT for every case of
 * the array CASES (of struct unit_text_pair), all of them checked and each
 * failure reported as unit_text_cases does.  MAKE returns NULL or a text
 * that stays valid until its next call (a static buffer of the test).
 */
#define unit_text_pairs(cases, make)					\
	do {								\
		size_t	ui_, ubad_ = 0;					\
									\
		for (ui_ = 0; ui_ < UNIT_COUNT(cases); ui_++)		\
			ubad_ += unit_pair_is((cases)[ui_].text,	\
			    ui_, (make)((cases)[ui_].text),		\
			    (cases)[ui_].want);				\
		if (ubad_ > 0)						\
			_fail(__FILE__, __LINE__);			\
	} while (0)

/* 0 when the text GOT is WANT (or both are NULL); else 1, as below. */
static inline int
unit_pair_is(const char *text, size_t i, const char *got, const char *want)
{
	if (got == NULL ? want == NULL :
	    want != NULL && strcmp(got, want) == 0)
		return (0);
	print_error("case %zu \"%s\": \"%s\", expected \"%s\"\n", i,
	    text != NULL ? text : "(NULL)", got != NULL ? got : "(NULL)",
	    want != NULL ? want : "(NULL)");
	return (1);
}

/* 0 when GOT is WANT; else 1, after reporting case I of TEXT. */
static inline int
unit_case_is(const char *text, size_t i, long got, long want)
{
	if (got == want)
		return (0);
	print_error("case %zu \"%s\": %ld, expected %ld\n", i,
	    text != NULL ? text : "(NULL)", got, want);
	return (1);
}

/*
 * unit_doc_writes(doc, d, b, call, want): CALL writes exactly WANT into
 * the struct strbuf B (as unit_writes) from D, the JSON text DOC parsed
 * (as unit_json).  The macro declares D and B for CALL and frees both.
 */
#define unit_doc_writes(doc, d, b, call, want)				\
	do {								\
		struct strbuf	 b;					\
		json_t		*d = unit_json(doc);			\
									\
		unit_writes(b, call, want);				\
		json_decref(d);						\
	} while (0)

/*
 * unit_contains(text, part...): every PART is somewhere in TEXT, which may
 * not be NULL; each part that is not is reported (with the text), and the
 * test then fails at the caller's line.
 */
#define unit_contains(text, ...)					\
	unit_contains_at((text), (const char *const []){ __VA_ARGS__, NULL }, \
	    __FILE__, __LINE__)

static inline void
unit_contains_at(const char *text, const char *const *parts,
    const char *file, int line)
{
	size_t	bad = 0;

	if (text == NULL) {
		print_error("no text to look in for %s\n", parts[0]);
		_fail(file, line);
	}
	for (; *parts != NULL; parts++) {
		if (strstr(text, *parts) == NULL) {
			print_error("not in the text: %s\n", *parts);
			bad++;
		}
	}
	if (bad > 0) {
		print_error("the text:\n%s\n", text);
		_fail(file, line);
	}
}

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
