/*
 * json_tree: nest a depth-first list of nodes into a tree.
 */
#ifndef LEERLIJN_JSON_TREE_H
#define LEERLIJN_JSON_TREE_H

#include <jansson.h>

#define JSON_TREE_MAX_DEPTH	64	/* goal_depth_check() in the schema */

/*
 * items is an array of {"depth": n (1 = root), "goal": {...}} in depth-first
 * order.  Returns a new array of the root nodes, each node the "goal"
 * object with a "children" array added.  The caller owns the result; NULL
 * when the input is not such a list (a depth that jumps by more than one,
 * a depth out of range, or a missing member).
 */
json_t	*json_tree_nest(const json_t *items, const char *node_key);

#endif
