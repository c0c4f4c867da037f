-- functions/lessons.sql: the lesson finder by goal and its closure
-- lesson_goal_reach.
--
-- Applied again, as a whole, whenever this file changes or a numbered
-- migration runs (see docs/database.md): every statement must be
-- repeatable (CREATE OR REPLACE; a constraint trigger is dropped first).

-- ---------------------------------------------------------------------------
-- The finder's answer, built in one place for its three statements:
-- lessons_find_goal, lessons_find_goal_general (below) and the list without
-- a goal (api/catalogue/lessons_db.c).
-- ---------------------------------------------------------------------------

-- The list document: the lessons p_page in that order, their place in the
-- whole (p_total, p_limit, p_offset), the goal asked for (NULL: none) and,
-- for each lesson, the goals it was found by (p_matched: an object from
-- lesson id to an array; a lesson not in it has none).  PL/pgSQL, so that
-- its plan is made once per connection.
CREATE OR REPLACE FUNCTION lesson_list_doc(p_total bigint, p_limit integer,
    p_offset integer, p_related text, p_goal uuid, p_page uuid[],
    p_matched json)
RETURNS json
LANGUAGE plpgsql STABLE
AS $$
BEGIN
	RETURN json_build_object('total', p_total,
	    'limit', p_limit, 'offset', p_offset, 'related', p_related,
	    'goal', (SELECT json_build_object('id', g.id, 'framework', f.code,
		'code', g.code, 'title', g.title) FROM goal g
		JOIN framework f ON f.id = g.framework_id WHERE g.id = p_goal),
	    'items', coalesce((SELECT json_agg(json_build_object(
		'id', l.id, 'code', l.code, 'title', l.title,
		'title_is_placeholder', l.title_is_placeholder,
		'summary', l.summary,
		'programme', (SELECT json_build_object('code', pr.code,
		    'title', pr.title) FROM programme pr
		    WHERE pr.id = l.programme_id),
		'levels', coalesce((SELECT json_agg(json_build_object(
		    'code', lv.code, 'title', lv.title) ORDER BY lv.sort_order
		    NULLS LAST, lv.code) FROM lesson_level ll
		    JOIN level lv ON lv.id = ll.level_id
		    WHERE ll.lesson_id = l.id), '[]'::json),
		'levels_as_published', l.levels_as_published,
		'duration_minutes', l.duration_minutes, 'themes', l.themes,
		'format', l.format, 'evidence_level', l.evidence_level_code,
		'sensitive_topic', l.sensitive_topic,
		'kind', l.kind, 'reviewed_on', l.reviewed_on,
		'source_address', unit_source_address(l.source_url,
		    l.source_urls, l.source),
		'source_urls', l.source_urls, 'target_groups', l.target_groups,
		'lessons_count', l.lessons_count, 'school_id', l.school_id,
		'matched', coalesce(p_matched -> l.id::text, '[]'::json))
		ORDER BY x.n)
		FROM unnest(p_page) WITH ORDINALITY AS x (id, n)
		JOIN lesson l ON l.id = x.id), '[]'::json));
END
$$;

-- ---------------------------------------------------------------------------
-- 0026_lessons_find_goal.sql — the lesson finder when a goal is given
-- (GET /api/v1/lessons?goal=…), as one function with a cached plan.
--
-- The same answer as the general statement in api/src/db_lessons.c
-- (lessons_find), written so that the goal set drives the plan: the goal
-- set's alignments by index, the lessons of its aligned programmes (and of
-- their sub-programmes) by programme, then only those lessons; the matched
-- goals and the levels are collected for the lessons of the page alone, in
-- one join each (a goal that holds
-- for a lesson both by itself and through its programme is listed with
-- scope lesson first).  The general
-- statement reads lesson_alignment, whose programme branch walks the
-- programme chain of every lesson, and tests every published lesson
-- against the goal set: seconds per request on a national catalogue
-- (bench/lessons_by_goal.sh).
--
-- plan_cache_mode = force_generic_plan: the statement is planned once per
-- connection instead of on every call (planning took longer than running
-- it for most goals).  A generic plan suits it: the goal set drives every
-- join, and the unused filters are NULL tests that cost nothing per row.
-- jit = off: the generic plan's cost counts the filters' subplans as if
-- they ran, which would make PostgreSQL spend a second compiling it.
--
-- Parameters as lessons_find: goal id, related (none|exact|all), level,
-- stage, theme, evidence, max_minutes, programme, q, limit, offset,
-- target_group, kind, and the school whose own units the caller may see
-- (checked by the API; NULL: the shared catalogue only).
-- ---------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION lessons_find_goal_general(uuid, text, text, text, text, text,
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
	JOIN framework f ON f.id = g.framework_id GROUP BY h.lesson_id)
SELECT lesson_list_doc((SELECT count(*) FROM base), $10::integer,
	$11::integer, $2, $1::uuid,
	ARRAY(SELECT p.id FROM page p ORDER BY p.rank DESC, p.title, p.id),
	(SELECT json_object_agg(m.lesson_id, m.goals) FROM matched m)));
END
$fn$;

-- ---------------------------------------------------------------------------
-- 0027 the lesson finder by goal from a maintained closure.
-- (Its tables: schema/migrations/0027_lesson_goal_reach.sql.)
-- ---------------------------------------------------------------------------

-- The rows of lesson_goal_reach for the given lessons (duplicates allowed),
-- computed from the catalogue.  The shared catalogue only: a school's own
-- units (lesson.school_id) stay out, because the finder's fast path reads
-- lesson_goal_reach for everyone.
CREATE OR REPLACE FUNCTION lesson_goal_reach_of(p_lessons uuid[])
RETURNS TABLE (goal_id uuid, lesson_id uuid, title text)
LANGUAGE sql STABLE
AS $$
	WITH RECURSIVE les AS (
		SELECT l.id, l.programme_id, l.title FROM lesson l
		WHERE l.status = 'published' AND l.school_id IS NULL
		AND l.id IN (SELECT unnest(p_lessons))),
	chain (lesson_id, programme_id, depth) AS (
		SELECT les.id, les.programme_id, 0 FROM les
		WHERE les.programme_id IS NOT NULL
		UNION ALL
		SELECT c.lesson_id, p.parent_id, c.depth + 1
		FROM chain c JOIN programme p ON p.id = c.programme_id
		WHERE p.parent_id IS NOT NULL AND c.depth < 16),
	aligned (lesson_id, goal_id) AS (
		SELECT a.lesson_id, a.goal_id FROM les
		JOIN alignment a ON a.lesson_id = les.id
		UNION
		SELECT c.lesson_id, a.goal_id FROM chain c
		JOIN alignment a ON a.programme_id = c.programme_id),
	-- each aligned goal with the goals it is at most 32 steps below
	up (goal_id, anc_id, depth) AS (
		SELECT DISTINCT al.goal_id, al.goal_id, 0 FROM aligned al
		UNION
		SELECT u.goal_id, e.parent, u.depth + 1 FROM up u
		CROSS JOIN LATERAL (
			SELECT g.parent_id AS parent FROM goal g
			WHERE g.id = u.anc_id AND g.parent_id IS NOT NULL
			UNION SELECT r.destination_goal_id FROM goal_relation r
			WHERE r.origin_goal_id = u.anc_id
			AND r.relation_type = 'isChildOf') e
		WHERE u.depth < 32)
	SELECT DISTINCT u.anc_id, al.lesson_id, les.title
	FROM aligned al JOIN up u ON u.goal_id = al.goal_id
	JOIN les ON les.id = al.lesson_id
$$;

-- Replace the rows of the given lessons (duplicates allowed; lessons that
-- no longer exist or are not published lose their rows).
CREATE OR REPLACE FUNCTION lesson_goal_reach_refresh(p_lessons uuid[]) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
	IF coalesce(cardinality(p_lessons), 0) = 0 THEN
		RETURN;
	END IF;
	DELETE FROM lesson_goal_reach
	WHERE lesson_id IN (SELECT unnest(p_lessons));
	INSERT INTO lesson_goal_reach (goal_id, lesson_id, title)
	SELECT r.goal_id, r.lesson_id, r.title
	FROM lesson_goal_reach_of(p_lessons) r;
END
$$;

CREATE OR REPLACE FUNCTION lesson_goal_reach_refresh_all() RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
	DELETE FROM lesson_goal_reach;
	PERFORM lesson_goal_reach_refresh(array(SELECT id FROM lesson));
END
$$;

-- ---------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION lesson_goal_reach_on_truncate() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM lesson_goal_reach_refresh_all();
	RETURN NULL;
END
$$;

-- Each function below reads the transition tables new_rows (INSERT,
-- UPDATE) and old_rows (UPDATE, DELETE); an UPDATE counts the rows whose
-- columns read by lesson_goal_reach_of changed, before and after.

CREATE OR REPLACE FUNCTION lesson_goal_reach_on_lesson() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM lesson_goal_reach_refresh(array(SELECT id FROM new_rows));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM lesson_goal_reach_refresh(array(SELECT id FROM old_rows));
	ELSE
		PERFORM lesson_goal_reach_refresh(array(
		    SELECT coalesce(n.id, o.id)
		    FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
		    WHERE n.id IS NULL OR o.id IS NULL
		    OR (n.status, n.programme_id, n.title) IS DISTINCT FROM
		    (o.status, o.programme_id, o.title)));
	END IF;
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION lesson_goal_reach_on_alignment() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	n jsonb;
	o jsonb;
BEGIN
	EXECUTE transition_rows_sql(TG_OP) INTO n, o;
	PERFORM lesson_goal_reach_refresh(alignment_changed_lessons(n, o, false));
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION lesson_goal_reach_on_programme() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM lesson_goal_reach_refresh(array(
	    SELECT lesson_warning_lessons_under(array(
		SELECT coalesce(n.id, o.id)
		FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
		WHERE n.id IS NULL OR o.id IS NULL
		OR n.parent_id IS DISTINCT FROM o.parent_id))));
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION lesson_goal_reach_on_goal() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		PERFORM lesson_goal_reach_refresh(array(
		    SELECT r.lesson_id FROM lesson_goal_reach r
		    WHERE r.goal_id IN (SELECT id FROM old_rows)));
	ELSE
		PERFORM lesson_goal_reach_refresh(array(
		    SELECT r.lesson_id FROM lesson_goal_reach r
		    WHERE r.goal_id IN (
			SELECT x FROM new_rows n FULL JOIN old_rows o
			ON o.id = n.id CROSS JOIN LATERAL (VALUES (n.id), (o.id)) v (x)
			WHERE x IS NOT NULL AND (o.id IS NULL OR n.id IS NULL
			OR n.parent_id IS DISTINCT FROM o.parent_id))));
	END IF;
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION lesson_goal_reach_on_goal_relation() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM lesson_goal_reach_refresh(array(
		    SELECT r.lesson_id FROM lesson_goal_reach r
		    WHERE r.goal_id IN (SELECT origin_goal_id FROM new_rows
			WHERE relation_type = 'isChildOf')));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM lesson_goal_reach_refresh(array(
		    SELECT r.lesson_id FROM lesson_goal_reach r
		    WHERE r.goal_id IN (SELECT origin_goal_id FROM old_rows
			WHERE relation_type = 'isChildOf')));
	ELSE
		PERFORM lesson_goal_reach_refresh(array(
		    SELECT r.lesson_id FROM lesson_goal_reach r
		    WHERE r.goal_id IN (SELECT origin_goal_id FROM new_rows
			WHERE relation_type = 'isChildOf'
			UNION SELECT origin_goal_id FROM old_rows
			WHERE relation_type = 'isChildOf')));
	END IF;
	RETURN NULL;
END
$$;

SELECT store_triggers_attach('lesson_goal_reach_', v.tab, v.events)
FROM (VALUES
    ('lesson', 'INSERT,UPDATE,DELETE'),
    ('alignment', 'INSERT,UPDATE,DELETE'),
    ('programme', 'UPDATE'),
    ('goal', 'UPDATE,DELETE'),
    ('goal_relation', 'INSERT,UPDATE,DELETE')) AS v (tab, events);

-- ---------------------------------------------------------------------------
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
-- ---------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION lessons_find_goal(uuid, text, text, text, text, text,
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
	JOIN framework f ON f.id = g.framework_id GROUP BY h.lesson_id)
SELECT lesson_list_doc((SELECT count(*) FROM lesson_goal_reach r
	    WHERE r.goal_id = $1::uuid), $10::integer, $11::integer, $2,
	$1::uuid, ARRAY(SELECT p.id FROM page p ORDER BY p.title, p.id),
	(SELECT json_object_agg(m.lesson_id, m.goals) FROM matched m)));
END
$fn$;

-- The derived rows again, by the rules above: they may have changed.
SELECT lesson_goal_reach_refresh_all();

