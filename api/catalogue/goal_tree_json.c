/*
 * json_tree: nest a depth-first list of nodes into a tree.
 */
#include "catalogue/goal_tree_json.h"

json_t *
json_tree_nest(const json_t *items, const char *node_key)
{
	json_t		*roots, *stack[JSON_TREE_MAX_DEPTH + 1], *node, *item;
	json_t		*siblings;
	json_int_t	 depth;
	size_t		 i, top;

	if (!json_is_array(items) || (roots = json_array()) == NULL)
		return (NULL);
	top = 0;
	json_array_foreach(items, i, item) {
		depth = json_integer_value(json_object_get(item, "depth"));
		node = json_object_get(item, node_key);
		if (!json_is_object(node) || depth < 1 ||
		    depth > JSON_TREE_MAX_DEPTH || (size_t)depth > top + 1)
			goto fail;
		if ((node = json_deep_copy(node)) == NULL)
			goto fail;
		if (json_object_set_new(node, "children", json_array()) == -1) {
			json_decref(node);
			goto fail;
		}
		siblings = depth == 1 ? roots :
		    json_object_get(stack[depth - 1], "children");
		if (json_array_append_new(siblings, node) == -1)
			goto fail;
		stack[depth] = node;
		top = (size_t)depth;
	}
	return (roots);
fail:
	json_decref(roots);
	return (NULL);
}
