/* Unit tests of router.c: matching, parameters, 404 versus 405. */
#include "unit.h"

#include "core/router.h"

static int called;
static void h_a(struct api_ctx *c) { (void)c; called = 1; }
static void h_b(struct api_ctx *c) { (void)c; called = 2; }
static void h_c(struct api_ctx *c) { (void)c; called = 3; }
static void h_d(struct api_ctx *c) { (void)c; called = 4; }

static const struct route table[] = {
	{ RM_GET,	"/api/v1/health",			NULL, h_a },
	{ RM_GET,	"/api/v1/plans/{id}",			NULL, h_b },
	{ RM_PATCH,	"/api/v1/plans/{id}",			NULL, h_c },
	{ RM_DELETE,	"/api/v1/plans/{id}/items/{item}",	NULL, h_d },
};
#define NTABLE	(UNIT_COUNT(table))

static const struct {
	unsigned		 method;
	const char		*path;
	enum router_result	 result;
	route_fn		 handler;
	unsigned		 allowed;
} cases[] = {
	{ RM_GET,    "/api/v1/health",		ROUTER_FOUND,	  h_a, RM_GET },
	{ RM_POST,   "/api/v1/health",		ROUTER_NO_METHOD, NULL, RM_GET },
	{ RM_GET,    "/api/v1/health/",		ROUTER_NO_PATH,	  NULL, 0 },
	{ RM_GET,    "/api/v1/healthz",		ROUTER_NO_PATH,	  NULL, 0 },
	{ RM_GET,    "/api/v1",			ROUTER_NO_PATH,	  NULL, 0 },
	{ RM_GET,    "/api/v1/plans/42",	ROUTER_FOUND,	  h_b,
	    RM_GET | RM_PATCH },
	{ RM_PATCH,  "/api/v1/plans/42",	ROUTER_FOUND,	  h_c,
	    RM_GET | RM_PATCH },
	{ RM_DELETE, "/api/v1/plans/42",	ROUTER_NO_METHOD, NULL,
	    RM_GET | RM_PATCH },
	{ RM_GET,    "/api/v1/plans/",		ROUTER_NO_PATH,	  NULL, 0 },
	{ RM_GET,    "/api/v1/plans//items/1",	ROUTER_NO_PATH,	  NULL, 0 },
	{ RM_DELETE, "/api/v1/plans/7/items/9",	ROUTER_FOUND,	  h_d,
	    RM_DELETE },
};

static void
test_match_table(void **state)
{
	struct route_match	m;
	enum router_result	r;
	size_t			i;

	(void)state;
	for (i = 0; i < UNIT_COUNT(cases); i++) {
		r = router_match(table, NTABLE, cases[i].method, cases[i].path,
		    &m);
		if (r != cases[i].result)
			fail_msg("%s %s: result %d, expected %d",
			    router_method_name(cases[i].method), cases[i].path,
			    r, cases[i].result);
		if (m.allowed != cases[i].allowed)
			fail_msg("%s: allowed %#x, expected %#x", cases[i].path,
			    m.allowed, cases[i].allowed);
		if (r == ROUTER_FOUND)
			assert_ptr_equal(m.route->handler, cases[i].handler);
		else
			assert_null(m.route);
	}
}

static void
test_params(void **state)
{
	struct route_match	m;
	char			path[300];

	(void)state;
	assert_int_equal(router_match(table, NTABLE, RM_DELETE,
	    "/api/v1/plans/17/items/abc", &m), ROUTER_FOUND);
	assert_int_equal(m.nparams, 2);
	assert_string_equal(router_param(&m, "id"), "17");
	assert_string_equal(router_param(&m, "item"), "abc");
	assert_null(router_param(&m, "i"));
	assert_null(router_param(&m, "items"));

	/* A parameter longer than ROUTE_PARAM_MAX - 1 does not match. */
	memset(path, 0, sizeof(path));
	strcpy(path, "/api/v1/plans/");
	memset(path + strlen(path), '9', ROUTE_PARAM_MAX);
	assert_int_equal(router_match(table, NTABLE, RM_GET, path, &m),
	    ROUTER_NO_PATH);
}

static void
test_allow_text(void **state)
{
	char	buf[64];

	(void)state;
	assert_string_equal(router_allow_text(RM_GET | RM_PATCH, buf,
	    sizeof(buf)), "GET, PATCH, HEAD");
	assert_string_equal(router_allow_text(RM_DELETE, buf, sizeof(buf)),
	    "DELETE");
	assert_string_equal(router_allow_text(0, buf, sizeof(buf)), "");
}

static void
test_pattern_in(void **state)
{
	static const char *const list[] = { "/a/{id}", "/b", NULL };
	static const char *const none[] = { NULL };

	(void)state;
	assert_int_equal(router_pattern_in(list, "/a/{id}"), 1);
	assert_int_equal(router_pattern_in(list, "/b"), 1);
	assert_int_equal(router_pattern_in(list, "/a"), 0);
	assert_int_equal(router_pattern_in(list, "/b/"), 0);
	assert_int_equal(router_pattern_in(none, "/b"), 0);
}

UNIT_MAIN("router",
    cmocka_unit_test(test_match_table),
    cmocka_unit_test(test_params),
    cmocka_unit_test(test_allow_text),
    cmocka_unit_test(test_pattern_in))
