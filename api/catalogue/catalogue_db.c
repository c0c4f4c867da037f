/*
 * db_catalogue: reads of frameworks, goals and levels.
 */
#include "catalogue/catalogue_db.h"

/* One goal as it appears in lists and trees. */
#define GOAL_SUMMARY(g, f)						\
	"json_build_object('id', " g ".id, 'framework', " f ".code,"	\
	" 'code', " g ".code, 'kind', " g ".kind, 'title', " g ".title,"	\
	" 'status', " g ".status, 'confidence', " g ".confidence)"

#define FRAMEWORK_FIELDS(f)						\
	"'code', " f ".code, 'kind', " f ".kind, 'title', " f ".title,"	\
	" 'title_en', " f ".title_en, 'publisher', " f ".publisher,"	\
	" 'year', " f ".year, 'version', " f ".version,"		\
	" 'language', " f ".language, 'status', " f ".status,"		\
	" 'status_note', " f ".status_note, 'source', " f ".source,"	\
	" 'source_url', " f ".source_url, 'note', " f ".note,"		\
	" 'goal_count', (SELECT count(*) FROM goal g"			\
	"   WHERE g.framework_id = " f ".id)"

static struct db_stmt st_frameworks_list = DB_STMT("frameworks_list",
    "SELECT json_build_object("
    " 'total', (SELECT count(*) FROM framework),"
    " 'limit', $1::integer, 'offset', $2::integer,"
    " 'items', coalesce((SELECT json_agg(json_build_object("
    FRAMEWORK_FIELDS("f") ") ORDER BY f.code)"
    "   FROM (SELECT * FROM framework ORDER BY code"
    "   LIMIT $1::integer OFFSET $2::integer) f), '[]'::json))",
    2, 1);

static struct db_stmt st_framework_get = DB_STMT("framework_get",
    "SELECT json_build_object(" FRAMEWORK_FIELDS("f") ","
    " 'versions', f.versions, 'legal_basis', f.legal_basis,"
    " 'code_scheme', f.code_scheme, 'data_source', f.data_source,"
    " 'top_goals', coalesce((SELECT json_agg(" GOAL_SUMMARY("g", "f")
    "   ORDER BY g.position, g.code) FROM goal g"
    "   WHERE g.framework_id = f.id AND g.parent_id IS NULL), '[]'::json))"
    " FROM framework f WHERE f.code = $1",
    1, 1);

/*
 * The whole goal tree of a framework in depth-first order, each goal with
 * its depth; json_tree.c nests it.
 */
static struct db_stmt st_framework_goals = DB_STMT("framework_goals",
    "WITH RECURSIVE f AS (SELECT id, code, title FROM framework"
    "   WHERE code = $1),"
    " node AS (SELECT g.id, g.parent_id, g.position, g.code,"
    "   json_build_object('id', g.id, 'code', g.code, 'kind', g.kind,"
    "   'title', g.title, 'description', g.description,"
    "   'position', g.position, 'status', g.status,"
    "   'confidence', g.confidence, 'source_url', g.source_url,"
    "   'levels', coalesce((SELECT json_agg(l.code ORDER BY"
    "     l.sort_order NULLS LAST, l.code) FROM goal_level gl"
    "     JOIN level l ON l.id = gl.level_id WHERE gl.goal_id = g.id),"
    "     '[]'::json))::jsonb AS doc"
    "   FROM goal g JOIN f ON g.framework_id = f.id),"
    " walk AS (SELECT n.id, ARRAY[n.position::bigint] AS path, 1 AS depth"
    "   FROM node n WHERE n.parent_id IS NULL"
    "   OR n.parent_id NOT IN (SELECT id FROM node)"
    "   UNION ALL SELECT c.id, w.path || c.position::bigint, w.depth + 1"
    "   FROM walk w JOIN node c ON c.parent_id = w.id WHERE w.depth < 64)"
    " SELECT json_build_object('framework', (SELECT json_build_object("
    "   'code', code, 'title', title) FROM f),"
    " 'goals', coalesce(json_agg(json_build_object('id', n.id,"
    "   'parent_id', n.parent_id, 'depth', w.depth, 'goal', n.doc)"
    "   ORDER BY w.path, n.code, n.id), '[]'::json))"
    " FROM walk w JOIN node n ON n.id = w.id"
    " HAVING (SELECT count(*) FROM f) = 1",
    1, 1);

static struct db_stmt st_goal_get = DB_STMT("goal_get",
    "WITH RECURSIVE req AS (SELECT coalesce("
    "   (SELECT id FROM goal WHERE id = $1::uuid),"
    "   (SELECT goal_id FROM goal_replaced_id WHERE old_id = $1::uuid"
    "    ORDER BY goal_id LIMIT 1)) AS id),"
    " up AS (SELECT g.parent_id AS id, 1 AS depth FROM goal g, req"
    "   WHERE g.id = req.id AND g.parent_id IS NOT NULL"
    "   UNION ALL SELECT g.parent_id, up.depth + 1 FROM up"
    "   JOIN goal g ON g.id = up.id"
    "   WHERE g.parent_id IS NOT NULL AND up.depth < 64)"
    " SELECT json_build_object('id', g.id, 'framework', json_build_object("
    "   'code', f.code, 'title', f.title), 'code', g.code, 'kind', g.kind,"
    " 'title', g.title, 'title_en', g.title_en,"
    " 'description', g.description, 'alt_titles', g.alt_titles,"
    " 'position', g.position, 'status', g.status, 'source', g.source,"
    " 'source_url', g.source_url, 'confidence', g.confidence,"
    " 'code_confidence', g.code_confidence, 'note', g.note,"
    " 'requested_id', $1::uuid,"
    " 'levels', coalesce((SELECT json_agg(json_build_object('code', l.code,"
    "   'title', l.title) ORDER BY l.sort_order NULLS LAST, l.code)"
    "   FROM goal_level gl JOIN level l ON l.id = gl.level_id"
    "   WHERE gl.goal_id = g.id), '[]'::json),"
    " 'ancestors', coalesce((SELECT json_agg(" GOAL_SUMMARY("a", "af")
    "   ORDER BY up.depth DESC) FROM up JOIN goal a ON a.id = up.id"
    "   JOIN framework af ON af.id = a.framework_id), '[]'::json),"
    " 'children', coalesce((SELECT json_agg(" GOAL_SUMMARY("c", "f")
    "   ORDER BY c.position, c.code) FROM goal c WHERE c.parent_id = g.id),"
    "   '[]'::json),"
    " 'relations', coalesce((SELECT json_agg(json_build_object("
    "   'id', r.id, 'type', r.relation_type,"
    "   'direction', CASE WHEN r.origin_goal_id = g.id THEN 'outgoing'"
    "     ELSE 'incoming' END,"
    "   'goal', " GOAL_SUMMARY("o", "of") ", 'source', r.source,"
    "   'confidence', r.confidence, 'note', r.note)"
    "   ORDER BY r.relation_type, of.code, o.code, r.id)"
    "   FROM goal_relation r JOIN goal o ON o.id = CASE"
    "     WHEN r.origin_goal_id = g.id THEN r.destination_goal_id"
    "     ELSE r.origin_goal_id END"
    "   JOIN framework of ON of.id = o.framework_id"
    "   WHERE r.origin_goal_id = g.id OR r.destination_goal_id = g.id),"
    "   '[]'::json),"
    " 'lessons', coalesce((SELECT json_agg(json_build_object("
    "   'id', le.id, 'title', le.title,"
    "   'title_is_placeholder', le.title_is_placeholder,"
    "   'status', le.status, 'scope', la.scope, 'emphasis', la.emphasis,"
    "   'published_label', la.published_label)"
    "   ORDER BY le.title, le.id) FROM lesson_alignment la"
    "   JOIN lesson le ON le.id = la.lesson_id WHERE la.goal_id = g.id"
    "   AND (le.status = 'published' OR $2::boolean)),"
    "   '[]'::json))"
    " FROM req JOIN goal g ON g.id = req.id"
    " JOIN framework f ON f.id = g.framework_id",
    2, 1);

static struct db_stmt st_goals_find = DB_STMT("goals_find",
    "WITH hit AS (SELECT g.id, f.code AS fcode, g.code, g.position,"
    "   CASE WHEN $3::text IS NULL THEN 0 ELSE"
    "   ts_rank(g.search, catalogue_tsquery($3)) END AS rank"
    "   FROM goal g JOIN framework f ON f.id = g.framework_id"
    "   WHERE ($1::text IS NULL OR f.code = $1)"
    "   AND ($2::text IS NULL OR g.code = $2"
    "     OR catalogue_norm(g.code) = catalogue_norm($2))"
    "   AND ($3::text IS NULL OR g.search @@ catalogue_tsquery($3))),"
    " page AS (SELECT * FROM hit ORDER BY rank DESC, fcode, code, id"
    "   LIMIT $4::integer OFFSET $5::integer)"
    " SELECT json_build_object('total', (SELECT count(*) FROM hit),"
    " 'limit', $4::integer, 'offset', $5::integer,"
    " 'items', coalesce((SELECT json_agg(json_build_object("
    "   'id', g.id, 'framework', f.code, 'code', g.code, 'kind', g.kind,"
    "   'title', g.title, 'status', g.status, 'parent_id', g.parent_id,"
    "   'confidence', g.confidence)"
    "   ORDER BY p.rank DESC, p.fcode, p.code, p.id)"
    "   FROM page p JOIN goal g ON g.id = p.id"
    "   JOIN framework f ON f.id = g.framework_id), '[]'::json))",
    5, 1);

static struct db_stmt st_levels_list = DB_STMT("levels_list",
    "SELECT json_build_object("
    " 'stages', coalesce((SELECT json_agg(json_build_object("
    "   'code', s.code, 'title', s.title, 'sector', s.sector,"
    "   'sort_order', s.sort_order, 'description', s.description)"
    "   ORDER BY s.sort_order) FROM stage s), '[]'::json),"
    " 'levels', coalesce((SELECT json_agg(json_build_object("
    "   'id', l.id, 'code', l.code, 'title', l.title, 'kind', l.kind,"
    "   'stage', l.stage_code, 'year_ordinal', l.year_ordinal,"
    "   'sort_order', l.sort_order, 'plannable', l.plannable,"
    "   'status', l.status, 'source', l.source,"
    "   'confidence', l.confidence)"
    "   ORDER BY l.sort_order NULLS LAST, l.code) FROM level l),"
    "   '[]'::json))",
    0, 1);

enum db_result
db_frameworks_list(long limit, long offset, char **json)
{
	return (db_text_page(&st_frameworks_list, NULL, 0, limit, offset,
	    json));
}

enum db_result
db_framework_get(const char *code, char **json)
{
	const char	*params[1] = { code };

	return (db_text(&st_framework_get, params, json));
}

enum db_result
db_framework_goals(const char *code, char **json)
{
	const char	*params[1] = { code };

	return (db_text(&st_framework_goals, params, json));
}

enum db_result
db_goal_read(const char *id, int drafts, char **json)
{
	const char	*params[2] = { id, drafts ? "true" : "false" };

	return (db_text(&st_goal_get, params, json));
}

enum db_result
db_goal_get(const char *id, char **json)
{
	return (db_goal_read(id, 1, json));
}

enum db_result
db_goals_find(const char *framework, const char *code, const char *q,
    long limit, long offset, char **json)
{
	const char	*params[3] = { framework, code, q };

	return (db_text_page(&st_goals_find, params, 3, limit, offset, json));
}

enum db_result
db_levels_list(char **json)
{
	return (db_text(&st_levels_list, NULL, json));
}
