/*
 * db_plans: school-year plans, their items and programme templates.
 *
 * The SQL lives in schema/0051_planning_api.sql as functions; these are
 * the calls, with parameters only.
 */
#include "planning/plans_db.h"
#include "db/db_read.h"

#define Q(name, sql, n, ro)	static struct db_stmt name = \
				    DB_STMT(#name, sql, n, ro)

Q(st_plan_school_of, "SELECT plan_school_of($1, $2::uuid)", 2, 1);
Q(st_plan_role, "SELECT CASE WHEN auth_can_edit_school($1::uuid, $2::uuid)"
    " THEN 'edit' WHEN auth_has_role($1::uuid, $2::uuid, 'teacher')"
    " THEN 'teacher' ELSE 'read' END", 2, 1);
Q(st_plan_doc, "SELECT plan_doc($1::uuid)", 1, 1);
Q(st_plan_list, "SELECT plan_list($1::uuid, $2, $3::integer, $4::integer)",
    4, 1);
Q(st_plan_leerlijn, "SELECT plan_leerlijn($1::uuid, $2, $3)", 3, 1);
Q(st_plan_template_list, "SELECT plan_template_list($1::uuid)", 1, 1);
Q(st_plan_template_doc, "SELECT plan_template_doc($1::uuid)", 1, 1);

Q(st_plan_create, "SELECT plan_create($1::uuid, $2::jsonb)", 2, 0);
Q(st_plan_update, "SELECT plan_update($1::uuid, $2::integer, $3::jsonb)",
    3, 0);
Q(st_plan_delete, "SELECT plan_delete($1::uuid, $2::integer)", 2, 0);
Q(st_plan_item_create, "SELECT plan_item_create($1::uuid, $2::integer,"
    " $3::jsonb)", 3, 0);
Q(st_plan_item_update, "SELECT plan_item_update($1::uuid, $2::uuid,"
    " $3::integer, $4::jsonb, $5::uuid)", 5, 0);
Q(st_plan_item_delete, "SELECT plan_item_delete($1::uuid, $2::uuid,"
    " $3::integer)", 3, 0);
Q(st_plan_bulk, "SELECT plan_bulk($1::uuid, $2::integer, $3::jsonb)", 3, 0);
Q(st_plan_copy, "SELECT plan_copy($1::uuid, $2::jsonb)", 2, 0);
Q(st_plan_template_create, "SELECT plan_template_create($1::uuid,"
    " $2::jsonb)", 2, 0);
Q(st_plan_template_delete, "SELECT plan_template_delete($1::uuid,"
    " $2::integer)", 2, 0);
Q(st_plan_template_apply, "SELECT plan_template_apply($1::uuid, $2::jsonb,"
    " $3::integer)", 3, 0);

Q(st_plan_feed_create, "SELECT plan_feed_create($1::uuid, $2::uuid,"
    " $3::uuid, $4::bytea)", 4, 0);
Q(st_plan_feed_open, "SELECT plan_feed_open($1::bytea)", 1, 1);
Q(st_plan_feed_revoke, "SELECT plan_feed_revoke($1::uuid, $2::uuid)", 2, 0);

static enum db_result
call(struct db_stmt *st, const char *a, const char *b, const char *c,
    const char *d, const char *e, char **out)
{
	const char	*params[5] = { a, b, c, d, e };

	return (db_text(st, params, out));
}

enum db_result
db_plan_school_of(const char *kind, const char *id, char **school)
{
	return (call(&st_plan_school_of, kind, id, NULL, NULL, NULL, school));
}

enum db_result
db_plan_role(const char *user, const char *school, char **role)
{
	return (call(&st_plan_role, user, school, NULL, NULL, NULL, role));
}

enum db_result
db_plan_doc(const char *plan, char **json)
{
	return (call(&st_plan_doc, plan, NULL, NULL, NULL, NULL, json));
}

enum db_result
db_plan_doc_read(const char *plan, char **json, struct db_freshness *f)
{
	const char	*params[1] = { plan };

	return (db_read_text(&st_plan_doc, params, json, f));
}

enum db_result
db_plan_list(const char *school, const char *year, const char *limit,
    const char *offset, char **json)
{
	return (call(&st_plan_list, school, year, limit, offset, NULL, json));
}

enum db_result
db_plan_leerlijn(const char *school, const char *from, const char *to,
    char **json)
{
	return (call(&st_plan_leerlijn, school, from, to, NULL, NULL, json));
}

enum db_result
db_plan_template_list(const char *school, char **json)
{
	return (call(&st_plan_template_list, school, NULL, NULL, NULL, NULL,
	    json));
}

enum db_result
db_plan_template_doc(const char *tmpl, char **json)
{
	return (call(&st_plan_template_doc, tmpl, NULL, NULL, NULL, NULL,
	    json));
}

enum db_result
db_plan_create(const char *school, const char *doc, char **out)
{
	return (call(&st_plan_create, school, doc, NULL, NULL, NULL, out));
}

enum db_result
db_plan_update(const char *plan, const char *version, const char *doc,
    char **out)
{
	return (call(&st_plan_update, plan, version, doc, NULL, NULL, out));
}

enum db_result
db_plan_delete(const char *plan, const char *version, char **out)
{
	return (call(&st_plan_delete, plan, version, NULL, NULL, NULL, out));
}

enum db_result
db_plan_item_create(const char *plan, const char *version, const char *doc,
    char **out)
{
	return (call(&st_plan_item_create, plan, version, doc, NULL, NULL,
	    out));
}

enum db_result
db_plan_item_update(const char *plan, const char *item, const char *version,
    const char *doc, const char *teacher, char **out)
{
	return (call(&st_plan_item_update, plan, item, version, doc, teacher,
	    out));
}

enum db_result
db_plan_item_delete(const char *plan, const char *item, const char *version,
    char **out)
{
	return (call(&st_plan_item_delete, plan, item, version, NULL, NULL,
	    out));
}

enum db_result
db_plan_bulk(const char *plan, const char *version, const char *doc,
    char **out)
{
	return (call(&st_plan_bulk, plan, version, doc, NULL, NULL, out));
}

enum db_result
db_plan_copy(const char *plan, const char *doc, char **out)
{
	return (call(&st_plan_copy, plan, doc, NULL, NULL, NULL, out));
}

enum db_result
db_plan_template_create(const char *school, const char *doc, char **out)
{
	return (call(&st_plan_template_create, school, doc, NULL, NULL, NULL,
	    out));
}

enum db_result
db_plan_template_delete(const char *tmpl, const char *version, char **out)
{
	return (call(&st_plan_template_delete, tmpl, version, NULL, NULL, NULL,
	    out));
}

enum db_result
db_plan_template_apply(const char *tmpl, const char *doc,
    const char *version, char **out)
{
	return (call(&st_plan_template_apply, tmpl, doc, version, NULL, NULL,
	    out));
}

enum db_result
db_plan_feed_create(const char *plan, const char *user, const char *teacher,
    const char *hash, char **out)
{
	return (call(&st_plan_feed_create, plan, user, teacher, hash, NULL,
	    out));
}

enum db_result
db_plan_feed_open(const char *hash, char **json)
{
	return (call(&st_plan_feed_open, hash, NULL, NULL, NULL, NULL, json));
}

enum db_result
db_plan_feed_revoke(const char *plan, const char *user, char **out)
{
	return (call(&st_plan_feed_revoke, plan, user, NULL, NULL, NULL, out));
}
