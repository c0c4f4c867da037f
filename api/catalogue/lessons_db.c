/*
 * db_lessons: the lesson finder and lesson details.
 */
#include <stdio.h>
#include <stdlib.h>

#include "catalogue/lessons_db.h"
#include "core/params.h"

static struct db_stmt st_goal_resolve = DB_STMT("goal_resolve",
    "SELECT json_agg(json_build_object('id', g.id, 'framework', f.code,"
    " 'code', g.code, 'title', g.title) ORDER BY f.code, g.code, g.id)"
    " FROM goal g JOIN framework f ON f.id = g.framework_id"
    " WHERE (($1::uuid IS NOT NULL AND (g.id = $1::uuid OR g.id IN"
    "   (SELECT goal_id FROM goal_replaced_id WHERE old_id = $1::uuid)))"
    "  OR ($2::text IS NOT NULL AND (g.code = $2"
    "   OR catalogue_norm(g.code) = catalogue_norm($2))))"
    " AND ($3::text IS NULL OR f.code = $3)"
    " HAVING count(*) > 0",
    3, 1);

static struct db_stmt st_vocab_check = DB_STMT("lesson_vocab_check",
    "SELECT coalesce(json_agg(v.name ORDER BY v.name), '[]'::json) FROM ("
    " VALUES ('level', $1::text, EXISTS (SELECT 1 FROM level"
    "   WHERE code = $1)),"
    " ('stage', $2::text, EXISTS (SELECT 1 FROM stage WHERE code = $2)),"
    " ('evidence', $3::text, EXISTS (SELECT 1 FROM evidence_level"
    "   WHERE code = $3)),"
    " ('programme', $4::text, EXISTS (SELECT 1 FROM programme"
    "   WHERE code = $4))) AS v (name, value, found)"
    " WHERE v.value IS NOT NULL AND NOT v.found",
    4, 1);

/*
 * The goal set: the goal, its descendants (by parent and by isChildOf),
 * and with related=exact|all the goals one crosswalk away.  A lesson
 * matches through its own alignments and those of its programmes.  The
 * answer is built by lesson_list_doc (schema/functions/lessons.sql), as
 * in lessons_find_goal().
 */
static struct db_stmt st_lessons_find = DB_STMT("lessons_find",
    "WITH RECURSIVE sub (id, depth) AS ("
    "   SELECT $1::uuid, 0 WHERE $1::uuid IS NOT NULL"
    "   UNION SELECT c.id, sub.depth + 1 FROM sub CROSS JOIN LATERAL ("
    "     SELECT g.id FROM goal g WHERE g.parent_id = sub.id"
    "     UNION SELECT r.origin_goal_id FROM goal_relation r"
    "     WHERE r.destination_goal_id = sub.id"
    "     AND r.relation_type = 'isChildOf') c WHERE sub.depth < 32),"
    " goalset AS (SELECT DISTINCT ON (id) id, via FROM ("
    "   SELECT id, CASE WHEN depth = 0 THEN 'goal' ELSE 'descendant' END"
    "     AS via, 0 AS pref FROM sub"
    "   UNION ALL SELECT CASE WHEN r.origin_goal_id = s.id"
    "     THEN r.destination_goal_id ELSE r.origin_goal_id END,"
    "     r.relation_type, 1 FROM sub s JOIN goal_relation r"
    "     ON s.id IN (r.origin_goal_id, r.destination_goal_id)"
    "     WHERE $2 <> 'none' AND (r.relation_type = 'exactMatchOf'"
    "     OR ($2 = 'all' AND r.relation_type IN ('isRelatedTo',"
    "     'isPartOf', 'isPeerOf')))) x ORDER BY id, pref, via),"
    " hit AS (SELECT la.lesson_id, la.goal_id, gs.via, la.scope"
    "   FROM lesson_alignment la JOIN goalset gs ON gs.id = la.goal_id),"
    " base AS (SELECT l.id, l.title,"
    "   CASE WHEN $9::text IS NULL THEN 0"
    "   ELSE ts_rank(l.search, catalogue_tsquery($9)) END AS rank"
    "   FROM lesson l WHERE l.status = 'published'"
    "   AND ($1::uuid IS NULL OR l.id IN (SELECT lesson_id FROM hit))"
    "   AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM lesson_level ll"
    "     JOIN level_span a ON a.level_id = ll.level_id"
    "     JOIN level_span b ON b.covered_level_id = a.covered_level_id"
    "     JOIN level f ON f.id = b.level_id"
    "     WHERE ll.lesson_id = l.id AND f.code = $3))"
    "   AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM lesson_level ll"
    "     JOIN level_span a ON a.level_id = ll.level_id"
    "     JOIN level lv ON lv.id IN (a.level_id, a.covered_level_id)"
    "     WHERE ll.lesson_id = l.id AND lv.stage_code = $4))"
    "   AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM unnest(l.themes) t"
    "     WHERE catalogue_norm(t) = catalogue_norm($5)))"
    "   AND ($6::text IS NULL OR l.evidence_level_code = $6)"
    "   AND ($7::integer IS NULL OR l.duration_minutes <= $7::integer)"
    "   AND ($8::text IS NULL OR EXISTS (SELECT 1"
    "     FROM lesson_programme_chain c JOIN programme p"
    "     ON p.id = c.programme_id WHERE c.lesson_id = l.id"
    "     AND p.code = $8))"
    "   AND ($9::text IS NULL OR l.search @@ catalogue_tsquery($9))"
    "   AND (l.school_id IS NULL OR l.school_id = $14::uuid)"
    "   AND ($12::text IS NULL OR EXISTS (SELECT 1"
    "     FROM unnest(l.target_groups) t"
    "     WHERE catalogue_norm(t) = catalogue_norm($12)))"
    "   AND ($13::text IS NULL OR l.kind = $13)),"
    " page AS (SELECT * FROM base ORDER BY rank DESC, title, id"
    "   LIMIT $10::integer OFFSET $11::integer)"
    " SELECT lesson_list_doc((SELECT count(*) FROM base), $10::integer,"
    " $11::integer, $2, $1::uuid,"
    " ARRAY(SELECT p.id FROM page p ORDER BY p.rank DESC, p.title, p.id),"
    " (SELECT json_object_agg(m.lesson_id, m.goals) FROM ("
    "   SELECT h.lesson_id, json_agg(json_build_object("
    "     'goal', json_build_object('id', g.id, 'framework', f.code,"
    "     'code', g.code, 'title', g.title), 'via', h.via,"
    "     'scope', h.scope) ORDER BY f.code, g.code, g.id) AS goals"
    "   FROM page p JOIN hit h ON h.lesson_id = p.id"
    "   JOIN goal g ON g.id = h.goal_id"
    "   JOIN framework f ON f.id = g.framework_id"
    "   GROUP BY h.lesson_id) m))",
    14, 1);

/*
 * The same answer when a goal is given: lessons_find_goal() (schema/
 * functions/lessons.sql) lets the goal set drive the plan and keeps
 * one plan per connection; at national scale it is a hundred times faster.
 */
static struct db_stmt st_lessons_find_goal = DB_STMT("lessons_find_goal",
    "SELECT lessons_find_goal($1::uuid, $2, $3, $4, $5, $6, $7::integer,"
    " $8, $9, $10::integer, $11::integer, $12, $13, $14::uuid)",
    14, 1);

static struct db_stmt st_lesson_get = DB_STMT("lesson_get",
    "WITH w AS (SELECT * FROM lesson_warnings($1::uuid))"
    " SELECT json_build_object('id', l.id, 'code', l.code,"
    " 'title', l.title, 'title_is_placeholder', l.title_is_placeholder,"
    " 'title_note', l.title_note, 'summary', l.summary,"
    " 'summary_note', l.summary_note,"
    " 'position', l.position,"
    " 'programmes', coalesce((SELECT json_agg(json_build_object("
    "   'code', p.code, 'title', p.title, 'url', p.url,"
    "   'providers', coalesce((SELECT json_agg(pp.name_as_published"
    "     ORDER BY pp.position) FROM programme_provider pp"
    "     WHERE pp.programme_id = p.id), '[]'::json))"
    "   ORDER BY c.depth) FROM lesson_programme_chain_of($1::uuid) c"
    "   JOIN programme p ON p.id = c.programme_id), '[]'::json),"
    " 'levels', coalesce((SELECT json_agg(json_build_object("
    "   'code', lv.code, 'title', lv.title) ORDER BY lv.sort_order"
    "   NULLS LAST, lv.code) FROM lesson_level ll JOIN level lv"
    "   ON lv.id = ll.level_id WHERE ll.lesson_id = l.id), '[]'::json),"
    " 'levels_as_published', l.levels_as_published,"
    " 'duration_minutes', l.duration_minutes,"
    " 'duration_note', l.duration_note, 'themes', l.themes,"
    " 'format', l.format, 'language', l.language,"
    " 'evidence_level', (SELECT json_build_object('code', e.code,"
    "   'title', e.title) FROM evidence_level e"
    "   WHERE e.code = l.evidence_level_code),"
    " 'evidence_note', l.evidence_note,"
    " 'key_messages', l.key_messages,"
    " 'teacher_preparation', l.teacher_preparation,"
    " 'safety_intro', l.safety_intro, 'safety_quote', l.safety_quote,"
    " 'safety_checklist', l.safety_checklist,"
    " 'sensitive_topic', l.sensitive_topic, 'status', l.status,"
    " 'version', l.version, 'source', l.source,"
    " 'source_url', l.source_url, 'note', l.note,"
    " 'kind', l.kind, 'reviewed_on', l.reviewed_on,"
    " 'source_address', unit_source_address(l.source_url, l.source_urls,"
    "   l.source),"
    " 'target_groups', l.target_groups, 'lessons_count', l.lessons_count,"
    " 'levels_confidence', l.levels_confidence, 'sources', l.sources,"
    " 'source_urls', l.source_urls, 'silent', l.silent,"
    " 'school_id', l.school_id, 'adopted_from', l.adopted_from,"
    " 'evidence_date', (SELECT p.evidence_date FROM programme p"
    "   WHERE p.id = l.programme_id),"
    " 'alignments', coalesce((SELECT json_agg(json_build_object("
    "   'id', la.alignment_id, 'scope', la.scope,"
    "   'goal', json_build_object('id', g.id, 'framework', f.code,"
    "     'code', g.code, 'title', g.title, 'status', g.status),"
    "   'emphasis', la.emphasis, 'published_label', la.published_label,"
    "   'published_code', la.published_code,"
    "   'published_context', la.published_context,"
    "   'source', la.source, 'confidence', la.confidence,"
    "   'note', la.note, 'rationale', (SELECT x.rationale FROM alignment x"
    "     WHERE x.id = la.alignment_id),"
    "   'warnings', coalesce((SELECT json_agg(json_build_object("
    "     'code', w.code, 'severity', w.severity, 'message', w.message)"
    "     ORDER BY w.severity = 'info', w.code) FROM w"
    "     WHERE w.alignment_id = la.alignment_id"
    "     AND w.goal_id = la.goal_id), '[]'::json))"
    "   ORDER BY f.code, g.code, la.alignment_id)"
    "   FROM lesson_alignment_of($1::uuid) la JOIN goal g ON g.id = la.goal_id"
    "   JOIN framework f ON f.id = g.framework_id), '[]'::json),"
    " 'warnings', coalesce((SELECT json_agg(json_build_object("
    "   'code', w.code, 'severity', w.severity, 'message', w.message,"
    "   'alignment_id', w.alignment_id, 'goal_id', w.goal_id)"
    "   ORDER BY w.severity = 'info', w.code, w.goal_id) FROM w),"
    "   '[]'::json),"
    " 'help_resources', coalesce((SELECT json_agg(json_build_object("
    "   'name', h.name, 'as_printed', h.as_printed, 'url', h.url,"
    "   'description', h.description) ORDER BY lh.position)"
    "   FROM lesson_help_resource lh JOIN help_resource h"
    "   ON h.id = lh.help_resource_id WHERE lh.lesson_id = l.id),"
    "   '[]'::json))"
    " FROM lesson l WHERE l.id = $1::uuid"
    " AND unit_visible($2::uuid, l.school_id)",
    2, 1);

static struct db_stmt st_school_readable = DB_STMT("school_readable",
    "SELECT CASE WHEN auth_can_read_school($1::uuid, $2::uuid)"
    " THEN 'yes' END", 2, 1);

/*
 * The stored warnings (schema/functions/lesson_warnings.sql), in the order of their list index; the
 * lesson id last makes the order total (lessons may share a title).
 */
static struct db_stmt st_alignment_warnings = DB_STMT("alignment_warnings",
    "WITH vis AS (SELECT w.* FROM lesson_warning w WHERE $1::boolean"
    "   OR EXISTS (SELECT 1 FROM lesson l WHERE l.id = w.lesson_id"
    "   AND l.status = 'published')),"
    " page AS (SELECT w.* FROM vis w"
    "   ORDER BY w.severity = 'info', w.code, w.lesson_title, w.goal_code,"
    "   w.alignment_id, w.lesson_id"
    "   LIMIT $2::integer OFFSET $3::integer)"
    " SELECT json_build_object('total',"
    " (SELECT count(*) FROM vis),"
    " 'limit', $2::integer, 'offset', $3::integer,"
    " 'items', coalesce((SELECT json_agg(json_build_object("
    "   'code', x.code, 'severity', x.severity, 'message', x.message,"
    "   'lesson', json_build_object('id', x.lesson_id,"
    "     'title', x.lesson_title),"
    "   'goal', CASE WHEN x.goal_id IS NULL THEN NULL ELSE"
    "     json_build_object('id', x.goal_id, 'framework', f.code,"
    "     'code', x.goal_code) END, 'alignment_id', x.alignment_id)"
    "   ORDER BY x.severity = 'info', x.code, x.lesson_title,"
    "   x.goal_code, x.alignment_id, x.lesson_id)"
    "   FROM page x LEFT JOIN goal g ON g.id = x.goal_id"
    "   LEFT JOIN framework f ON f.id = g.framework_id), '[]'::json))",
    3, 1);

enum db_result
db_goal_resolve(const char *goal, const char *framework, char **json)
{
	const char	*params[3];

	params[0] = param_is_uuid(goal) ? goal : NULL;
	params[1] = param_is_uuid(goal) ? NULL : goal;
	params[2] = framework;
	return (db_text(&st_goal_resolve, params, json));
}

enum db_result
db_lesson_vocab_check(const struct lesson_query *q, char **json)
{
	const char	*params[4] = { q->level, q->stage, q->evidence,
			    q->programme };

	return (db_text(&st_vocab_check, params, json));
}

enum db_result
db_lessons_find(const struct lesson_query *q, const char *goal_id,
    char **json)
{
	char		 minutes[24], limit[24], offset[24];
	const char	*params[14];

	(void)snprintf(minutes, sizeof(minutes), "%ld", q->max_minutes);
	(void)snprintf(limit, sizeof(limit), "%ld", q->limit);
	(void)snprintf(offset, sizeof(offset), "%ld", q->offset);
	params[0] = goal_id;
	params[1] = lesson_related_name(q->related);
	params[2] = q->level;
	params[3] = q->stage;
	params[4] = q->theme;
	params[5] = q->evidence;
	params[6] = q->max_minutes > 0 ? minutes : NULL;
	params[7] = q->programme;
	params[8] = q->q;
	params[9] = limit;
	params[10] = offset;
	params[11] = q->target_group;
	params[12] = q->kind;
	params[13] = q->school;
	return (db_text(goal_id != NULL ? &st_lessons_find_goal :
	    &st_lessons_find, params, json));
}

enum db_result
db_lesson_get(const char *id, char **json)
{
	return (db_lesson_get_for(id, NULL, json));
}

enum db_result
db_lesson_get_for(const char *id, const char *user, char **json)
{
	const char	*params[2] = { id, user };

	return (db_text(&st_lesson_get, params, json));
}

enum db_result
db_school_readable(const char *user, const char *school, int *ok)
{
	const char	*params[2] = { user, school };
	enum db_result	 rc;
	char		*yes;

	*ok = 0;
	if ((rc = db_text(&st_school_readable, params, &yes)) == DB_OK)
		*ok = yes != NULL;
	free(yes);
	return (rc);
}

enum db_result
db_alignment_warnings(long limit, long offset, int drafts, char **json)
{
	const char	*params[1] = { drafts ? "true" : "false" };

	return (db_text_page(&st_alignment_warnings, params, 1, limit, offset,
	    json));
}
