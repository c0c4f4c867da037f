/*
 * units_db: a school's own activities and the proposed leerlijn; the SQL
 * functions of schema/functions/units.sql.
 */
#include "catalogue/units_db.h"

static struct db_stmt st_list = DB_STMT("activity_list",
    "SELECT unit_activity_list($1::uuid)", 1, 1);
static struct db_stmt st_get = DB_STMT("activity_get",
    "SELECT unit_activity_doc(l.id) FROM lesson l"
    " WHERE l.id = $2::uuid AND l.school_id = $1::uuid", 2, 1);
static struct db_stmt st_create = DB_STMT("activity_create",
    "SELECT unit_activity_create($1::uuid, $2::uuid, $3::jsonb)", 3, 0);
static struct db_stmt st_update = DB_STMT("activity_update",
    "SELECT unit_activity_update($1::uuid, $2::uuid, $3::jsonb,"
    " $4::integer)", 4, 0);
static struct db_stmt st_delete = DB_STMT("activity_delete",
    "SELECT unit_activity_delete($1::uuid, $2::uuid, $3::integer)", 3, 0);
static struct db_stmt st_offered = DB_STMT("activity_offered",
    "SELECT unit_activity_offered()", 0, 1);
static struct db_stmt st_proposal = DB_STMT("leerlijn_proposal",
    "SELECT leerlijn_proposal($1::uuid, $2::jsonb)", 2, 1);
static struct db_stmt st_proposal_apply = DB_STMT("leerlijn_proposal_apply",
    "SELECT leerlijn_proposal_apply($1::uuid, $2::uuid, $3::jsonb)", 3, 0);
static struct db_stmt st_adopt = DB_STMT("activity_adopt",
    "SELECT unit_activity_adopt($1::uuid, $2::jsonb)", 2, 0);

enum db_result
db_activity_list(const char *school, char **json)
{
	const char	*p[1] = { school };

	return (db_text(&st_list, p, json));
}

enum db_result
db_activity_get(const char *school, const char *id, char **json)
{
	const char	*p[2] = { school, id };

	return (db_text(&st_get, p, json));
}

enum db_result
db_activity_create(const char *school, const char *user, const char *body,
    char **json)
{
	const char	*p[3] = { school, user, body };

	return (db_text(&st_create, p, json));
}

enum db_result
db_activity_update(const char *school, const char *id, const char *body,
    const char *version, char **json)
{
	const char	*p[4] = { school, id, body, version };

	return (db_text(&st_update, p, json));
}

enum db_result
db_activity_delete(const char *school, const char *id, const char *version,
    char **json)
{
	const char	*p[3] = { school, id, version };

	return (db_text(&st_delete, p, json));
}

enum db_result
db_activity_offered(char **json)
{
	return (db_text(&st_offered, NULL, json));
}

enum db_result
db_activity_adopt(const char *id, const char *body, char **json)
{
	const char	*p[2] = { id, body };

	return (db_text(&st_adopt, p, json));
}

enum db_result
db_proposal(const char *school, const char *body, char **json)
{
	const char	*p[2] = { school, body };

	return (db_text(&st_proposal, p, json));
}

enum db_result
db_proposal_apply(const char *school, const char *user, const char *body,
    char **json)
{
	const char	*p[3] = { school, user, body };

	return (db_text(&st_proposal_apply, p, json));
}
