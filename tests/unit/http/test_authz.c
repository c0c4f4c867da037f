/* Unit tests of authz.c: the route and school verdicts, table-driven. */
#include "unit.h"

#include <jansson.h>

#include "http/authz.h"
#include "core/router.h"

#define A	ROLE_ADMIN
#define C	ROLE_CURATOR
#define K	ROLE_COORDINATOR
#define T	ROLE_TEACHER
#define I	ROLE_INSPECTOR

static const struct authz_rule	r_public = { RM_GET, "/p", AUTHZ_GLOBAL,
				    ROLE_ANYONE, 0 };
static const struct authz_rule	r_curation = { RM_POST, "/c", AUTHZ_GLOBAL,
				    A | C, 0 };
static const struct authz_rule	r_any = { RM_GET, "/me", AUTHZ_GLOBAL,
				    ROLE_ANY_USER, 0 };
/* A school read: members own, admin and inspector other. */
static const struct authz_rule	r_read = { RM_GET, "/s/{id}",
				    AUTHZ_SCHOOL_PATH, K | T, A | I };
/* A school write: coordinator own, admin other. */
static const struct authz_rule	r_write = { RM_POST, "/s/{id}/t",
				    AUTHZ_SCHOOL_PATH, K, A };
/* A (bad) rule that names the inspector for a write. */
static const struct authz_rule	r_bad = { RM_POST, "/s/{id}/x",
				    AUTHZ_SCHOOL_PATH, K, A | I };

/* A principal holding ROLES, logged in when AUTHENTICATED. */
static struct principal
principal(int authenticated, unsigned roles)
{
	struct principal	who;

	memset(&who, 0, sizeof(who));
	who.authenticated = authenticated;
	who.roles = roles;
	return (who);
}

/* What the database would say about a user and a school. */
static struct school_facts
facts(int exists, unsigned member_bits, int inspector_in_scope)
{
	struct school_facts	f;

	memset(&f, 0, sizeof(f));
	f.exists = exists;
	f.member_bits = member_bits;
	f.inspector_in_scope = inspector_in_scope;
	return (f);
}

static void
test_route_verdicts(void **state)
{
	static const struct {
		const struct authz_rule	*rule;
		int			 authenticated;
		unsigned		 roles;
		enum authz_verdict	 want;
	} cases[] = {
		{ &r_public,	0, 0,	AUTHZ_ALLOW },
		{ &r_public,	1, T,	AUTHZ_ALLOW },
		{ &r_curation,	0, 0,	AUTHZ_UNAUTHENTICATED },
		{ &r_curation,	1, C,	AUTHZ_ALLOW },
		{ &r_curation,	1, A,	AUTHZ_ALLOW },
		{ &r_curation,	1, K | T, AUTHZ_FORBIDDEN },
		{ &r_curation,	1, I,	AUTHZ_FORBIDDEN },
		{ &r_curation,	1, 0,	AUTHZ_FORBIDDEN },
		{ &r_any,	1, I,	AUTHZ_ALLOW },
		{ &r_any,	1, 0,	AUTHZ_ALLOW },	/* no role yet */
		{ &r_any,	0, 0,	AUTHZ_UNAUTHENTICATED },
		/* School routes: own | other pass the first check. */
		{ &r_read,	1, A,	AUTHZ_ALLOW },
		{ &r_read,	1, T,	AUTHZ_ALLOW },
		{ &r_read,	1, C,	AUTHZ_FORBIDDEN },
		{ &r_write,	1, T,	AUTHZ_FORBIDDEN },
		{ &r_write,	1, I,	AUTHZ_FORBIDDEN },
		{ &r_write,	0, 0,	AUTHZ_UNAUTHENTICATED },
	};
	struct principal	who;
	size_t			i;

	(void)state;
	for (i = 0; i < UNIT_COUNT(cases); i++) {
		who = principal(cases[i].authenticated, cases[i].roles);
		assert_int_equal(authz_route_verdict(cases[i].rule, &who),
		    cases[i].want);
	}
}

static void
test_school_verdicts(void **state)
{
	static const struct {
		const char		*what;
		const struct authz_rule	*rule;
		unsigned		 roles;
		int			 exists;
		unsigned		 member;
		int			 in_scope;
		int			 write;
		enum authz_verdict	 want;
	} cases[] = {
		{ "teacher own", &r_read, T, 1, T, 0, 0, AUTHZ_ALLOW },
		{ "teacher other", &r_read, T, 1, 0, 0, 0, AUTHZ_HIDDEN },
		{ "coord own", &r_write, K, 1, K, 0, 1, AUTHZ_ALLOW },
		{ "coord other", &r_write, K, 1, 0, 0, 1, AUTHZ_HIDDEN },
		{ "teacher own write", &r_write, T, 1, T, 0, 1,
		    AUTHZ_FORBIDDEN },
		/* Coordinator of B, teacher of A: only the teacher at A. */
		{ "coord B at A", &r_write, K | T, 1, T, 0, 1,
		    AUTHZ_FORBIDDEN },
		{ "admin", &r_write, A, 1, 0, 0, 1, AUTHZ_ALLOW },
		{ "admin missing school", &r_read, A, 0, 0, 0, 0,
		    AUTHZ_HIDDEN },
		{ "inspector in scope", &r_read, I, 1, 0, 1, 0, AUTHZ_ALLOW },
		{ "inspector out of scope", &r_read, I, 1, 0, 0, 0,
		    AUTHZ_HIDDEN },
		{ "inspector write in scope", &r_write, I, 1, 0, 1, 1,
		    AUTHZ_FORBIDDEN },
		{ "inspector never writes", &r_bad, I, 1, 0, 1, 1,
		    AUTHZ_FORBIDDEN },
		{ "curator", &r_read, C, 1, 0, 0, 0, AUTHZ_HIDDEN },
		{ "public", &r_public, 0, 0, 0, 0, 0, AUTHZ_ALLOW },
	};
	struct principal	who;
	struct school_facts	f;
	size_t			i;

	(void)state;
	for (i = 0; i < UNIT_COUNT(cases); i++) {
		who = principal(1, cases[i].roles);
		f = facts(cases[i].exists, cases[i].member, cases[i].in_scope);
		if (authz_school_verdict(cases[i].rule, &who, &f,
		    cases[i].write) != cases[i].want)
			fail_msg("%s", cases[i].what);
	}
	who = principal(0, 0);
	assert_int_equal(authz_school_verdict(&r_read, &who, &f, 0),
	    AUTHZ_UNAUTHENTICATED);
}

static void
test_find_and_names(void **state)
{
	static const struct authz_rule	t[] = {
		{ RM_GET, "/a", AUTHZ_GLOBAL, ROLE_ANYONE, 0 },
		{ RM_POST, "/a", AUTHZ_GLOBAL, ROLE_ADMIN, 0 },
	};
	char	pattern[] = "/a";

	(void)state;
	assert_ptr_equal(authz_rule_find(t, 2, RM_POST, pattern), &t[1]);
	assert_ptr_equal(authz_rule_find(t, 2, RM_GET, "/a"), &t[0]);
	assert_null(authz_rule_find(t, 2, RM_DELETE, "/a"));
	assert_null(authz_rule_find(t, 2, RM_GET, "/b"));
	assert_string_equal(authz_role_name(ROLE_INSPECTOR), "inspector");
	assert_null(authz_role_name(ROLE_ANYONE));
	assert_int_equal(authz_role_bit("coordinator"), ROLE_COORDINATOR);
	assert_int_equal(authz_role_bit("root"), 0);
	assert_int_equal(authz_role_bit(NULL), 0);
}

/* Who may change which items of a school's plan. */
static void
test_item_edit(void **state)
{
	static const struct {
		int			 authenticated;
		unsigned		 roles;		/* held anywhere */
		int			 exists;
		unsigned		 member;	/* at this school */
		enum authz_item_edit	 want;
	} cases[] = {
		{ 1, A,		1, 0,		AUTHZ_ITEM_ALL },
		{ 1, K,		1, K,		AUTHZ_ITEM_ALL },
		{ 1, K | T,	1, K | T,	AUTHZ_ITEM_ALL },
		{ 1, T,		1, T,		AUTHZ_ITEM_OWN },
		/* A coordinator elsewhere, a teacher here. */
		{ 1, K | T,	1, T,		AUTHZ_ITEM_OWN },
		/* A coordinator of another school only. */
		{ 1, K,		1, 0,		AUTHZ_ITEM_NONE },
		{ 1, I,		1, 0,		AUTHZ_ITEM_NONE },
		{ 1, C,		1, 0,		AUTHZ_ITEM_NONE },
		{ 1, A,		0, 0,		AUTHZ_ITEM_NONE },
		{ 0, 0,		1, K,		AUTHZ_ITEM_NONE },
	};
	struct principal	who;
	struct school_facts	f;
	size_t			i;

	(void)state;
	for (i = 0; i < UNIT_COUNT(cases); i++) {
		who = principal(cases[i].authenticated, cases[i].roles);
		f = facts(cases[i].exists, cases[i].member, 0);
		if (authz_item_edit(&who, &f) != cases[i].want)
			fail_msg("case %zu", i);
	}
}

/* The fields a teacher may change on their own items, and no others. */
static void
test_teacher_item_fields(void **state)
{
	static const struct unit_text_case	bodies[] = {
		{ "{}", 1 },
		{ "{\"status\":\"gegeven\"}", 1 },
		{ "{\"status\":\"gegeven\",\"given_on\":\"2026-10-14\","
		    "\"notes\":\"x\",\"safety_prepared\":true}", 1 },
		{ "{\"week\":\"2026-W42\"}", 0 },
		{ "{\"notes\":\"x\",\"teacher_id\":null}", 0 },
		{ "{\"level\":\"groep-1\"}", 0 },
		{ "{\"lesson_id\":null}", 0 },
		{ "{\"kind\":\"les\"}", 0 },
		{ "{\"class_name\":\"1a\"}", 0 },
		{ "{\"date\":\"2026-10-14\"}", 0 },
	};

	(void)state;
	unit_json_cases(bodies, authz_teacher_may_change);
}

/* A drill-down from the coverage aggregate has the school report's rule. */
static void
test_coverage_drill_rule(void **state)
{
	const struct authz_rule	*r;

	(void)state;
	r = authz_rule_of(RM_GET, AUTHZ_COVERAGE_DRILL);
	assert_non_null(r);
	assert_int_equal(r->scope, AUTHZ_SCHOOL_PATH);
	assert_int_equal(r->own, K | T);
	assert_int_equal(r->other, A | I);
	assert_null(authz_rule_of(RM_POST, AUTHZ_COVERAGE_DRILL));
}

UNIT_MAIN("authz",
    cmocka_unit_test(test_route_verdicts),
    cmocka_unit_test(test_school_verdicts),
    cmocka_unit_test(test_find_and_names),
    cmocka_unit_test(test_item_edit),
    cmocka_unit_test(test_teacher_item_fields),
    cmocka_unit_test(test_coverage_drill_rule))
