-- functions/lesson_warnings.sql: data-quality warnings per lesson, and their
-- store lesson_warning kept up to date by statement triggers.
--
-- Applied again, as a whole, whenever this file changes or a numbered
-- migration runs (see docs/database.md): every statement must be
-- repeatable (CREATE OR REPLACE; a constraint trigger is dropped first).

-- ---------------------------------------------------------------------------
-- 0022 lesson warnings computed for one lesson.
--
-- The data-quality rules of 0002 (view alignment_warning) were written over
-- the whole catalogue: their CTEs were materialised for every lesson and
-- alignment before lesson_warnings() filtered on the lesson, and the
-- lesson's programme chain was a recursive CTE over all lessons, into which
-- the planner cannot push a lesson filter. One lesson's warnings therefore
-- cost as much as the whole catalogue's.
--
-- From here on a lesson's warnings are computed from that lesson alone:
--   lesson_programme_chain_of(lesson)  the lesson's programme and those above
--   lesson_alignment_of(lesson)        the alignments that hold for it
--   alignment_warning_of(lesson)       the rules, one row per finding, their
--                                      first step restricted to the lesson
--   lesson_warnings(lesson)            alignment_warning_of in order
-- and the view alignment_warning keeps its columns and rows but is the union
-- of alignment_warning_of over all lessons, so each rule has one definition.
-- Every warning row concerns a lesson (0002: programme-level alignments give
-- one row per lesson of the programme), so the union is the whole set.
-- The functions are plain SQL (STABLE, not STRICT), which the planner
-- inlines. The rule text is that of 0002, with the lesson restriction put
-- into its first steps: the lesson's alignments, its years, the years of
-- its goals only, and no_alignment for the lesson only.
--
-- The views lesson_programme_chain and lesson_alignment stay as in 0002:
-- set-based, they serve the questions that start from a goal or a programme
-- (lessons by goal, a goal's lessons), which a per-lesson walk would make
-- slower. The two functions above are their per-lesson counterparts (the
-- integration tests check that they give the same rows for every lesson).
-- ---------------------------------------------------------------------------

-- The lesson's programme (depth 0) and every programme above it.
CREATE OR REPLACE FUNCTION lesson_programme_chain_of(p_lesson_id uuid)
RETURNS TABLE (lesson_id uuid, programme_id uuid, depth integer)
LANGUAGE sql STABLE
AS $$
	WITH RECURSIVE chain (lesson_id, programme_id, depth) AS (
		SELECT l.id, l.programme_id, 0 FROM lesson l
		WHERE l.id = p_lesson_id AND l.programme_id IS NOT NULL
		UNION ALL
		SELECT c.lesson_id, p.parent_id, c.depth + 1
		FROM chain c JOIN programme p ON p.id = c.programme_id
		WHERE p.parent_id IS NOT NULL AND c.depth < 16
	)
	SELECT chain.lesson_id, chain.programme_id, chain.depth FROM chain
$$;

-- The alignments that hold for the lesson: its own (scope 'lesson') and
-- those made for its programme or a programme above it (scope 'programme').
CREATE OR REPLACE FUNCTION lesson_alignment_of(p_lesson_id uuid)
RETURNS TABLE (alignment_id uuid, lesson_id uuid, goal_id uuid, scope text,
    programme_id uuid, emphasis text, published_label text,
    published_code text, published_context text, source text,
    confidence text, note text)
LANGUAGE sql STABLE
AS $$
	SELECT a.id, a.lesson_id, a.goal_id, 'lesson'::text,
	    NULL::uuid, a.emphasis, a.published_label,
	    a.published_code, a.published_context, a.source, a.confidence, a.note
	FROM alignment a
	WHERE a.lesson_id = p_lesson_id
	UNION ALL
	SELECT a.id, c.lesson_id, a.goal_id, 'programme', a.programme_id,
	    a.emphasis, a.published_label, a.published_code,
	    a.published_context, a.source, a.confidence, a.note
	FROM lesson_programme_chain_of(p_lesson_id) c
	JOIN alignment a ON a.programme_id = c.programme_id
$$;

-- The data-quality rules (codes, severities and messages as documented at
-- alignment_warning in 0002) for one lesson. Unordered; lesson_warnings()
-- gives them in order.
CREATE OR REPLACE FUNCTION alignment_warning_of(p_lesson_id uuid)
RETURNS TABLE (alignment_id uuid, lesson_id uuid, programme_id uuid,
    goal_id uuid, code text, severity text, message text)
LANGUAGE sql STABLE
AS $$
WITH la AS (
	SELECT la.*, g.code AS goal_code, g.title AS goal_title,
	    g.description AS goal_description, g.alt_titles, g.status AS goal_status,
	    g.framework_id, f.title AS framework_title,
	    CASE WHEN la.published_code IS NOT NULL
		AND la.published_label LIKE la.published_code || '%'
		THEN btrim(substr(la.published_label, length(la.published_code) + 1))
		ELSE la.published_label END AS label_rest
	FROM lesson_alignment_of(p_lesson_id) la
	JOIN goal g ON g.id = la.goal_id
	JOIN framework f ON f.id = g.framework_id
),
label_check AS (
	SELECT la.*,
	    catalogue_norm(la.label_rest) IN (
		SELECT catalogue_norm(t) FROM unnest(
		    la.alt_titles || ARRAY[la.goal_title, la.goal_description]) t
		WHERE t IS NOT NULL) AS label_matches
	FROM la
),
goal_years AS (
	SELECT gl.goal_id, ls.covered_level_id
	FROM goal_level gl JOIN level_span ls ON ls.level_id = gl.level_id
	WHERE gl.goal_id IN (SELECT la.goal_id FROM la)
),
lesson_years AS (
	SELECT ll.lesson_id, ls.covered_level_id
	FROM lesson_level ll JOIN level_span ls ON ls.level_id = ll.level_id
	WHERE ll.lesson_id = p_lesson_id
),
level_check AS (
	SELECT la.alignment_id, la.lesson_id, la.goal_id, la.programme_id,
	    la.goal_code, la.goal_title,
	    (SELECT string_agg(l.title, ', ' ORDER BY l.sort_order NULLS LAST, l.title)
		FROM goal_level gl JOIN level l ON l.id = gl.level_id
		WHERE gl.goal_id = la.goal_id) AS goal_levels,
	    -- the lesson's levels as schools write them (not the source's
	    -- wording, which for the units is an English research note)
	    (SELECT string_agg(l.title, ', ' ORDER BY l.sort_order NULLS LAST,
		l.title)
		FROM lesson_level ll JOIN level l ON l.id = ll.level_id
		WHERE ll.lesson_id = la.lesson_id) AS lesson_levels,
	    EXISTS (SELECT 1 FROM lesson_years ly JOIN goal_years gy
		ON gy.covered_level_id = ly.covered_level_id
		WHERE ly.lesson_id = la.lesson_id AND gy.goal_id = la.goal_id) AS overlap,
	    EXISTS (SELECT 1 FROM lesson_level ll
		WHERE ll.lesson_id = la.lesson_id
		AND NOT EXISTS (SELECT 1 FROM level_span ls
		    JOIN goal_years gy ON gy.covered_level_id = ls.covered_level_id
		    WHERE ls.level_id = ll.level_id AND gy.goal_id = la.goal_id)) AS some_outside
	FROM la
	WHERE EXISTS (SELECT 1 FROM goal_level gl WHERE gl.goal_id = la.goal_id)
	  AND EXISTS (SELECT 1 FROM lesson_level ll WHERE ll.lesson_id = la.lesson_id)
)
SELECT lc.alignment_id, lc.lesson_id, lc.programme_id, lc.goal_id,
    'label_code_mismatch'::text AS code, 'warning'::text AS severity,
    format('Het gepubliceerde label "%s" noemt code %s, maar het gekoppelde doel heeft code %s ("%s").',
	lc.published_label, lc.published_code, coalesce(lc.goal_code, '(geen)'),
	lc.goal_title) AS message
FROM label_check lc
WHERE lc.published_code IS NOT NULL
  AND catalogue_norm(lc.published_code) IS DISTINCT FROM catalogue_norm(lc.goal_code)
UNION ALL
SELECT lc.alignment_id, lc.lesson_id, lc.programme_id, lc.goal_id,
    'label_title_mismatch', 'warning',
    format('Het gepubliceerde label "%s" klopt niet met het kader: %s heet daar "%s"%s.',
	lc.published_label, lc.goal_code, lc.goal_title,
	coalesce((SELECT format('; "%s" is %s', lc.label_rest,
		string_agg(o.code, ', ' ORDER BY o.code))
	    FROM goal o
	    WHERE o.framework_id = lc.framework_id AND o.id <> lc.goal_id
	      AND catalogue_norm(o.title) = catalogue_norm(lc.label_rest)), ''))
FROM label_check lc
WHERE lc.published_code IS NOT NULL
  AND catalogue_norm(lc.published_code) = catalogue_norm(lc.goal_code)
  AND lc.label_rest <> '' AND NOT lc.label_matches
UNION ALL
SELECT lc.alignment_id, lc.lesson_id, lc.programme_id, lc.goal_id,
    'label_text_differs', 'info',
    format('De gepubliceerde formulering "%s" wijkt af van het doel %s"%s"%s.',
	lc.published_label, coalesce(lc.goal_code || ' ', ''), lc.goal_title,
	coalesce(' (tekst: "' || lc.goal_description || '")', ''))
FROM label_check lc
WHERE lc.published_code IS NULL AND lc.published_label IS NOT NULL
  AND NOT lc.label_matches
UNION ALL
-- level_mismatch (no year in common), else level_partial (some outside)
SELECT lv.alignment_id, lv.lesson_id, lv.programme_id, lv.goal_id,
    CASE WHEN lv.overlap THEN 'level_partial' ELSE 'level_mismatch' END,
    CASE WHEN lv.overlap THEN 'info' ELSE 'warning' END,
    format('%s: %s"%s" is bedoeld voor %s; de les is voor %s.',
	CASE WHEN lv.overlap THEN 'Niveau deels buiten het doel'
	    ELSE 'Niveau past niet' END,
	coalesce(lv.goal_code || ' ', ''), lv.goal_title, lv.goal_levels,
	lv.lesson_levels)
FROM level_check lv
WHERE NOT lv.overlap OR lv.some_outside
UNION ALL
SELECT la.alignment_id, la.lesson_id, la.programme_id, la.goal_id,
    'goal_deprecated', 'warning',
    format('Het doel %s"%s" is vervallen%s.', coalesce(la.goal_code || ' ', ''),
	la.goal_title,
	coalesce((SELECT '; vervangen door ' || string_agg(
		coalesce(n.code || ' ', '') || '"' || n.title || '"', ', ')
	    FROM goal_relation r JOIN goal n ON n.id = r.destination_goal_id
	    WHERE r.origin_goal_id = la.goal_id
	      AND r.relation_type = 'replacedBy'), ''))
FROM la
WHERE la.goal_status = 'deprecated'
UNION ALL
SELECT NULL::uuid, l.id, l.programme_id, NULL::uuid,
    'no_alignment', 'warning',
    format('De gepubliceerde les "%s" is aan geen enkel leerdoel gekoppeld.', l.title)
FROM lesson l
WHERE l.id = p_lesson_id AND l.status = 'published'
  AND NOT EXISTS (SELECT 1 FROM la)
$$;

-- ---------------------------------------------------------------------------
-- 0023 stored lesson warnings.
-- (Its tables: schema/migrations/0023_lesson_warning_store.sql.)
-- ---------------------------------------------------------------------------

-- Replace the stored rows of the given lessons (duplicates allowed; ids of
-- lessons that no longer exist lose their rows).
CREATE OR REPLACE FUNCTION lesson_warning_refresh(p_lessons uuid[]) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
	IF coalesce(cardinality(p_lessons), 0) = 0 THEN
		RETURN;
	END IF;
	DELETE FROM lesson_warning WHERE lesson_id = ANY (p_lessons);
	INSERT INTO lesson_warning (lesson_id, alignment_id, programme_id,
	    goal_id, code, severity, message, lesson_title, goal_code)
	SELECT l.id, w.alignment_id, w.programme_id, w.goal_id, w.code,
	    w.severity, w.message, l.title, g.code
	FROM lesson l CROSS JOIN LATERAL alignment_warning_of(l.id) w
	LEFT JOIN goal g ON g.id = w.goal_id
	WHERE l.id = ANY (p_lessons) AND l.school_id IS NULL;
END
$$;

CREATE OR REPLACE FUNCTION lesson_warning_refresh_all() RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
	DELETE FROM lesson_warning;
	PERFORM lesson_warning_refresh(array(SELECT id FROM lesson));
END
$$;

-- The lessons whose programme is one of p_programmes or below one.
CREATE OR REPLACE FUNCTION lesson_warning_lessons_under(p_programmes uuid[])
RETURNS SETOF uuid
LANGUAGE sql STABLE
AS $$
	WITH RECURSIVE sub (id) AS (
		SELECT p.id FROM programme p WHERE p.id = ANY (p_programmes)
		UNION
		SELECT p.id FROM sub JOIN programme p ON p.parent_id = sub.id
	)
	SELECT l.id FROM lesson l WHERE l.programme_id IN (SELECT id FROM sub)
$$;

-- The lessons for which an alignment with one of p_goals holds (their own
-- or their programme's).
CREATE OR REPLACE FUNCTION lesson_warning_lessons_aligned(p_goals uuid[])
RETURNS SETOF uuid
LANGUAGE sql STABLE
AS $$
	SELECT a.lesson_id FROM alignment a
	WHERE a.goal_id = ANY (p_goals) AND a.lesson_id IS NOT NULL
	UNION
	SELECT lesson_warning_lessons_under(array(
	    SELECT a.programme_id FROM alignment a
	    WHERE a.goal_id = ANY (p_goals) AND a.programme_id IS NOT NULL))
$$;

-- The lessons for which an alignment with a published code with a goal of
-- one of p_frameworks holds.
CREATE OR REPLACE FUNCTION lesson_warning_lessons_labelled(p_frameworks uuid[])
RETURNS SETOF uuid
LANGUAGE sql STABLE
AS $$
	SELECT a.lesson_id FROM alignment a JOIN goal g ON g.id = a.goal_id
	WHERE a.published_code IS NOT NULL AND g.framework_id = ANY (p_frameworks)
	  AND a.lesson_id IS NOT NULL
	UNION
	SELECT lesson_warning_lessons_under(array(
	    SELECT a.programme_id FROM alignment a JOIN goal g ON g.id = a.goal_id
	    WHERE a.published_code IS NOT NULL
	      AND g.framework_id = ANY (p_frameworks)
	      AND a.programme_id IS NOT NULL))
$$;

-- The lessons with one of p_levels, and those aligned with a goal with one.
CREATE OR REPLACE FUNCTION lesson_warning_lessons_of_levels(p_levels uuid[])
RETURNS SETOF uuid
LANGUAGE sql STABLE
AS $$
	SELECT ll.lesson_id FROM lesson_level ll WHERE ll.level_id = ANY (p_levels)
	UNION
	SELECT lesson_warning_lessons_aligned(array(
	    SELECT gl.goal_id FROM goal_level gl
	    WHERE gl.level_id = ANY (p_levels)))
$$;

-- The lessons an alignment change touches (for the stores of this file
-- and of lessons.sql): the lessons of the alignments written or removed
-- (p_new, p_old: a statement's transition tables as JSON arrays, see
-- transition_rows_sql; NULL: none), directly or through their programme or
-- one above it.  An updated alignment counts when its lesson, programme or
-- goal changed, or with p_labels its published label or code, before and
-- after the change.
CREATE OR REPLACE FUNCTION alignment_changed_lessons(p_new jsonb, p_old jsonb,
    p_labels boolean)
RETURNS uuid[]
LANGUAGE sql STABLE
AS $$
	WITH changed AS (
		SELECT n.lesson_id AS nl, n.programme_id AS np,
		    o.lesson_id AS ol, o.programme_id AS op
		FROM jsonb_populate_recordset(NULL::alignment, p_new) n
		FULL JOIN jsonb_populate_recordset(NULL::alignment, p_old) o
		ON o.id = n.id
		WHERE n.id IS NULL OR o.id IS NULL
		OR (n.lesson_id, n.programme_id, n.goal_id)
		    IS DISTINCT FROM (o.lesson_id, o.programme_id, o.goal_id)
		OR (p_labels AND (n.published_label, n.published_code)
		    IS DISTINCT FROM (o.published_label, o.published_code)))
	SELECT array(
	    SELECT x FROM changed, unnest(ARRAY[nl, ol]) x WHERE x IS NOT NULL
	    UNION SELECT lesson_warning_lessons_under(array(
		SELECT np FROM changed UNION SELECT op FROM changed)))
$$;

-- ---------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION lesson_warning_lock() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	-- 0x4c4c5757: an arbitrary key of this lock alone
	PERFORM pg_advisory_xact_lock(1280071511);
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION lesson_warning_on_truncate() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM lesson_warning_refresh_all();
	RETURN NULL;
END
$$;

-- Each function below reads the transition tables new_rows (INSERT,
-- UPDATE) and old_rows (UPDATE, DELETE); an UPDATE counts the rows whose
-- columns read by the rules changed, before and after.

CREATE OR REPLACE FUNCTION lesson_warning_on_lesson() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM lesson_warning_refresh(array(SELECT id FROM new_rows));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM lesson_warning_refresh(array(SELECT id FROM old_rows));
	ELSE
		PERFORM lesson_warning_refresh(array(
		    SELECT coalesce(n.id, o.id)
		    FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
		    WHERE (n.programme_id, n.status, n.title, n.levels_as_published)
			IS DISTINCT FROM (o.programme_id, o.status, o.title,
			o.levels_as_published)));
	END IF;
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION lesson_warning_on_lesson_level() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM lesson_warning_refresh(array(SELECT lesson_id FROM new_rows));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM lesson_warning_refresh(array(SELECT lesson_id FROM old_rows));
	ELSE
		PERFORM lesson_warning_refresh(array(
		    SELECT lesson_id FROM new_rows UNION
		    SELECT lesson_id FROM old_rows));
	END IF;
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION lesson_warning_on_alignment() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	n jsonb;
	o jsonb;
BEGIN
	EXECUTE transition_rows_sql(TG_OP) INTO n, o;
	PERFORM lesson_warning_refresh(alignment_changed_lessons(n, o, true));
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION lesson_warning_on_programme() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM lesson_warning_refresh(array(
	    SELECT lesson_warning_lessons_under(array(
		SELECT unnest(ARRAY[n.id, o.id])
		FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
		WHERE (n.id, n.parent_id) IS DISTINCT FROM (o.id, o.parent_id)))));
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION lesson_warning_on_goal() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	goals uuid[];		-- goals whose own data changed
	frameworks uuid[];	-- frameworks where a goal's code or title changed
BEGIN
	IF TG_OP = 'INSERT' THEN
		SELECT array_agg(id), array_agg(DISTINCT framework_id)
		INTO goals, frameworks FROM new_rows;
	ELSIF TG_OP = 'DELETE' THEN
		SELECT array_agg(id), array_agg(DISTINCT framework_id)
		INTO goals, frameworks FROM old_rows;
	ELSE
		WITH changed AS (
			SELECT n.id AS ni, o.id AS oi, n.framework_id AS nf,
			    o.framework_id AS ofw,
			    (n.id, n.framework_id, n.code, n.title)
			    IS DISTINCT FROM (o.id, o.framework_id, o.code,
			    o.title) AS named
			FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
			WHERE (n.id, n.framework_id, n.code, n.title,
			    n.description, n.alt_titles, n.status)
			    IS DISTINCT FROM (o.id, o.framework_id, o.code,
			    o.title, o.description, o.alt_titles, o.status))
		SELECT array(SELECT ni FROM changed UNION SELECT oi FROM changed),
		    array(SELECT nf FROM changed WHERE named
			UNION SELECT ofw FROM changed WHERE named)
		INTO goals, frameworks;
	END IF;
	IF coalesce(cardinality(goals), 0) = 0 THEN
		RETURN NULL;
	END IF;
	PERFORM lesson_warning_refresh(array(
	    SELECT lesson_warning_lessons_aligned(goals || array(
		SELECT r.origin_goal_id FROM goal_relation r
		WHERE r.relation_type = 'replacedBy'
		  AND r.destination_goal_id = ANY (goals)))
	    UNION
	    SELECT lesson_warning_lessons_labelled(frameworks)));
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION lesson_warning_on_goal_level() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM lesson_warning_refresh(array(SELECT lesson_warning_lessons_aligned(
		    array(SELECT goal_id FROM new_rows))));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM lesson_warning_refresh(array(SELECT lesson_warning_lessons_aligned(
		    array(SELECT goal_id FROM old_rows))));
	ELSE
		PERFORM lesson_warning_refresh(array(SELECT lesson_warning_lessons_aligned(
		    array(SELECT goal_id FROM new_rows
			UNION SELECT goal_id FROM old_rows))));
	END IF;
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION lesson_warning_on_goal_relation() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM lesson_warning_refresh(array(SELECT lesson_warning_lessons_aligned(
		    array(SELECT origin_goal_id FROM new_rows
			WHERE relation_type = 'replacedBy'))));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM lesson_warning_refresh(array(SELECT lesson_warning_lessons_aligned(
		    array(SELECT origin_goal_id FROM old_rows
			WHERE relation_type = 'replacedBy'))));
	ELSE
		PERFORM lesson_warning_refresh(array(SELECT lesson_warning_lessons_aligned(
		    array(SELECT origin_goal_id FROM new_rows
			WHERE relation_type = 'replacedBy'
			UNION SELECT origin_goal_id FROM old_rows
			WHERE relation_type = 'replacedBy'))));
	END IF;
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION lesson_warning_on_level() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM lesson_warning_refresh(array(
	    SELECT lesson_warning_lessons_of_levels(array(
		SELECT unnest(ARRAY[n.id, o.id])
		FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
		WHERE (n.id, n.title, n.sort_order)
		    IS DISTINCT FROM (o.id, o.title, o.sort_order)))));
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION lesson_warning_on_level_member() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM lesson_warning_refresh(array(SELECT lesson_warning_lessons_of_levels(
		    array(SELECT level_id FROM new_rows))));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM lesson_warning_refresh(array(SELECT lesson_warning_lessons_of_levels(
		    array(SELECT level_id FROM old_rows))));
	ELSE
		PERFORM lesson_warning_refresh(array(SELECT lesson_warning_lessons_of_levels(
		    array(SELECT level_id FROM new_rows
			UNION SELECT level_id FROM old_rows))));
	END IF;
	RETURN NULL;
END
$$;

-- Attach: the lock before every writing statement, the refresh after the
-- events that can change warnings, a full refresh after TRUNCATE.
DO $$
DECLARE
	t record;
BEGIN
	FOR t IN SELECT * FROM (VALUES
	    ('lesson', 'INSERT,UPDATE,DELETE'),
	    ('lesson_level', 'INSERT,UPDATE,DELETE'),
	    ('alignment', 'INSERT,UPDATE,DELETE'),
	    ('programme', 'UPDATE'),
	    ('goal', 'INSERT,UPDATE,DELETE'),
	    ('goal_level', 'INSERT,UPDATE,DELETE'),
	    ('goal_relation', 'INSERT,UPDATE,DELETE'),
	    ('level', 'UPDATE'),
	    ('level_member', 'INSERT,UPDATE,DELETE')) AS v (tab, events)
	LOOP
		EXECUTE format('CREATE OR REPLACE TRIGGER lesson_warning_lock BEFORE INSERT '
		    'OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT '
		    'EXECUTE FUNCTION lesson_warning_lock()', t.tab);
		PERFORM store_triggers_attach('lesson_warning_', t.tab, t.events);
	END LOOP;
END
$$;

-- The warnings of the data already there.
-- ---------------------------------------------------------------------------
-- Readers: the stored rows
-- ---------------------------------------------------------------------------

-- All warnings (columns as before).
CREATE OR REPLACE VIEW alignment_warning AS
	SELECT w.alignment_id, w.lesson_id, w.programme_id, w.goal_id, w.code,
	    w.severity, w.message
	FROM lesson_warning w;

-- Warnings of one lesson, warnings first, in a stable order.
CREATE OR REPLACE FUNCTION lesson_warnings(p_lesson_id uuid)
RETURNS TABLE (alignment_id uuid, lesson_id uuid, programme_id uuid,
    goal_id uuid, code text, severity text, message text)
LANGUAGE sql STABLE
AS $$
	SELECT w.alignment_id, w.lesson_id, w.programme_id, w.goal_id, w.code,
	    w.severity, w.message
	FROM lesson_warning w
	WHERE w.lesson_id = p_lesson_id
	ORDER BY w.severity = 'info', w.code, w.goal_id, w.alignment_id
$$;

-- The derived rows again, by the rules above: they may have changed.
SELECT lesson_warning_refresh_all();

