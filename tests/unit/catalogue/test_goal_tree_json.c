/* Unit tests of json_tree.c: nesting a depth-first list. */
#include "unit.h"

#include "catalogue/goal_tree_json.h"

static json_t *
nest(const char *text)
{
	json_t	*in, *out;

	in = unit_json(text);
	out = json_tree_nest(in, "goal");
	json_decref(in);
	return (out);
}

static const char *
code_at(json_t *a, size_t i)
{
	return (json_string_value(json_object_get(json_array_get(a, i),
	    "code")));
}

static json_t *
children(json_t *a, size_t i)
{
	return (json_object_get(json_array_get(a, i), "children"));
}

static void
test_nest(void **state)
{
	json_t	*t;

	(void)state;
	t = nest("["
	    "{\"depth\":1,\"goal\":{\"code\":\"DG1\"}},"
	    "{\"depth\":2,\"goal\":{\"code\":\"DG1.1\"}},"
	    "{\"depth\":2,\"goal\":{\"code\":\"DG1.2\"}},"
	    "{\"depth\":3,\"goal\":{\"code\":\"DG1.2.a\"}},"
	    "{\"depth\":1,\"goal\":{\"code\":\"DG2\"}},"
	    "{\"depth\":2,\"goal\":{\"code\":\"DG2.1\"}}]");
	assert_non_null(t);
	assert_int_equal(json_array_size(t), 2);
	assert_string_equal(code_at(t, 0), "DG1");
	assert_string_equal(code_at(t, 1), "DG2");
	assert_int_equal(json_array_size(children(t, 0)), 2);
	assert_string_equal(code_at(children(t, 0), 1), "DG1.2");
	assert_string_equal(code_at(children(children(t, 0), 1), 0),
	    "DG1.2.a");
	assert_int_equal(json_array_size(children(children(t, 0), 0)), 0);
	assert_string_equal(code_at(children(t, 1), 0), "DG2.1");
	json_decref(t);
}

static void
test_empty_and_invalid(void **state)
{
	json_t	*t;

	(void)state;
	t = nest("[]");
	assert_non_null(t);
	assert_int_equal(json_array_size(t), 0);
	json_decref(t);
	/* A jump from depth 1 to 3, a start below the root, no node. */
	assert_null(nest("[{\"depth\":1,\"goal\":{}},"
	    "{\"depth\":3,\"goal\":{}}]"));
	assert_null(nest("[{\"depth\":2,\"goal\":{}}]"));
	assert_null(nest("[{\"depth\":1}]"));
	assert_null(nest("[{\"depth\":0,\"goal\":{}}]"));
	assert_null(json_tree_nest(NULL, "goal"));
}

UNIT_MAIN("json_tree",
    cmocka_unit_test(test_nest),
    cmocka_unit_test(test_empty_and_invalid))
