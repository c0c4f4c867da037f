/*
 * json_plans: a plan document (from plan_doc() in the database) with the
 * planning checks of plan_checks.c run over it.  Plain C with jansson.
 *
 * The checked document has "warnings" on the plan (every warning, with
 * item_id when it concerns an item) and on each item (its own), each
 * {code, message, level, item_id?, other_item_id?, holiday?}; the
 * "_check" members that carried the checks' input are removed.
 */
#ifndef LEERLIJN_JSON_PLANS_H
#define LEERLIJN_JSON_PLANS_H

#include <jansson.h>

/*
 * Parse text, run the checks and return the checked document (a new
 * reference the caller releases with json_decref), or NULL when text is
 * not a plan document or memory runs out.
 */
json_t	*json_plan_checked(const char *text);
/* The item with that id in a plan document (borrowed), or NULL. */
json_t	*json_plan_item(json_t *plan, const char *id);

#endif
