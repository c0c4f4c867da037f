/*
 * plan_fields: the bodies of planning's writes and their checks.
 *
 * The field specs of plans, items, bulk changes, copies, templates and
 * feeds (for json_fields.c), and what json_fields.c cannot say: the date
 * rules of an item (an ISO week or a date, not both; given_on a date) and
 * the checks of array parts with field names such as "update[2].week".
 * Errors collect into one 422 problem document.  Plain C with jansson.
 */
#ifndef LEERLIJN_PLAN_FIELDS_H
#define LEERLIJN_PLAN_FIELDS_H

#include <stddef.h>

#include <jansson.h>

#include "core/json_fields.h"

#define PLAN_BULK_MAX	500	/* elements of one bulk or template part */

/*
 * The bodies of planning's writes: a plan (school_year first, which PATCH
 * does not take), a bulk change, a copy, a template, applying one, a feed.
 * Items are checked with plan_check_item().
 */
extern const struct field_table	plan_create_body, plan_patch_body,
				plan_bulk_body, plan_copy_body,
				plan_template_body, plan_apply_body,
				plan_feed_body;

/* Validation errors with their own field names ("update[2].week"). */
struct field_errors {
	json_t	*problem;	/* a 422 problem document, or NULL */
	size_t	 n;		/* counted even when memory ran out */
};

/* Add the error of field prefix + field. */
void	field_error_add(struct field_errors *e, const char *prefix,
	    const char *field, const char *message);
/* Check o (which must be an object) against specs into e, with prefix. */
void	plan_check_fields(const json_t *o, const struct field_spec *specs,
	    size_t n, int mode, const char *prefix, struct field_errors *e);
/*
 * The date rules of an item body o: week an ISO week ("2026-W42"), date
 * and given_on dates ("2026-10-14"), not both week and date, and (create)
 * one of them.
 */
void	plan_check_item_dates(const json_t *o, int create, const char *prefix,
	    struct field_errors *e);
/* A body checked against specs (FIELD_CREATE or FIELD_PATCH) as an item. */
void	plan_check_item(const json_t *o, int mode, struct field_errors *e);
/*
 * The parts of a bulk body: create (new items), update (items with their
 * id and optional version), delete ({id, version?}).
 */
void	plan_check_bulk(const json_t *body, struct field_errors *e);
/* A template body: items or from_plan (one of them), and its items. */
void	plan_check_template(const json_t *body, struct field_errors *e);

#endif
