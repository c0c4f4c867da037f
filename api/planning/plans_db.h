/*
 * db_plans: school-year plans, their items and programme templates.
 *
 * Every function returns the first column of its statement in *out (a
 * new string the caller frees with free(); NULL when there is no such
 * plan, item or template).  Writes run inside the caller's transaction
 * (db_begin()); a stale version gives DB_STALE, a refused input
 * DB_INVALID or DB_CONSTRAINT.  Parameters are text: ids, versions
 * ("3"), and request bodies as compact JSON the API checked.
 */
#ifndef LEERLIJN_DB_PLANS_H
#define LEERLIJN_DB_PLANS_H

#include "db/db.h"

/* The school of a "plan" or "template" id. */
enum db_result	db_plan_school_of(const char *kind, const char *id,
		    char **school);
/* What user may do on school's plans: "edit", "teacher" or "read". */
enum db_result	db_plan_role(const char *user, const char *school,
		    char **role);

/* Documents (JSON). */
enum db_result	db_plan_doc(const char *plan, char **json);
struct db_freshness;
/* The same for an export: on the standby when it is fit (db_read.h). */
enum db_result	db_plan_doc_read(const char *plan, char **json,
		    struct db_freshness *f);
enum db_result	db_plan_list(const char *school, const char *year,
		    const char *limit, const char *offset, char **json);
enum db_result	db_plan_leerlijn(const char *school, const char *from,
		    const char *to, char **json);
enum db_result	db_plan_template_list(const char *school, char **json);
enum db_result	db_plan_template_doc(const char *tmpl, char **json);

/* Writes: *out is the id of what was made or changed. */
enum db_result	db_plan_create(const char *school, const char *doc,
		    char **out);
enum db_result	db_plan_update(const char *plan, const char *version,
		    const char *doc, char **out);
enum db_result	db_plan_delete(const char *plan, const char *version,
		    char **out);
enum db_result	db_plan_item_create(const char *plan, const char *version,
		    const char *doc, char **out);
/* teacher not NULL: only that teacher's item ("forbidden" otherwise). */
enum db_result	db_plan_item_update(const char *plan, const char *item,
		    const char *version, const char *doc, const char *teacher,
		    char **out);
enum db_result	db_plan_item_delete(const char *plan, const char *item,
		    const char *version, char **out);
enum db_result	db_plan_bulk(const char *plan, const char *version,
		    const char *doc, char **out);
enum db_result	db_plan_copy(const char *plan, const char *doc, char **out);
enum db_result	db_plan_template_create(const char *school, const char *doc,
		    char **out);
enum db_result	db_plan_template_delete(const char *tmpl,
		    const char *version, char **out);
/* version: of the plan d names in plan_id (NULL for a new plan). */
enum db_result	db_plan_template_apply(const char *tmpl, const char *doc,
		    const char *version, char **out);

/* Calendar feeds; hash is the stored form of the token (token_hash_hex). */
enum db_result	db_plan_feed_create(const char *plan, const char *user,
		    const char *teacher, const char *hash, char **out);
/* {"plan_id", "teacher_id"} of a usable feed, or NULL. */
enum db_result	db_plan_feed_open(const char *hash, char **json);
/* How many feeds were revoked ("0" .. ). */
enum db_result	db_plan_feed_revoke(const char *plan, const char *user,
		    char **out);

#endif
