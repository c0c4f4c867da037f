-- 0028 lessons_find_goal from lesson_goal_reach (0027).
--
-- With related=none and no other filter, the lessons for a goal are the
-- rows of lesson_goal_reach for it, already in the finder's order (rank is
-- 0 without a search text: title, id): the page is an index range scan of
-- lesson_goal_reach_page_idx and the total a count over the same range.
-- The matched goals are collected for the lessons of the page alone, from
-- their own alignments and those of their programme chain, with the goal
-- set (and its via) of 0026. Every other request runs the statement of
-- 0026, which is kept as lessons_find_goal_general; the integration tests
-- compare both for every goal.
--
-- Parameters as lessons_find_goal of 0026.

ALTER FUNCTION lessons_find_goal(uuid, text, text, text, text, text,
    integer, text, text, integer, integer)
    RENAME TO lessons_find_goal_general;

CREATE FUNCTION lessons_find_goal(uuid, text, text, text, text, text,
    integer, text, text, integer, integer)
RETURNS json
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
SET jit = off
AS $fn$
BEGIN
	IF $2 <> 'none' OR $3 IS NOT NULL OR $4 IS NOT NULL
	    OR $5 IS NOT NULL OR $6 IS NOT NULL OR $7 IS NOT NULL
	    OR $8 IS NOT NULL OR $9 IS NOT NULL THEN
		RETURN lessons_find_goal_general($1, $2, $3, $4, $5, $6, $7,
		    $8, $9, $10, $11);
	END IF;
	RETURN (
WITH RECURSIVE sub (id, depth) AS (
	SELECT $1::uuid, 0
	UNION SELECT c.id, sub.depth + 1 FROM sub CROSS JOIN LATERAL (
		SELECT g.id FROM goal g WHERE g.parent_id = sub.id
		UNION SELECT r.origin_goal_id FROM goal_relation r
		WHERE r.destination_goal_id = sub.id
		AND r.relation_type = 'isChildOf') c WHERE sub.depth < 32),
goalset AS (SELECT DISTINCT ON (id) id,
	CASE WHEN depth = 0 THEN 'goal' ELSE 'descendant' END AS via
	FROM sub ORDER BY id, via),
page AS (SELECT r.lesson_id AS id, r.title FROM lesson_goal_reach r
	WHERE r.goal_id = $1::uuid ORDER BY r.title, r.lesson_id
	LIMIT $10::integer OFFSET $11::integer),
-- the programme chain of the lessons of the page (lesson_programme_chain)
chain (lesson_id, programme_id, depth) AS (
	SELECT l.id, l.programme_id, 0 FROM page p JOIN lesson l ON l.id = p.id
	WHERE l.programme_id IS NOT NULL
	UNION ALL
	SELECT c.lesson_id, pr.parent_id, c.depth + 1
	FROM chain c JOIN programme pr ON pr.id = c.programme_id
	WHERE pr.parent_id IS NOT NULL AND c.depth < 16),
-- the rows of lesson_alignment for the goal set and the page
hit AS (
	SELECT a.lesson_id, a.goal_id, gs.via, 'lesson'::text AS scope
	FROM page p JOIN alignment a ON a.lesson_id = p.id
	JOIN goalset gs ON gs.id = a.goal_id
	UNION ALL SELECT c.lesson_id, a.goal_id, gs.via, 'programme'
	FROM chain c JOIN alignment a ON a.programme_id = c.programme_id
	JOIN goalset gs ON gs.id = a.goal_id),
matched AS (SELECT h.lesson_id, json_agg(json_build_object(
	    'goal', json_build_object('id', g.id, 'framework', f.code,
	    'code', g.code, 'title', g.title), 'via', h.via,
	    'scope', h.scope) ORDER BY f.code, g.code, g.id, h.scope) AS goals
	FROM hit h JOIN goal g ON g.id = h.goal_id
	JOIN framework f ON f.id = g.framework_id GROUP BY h.lesson_id),
levels AS (SELECT ll.lesson_id, json_agg(json_build_object(
	    'code', lv.code, 'title', lv.title) ORDER BY lv.sort_order
	    NULLS LAST, lv.code) AS levels
	FROM page p JOIN lesson_level ll ON ll.lesson_id = p.id
	JOIN level lv ON lv.id = ll.level_id GROUP BY ll.lesson_id)
SELECT json_build_object('total', (SELECT count(*) FROM lesson_goal_reach r
	    WHERE r.goal_id = $1::uuid),
	'limit', $10::integer, 'offset', $11::integer, 'related', $2,
	'goal', (SELECT json_build_object('id', g.id, 'framework', f.code,
	    'code', g.code, 'title', g.title) FROM goal g
	    JOIN framework f ON f.id = g.framework_id WHERE g.id = $1::uuid),
	'items', coalesce((SELECT json_agg(json_build_object(
	    'id', l.id, 'code', l.code, 'title', l.title,
	    'title_is_placeholder', l.title_is_placeholder,
	    'summary', l.summary,
	    'programme', (SELECT json_build_object('code', pr.code,
		'title', pr.title) FROM programme pr
		WHERE pr.id = l.programme_id),
	    'levels', coalesce(v.levels, '[]'::json),
	    'levels_as_published', l.levels_as_published,
	    'duration_minutes', l.duration_minutes, 'themes', l.themes,
	    'format', l.format, 'evidence_level', l.evidence_level_code,
	    'sensitive_topic', l.sensitive_topic,
	    'matched', coalesce(m.goals, '[]'::json))
	    ORDER BY p.title, p.id)
	    FROM page p JOIN lesson l ON l.id = p.id
	    LEFT JOIN matched m ON m.lesson_id = p.id
	    LEFT JOIN levels v ON v.lesson_id = p.id), '[]'::json)));
END
$fn$;
