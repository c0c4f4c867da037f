/*
 * Unit test of the authorization table: every route of routes.c has
 * exactly one rule in authz_rules.c, so that no route is open by accident,
 * and every rule is well formed.  The handlers are stubs generated from
 * handlers.h, so that a handler added there needs nothing here.
 */
#include <stdio.h>
#include "unit.h"

#include "http/authz.h"
#include "http/handlers.h"
#include "http/routes.h"

/* Stub definitions of every handler declared in handlers.h. */
#undef API_HANDLER
#define API_HANDLER(name) void name(struct api_ctx *c) { (void)c; }
#undef LEERLIJN_HANDLERS_H
#include "http/handlers.h"

static void
test_every_route_has_a_rule(void **state)
{
	const struct authz_rule	*r;
	size_t			 i, missing;

	(void)state;
	missing = 0;
	for (i = 0; i < routes_count; i++) {
		r = authz_rule_find(authz_rules, authz_rules_count,
		    routes[i].method, routes[i].pattern);
		if (r == NULL) {
			fprintf(stderr, "no authorization rule for %s %s\n",
			    router_method_name(routes[i].method),
			    routes[i].pattern);
			missing++;
		}
	}
	assert_int_equal(missing, 0);
}

static void
test_rules_are_unique_and_well_formed(void **state)
{
	const struct authz_rule	*a, *b;
	size_t			 i, j;

	(void)state;
	assert_true(authz_rules_count > 0);
	for (i = 0; i < authz_rules_count; i++) {
		a = &authz_rules[i];
		/* Exactly one method bit. */
		assert_true(a->method != 0 &&
		    (a->method & (a->method - 1)) == 0);
		assert_true(strncmp(a->pattern, "/api/v1/", 8) == 0);
		assert_true(a->scope <= AUTHZ_RESOURCE);
		assert_true(a->own != 0 || a->other != 0);
		/* Public rules have nothing else; global ones no other. */
		if (a->own & ROLE_ANYONE)
			assert_int_equal(a->other, 0);
		if (a->scope == AUTHZ_GLOBAL)
			assert_int_equal(a->other, 0);
		/* other is for global roles only. */
		assert_int_equal(a->other & ~(unsigned)ROLE_GLOBAL, 0);
		/* Nothing public writes, except logging in and invitations. */
		if ((a->own & ROLE_ANYONE) && a->method != RM_GET)
			assert_true(strcmp(a->pattern, "/api/v1/session") ==
			    0 || strcmp(a->pattern, "/api/v1/invitation") == 0);
		/* Inspectors never write on a school. */
		if (a->method != RM_GET && a->scope != AUTHZ_GLOBAL)
			assert_int_equal((a->own | a->other) & ROLE_INSPECTOR,
			    0);
		for (j = i + 1; j < authz_rules_count; j++) {
			b = &authz_rules[j];
			assert_false(a->method == b->method &&
			    strcmp(a->pattern, b->pattern) == 0);
		}
	}
}

static void
test_school_path_rules_have_a_school_parameter(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < authz_rules_count; i++) {
		if (authz_rules[i].scope != AUTHZ_SCHOOL_PATH)
			continue;
		assert_true(strstr(authz_rules[i].pattern, "{id}") != NULL ||
		    strstr(authz_rules[i].pattern, "{school}") != NULL);
	}
}

UNIT_MAIN("authz_rules",
    cmocka_unit_test(test_every_route_has_a_rule),
    cmocka_unit_test(test_rules_are_unique_and_well_formed),
    cmocka_unit_test(test_school_path_rules_have_a_school_parameter))
