-- 0076 gap suggestions (issue 13, item 5): the coverage reports of a
-- school or a plan list, for each stage gap and each line break, the
-- units that would close it, best first, with the reason.
--
-- A unit is suggested for a gap when it is published, visible to the
-- school (catalogue or its own activity), meant for a level of the
-- report in that stage, and aligned (itself or through its programme) to
-- at least one goal of the gap.  Order: most gap goals covered, then
-- recognised (erkend) methods, then the title and id.  At most three per
-- gap.

-- The units that would cover goals p_goals at levels p_levels (codes) of
-- school p_school; p_what names the gap in the reason.
CREATE FUNCTION coverage_unit_suggestions(p_goals uuid[], p_levels text[],
    p_school uuid, p_what text)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT coalesce(jsonb_agg(x.doc ORDER BY x.n DESC, x.erkend DESC,
	    x.title, x.id), '[]')
	FROM (
		SELECT l.id, l.title, count(DISTINCT la.goal_id) AS n,
		    coalesce(e.rank, 0) >= 1 AS erkend,
		    jsonb_build_object('lesson_id', l.id, 'code', l.code,
			'title', l.title, 'kind', l.kind,
			'own', l.school_id IS NOT NULL,
			'goals', jsonb_agg(DISTINCT coalesce(g.code, g.title)),
			'levels', (SELECT jsonb_agg(DISTINCT c.code)
			    FROM lesson_level ll JOIN level_span sp
			    ON sp.level_id = ll.level_id JOIN level c
			    ON c.id = sp.covered_level_id
			    WHERE ll.lesson_id = l.id AND c.code = ANY (p_levels)),
			'reason', format('%s: dekt %s van de %s open %s (%s)%s.',
			    p_what, count(DISTINCT la.goal_id),
			    cardinality(p_goals), CASE WHEN cardinality(p_goals) = 1
				THEN 'leerdoel' ELSE 'leerdoelen' END,
			    string_agg(DISTINCT coalesce(g.code, g.title), ', '),
			    CASE WHEN coalesce(e.rank, 0) >= 1 THEN
				'; erkende methode (' || e.title || ')'
				WHEN l.school_id IS NOT NULL THEN
				'; eigen activiteit van de school' ELSE '' END))
			AS doc
		FROM lesson l
		JOIN lesson_alignment la ON la.lesson_id = l.id
		JOIN goal g ON g.id = la.goal_id
		LEFT JOIN evidence_level e ON e.code = l.evidence_level_code
		WHERE la.goal_id = ANY (p_goals) AND l.status = 'published'
		AND (l.school_id IS NULL OR l.school_id = p_school)
		AND EXISTS (SELECT 1 FROM lesson_level ll
		    JOIN level_span sp ON sp.level_id = ll.level_id
		    JOIN level c ON c.id = sp.covered_level_id
		    WHERE ll.lesson_id = l.id AND c.code = ANY (p_levels))
		GROUP BY l.id, e.rank, e.title
		ORDER BY count(DISTINCT la.goal_id) DESC,
		    coalesce(e.rank, 0) >= 1 DESC, l.title, l.id
		LIMIT 3) x
$$;

-- A coverage report (coverage_school_doc, coverage_plan_doc) of school
-- p_school with "suggestions" on every stage gap and line break.
CREATE FUNCTION coverage_suggest(doc jsonb, p_school uuid) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT CASE WHEN doc IS NULL OR jsonb_typeof(doc -> 'frameworks')
	    <> 'array' THEN doc ELSE jsonb_set(doc, '{frameworks}',
	    coalesce((SELECT jsonb_agg(fw || jsonb_build_object(
		'stage_gaps', coalesce((SELECT jsonb_agg(sg ||
		    jsonb_build_object('suggestions', coverage_unit_suggestions(
			ARRAY(SELECT (g ->> 'id')::uuid
			    FROM jsonb_array_elements(sg -> 'goals') g),
			ARRAY(SELECT jsonb_array_elements_text(st -> 'levels')
			    FROM jsonb_array_elements(doc -> 'stages') st
			    WHERE st ->> 'code' = sg ->> 'stage'),
			p_school, 'Hiaat in ' || (sg ->> 'stage_title')))
		    ORDER BY o)
		    FROM jsonb_array_elements(fw -> 'stage_gaps')
		    WITH ORDINALITY t (sg, o)), '[]'),
		'line_breaks', coalesce((SELECT jsonb_agg(lb ||
		    jsonb_build_object('suggestions', coverage_unit_suggestions(
			ARRAY(WITH RECURSIVE d (id, depth) AS (
			    SELECT (lb ->> 'domain_id')::uuid, 0
			    UNION SELECT g.id, d.depth + 1 FROM d
			    JOIN goal g ON g.parent_id = d.id WHERE d.depth < 32)
			    SELECT id FROM d),
			ARRAY(SELECT jsonb_array_elements_text(st -> 'levels')
			    FROM jsonb_array_elements(doc -> 'stages') st
			    WHERE st ->> 'code' = lb ->> 'stage'),
			p_school, CASE WHEN (lb ->> 'break')::boolean
			    THEN 'Onderbreking van ' ELSE 'Geen dekking van '
			    END || (lb ->> 'domain') || ' in ' ||
			    (lb ->> 'stage_title')))
		    ORDER BY o)
		    FROM jsonb_array_elements(fw -> 'line_breaks')
		    WITH ORDINALITY t (lb, o)), '[]'))
		ORDER BY n)
		FROM jsonb_array_elements(doc -> 'frameworks')
		WITH ORDINALITY f (fw, n)), '[]')) END
$$;
