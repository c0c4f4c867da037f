-- 0040_case.sql — IMS CASE 1.0: the provider's documents and the package
-- importer.
--
-- Every framework is a CFDocument (identifier = framework.id), every goal a
-- CFItem (identifier = goal.id: SLO's own UUIDs for SLO goals, our stable
-- catalogue_uuid() ones otherwise).  Associations come from four places:
--   * goal.parent_id: the isChildOf association of a goal to its primary
--     parent (or to the CFDocument for top-level goals), sequenceNumber =
--     position + 1, identifier catalogue_uuid('case:isChildOf:' || goal id)
--     unless an imported package named it (goal.case_parent_association_id);
--   * goal_relation: extra parents (isChildOf) and crosswalks;
--   * lesson_alignment: "exemplar" associations from a goal to a lesson;
--   * case_association: associations of imported packages that point at
--     something outside the catalogue (an exemplar resource).
-- Members of an imported package that have no column of their own are kept
-- in the case_* jsonb columns and served again, so that a package survives
-- an import unchanged.
--
-- The export functions take the public base URL (LEERLIJN_BASE_URL) so that
-- every uri is absolute.  Items carry a "_levels" member that the C side
-- (case_export.c) turns into CASE educationLevel values (case_level.c).
--
-- Applied inside one transaction by the migration runner: no BEGIN/COMMIT.

-- ---------------------------------------------------------------------------
-- Schema
-- ---------------------------------------------------------------------------

-- 'case': the identifier came from an imported CASE package.  Such packages
-- may repeat a humanCodingScheme, as SLO does: identity is the UUID.
ALTER TABLE goal DROP CONSTRAINT goal_id_origin_check;
ALTER TABLE goal ADD CONSTRAINT goal_id_origin_check
	CHECK (id_origin IN ('slo', 'derived', 'manual', 'case'));
DROP INDEX goal_framework_code_key;
CREATE UNIQUE INDEX goal_framework_code_key ON goal (framework_id, code)
	WHERE id_origin NOT IN ('slo', 'case');

-- Members of an imported CFDocument / CFItem / CFAssociation that the
-- catalogue has no column for, exactly as the package gave them.
ALTER TABLE framework ADD COLUMN case_document jsonb
	CHECK (case_document IS NULL OR jsonb_typeof(case_document) = 'object');
ALTER TABLE goal ADD COLUMN case_item jsonb
	CHECK (case_item IS NULL OR jsonb_typeof(case_item) = 'object');
-- The identifier an imported package gave the isChildOf association to the
-- goal's primary parent (NULL: the derived one).
ALTER TABLE goal ADD COLUMN case_parent_association_id uuid UNIQUE;
-- Other members of that association (CFAssociationGroupingURI, extensions).
ALTER TABLE goal ADD COLUMN case_parent_extra jsonb
	CHECK (case_parent_extra IS NULL OR jsonb_typeof(case_parent_extra) = 'object');
ALTER TABLE goal_relation ADD COLUMN case_extra jsonb
	CHECK (case_extra IS NULL OR jsonb_typeof(case_extra) = 'object');

CREATE FUNCTION case_child_association_id(p_goal uuid) RETURNS uuid
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT catalogue_uuid('case:isChildOf:' || p_goal::text) $$;

CREATE INDEX goal_case_child_association_idx
	ON goal (case_child_association_id(id));

-- CFDefinitions (and CFRubrics) of imported packages, without uri and
-- lastChangeDateTime (which the provider sets).
CREATE TABLE case_definition (
	id		uuid PRIMARY KEY,
	framework_id	uuid NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
	kind		text NOT NULL CHECK (kind IN ('CFConcepts', 'CFSubjects',
			    'CFLicenses', 'CFItemTypes', 'CFAssociationGroupings',
			    'CFRubrics')),
	position	integer NOT NULL CHECK (position >= 0),
	doc		jsonb NOT NULL CHECK (jsonb_typeof(doc) = 'object'),
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_definition_framework_idx ON case_definition (framework_id, kind);

-- Associations of imported packages whose destination is not a goal of the
-- catalogue (exemplar resources).  destination is the LinkGenURI as given.
CREATE TABLE case_association (
	id		uuid PRIMARY KEY,
	framework_id	uuid NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
	origin_goal_id	uuid NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
	association_type text NOT NULL CHECK (association_type IN ('isChildOf',
			    'isPeerOf', 'isPartOf', 'exactMatchOf', 'precedes',
			    'isRelatedTo', 'replacedBy', 'exemplar',
			    'hasSkillLevel')),
	destination	jsonb NOT NULL CHECK (jsonb_typeof(destination) = 'object'
			    AND destination ? 'identifier' AND destination ? 'uri'
			    AND destination ? 'title'),
	sequence_number	integer,
	extra		jsonb CHECK (extra IS NULL OR jsonb_typeof(extra) = 'object'),
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_association_framework_idx ON case_association (framework_id);
CREATE INDEX case_association_origin_idx ON case_association (origin_goal_id);

-- The licences of frameworks whose data is published under one (SLO's open
-- data: MIT), served as CFLicenses and as the CFDocument's licenseURI.
CREATE TABLE case_license (
	id		uuid PRIMARY KEY,
	title		text NOT NULL CHECK (btrim(title) <> ''),
	description	text,
	license_text	text NOT NULL CHECK (btrim(license_text) <> ''),
	source		text NOT NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE framework ADD COLUMN case_license_id uuid
	REFERENCES case_license (id);

CREATE TRIGGER case_license_touch BEFORE UPDATE ON case_license
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER case_definition_touch BEFORE UPDATE ON case_definition
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER case_association_touch BEFORE UPDATE ON case_association
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();

-- ---------------------------------------------------------------------------
-- Building blocks of the export
-- ---------------------------------------------------------------------------

CREATE FUNCTION case_uri(p_base text, p_kind text, p_id uuid) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT rtrim(p_base, '/') || '/ims/case/v1p0/' || p_kind || '/' || p_id::text $$;

CREATE FUNCTION case_link(p_base text, p_kind text, p_id uuid, p_title text)
RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT jsonb_build_object('title', p_title, 'identifier', p_id::text,
	    'uri', case_uri(p_base, p_kind, p_id))
$$;

-- RFC 3339 in UTC, whole seconds.
CREATE FUNCTION case_time(p timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT to_char(p AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') $$;

-- framework.status <-> CASE adoptionStatus
CREATE FUNCTION case_adoption_status(p_status text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT CASE p_status WHEN 'adopted' THEN 'Adopted'
	    WHEN 'deprecated' THEN 'Deprecated' ELSE 'Draft' END
$$;

CREATE FUNCTION case_framework_status(p_adoption text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT CASE lower(coalesce(p_adoption, ''))
	    WHEN 'adopted' THEN 'adopted' WHEN 'deprecated' THEN 'deprecated'
	    WHEN 'retired' THEN 'deprecated' ELSE 'concept' END
$$;

CREATE FUNCTION case_item_type_id(p_kind text) RETURNS uuid
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT catalogue_uuid('case:itemtype:' || p_kind) $$;

CREATE FUNCTION case_exemplar_id(p_goal uuid, p_lesson uuid) RETURNS uuid
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT catalogue_uuid('case:exemplar:' || p_goal::text || ':' || p_lesson::text) $$;

-- Only an absolute http(s) URL without spaces may be a CASE uri.
CREATE FUNCTION case_url_or_null(p text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN p ~ '^https?://[^\s<>"{}|\\^`]+$' THEN p END $$;

-- The members of p_in that p_derived does not already say (NULL when none):
-- what an import must keep so that the export gives p_in back.
CREATE FUNCTION case_diff(p_in jsonb, p_derived jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT nullif(coalesce(jsonb_object_agg(k, v), '{}'), '{}')
	FROM jsonb_each(coalesce(p_in, '{}')) AS t (k, v)
	WHERE p_derived -> k IS DISTINCT FROM v
$$;

-- The CFDocument of a framework as derived from its columns.
CREATE FUNCTION case_document_base(f framework, p_base text) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_strip_nulls(jsonb_build_object(
	    'identifier', f.id::text,
	    'uri', case_uri(p_base, 'CFDocuments', f.id),
	    'creator', coalesce(f.publisher, 'onbekend'),
	    'title', f.title,
	    'officialSourceURL', case_url_or_null(f.source_url),
	    'publisher', f.publisher,
	    'language', f.language,
	    'version', f.version,
	    'adoptionStatus', case_adoption_status(f.status),
	    'notes', f.note,
	    'licenseURI', (SELECT case_link(p_base, 'CFLicenses', l.id, l.title)
		FROM case_license l WHERE l.id = f.case_license_id),
	    'extensions', jsonb_build_object('code', f.code)))
$$;

CREATE FUNCTION case_document_json(f framework, p_base text) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT case_document_base(f, p_base) || coalesce(f.case_document, '{}')
	    || jsonb_build_object(
		'uri', case_uri(p_base, 'CFDocuments', f.id),
		'CFPackageURI', case_link(p_base, 'CFPackages', f.id, f.title),
		'lastChangeDateTime', case_time(f.updated_at))
$$;

-- The CFItem of a goal as derived from its columns (without levels).
CREATE FUNCTION case_item_base(g goal, f framework, p_base text) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_strip_nulls(jsonb_build_object(
	    'identifier', g.id::text,
	    'uri', case_uri(p_base, 'CFItems', g.id),
	    'fullStatement', coalesce(g.description, g.title),
	    'abbreviatedStatement', CASE WHEN g.description IS NOT NULL
		THEN g.title END,
	    'alternativeLabel', g.alt_titles[1],
	    'humanCodingScheme', g.code,
	    'CFItemType', g.kind,
	    'CFItemTypeURI', case_link(p_base, 'CFItemTypes',
		case_item_type_id(g.kind), g.kind),
	    'notes', g.note,
	    'language', f.language,
	    'extensions', jsonb_strip_nulls(jsonb_build_object(
		'confidence', g.confidence,
		'status', nullif(g.status, 'current'),
		'alternativeTitles', CASE WHEN cardinality(g.alt_titles) > 1
		    THEN to_jsonb(g.alt_titles) END))))
$$;

-- The levels of a goal for case_export.c: [{code, years: [ordinals]}] in
-- school order; years are the school years the level covers.
CREATE FUNCTION case_goal_levels(p_goal uuid) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT coalesce(jsonb_agg(jsonb_build_object('code', l.code,
	    'years', (SELECT coalesce(jsonb_agg(DISTINCT c.year_ordinal), '[]')
		FROM level_span s JOIN level c ON c.id = s.covered_level_id
		WHERE s.level_id = l.id AND c.year_ordinal IS NOT NULL))
	    ORDER BY l.sort_order NULLS LAST, l.code), '[]')
	FROM goal_level gl JOIN level l ON l.id = gl.level_id
	WHERE gl.goal_id = p_goal
$$;

CREATE FUNCTION case_item_json(g goal, f framework, p_base text) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT case_item_base(g, f, p_base) || coalesce(g.case_item, '{}')
	    || jsonb_build_object(
		'uri', case_uri(p_base, 'CFItems', g.id),
		'CFDocumentURI', case_link(p_base, 'CFDocuments', f.id, f.title),
		'lastChangeDateTime', case_time(g.updated_at),
		'_levels', case_goal_levels(g.id))
$$;

CREATE FUNCTION case_goal_node(g goal, p_base text) RETURNS jsonb
LANGUAGE sql STABLE
AS $$ SELECT case_link(p_base, 'CFItems', g.id, g.title) $$;

-- Every association of the catalogue, as CASE JSON without CFDocumentURI:
-- (id, framework_id, origin goal, destination goal or NULL, doc).
CREATE FUNCTION case_associations(p_base text, p_framework uuid, p_id uuid)
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
	JOIN lesson le ON le.id = la.lesson_id
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

-- The item types a framework's goals use (derived from goal.kind).
CREATE FUNCTION case_item_type_json(p_base text, p_kind text, p_changed timestamptz)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object('identifier', case_item_type_id(p_kind)::text,
	    'uri', case_uri(p_base, 'CFItemTypes', case_item_type_id(p_kind)),
	    'title', p_kind, 'hierarchyCode', p_kind, 'typeCode', p_kind,
	    'description', 'Soort leerdoel in Leerlijn: ' || p_kind || '.',
	    'lastChangeDateTime', case_time(p_changed))
$$;

CREATE FUNCTION case_license_json(l case_license, p_base text) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_strip_nulls(jsonb_build_object('identifier', l.id::text,
	    'uri', case_uri(p_base, 'CFLicenses', l.id), 'title', l.title,
	    'description', l.description, 'licenseText', l.license_text,
	    'lastChangeDateTime', case_time(l.updated_at)))
$$;

CREATE FUNCTION case_definition_json(d case_definition, p_base text)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT d.doc || jsonb_build_object('identifier', d.id::text,
	    'uri', case_uri(p_base, d.kind, d.id),
	    'lastChangeDateTime', case_time(d.updated_at))
$$;

-- ---------------------------------------------------------------------------
-- What the provider serves
-- ---------------------------------------------------------------------------

CREATE FUNCTION case_document_get(p_base text, p_id uuid) RETURNS jsonb
LANGUAGE sql STABLE
AS $$ SELECT case_document_json(f, p_base) FROM framework f WHERE f.id = p_id $$;

CREATE FUNCTION case_definitions_of(p_base text, p_framework uuid, p_kind text)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT coalesce(jsonb_agg(case_definition_json(d, p_base)
	    ORDER BY d.position, d.id), '[]')
	FROM case_definition d
	WHERE d.framework_id = p_framework AND d.kind = p_kind
$$;

-- The whole CFPackage of a framework (NULL when there is none).
CREATE FUNCTION case_package(p_base text, p_id uuid) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object(
	    'CFDocument', case_document_json(f, p_base),
	    'CFItems', coalesce((SELECT jsonb_agg(case_item_json(g, f, p_base)
		ORDER BY g.id) FROM goal g WHERE g.framework_id = f.id), '[]'),
	    'CFAssociations', coalesce((SELECT jsonb_agg(a.doc
		|| jsonb_build_object('CFDocumentURI',
		    case_link(p_base, 'CFDocuments', f.id, f.title))
		ORDER BY a.id) FROM case_associations(p_base, f.id, NULL) a), '[]'),
	    'CFDefinitions', jsonb_build_object(
		'CFConcepts', case_definitions_of(p_base, f.id, 'CFConcepts'),
		'CFSubjects', case_definitions_of(p_base, f.id, 'CFSubjects'),
		'CFLicenses', coalesce((SELECT jsonb_agg(case_license_json(l, p_base))
		    FROM case_license l WHERE l.id = f.case_license_id), '[]')
		    || case_definitions_of(p_base, f.id, 'CFLicenses'),
		'CFItemTypes', coalesce((SELECT jsonb_agg(t.doc ORDER BY t.id)
		    FROM (SELECT case_item_type_id(g.kind) AS id,
			case_item_type_json(p_base, g.kind, max(g.updated_at)) AS doc
			FROM goal g WHERE g.framework_id = f.id GROUP BY g.kind
			UNION ALL
			SELECT d.id, case_definition_json(d, p_base)
			FROM case_definition d
			WHERE d.framework_id = f.id AND d.kind = 'CFItemTypes') t),
		    '[]'),
		'CFAssociationGroupings', case_definitions_of(p_base, f.id,
		    'CFAssociationGroupings')),
	    'CFRubrics', case_definitions_of(p_base, f.id, 'CFRubrics'))
	FROM framework f WHERE f.id = p_id
$$;


-- One filter term of GET CFDocuments: {field, op, value}.
CREATE FUNCTION case_filter_term(p_doc jsonb, p_term jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT coalesce(CASE p_term ->> 'op'
	    WHEN '=' THEN v = p_term ->> 'value'
	    WHEN '!=' THEN v <> p_term ->> 'value'
	    WHEN '<' THEN v < p_term ->> 'value'
	    WHEN '<=' THEN v <= p_term ->> 'value'
	    WHEN '>' THEN v > p_term ->> 'value'
	    WHEN '>=' THEN v >= p_term ->> 'value'
	    WHEN '~' THEN strpos(lower(v), lower(p_term ->> 'value')) > 0
	    END, false)
	FROM (SELECT p_doc ->> (p_term ->> 'field') AS v) s
$$;

-- GET CFDocuments: p_filter {logic: AND|OR, terms: [...]} or NULL; p_sort a
-- member of CFDocument (checked by the caller); {total, CFDocuments}.
CREATE FUNCTION case_documents(p_base text, p_filter jsonb, p_sort text,
    p_desc boolean, p_limit integer, p_offset integer) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	WITH d AS (
		SELECT case_document_json(f, p_base) AS doc FROM framework f
	), hit AS (
		SELECT doc FROM d
		WHERE p_filter IS NULL
		   OR (p_filter ->> 'logic' = 'OR' AND EXISTS (
			SELECT 1 FROM jsonb_array_elements(p_filter -> 'terms') t
			WHERE case_filter_term(d.doc, t)))
		   OR (p_filter ->> 'logic' IS DISTINCT FROM 'OR' AND NOT EXISTS (
			SELECT 1 FROM jsonb_array_elements(p_filter -> 'terms') t
			WHERE NOT case_filter_term(d.doc, t)))
	), page AS (
		SELECT doc, row_number() OVER (ORDER BY
		    CASE WHEN NOT p_desc THEN doc ->> p_sort END ASC,
		    CASE WHEN p_desc THEN doc ->> p_sort END DESC,
		    doc ->> 'identifier') AS n
		FROM hit
	)
	SELECT jsonb_build_object('total', (SELECT count(*) FROM hit),
	    'CFDocuments', coalesce((SELECT jsonb_agg(doc ORDER BY n) FROM page
		WHERE n > p_offset AND n <= p_offset + p_limit), '[]'))
$$;

CREATE FUNCTION case_item_get(p_base text, p_id uuid) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT case_item_json(g, f, p_base)
	FROM goal g JOIN framework f ON f.id = g.framework_id WHERE g.id = p_id
$$;

CREATE FUNCTION case_association_get(p_base text, p_id uuid) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT a.doc || jsonb_build_object('CFDocumentURI',
	    case_link(p_base, 'CFDocuments', f.id, f.title))
	FROM case_associations(p_base, NULL, p_id) a
	JOIN framework f ON f.id = a.framework_id
	LIMIT 1
$$;

-- CFItemAssociations/{id}: the item and every association it is part of.
CREATE FUNCTION case_item_associations(p_base text, p_id uuid) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object('CFItem', case_item_json(g, f, p_base),
	    'CFAssociations', coalesce((SELECT jsonb_agg(a.doc
		|| jsonb_build_object('CFDocumentURI', case_link(p_base,
		    'CFDocuments', af.id, af.title)) ORDER BY a.id)
		FROM case_associations(p_base, NULL, NULL) a
		JOIN framework af ON af.id = a.framework_id
		WHERE a.origin_id = g.id OR a.destination_id = g.id), '[]'))
	FROM goal g JOIN framework f ON f.id = g.framework_id WHERE g.id = p_id
$$;

-- CFConcepts, CFSubjects, CFItemTypes, CFLicenses, CFAssociationGroupings,
-- CFRubrics by identifier.  Item types derived from goal kinds and the
-- catalogue's own licences come first.
CREATE FUNCTION case_definition_get(p_base text, p_kind text, p_id uuid)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT coalesce(
	    CASE WHEN p_kind = 'CFItemTypes' THEN (
		SELECT case_item_type_json(p_base, g.kind, max(g.updated_at))
		FROM goal g WHERE case_item_type_id(g.kind) = p_id
		GROUP BY g.kind LIMIT 1) END,
	    CASE WHEN p_kind = 'CFLicenses' THEN (
		SELECT case_license_json(l, p_base) FROM case_license l
		WHERE l.id = p_id) END,
	    (SELECT case_definition_json(d, p_base) FROM case_definition d
		WHERE d.id = p_id AND d.kind = p_kind))
$$;
