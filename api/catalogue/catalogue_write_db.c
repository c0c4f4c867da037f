/*
 * db_catalogue_write: changes to the catalogue, for curators.
 */
#include <stdlib.h>

#include "catalogue/catalogue_write_db.h"

/* In UPDATEs: take the field from the body when present ("d ? 'x'"). */
#define SET(c, expr)	c " = CASE WHEN d ? '" c "' THEN " expr \
			" ELSE t." c " END"
#define SET_TEXT(c)	SET(c, "d->>'" c "'")
#define TXT(c)		"d->>'" c "'"
#define TEXT_ARRAY(c)	"ARRAY(SELECT jsonb_array_elements_text(d->'" c "'))"

static struct db_stmt st_framework_create = DB_STMT("framework_create",
    "INSERT INTO framework (code, title, title_en, publisher, year,"
    " version, language, status, status_note, source, source_url, note)"
    " SELECT " TXT("code") ", " TXT("title") ", " TXT("title_en") ","
    " " TXT("publisher") ", (d->>'year')::smallint, " TXT("version") ","
    " coalesce(" TXT("language") ", 'nl'), " TXT("status") ","
    " " TXT("status_note") ", " TXT("source") ", " TXT("source_url") ","
    " " TXT("note")
    " FROM (SELECT $1::jsonb AS d) x"
    " WHERE catalogue_framework_check(d, NULL) RETURNING code",
    1, 0);

static struct db_stmt st_framework_update = DB_STMT("framework_update",
    "UPDATE framework t SET " SET_TEXT("title") ", " SET_TEXT("title_en") ","
    " " SET_TEXT("publisher") ", " SET("year", "(d->>'year')::smallint") ","
    " " SET_TEXT("version") ", " SET_TEXT("language") ","
    " " SET_TEXT("status") ", " SET_TEXT("status_note") ","
    " " SET_TEXT("source") ", " SET_TEXT("source_url") ","
    " " SET_TEXT("note")
    " FROM (SELECT $2::jsonb AS d) x WHERE t.code = $1"
    " AND catalogue_framework_check(d, t.code) RETURNING t.code",
    2, 0);

/*
 * The refusals of each write, with the API field, are the checks of
 * schema/functions/catalogue_write.sql, called in the WHERE clause before
 * the row is written.  A goal's parent must be a goal of the same
 * framework and never one below the goal: the goal_tree_check triggers
 * (schema/functions/catalogue.sql) refuse it with the field name.
 */
static struct db_stmt st_goal_create = DB_STMT("goal_create",
    "INSERT INTO goal (id_origin, framework_id, code, kind, title,"
    " description, alt_titles, parent_id, position, status, source,"
    " source_url, confidence, note)"
    " SELECT 'manual', f.id, " TXT("code") ", " TXT("kind") ","
    " " TXT("title") ", " TXT("description") ","
    " coalesce(" TEXT_ARRAY("alt_titles") ", '{}'),"
    " (d->>'parent_id')::uuid, coalesce((d->>'position')::integer, 0),"
    " coalesce(" TXT("status") ", 'current'), " TXT("source") ","
    " " TXT("source_url") ", " TXT("confidence") ", " TXT("note")
    " FROM framework f, (SELECT $2::jsonb AS d) x WHERE f.code = $1"
    " AND catalogue_goal_check(d, f.id, NULL) RETURNING id",
    2, 0);

static struct db_stmt st_goal_update = DB_STMT("goal_update",
    "UPDATE goal t SET " SET_TEXT("code") ", " SET_TEXT("kind") ","
    " " SET_TEXT("title") ", " SET_TEXT("description") ","
    " " SET("alt_titles", "coalesce(" TEXT_ARRAY("alt_titles") ", '{}')")
    ", " SET("parent_id", "(d->>'parent_id')::uuid") ","
    " " SET("position", "coalesce((d->>'position')::integer, 0)") ","
    " " SET_TEXT("status") ", " SET_TEXT("source") ","
    " " SET_TEXT("source_url") ", " SET_TEXT("confidence") ","
    " " SET_TEXT("note")
    " FROM (SELECT $2::jsonb AS d) x WHERE t.id = $1::uuid"
    " AND catalogue_goal_check(d, t.framework_id, t.id) RETURNING t.id",
    2, 0);

/*
 * The levels of the row $1 (its column key of table) become those of the
 * body $2 ("levels").
 */
#define SET_LEVELS(table, key)						\
    "WITH want AS (SELECT unnest(api_level_ids($2::jsonb->'levels',"	\
    "   'levels')) AS level_id),"					\
    " del AS (DELETE FROM " table " WHERE " key " = $1::uuid"		\
    "   AND level_id NOT IN (SELECT level_id FROM want))"		\
    " INSERT INTO " table " (" key ", level_id)"			\
    " SELECT $1::uuid, level_id FROM want ON CONFLICT DO NOTHING"

static struct db_stmt st_goal_levels = DB_STMT("goal_levels",
    SET_LEVELS("goal_level", "goal_id"), 2, 0);

static struct db_stmt st_goal_delete = DB_STMT("goal_delete",
    "DELETE FROM goal WHERE id = $1::uuid RETURNING id",
    1, 0);

static struct db_stmt st_relation_create = DB_STMT("relation_create",
    "INSERT INTO goal_relation (origin_goal_id, relation_type,"
    " destination_goal_id, sequence_number, source, confidence, note)"
    " SELECT g.id, " TXT("type") ", (d->>'goal_id')::uuid,"
    " (d->>'sequence_number')::integer, " TXT("source") ","
    " " TXT("confidence") ", " TXT("note")
    " FROM goal g, (SELECT $2::jsonb AS d) x WHERE g.id = $1::uuid"
    " AND catalogue_relation_check(d, g.id) RETURNING id",
    2, 0);

static struct db_stmt st_relation_delete = DB_STMT("relation_delete",
    "DELETE FROM goal_relation WHERE id = $1::uuid RETURNING id",
    1, 0);

#define LESSON_PROGRAMME						\
	"(SELECT p.id FROM programme p WHERE p.code = d->>'programme')"

/*
 * The body's levels differ from the lesson's: the version (ETag) goes up
 * although no column of the lesson row changes (catalogue_lesson_touch).
 */
#define LESSON_LEVELS_CHANGE						\
	"ARRAY(SELECT ll.level_id FROM lesson_level ll"			\
	"   WHERE ll.lesson_id = t.id ORDER BY 1) IS DISTINCT FROM"	\
	" ARRAY(SELECT DISTINCT l.id FROM level l WHERE l.code IN"	\
	"   (SELECT jsonb_array_elements_text(d->'levels')) ORDER BY 1)"

static struct db_stmt st_lesson_create = DB_STMT("lesson_create",
    "INSERT INTO lesson (code, programme_id, title, summary,"
    " duration_minutes, themes, format, language, levels_as_published,"
    " source, source_url, evidence_level_code, key_messages,"
    " teacher_preparation, safety_checklist, sensitive_topic, status, note)"
    " SELECT " TXT("code") ", " LESSON_PROGRAMME ", " TXT("title") ","
    " " TXT("summary") ", (d->>'duration_minutes')::integer,"
    " coalesce(" TEXT_ARRAY("themes") ", '{}'), " TXT("format") ","
    " coalesce(" TXT("language") ", 'nl'), " TXT("levels_as_published") ","
    " " TXT("source") ", " TXT("source_url") ","
    " coalesce(" TXT("evidence_level") ", 'unknown'),"
    " coalesce(d->'key_messages', '[]'), " TXT("teacher_preparation") ","
    " coalesce(" TEXT_ARRAY("safety_checklist") ", '{}'),"
    " coalesce((d->>'sensitive_topic')::boolean, false),"
    " coalesce(" TXT("status") ", 'draft'), " TXT("note")
    " FROM (SELECT $1::jsonb AS d) x"
    " WHERE catalogue_lesson_check(d, NULL) RETURNING id",
    1, 0);

static struct db_stmt st_lesson_update = DB_STMT("lesson_update",
    "UPDATE lesson t SET " SET_TEXT("code") ","
    " " SET("programme_id", LESSON_PROGRAMME) ", " SET_TEXT("title") ","
    " " SET_TEXT("summary") ","
    " " SET("duration_minutes", "(d->>'duration_minutes')::integer") ","
    " " SET("themes", "coalesce(" TEXT_ARRAY("themes") ", '{}')") ","
    " " SET_TEXT("format") ", " SET_TEXT("language") ","
    " " SET_TEXT("levels_as_published") ", " SET_TEXT("source") ","
    " " SET_TEXT("source_url") ","
    " evidence_level_code = CASE WHEN d ? 'evidence_level'"
    "   THEN d->>'evidence_level' ELSE t.evidence_level_code END,"
    " " SET("key_messages", "d->'key_messages'") ","
    " " SET_TEXT("teacher_preparation") ","
    " " SET("safety_checklist",
    "coalesce(" TEXT_ARRAY("safety_checklist") ", '{}')") ","
    " " SET("sensitive_topic", "(d->>'sensitive_topic')::boolean") ","
    " " SET_TEXT("status") ", " SET_TEXT("note") ","
    " version = CASE WHEN d ? 'levels' AND " LESSON_LEVELS_CHANGE
    "   THEN t.version + 1 ELSE t.version END"
    " FROM (SELECT $3::jsonb AS d) x"
    " WHERE t.id = $1::uuid AND t.school_id IS NULL"
    " AND api_require_version(t.version, $2::integer)"
    " AND catalogue_lesson_check(d, t.id) RETURNING t.id",
    3, 0);

static struct db_stmt st_lesson_levels = DB_STMT("lesson_levels",
    SET_LEVELS("lesson_level", "lesson_id"), 2, 0);

static struct db_stmt st_lesson_delete = DB_STMT("lesson_delete",
    "DELETE FROM lesson t WHERE t.id = $1::uuid AND t.school_id IS NULL"
    " AND api_require_version(t.version, $2::integer) RETURNING t.id",
    2, 0);

static struct db_stmt st_alignment_create = DB_STMT("alignment_create",
    "INSERT INTO alignment (lesson_id, goal_id, emphasis, published_label,"
    " published_code, source, source_url, confidence, note)"
    " SELECT l.id, (d->>'goal_id')::uuid, " TXT("emphasis") ","
    " " TXT("published_label") ", " TXT("published_code") ","
    " " TXT("source") ", " TXT("source_url") ", " TXT("confidence") ","
    " " TXT("note")
    " FROM lesson l, (SELECT $2::jsonb AS d) x WHERE l.id = $1::uuid"
    " AND l.school_id IS NULL"
    " AND catalogue_alignment_check(d, l.id) RETURNING id",
    2, 0);

static struct db_stmt st_alignment_delete = DB_STMT("alignment_delete",
    "DELETE FROM alignment WHERE id = $1::uuid RETURNING id",
    1, 0);

static struct db_stmt st_relation_get = DB_STMT("relation_get",
    "SELECT json_build_object('id', r.id, 'type', r.relation_type,"
    " 'origin', json_build_object('id', o.id, 'code', o.code,"
    "   'title', o.title),"
    " 'destination', json_build_object('id', d.id, 'code', d.code,"
    "   'title', d.title),"
    " 'sequence_number', r.sequence_number, 'source', r.source,"
    " 'confidence', r.confidence, 'note', r.note)"
    " FROM goal_relation r JOIN goal o ON o.id = r.origin_goal_id"
    " JOIN goal d ON d.id = r.destination_goal_id WHERE r.id = $1::uuid",
    1, 1);

static struct db_stmt st_alignment_get = DB_STMT("alignment_get",
    "SELECT json_build_object('id', a.id, 'lesson_id', a.lesson_id,"
    " 'programme_id', a.programme_id,"
    " 'goal', json_build_object('id', g.id, 'code', g.code,"
    "   'title', g.title),"
    " 'emphasis', a.emphasis, 'published_label', a.published_label,"
    " 'published_code', a.published_code, 'source', a.source,"
    " 'source_url', a.source_url, 'confidence', a.confidence,"
    " 'note', a.note, 'rationale', a.rationale)"
    " FROM alignment a JOIN goal g ON g.id = a.goal_id"
    " WHERE a.id = $1::uuid AND NOT EXISTS (SELECT 1 FROM lesson l"
    "   WHERE l.id = a.lesson_id AND l.school_id IS NOT NULL)",
    1, 1);

static enum db_result
run(struct db_stmt *st, const char *a, const char *b, const char *c,
    char **out)
{
	const char	*params[3] = { a, b, c };

	return (db_text(st, params, out));
}

/*
 * run(st, a, b, c, out); then, when it wrote the row *out and levels says
 * the body doc has "levels", the row's levels (levels_st).
 */
static enum db_result
run_levels(struct db_stmt *st, const char *a, const char *b, const char *c,
    struct db_stmt *levels_st, int levels, const char *doc, char **out)
{
	const char	*p[2];
	enum db_result	 rc;

	rc = run(st, a, b, c, out);
	if (rc == DB_OK && *out != NULL && levels) {
		p[0] = *out;
		p[1] = doc;
		rc = db_run(levels_st, p);
	}
	return (rc);
}

enum db_result
db_framework_create(const char *doc, char **code)
{
	return (run(&st_framework_create, doc, NULL, NULL, code));
}

enum db_result
db_framework_update(const char *code, const char *doc, char **out)
{
	return (run(&st_framework_update, code, doc, NULL, out));
}

enum db_result
db_goal_create(const char *framework, const char *doc, int levels,
    char **id)
{
	return (run_levels(&st_goal_create, framework, doc, NULL,
	    &st_goal_levels, levels, doc, id));
}

enum db_result
db_goal_update(const char *id, const char *doc, int levels, char **out)
{
	return (run_levels(&st_goal_update, id, doc, NULL, &st_goal_levels,
	    levels, doc, out));
}

enum db_result
db_goal_delete(const char *id, char **out)
{
	return (run(&st_goal_delete, id, NULL, NULL, out));
}

enum db_result
db_relation_create(const char *origin, const char *doc, char **id)
{
	return (run(&st_relation_create, origin, doc, NULL, id));
}

enum db_result
db_relation_delete(const char *id, char **out)
{
	return (run(&st_relation_delete, id, NULL, NULL, out));
}

enum db_result
db_lesson_create(const char *doc, int levels, char **id)
{
	return (run_levels(&st_lesson_create, doc, NULL, NULL,
	    &st_lesson_levels, levels, doc, id));
}

enum db_result
db_lesson_update(const char *id, const char *version, const char *doc,
    int levels, char **out)
{
	return (run_levels(&st_lesson_update, id, version, doc,
	    &st_lesson_levels, levels, doc, out));
}

enum db_result
db_lesson_delete(const char *id, const char *version, char **out)
{
	return (run(&st_lesson_delete, id, version, NULL, out));
}

enum db_result
db_alignment_create(const char *lesson, const char *doc, char **id)
{
	return (run(&st_alignment_create, lesson, doc, NULL, id));
}

enum db_result
db_alignment_delete(const char *id, char **out)
{
	return (run(&st_alignment_delete, id, NULL, NULL, out));
}

enum db_result
db_relation_get(const char *id, char **json)
{
	return (run(&st_relation_get, id, NULL, NULL, json));
}

enum db_result
db_alignment_get(const char *id, char **json)
{
	return (run(&st_alignment_get, id, NULL, NULL, json));
}
