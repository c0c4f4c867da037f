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

-- The lesson's programme (depth 0) and every programme above it.
CREATE FUNCTION lesson_programme_chain_of(p_lesson_id uuid)
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
CREATE FUNCTION lesson_alignment_of(p_lesson_id uuid)
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
CREATE FUNCTION alignment_warning_of(p_lesson_id uuid)
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
	    (SELECT coalesce(max(le.levels_as_published),
		string_agg(l.title, ', ' ORDER BY l.sort_order NULLS LAST, l.title))
		FROM lesson_level ll JOIN level l ON l.id = ll.level_id
		JOIN lesson le ON le.id = ll.lesson_id
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
SELECT lv.alignment_id, lv.lesson_id, lv.programme_id, lv.goal_id,
    'level_mismatch', 'warning',
    format('Niveau past niet: %s"%s" is bedoeld voor %s; de les is voor %s.',
	coalesce(lv.goal_code || ' ', ''), lv.goal_title, lv.goal_levels,
	lv.lesson_levels)
FROM level_check lv
WHERE NOT lv.overlap
UNION ALL
SELECT lv.alignment_id, lv.lesson_id, lv.programme_id, lv.goal_id,
    'level_partial', 'info',
    format('Niveau deels buiten het doel: %s"%s" is bedoeld voor %s; de les is voor %s.',
	coalesce(lv.goal_code || ' ', ''), lv.goal_title, lv.goal_levels,
	lv.lesson_levels)
FROM level_check lv
WHERE lv.overlap AND lv.some_outside
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

-- All warnings: the union over lessons. lesson_id is taken from the lesson
-- row, so that a filter on it restricts the lesson scan first.
CREATE OR REPLACE VIEW alignment_warning AS
	SELECT w.alignment_id, l.id AS lesson_id, w.programme_id, w.goal_id,
	    w.code, w.severity, w.message
	FROM lesson l CROSS JOIN LATERAL alignment_warning_of(l.id) w;

-- Warnings of one lesson, warnings first, in a stable order (as in 0002).
CREATE OR REPLACE FUNCTION lesson_warnings(p_lesson_id uuid)
RETURNS TABLE (alignment_id uuid, lesson_id uuid, programme_id uuid,
    goal_id uuid, code text, severity text, message text)
LANGUAGE sql STABLE
AS $$
	SELECT w.alignment_id, w.lesson_id, w.programme_id, w.goal_id, w.code,
	    w.severity, w.message
	FROM alignment_warning_of(p_lesson_id) w
	ORDER BY w.severity = 'info', w.code, w.goal_id, w.alignment_id
$$;
