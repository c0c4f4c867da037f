-- 0072 the lesson finder by goal (0026, 0028) with the unit filters and
-- fields: target_group ($12), kind ($13) and the school whose own units
-- the caller may see ($14, checked by the API; NULL: the shared catalogue
-- only).  Each item also gives kind, reviewed_on, source_address (the
-- publisher's address, else its first source or source document),
-- source_urls,
-- target_groups, lessons_count and school_id.  lesson_goal_reach holds the
-- shared catalogue only (0071), so the fast path answers requests without
-- a school.

DROP FUNCTION lessons_find_goal(uuid, text, text, text, text, text,
    integer, text, text, integer, integer);
DROP FUNCTION lessons_find_goal_general(uuid, text, text, text, text, text,
    integer, text, text, integer, integer);

CREATE FUNCTION lessons_find_goal_general(uuid, text, text, text, text, text,
    integer, text, text, integer, integer, text, text, uuid)
RETURNS json
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
SET jit = off
AS $fn$
BEGIN
	RETURN (
WITH RECURSIVE sub (id, depth) AS (
	SELECT $1::uuid, 0
	UNION SELECT c.id, sub.depth + 1 FROM sub CROSS JOIN LATERAL (
		SELECT g.id FROM goal g WHERE g.parent_id = sub.id
		UNION SELECT r.origin_goal_id FROM goal_relation r
		WHERE r.destination_goal_id = sub.id
		AND r.relation_type = 'isChildOf') c WHERE sub.depth < 32),
goalset AS (SELECT DISTINCT ON (id) id, via FROM (
	SELECT id, CASE WHEN depth = 0 THEN 'goal' ELSE 'descendant' END
	    AS via, 0 AS pref FROM sub
	UNION ALL SELECT CASE WHEN r.origin_goal_id = s.id
	    THEN r.destination_goal_id ELSE r.origin_goal_id END,
	    r.relation_type, 1 FROM sub s JOIN goal_relation r
	    ON s.id IN (r.origin_goal_id, r.destination_goal_id)
	    WHERE $2 <> 'none' AND (r.relation_type = 'exactMatchOf'
	    OR ($2 = 'all' AND r.relation_type IN ('isRelatedTo',
	    'isPartOf', 'isPeerOf')))) x ORDER BY id, pref, via),
-- the programmes aligned to the goal set and the programmes below them
-- (lesson_programme_chain, walked downwards)
prog (programme_id, goal_id, via, depth) AS (
	SELECT a.programme_id, a.goal_id, gs.via, 0
	FROM goalset gs JOIN alignment a ON a.goal_id = gs.id
	WHERE a.programme_id IS NOT NULL
	UNION ALL SELECT p.id, prog.goal_id, prog.via, prog.depth + 1
	FROM prog JOIN programme p ON p.parent_id = prog.programme_id
	WHERE prog.depth < 16),
-- the rows of lesson_alignment for the goal set
hit AS (
	SELECT a.lesson_id, a.goal_id, gs.via, 'lesson'::text AS scope
	FROM goalset gs JOIN alignment a ON a.goal_id = gs.id
	WHERE a.lesson_id IS NOT NULL
	UNION ALL SELECT l.id, prog.goal_id, prog.via, 'programme'
	FROM prog JOIN lesson l ON l.programme_id = prog.programme_id),
base AS (SELECT l.id, l.title,
	CASE WHEN $9::text IS NULL THEN 0
	ELSE ts_rank(l.search, catalogue_tsquery($9)) END AS rank
	FROM lesson l WHERE l.status = 'published'
	AND l.id IN (SELECT lesson_id FROM hit)
	AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM lesson_level ll
	    JOIN level_span a ON a.level_id = ll.level_id
	    JOIN level_span b ON b.covered_level_id = a.covered_level_id
	    JOIN level f ON f.id = b.level_id
	    WHERE ll.lesson_id = l.id AND f.code = $3))
	AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM lesson_level ll
	    JOIN level_span a ON a.level_id = ll.level_id
	    JOIN level lv ON lv.id IN (a.level_id, a.covered_level_id)
	    WHERE ll.lesson_id = l.id AND lv.stage_code = $4))
	AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM unnest(l.themes) t
	    WHERE catalogue_norm(t) = catalogue_norm($5)))
	AND ($6::text IS NULL OR l.evidence_level_code = $6)
	AND ($7::integer IS NULL OR l.duration_minutes <= $7::integer)
	AND ($8::text IS NULL OR EXISTS (SELECT 1
	    FROM lesson_programme_chain c JOIN programme p
	    ON p.id = c.programme_id WHERE c.lesson_id = l.id
	    AND p.code = $8))
	AND ($9::text IS NULL OR l.search @@ catalogue_tsquery($9))
	AND (l.school_id IS NULL OR l.school_id = $14::uuid)
	AND ($12::text IS NULL OR EXISTS (SELECT 1
	    FROM unnest(l.target_groups) t
	    WHERE catalogue_norm(t) = catalogue_norm($12)))
	AND ($13::text IS NULL OR l.kind = $13)),
page AS (SELECT * FROM base ORDER BY rank DESC, title, id
	LIMIT $10::integer OFFSET $11::integer),
matched AS (SELECT h.lesson_id, json_agg(json_build_object(
	    'goal', json_build_object('id', g.id, 'framework', f.code,
	    'code', g.code, 'title', g.title), 'via', h.via,
	    'scope', h.scope) ORDER BY f.code, g.code, g.id, h.scope) AS goals
	FROM page p JOIN hit h ON h.lesson_id = p.id
	JOIN goal g ON g.id = h.goal_id
	JOIN framework f ON f.id = g.framework_id GROUP BY h.lesson_id),
levels AS (SELECT ll.lesson_id, json_agg(json_build_object(
	    'code', lv.code, 'title', lv.title) ORDER BY lv.sort_order
	    NULLS LAST, lv.code) AS levels
	FROM page p JOIN lesson_level ll ON ll.lesson_id = p.id
	JOIN level lv ON lv.id = ll.level_id GROUP BY ll.lesson_id)
SELECT json_build_object('total', (SELECT count(*) FROM base),
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
	    'kind', l.kind, 'reviewed_on', l.reviewed_on,
	    'source_address', unit_source_address(l.source_url,
	    l.source_urls, l.source),
	    'source_urls', l.source_urls, 'target_groups', l.target_groups,
	    'lessons_count', l.lessons_count, 'school_id', l.school_id,
	    'matched', coalesce(m.goals, '[]'::json))
	    ORDER BY p.rank DESC, p.title, p.id)
	    FROM page p JOIN lesson l ON l.id = p.id
	    LEFT JOIN matched m ON m.lesson_id = p.id
	    LEFT JOIN levels v ON v.lesson_id = p.id), '[]'::json)));
END
$fn$;

CREATE FUNCTION lessons_find_goal(uuid, text, text, text, text, text,
    integer, text, text, integer, integer, text, text, uuid)
RETURNS json
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
SET jit = off
AS $fn$
BEGIN
	IF $2 <> 'none' OR $3 IS NOT NULL OR $4 IS NOT NULL
	    OR $5 IS NOT NULL OR $6 IS NOT NULL OR $7 IS NOT NULL
	    OR $8 IS NOT NULL OR $9 IS NOT NULL OR $12 IS NOT NULL
	    OR $13 IS NOT NULL OR $14 IS NOT NULL THEN
		RETURN lessons_find_goal_general($1, $2, $3, $4, $5, $6, $7,
		    $8, $9, $10, $11, $12, $13, $14);
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
	    'kind', l.kind, 'reviewed_on', l.reviewed_on,
	    'source_address', unit_source_address(l.source_url,
	    l.source_urls, l.source),
	    'source_urls', l.source_urls, 'target_groups', l.target_groups,
	    'lessons_count', l.lessons_count, 'school_id', l.school_id,
	    'matched', coalesce(m.goals, '[]'::json))
	    ORDER BY p.title, p.id)
	    FROM page p JOIN lesson l ON l.id = p.id
	    LEFT JOIN matched m ON m.lesson_id = p.id
	    LEFT JOIN levels v ON v.lesson_id = p.id), '[]'::json)));
END
$fn$;
