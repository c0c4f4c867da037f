-- 0077 the CASE provider (0040) publishes the shared catalogue only: a
-- school's own activities (0070) are no exemplars of the goals.  As 0040
-- otherwise.

CREATE OR REPLACE FUNCTION case_associations(p_base text, p_framework uuid, p_id uuid)
RETURNS TABLE (id uuid, framework_id uuid, origin_id uuid,
    destination_id uuid, doc jsonb)
LANGUAGE sql STABLE
AS $$
	-- primary parents (and the document for top-level goals)
	SELECT coalesce(g.case_parent_association_id,
		case_child_association_id(g.id)), g.framework_id, g.id,
	    g.parent_id, jsonb_build_object(
		'identifier', coalesce(g.case_parent_association_id,
		    case_child_association_id(g.id))::text,
		'associationType', 'isChildOf',
		'sequenceNumber', g.position + 1,
		'uri', case_uri(p_base, 'CFAssociations', coalesce(
		    g.case_parent_association_id, case_child_association_id(g.id))),
		'originNodeURI', case_goal_node(g, p_base),
		'destinationNodeURI', CASE WHEN p.id IS NOT NULL
		    THEN case_goal_node(p, p_base)
		    ELSE case_link(p_base, 'CFDocuments', f.id, f.title) END,
		'lastChangeDateTime', case_time(g.updated_at))
	    || coalesce(g.case_parent_extra, '{}')
	FROM goal g
	JOIN framework f ON f.id = g.framework_id
	LEFT JOIN goal p ON p.id = g.parent_id
	WHERE (p_framework IS NULL OR g.framework_id = p_framework)
	  AND (p_id IS NULL OR p_id = g.case_parent_association_id
	      OR (g.case_parent_association_id IS NULL
		  AND case_child_association_id(g.id) = p_id))
	UNION ALL
	-- relations between goals (origin in the framework)
	SELECT r.id, o.framework_id, o.id, d.id,
	    jsonb_strip_nulls(jsonb_build_object(
		'identifier', r.id::text,
		'associationType', r.relation_type,
		'sequenceNumber', r.sequence_number,
		'uri', case_uri(p_base, 'CFAssociations', r.id),
		'originNodeURI', case_goal_node(o, p_base),
		'destinationNodeURI', case_goal_node(d, p_base),
		'lastChangeDateTime', case_time(r.updated_at),
		'extensions', jsonb_strip_nulls(jsonb_build_object(
		    'confidence', r.confidence, 'note', r.note))))
	    || coalesce(r.case_extra, '{}')
	FROM goal_relation r
	JOIN goal o ON o.id = r.origin_goal_id
	JOIN goal d ON d.id = r.destination_goal_id
	WHERE (p_framework IS NULL OR o.framework_id = p_framework)
	  AND (p_id IS NULL OR r.id = p_id)
	UNION ALL
	-- lesson alignments: the lesson is an exemplar of the goal
	SELECT case_exemplar_id(g.id, le.id), g.framework_id, g.id, NULL,
	    jsonb_build_object(
		'identifier', case_exemplar_id(g.id, le.id)::text,
		'associationType', 'exemplar',
		'uri', case_uri(p_base, 'CFAssociations',
		    case_exemplar_id(g.id, le.id)),
		'originNodeURI', case_goal_node(g, p_base),
		'destinationNodeURI', jsonb_build_object('title', le.title,
		    'identifier', le.id::text,
		    'uri', rtrim(p_base, '/') || '/api/v1/lessons/' || le.id::text),
		'lastChangeDateTime', case_time(greatest(le.updated_at,
		    a.updated_at)),
		'extensions', jsonb_strip_nulls(jsonb_build_object(
		    'kind', 'lesson', 'confidence', la.confidence,
		    'alignmentScope', la.scope)))
	FROM (SELECT DISTINCT ON (x.goal_id, x.lesson_id) x.*
	    FROM lesson_alignment x
	    ORDER BY x.goal_id, x.lesson_id, x.scope, x.alignment_id) la
	JOIN goal g ON g.id = la.goal_id
	JOIN lesson le ON le.id = la.lesson_id AND le.school_id IS NULL
	JOIN alignment a ON a.id = la.alignment_id
	WHERE (p_framework IS NULL OR g.framework_id = p_framework)
	  AND (p_id IS NULL OR case_exemplar_id(g.id, le.id) = p_id)
	  AND NOT EXISTS (SELECT 1 FROM case_association c
	      WHERE c.id = case_exemplar_id(g.id, le.id))
	UNION ALL
	-- imported associations to resources outside the catalogue
	SELECT c.id, c.framework_id, c.origin_goal_id, NULL,
	    jsonb_strip_nulls(jsonb_build_object(
		'identifier', c.id::text,
		'associationType', c.association_type,
		'sequenceNumber', c.sequence_number,
		'uri', case_uri(p_base, 'CFAssociations', c.id),
		'originNodeURI', case_goal_node(o, p_base),
		'destinationNodeURI', c.destination,
		'lastChangeDateTime', case_time(c.updated_at)))
	    || coalesce(c.extra, '{}')
	FROM case_association c
	JOIN goal o ON o.id = c.origin_goal_id
	WHERE (p_framework IS NULL OR c.framework_id = p_framework)
	  AND (p_id IS NULL OR c.id = p_id)
$$;
