-- functions/case.sql: IMS CASE 1.0: the provider's documents and the package
-- import.
--
-- Applied again, as a whole, whenever this file changes or a numbered
-- migration runs (see docs/database.md): every statement must be
-- repeatable (CREATE OR REPLACE; a constraint trigger is dropped first).

-- ---------------------------------------------------------------------------
-- 0040_case.sql — IMS CASE 1.0: the provider's documents and the package
-- (Its tables: schema/migrations/0040_case.sql.)
-- ---------------------------------------------------------------------------

CREATE OR REPLACE TRIGGER case_license_touch BEFORE UPDATE ON case_license
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();

CREATE OR REPLACE TRIGGER case_definition_touch BEFORE UPDATE ON case_definition
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();

CREATE OR REPLACE TRIGGER case_association_touch BEFORE UPDATE ON case_association
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();

-- ---------------------------------------------------------------------------
-- Building blocks of the export
-- ---------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION case_uri(p_base text, p_kind text, p_id uuid) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT rtrim(p_base, '/') || '/ims/case/v1p0/' || p_kind || '/' || p_id::text $$;

CREATE OR REPLACE FUNCTION case_link(p_base text, p_kind text, p_id uuid, p_title text)
RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT jsonb_build_object('title', p_title, 'identifier', p_id::text,
	    'uri', case_uri(p_base, p_kind, p_id))
$$;

-- RFC 3339 in UTC, whole seconds.
CREATE OR REPLACE FUNCTION case_time(p timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT to_char(p AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') $$;

-- framework.status <-> CASE adoptionStatus
CREATE OR REPLACE FUNCTION case_adoption_status(p_status text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT CASE p_status WHEN 'adopted' THEN 'Adopted'
	    WHEN 'deprecated' THEN 'Deprecated' ELSE 'Draft' END
$$;

CREATE OR REPLACE FUNCTION case_framework_status(p_adoption text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT CASE lower(coalesce(p_adoption, ''))
	    WHEN 'adopted' THEN 'adopted' WHEN 'deprecated' THEN 'deprecated'
	    WHEN 'retired' THEN 'deprecated' ELSE 'concept' END
$$;

CREATE OR REPLACE FUNCTION case_item_type_id(p_kind text) RETURNS uuid
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT catalogue_uuid('case:itemtype:' || p_kind) $$;

CREATE OR REPLACE FUNCTION case_exemplar_id(p_goal uuid, p_lesson uuid) RETURNS uuid
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT catalogue_uuid('case:exemplar:' || p_goal::text || ':' || p_lesson::text) $$;

-- Only an absolute http(s) URL without spaces may be a CASE uri.
CREATE OR REPLACE FUNCTION case_url_or_null(p text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN p ~ '^https?://[^\s<>"{}|\\^`]+$' THEN p END $$;

-- The members of p_in that p_derived does not already say (NULL when none):
-- what an import must keep so that the export gives p_in back.
CREATE OR REPLACE FUNCTION case_diff(p_in jsonb, p_derived jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT nullif(coalesce(jsonb_object_agg(k, v), '{}'), '{}')
	FROM jsonb_each(coalesce(p_in, '{}')) AS t (k, v)
	WHERE p_derived -> k IS DISTINCT FROM v
$$;

-- The CFDocument of a framework as derived from its columns.
CREATE OR REPLACE FUNCTION case_document_base(f framework, p_base text) RETURNS jsonb
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

CREATE OR REPLACE FUNCTION case_document_json(f framework, p_base text) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT case_document_base(f, p_base) || coalesce(f.case_document, '{}')
	    || jsonb_build_object(
		'uri', case_uri(p_base, 'CFDocuments', f.id),
		'CFPackageURI', case_link(p_base, 'CFPackages', f.id, f.title),
		'lastChangeDateTime', case_time(f.updated_at))
$$;

-- The CFItem of a goal as derived from its columns (without levels).
CREATE OR REPLACE FUNCTION case_item_base(g goal, f framework, p_base text) RETURNS jsonb
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
CREATE OR REPLACE FUNCTION case_goal_levels(p_goal uuid) RETURNS jsonb
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

CREATE OR REPLACE FUNCTION case_item_json(g goal, f framework, p_base text) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT case_item_base(g, f, p_base) || coalesce(g.case_item, '{}')
	    || jsonb_build_object(
		'uri', case_uri(p_base, 'CFItems', g.id),
		'CFDocumentURI', case_link(p_base, 'CFDocuments', f.id, f.title),
		'lastChangeDateTime', case_time(g.updated_at),
		'_levels', case_goal_levels(g.id))
$$;

CREATE OR REPLACE FUNCTION case_goal_node(g goal, p_base text) RETURNS jsonb
LANGUAGE sql STABLE
AS $$ SELECT case_link(p_base, 'CFItems', g.id, g.title) $$;

-- The members of a CASE association p_id that every kind has (a NULL
-- sequence number stays in: the callers strip nulls where they may occur).
CREATE OR REPLACE FUNCTION case_association_json(p_base text, p_id uuid,
    p_type text, p_sequence integer, p_origin jsonb, p_destination jsonb,
    p_changed timestamptz)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object('identifier', p_id::text,
	    'associationType', p_type, 'sequenceNumber', p_sequence,
	    'uri', case_uri(p_base, 'CFAssociations', p_id),
	    'originNodeURI', p_origin, 'destinationNodeURI', p_destination,
	    'lastChangeDateTime', case_time(p_changed))
$$;

-- Every association of the catalogue, as CASE JSON without CFDocumentURI:
-- (id, framework_id, origin goal, destination goal or NULL, doc).
CREATE OR REPLACE FUNCTION case_associations(p_base text, p_framework uuid, p_id uuid)
RETURNS TABLE (id uuid, framework_id uuid, origin_id uuid,
    destination_id uuid, doc jsonb)
LANGUAGE sql STABLE
AS $$
	-- primary parents (and the document for top-level goals)
	SELECT coalesce(g.case_parent_association_id,
		case_child_association_id(g.id)), g.framework_id, g.id,
	    g.parent_id, case_association_json(p_base,
		coalesce(g.case_parent_association_id,
		    case_child_association_id(g.id)),
		'isChildOf', g.position + 1, case_goal_node(g, p_base),
		CASE WHEN p.id IS NOT NULL THEN case_goal_node(p, p_base)
		    ELSE case_link(p_base, 'CFDocuments', f.id, f.title) END,
		g.updated_at)
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
	    jsonb_strip_nulls(case_association_json(p_base, r.id,
		r.relation_type, r.sequence_number, case_goal_node(o, p_base),
		case_goal_node(d, p_base), r.updated_at)
		|| jsonb_build_object('extensions', jsonb_build_object(
		    'confidence', r.confidence, 'note', r.note)))
	    || coalesce(r.case_extra, '{}')
	FROM goal_relation r
	JOIN goal o ON o.id = r.origin_goal_id
	JOIN goal d ON d.id = r.destination_goal_id
	WHERE (p_framework IS NULL OR o.framework_id = p_framework)
	  AND (p_id IS NULL OR r.id = p_id)
	UNION ALL
	-- lesson alignments: the lesson is an exemplar of the goal
	SELECT case_exemplar_id(g.id, le.id), g.framework_id, g.id, NULL,
	    (case_association_json(p_base, case_exemplar_id(g.id, le.id),
		'exemplar', NULL, case_goal_node(g, p_base),
		jsonb_build_object('title', le.title,
		    'identifier', le.id::text,
		    'uri', rtrim(p_base, '/') || '/api/v1/lessons/' || le.id::text),
		greatest(le.updated_at, a.updated_at)) - 'sequenceNumber')
	    || jsonb_build_object('extensions', jsonb_strip_nulls(
		jsonb_build_object('kind', 'lesson', 'confidence', la.confidence,
		    'alignmentScope', la.scope)))
	FROM (SELECT DISTINCT ON (x.goal_id, x.lesson_id) x.*
	    FROM lesson_alignment x
	    ORDER BY x.goal_id, x.lesson_id, x.scope, x.alignment_id) la
	JOIN goal g ON g.id = la.goal_id
	JOIN lesson le ON le.id = la.lesson_id AND le.school_id IS NULL
	JOIN alignment a ON a.id = la.alignment_id
	-- a lesson in draft is the curators' only
	WHERE le.status = 'published'
	  AND (p_framework IS NULL OR g.framework_id = p_framework)
	  AND (p_id IS NULL OR case_exemplar_id(g.id, le.id) = p_id)
	  AND NOT EXISTS (SELECT 1 FROM case_association c
	      WHERE c.id = case_exemplar_id(g.id, le.id))
	UNION ALL
	-- imported associations to resources outside the catalogue
	SELECT c.id, c.framework_id, c.origin_goal_id, NULL,
	    jsonb_strip_nulls(case_association_json(p_base, c.id,
		c.association_type, c.sequence_number, case_goal_node(o, p_base),
		c.destination, c.updated_at))
	    || coalesce(c.extra, '{}')
	FROM case_association c
	JOIN goal o ON o.id = c.origin_goal_id
	WHERE (p_framework IS NULL OR c.framework_id = p_framework)
	  AND (p_id IS NULL OR c.id = p_id)
$$;

-- The item types a framework's goals use (derived from goal.kind).
CREATE OR REPLACE FUNCTION case_item_type_json(p_base text, p_kind text, p_changed timestamptz)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object('identifier', case_item_type_id(p_kind)::text,
	    'uri', case_uri(p_base, 'CFItemTypes', case_item_type_id(p_kind)),
	    'title', p_kind, 'hierarchyCode', p_kind, 'typeCode', p_kind,
	    'description', 'Soort leerdoel in Leerlijn: ' || p_kind || '.',
	    'lastChangeDateTime', case_time(p_changed))
$$;

CREATE OR REPLACE FUNCTION case_license_json(l case_license, p_base text) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_strip_nulls(jsonb_build_object('identifier', l.id::text,
	    'uri', case_uri(p_base, 'CFLicenses', l.id), 'title', l.title,
	    'description', l.description, 'licenseText', l.license_text,
	    'lastChangeDateTime', case_time(l.updated_at)))
$$;

CREATE OR REPLACE FUNCTION case_definition_json(d case_definition, p_base text)
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

CREATE OR REPLACE FUNCTION case_document_get(p_base text, p_id uuid) RETURNS jsonb
LANGUAGE sql STABLE
AS $$ SELECT case_document_json(f, p_base) FROM framework f WHERE f.id = p_id $$;

CREATE OR REPLACE FUNCTION case_definitions_of(p_base text, p_framework uuid, p_kind text)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT coalesce(jsonb_agg(case_definition_json(d, p_base)
	    ORDER BY d.position, d.id), '[]')
	FROM case_definition d
	WHERE d.framework_id = p_framework AND d.kind = p_kind
$$;

-- The whole CFPackage of a framework (NULL when there is none).
CREATE OR REPLACE FUNCTION case_package(p_base text, p_id uuid) RETURNS jsonb
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
CREATE OR REPLACE FUNCTION case_filter_term(p_doc jsonb, p_term jsonb) RETURNS boolean
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
CREATE OR REPLACE FUNCTION case_documents(p_base text, p_filter jsonb, p_sort text,
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

CREATE OR REPLACE FUNCTION case_item_get(p_base text, p_id uuid) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT case_item_json(g, f, p_base)
	FROM goal g JOIN framework f ON f.id = g.framework_id WHERE g.id = p_id
$$;

CREATE OR REPLACE FUNCTION case_association_get(p_base text, p_id uuid) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT a.doc || jsonb_build_object('CFDocumentURI',
	    case_link(p_base, 'CFDocuments', f.id, f.title))
	FROM case_associations(p_base, NULL, p_id) a
	JOIN framework f ON f.id = a.framework_id
	LIMIT 1
$$;

-- CFItemAssociations/{id}: the item and every association it is part of.
CREATE OR REPLACE FUNCTION case_item_associations(p_base text, p_id uuid) RETURNS jsonb
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
CREATE OR REPLACE FUNCTION case_definition_get(p_base text, p_kind text, p_id uuid)
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

-- ---------------------------------------------------------------------------
-- 0041_case_import.sql — import of an IMS CASE 1.0 CFPackage.
--
-- case_import(base, package) creates or updates the framework whose id is
-- the CFDocument's identifier, makes its goals exactly the package's CFItems
-- and its associations exactly the package's CFAssociations (what a newer
-- package no longer contains is removed, as CASE consumers do), and keeps
-- the package's definitions.  It first checks everything and changes
-- nothing when it finds a problem; it then returns
--   {"status": "invalid" | "conflict", "errors": [{field, message}]}
-- and the caller rolls back.  On success:
--   {"status": "ok", "created": bool, "changed": bool, "framework": {...},
--    "items": {inserted, updated, deleted}, "associations": {...},
--    "definitions": {...}}
-- Re-importing the same package changes no row.
--
-- The package has been checked against the CASE 1.0 schema by the caller
-- (case_package.c): required members, types, UUIDs, dates, association
-- types, duplicate identifiers, references inside the package and cycles of
-- isChildOf.  Each CFItem carries "_levels": the Leerlijn level codes its
-- educationLevel named (case_level.c).  Everything that needs the database
-- is checked here.
--
-- Applied inside one transaction by the migration runner: no BEGIN/COMMIT.
-- ---------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION case_err(p_field text, p_message text) RETURNS jsonb
LANGUAGE sql IMMUTABLE
AS $$ SELECT jsonb_build_object('field', p_field, 'message', p_message) $$;

-- The text as a uuid, or NULL when it is none (a LinkGenURI identifier may
-- be any string).
CREATE OR REPLACE FUNCTION case_uuid_or_null(p text) RETURNS uuid
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT CASE WHEN p ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
	    THEN p::uuid END
$$;

CREATE OR REPLACE FUNCTION case_import_package(p_base text, p jsonb) RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
	doc constant jsonb := p -> 'CFDocument';
	fid constant uuid := (p -> 'CFDocument' ->> 'identifier')::uuid;
	src constant text := 'CASE-pakket ' || (p -> 'CFDocument' ->> 'uri');
	fw framework;
	fcode text;
	created boolean;
	conflicts jsonb := '[]';
	invalid jsonb := '[]';
	n_fw integer := 0;
	ins integer;
	upd integer;
	del integer;
	adel integer;
	lic_id uuid;
	lic jsonb;
	items jsonb;
	assocs jsonb;
	defs jsonb;
BEGIN
	SELECT * INTO fw FROM framework WHERE id = fid;
	created := fw.id IS NULL;
	fcode := coalesce(doc -> 'extensions' ->> 'code', fw.code,
	    'CASE-' || upper(substr(fid::text, 1, 8)));

	-- ---- the rows the package stands for ---------------------------------
	IF to_regclass('pg_temp._ci_item') IS NULL THEN
		CREATE TEMP TABLE _ci_item (id uuid, ord integer, title text,
		    description text, code text, kind text, note text,
		    status text, confidence text, alt_titles text[],
		    levels text[], parent_id uuid, position integer,
		    parent_assoc uuid, parent_extra jsonb, raw jsonb);
		CREATE TEMP TABLE _ci_assoc (id uuid, ord integer, type text,
		    origin uuid, destination_id text, destination jsonb,
		    seq integer, confidence text, note text, raw jsonb,
		    target text);
		CREATE TEMP TABLE _ci_def (id uuid, kind text, ord integer,
		    doc jsonb);
		CREATE TEMP TABLE _ci_changed (kind text, id uuid,
		    inserted boolean);
	END IF;
	TRUNCATE _ci_item, _ci_assoc, _ci_def, _ci_changed;

	-- The CFLicense the document names, when the package or the catalogue
	-- has it (otherwise licenseURI is kept as given).
	lic_id := case_uuid_or_null(doc -> 'licenseURI' ->> 'identifier');
	SELECT d INTO lic
	FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p -> 'CFDefinitions') = 'object'
	    THEN coalesce(p -> 'CFDefinitions' -> 'CFLicenses', '[]') ELSE '[]' END) d
	WHERE case_uuid_or_null(d ->> 'identifier') = lic_id
	LIMIT 1;
	IF lic IS NULL AND NOT EXISTS (SELECT 1 FROM case_license WHERE id = lic_id) THEN
		lic_id := NULL;
	END IF;

	INSERT INTO _ci_item (id, ord, title, description, code, kind, note,
	    status, confidence, alt_titles, levels, raw)
	SELECT (i ->> 'identifier')::uuid, o::integer,
	    coalesce(i ->> 'abbreviatedStatement', i ->> 'fullStatement'),
	    CASE WHEN i ? 'abbreviatedStatement' THEN i ->> 'fullStatement' END,
	    nullif(btrim(i ->> 'humanCodingScheme'), ''),
	    coalesce(nullif(btrim(i ->> 'CFItemType'), ''), 'item'),
	    i ->> 'notes',
	    coalesce(i -> 'extensions' ->> 'status', 'current'),
	    coalesce(i -> 'extensions' ->> 'confidence', 'verbatim'),
	    CASE WHEN jsonb_typeof(i -> 'extensions' -> 'alternativeTitles') = 'array'
		THEN catalogue_text_array(i -> 'extensions' -> 'alternativeTitles')
		WHEN i ? 'alternativeLabel' THEN ARRAY[i ->> 'alternativeLabel']
		ELSE '{}' END,
	    catalogue_text_array(i -> '_levels'),
	    i - ARRAY['uri', 'lastChangeDateTime', 'CFDocumentURI', '_levels']
	FROM jsonb_array_elements(coalesce(p -> 'CFItems', '[]'))
	    WITH ORDINALITY AS t (i, o);

	INSERT INTO _ci_assoc (id, ord, type, origin, destination_id,
	    destination, seq, confidence, note, raw)
	SELECT (a ->> 'identifier')::uuid, o::integer, a ->> 'associationType',
	    (a -> 'originNodeURI' ->> 'identifier')::uuid,
	    lower(a -> 'destinationNodeURI' ->> 'identifier'),
	    a -> 'destinationNodeURI', (a ->> 'sequenceNumber')::integer,
	    coalesce(a -> 'extensions' ->> 'confidence', 'verbatim'),
	    a -> 'extensions' ->> 'note',
	    a - ARRAY['identifier', 'uri', 'lastChangeDateTime',
		'CFDocumentURI', 'originNodeURI', 'destinationNodeURI',
		'associationType', 'sequenceNumber']
	FROM jsonb_array_elements(coalesce(p -> 'CFAssociations', '[]'))
	    WITH ORDINALITY AS t (a, o);

	INSERT INTO _ci_def (id, kind, ord, doc)
	SELECT (d ->> 'identifier')::uuid, k, o::integer - 1,
	    d - ARRAY['identifier', 'uri', 'lastChangeDateTime']
	FROM (SELECT k, v FROM jsonb_each(CASE WHEN jsonb_typeof(p -> 'CFDefinitions') = 'object'
		THEN p -> 'CFDefinitions' ELSE '{}' END) AS e (k, v)
	    UNION ALL SELECT 'CFRubrics', coalesce(p -> 'CFRubrics', '[]')) s,
	    jsonb_array_elements(s.v) WITH ORDINALITY AS t (d, o)
	WHERE NOT (k = 'CFItemTypes' AND (d ->> 'identifier')::uuid =
	    case_item_type_id(d ->> 'title'))
	  -- the document's licence goes to case_license, shared by frameworks
	  AND NOT (k = 'CFLicenses' AND (d ->> 'identifier')::uuid
	      IS NOT DISTINCT FROM lic_id);

	-- educationLevel is derived again on export when every "nl-niveau:"
	-- value names a level of this catalogue; otherwise (a package from
	-- elsewhere, levels this catalogue does not have) it is kept as given
	-- and only the known levels are linked.
	UPDATE _ci_item i SET raw = i.raw - 'educationLevel'
	WHERE cardinality(i.levels) > 0
	  AND NOT EXISTS (SELECT 1 FROM unnest(i.levels) x
	      WHERE NOT EXISTS (SELECT 1 FROM level l
		  WHERE l.code = x OR l.id::text = x));

	-- Primary parent of each item: the isChildOf association with the
	-- derived identifier, else the first one in the package.
	UPDATE _ci_item i SET parent_id = CASE WHEN c.destination_id = fid::text
		THEN NULL ELSE case_uuid_or_null(c.destination_id) END,
	    position = greatest(coalesce(c.seq, 1) - 1, 0),
	    parent_assoc = c.id, parent_extra = nullif(c.raw, '{}')
	FROM (SELECT DISTINCT ON (a.origin) a.*
	    FROM _ci_assoc a WHERE a.type = 'isChildOf'
	    ORDER BY a.origin, a.id = case_child_association_id(a.origin) DESC,
		a.ord) c
	WHERE c.origin = i.id;
	UPDATE _ci_item i SET position = t.pos
	FROM (SELECT id, (row_number() OVER (ORDER BY ord) - 1)::integer AS pos
	    FROM _ci_item WHERE parent_assoc IS NULL) t
	WHERE t.id = i.id;
	UPDATE _ci_assoc a SET target = 'parent'
	FROM _ci_item i WHERE i.parent_assoc = a.id;
	UPDATE _ci_assoc a SET target = 'relation'
	WHERE a.target IS NULL
	  AND (EXISTS (SELECT 1 FROM _ci_item i WHERE i.id::text = a.destination_id)
	    OR EXISTS (SELECT 1 FROM goal g WHERE g.id::text = a.destination_id
		AND g.framework_id IS DISTINCT FROM fid));
	UPDATE _ci_assoc a SET target = 'derived'
	WHERE a.target IS NULL AND a.type = 'exemplar'
	  AND a.id = case_exemplar_id(a.origin, case_uuid_or_null(a.destination_id))
	  AND EXISTS (SELECT 1 FROM lesson_alignment la
	      WHERE la.goal_id = a.origin AND la.lesson_id::text = a.destination_id);
	UPDATE _ci_assoc a SET target = 'external'
	WHERE a.target IS NULL AND a.type = 'exemplar';

	-- ---- checks: nothing has changed yet ------------------------------------
	IF fcode !~ '^[A-Za-z0-9][A-Za-z0-9._-]*$' OR length(fcode) > 64 THEN
		invalid := invalid || case_err('CFDocument.extensions.code',
		    'De code van het kader mag alleen letters, cijfers, punt, '
		    || 'liggend streepje en koppelteken bevatten (ten hoogste 64 tekens).');
	END IF;
	invalid := invalid || coalesce((SELECT jsonb_agg(case_err(
		'CFItems[' || (i.ord - 1) || '].extensions',
		'Onbekende status of zekerheid: status moet current of deprecated '
		|| 'zijn, confidence verbatim, paraphrase of inferred.') ORDER BY i.ord)
	    FROM _ci_item i
	    WHERE i.status NOT IN ('current', 'deprecated')
	       OR i.confidence NOT IN ('verbatim', 'paraphrase', 'inferred')), '[]');
	invalid := invalid || coalesce((SELECT jsonb_agg(case_err(
		'CFAssociations[' || (a.ord - 1) || '].extensions.confidence',
		'confidence moet verbatim, paraphrase of inferred zijn.') ORDER BY a.ord)
	    FROM _ci_assoc a
	    WHERE a.confidence NOT IN ('verbatim', 'paraphrase', 'inferred')), '[]');
	invalid := invalid || coalesce((SELECT jsonb_agg(case_err(
		'CFAssociations[' || (a.ord - 1) || '].destinationNodeURI',
		'De bestemming ' || a.destination_id || ' wijst naar niets: geen '
		|| 'item van dit pakket en geen leerdoel in de catalogus.') ORDER BY a.ord)
	    FROM _ci_assoc a WHERE a.target IS NULL), '[]');
	IF jsonb_array_length(invalid) > 0 THEN
		RETURN jsonb_build_object('status', 'invalid', 'errors', invalid);
	END IF;

	conflicts := conflicts || coalesce((SELECT jsonb_agg(case_err(
		'CFDocument.extensions.code', 'De code ' || fcode
		|| ' hoort al bij een ander kader (' || f.id || ').'))
	    FROM framework f WHERE f.code = fcode AND f.id <> fid), '[]');
	conflicts := conflicts || coalesce((SELECT jsonb_agg(case_err(
		'CFItems[' || (i.ord - 1) || '].identifier',
		'De identifier ' || i.id || ' hoort bij een leerdoel van een ander kader ('
		|| f.code || ').') ORDER BY i.ord)
	    FROM _ci_item i JOIN goal g ON g.id = i.id
	    JOIN framework f ON f.id = g.framework_id
	    WHERE g.framework_id <> fid), '[]');
	conflicts := conflicts || coalesce((SELECT jsonb_agg(case_err(
		'CFAssociations[' || (a.ord - 1) || '].identifier',
		'De identifier ' || a.id || ' hoort bij een associatie van een ander kader.')
	    ORDER BY a.ord)
	    FROM _ci_assoc a
	    WHERE EXISTS (SELECT 1 FROM goal_relation r JOIN goal o ON o.id = r.origin_goal_id
		WHERE r.id = a.id AND o.framework_id <> fid)
	       OR EXISTS (SELECT 1 FROM case_association c
		WHERE c.id = a.id AND c.framework_id <> fid)
	       OR EXISTS (SELECT 1 FROM goal g WHERE g.case_parent_association_id = a.id
		AND g.framework_id <> fid)), '[]');
	conflicts := conflicts || coalesce((SELECT jsonb_agg(case_err(
		d.kind || '.identifier', 'De identifier ' || d.id
		|| ' hoort bij een definitie van een ander kader.'))
	    FROM _ci_def d JOIN case_definition x ON x.id = d.id
	    WHERE x.framework_id <> fid), '[]');
	conflicts := conflicts || coalesce((SELECT jsonb_agg(case_err(
		'CFDocument.identifier', 'De identifier ' || fid
		|| ' is die van een leerdoel, niet van een kader.'))
	    FROM goal g WHERE g.id = fid), '[]');
	conflicts := conflicts || coalesce((SELECT jsonb_agg(DISTINCT case_err(
		'CFItems', 'Het leerdoel ' || coalesce(g.code || ' ', '') || '"'
		|| g.title || '" (' || g.id || ') ontbreekt in het pakket maar '
		|| 'heeft leskoppelingen; verwijder die eerst.'))
	    FROM goal g JOIN alignment a ON a.goal_id = g.id
	    WHERE g.framework_id = fid
	      AND NOT EXISTS (SELECT 1 FROM _ci_item i WHERE i.id = g.id)), '[]');
	IF jsonb_array_length(conflicts) > 0 THEN
		RETURN jsonb_build_object('status', 'conflict', 'errors', conflicts);
	END IF;

	-- ---- the framework -----------------------------------------------------
	INSERT INTO framework AS f (id, code, title, publisher, version,
	    language, status, source, source_url, note)
	VALUES (fid, fcode, doc ->> 'title', doc ->> 'publisher',
	    doc ->> 'version',
	    CASE WHEN doc ->> 'language' ~ '^[a-z]{2}$' THEN doc ->> 'language'
		ELSE coalesce(fw.language, 'nl') END,
	    case_framework_status(doc ->> 'adoptionStatus'), src,
	    doc ->> 'officialSourceURL', doc ->> 'notes')
	ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code,
	    title = EXCLUDED.title, publisher = EXCLUDED.publisher,
	    version = EXCLUDED.version, language = EXCLUDED.language,
	    status = EXCLUDED.status, source_url = EXCLUDED.source_url,
	    note = EXCLUDED.note
	WHERE (f.code, f.title, f.publisher, f.version, f.language, f.status,
	    f.source_url, f.note) IS DISTINCT FROM (EXCLUDED.code,
	    EXCLUDED.title, EXCLUDED.publisher, EXCLUDED.version,
	    EXCLUDED.language, EXCLUDED.status, EXCLUDED.source_url,
	    EXCLUDED.note);
	GET DIAGNOSTICS n_fw = ROW_COUNT;
	IF lic IS NOT NULL THEN
		INSERT INTO case_license AS l (id, title, description,
		    license_text, source)
		VALUES (lic_id, lic ->> 'title', lic ->> 'description',
		    lic ->> 'licenseText', src)
		ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title,
		    description = EXCLUDED.description,
		    license_text = EXCLUDED.license_text
		WHERE (l.title, l.description, l.license_text) IS DISTINCT FROM
		    (EXCLUDED.title, EXCLUDED.description, EXCLUDED.license_text);
		GET DIAGNOSTICS upd = ROW_COUNT;
		n_fw := n_fw + upd;
	END IF;
	UPDATE framework SET case_license_id = lic_id
	WHERE id = fid AND case_license_id IS DISTINCT FROM lic_id;
	GET DIAGNOSTICS upd = ROW_COUNT;
	n_fw := n_fw + upd;
	UPDATE framework f SET case_document = x.extra
	FROM (SELECT case_diff(doc - ARRAY['uri', 'lastChangeDateTime',
		'CFPackageURI'], case_document_base(f2, p_base)) AS extra
	    FROM framework f2 WHERE f2.id = fid) x
	WHERE f.id = fid AND f.case_document IS DISTINCT FROM x.extra;
	GET DIAGNOSTICS upd = ROW_COUNT;
	n_fw := n_fw + upd;

	-- ---- the items -----------------------------------------------------------
	WITH up AS (
		INSERT INTO goal AS g (id, id_origin, framework_id, code, kind,
		    title, description, alt_titles, parent_id, position, status,
		    source, confidence, note, case_parent_association_id,
		    case_parent_extra)
		SELECT i.id, 'case', fid, i.code, i.kind, i.title, i.description,
		    i.alt_titles, i.parent_id, i.position, i.status, src,
		    i.confidence, i.note,
		    nullif(i.parent_assoc, case_child_association_id(i.id)),
		    i.parent_extra
		FROM _ci_item i
		ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code,
		    kind = EXCLUDED.kind, title = EXCLUDED.title,
		    description = EXCLUDED.description,
		    alt_titles = EXCLUDED.alt_titles,
		    parent_id = EXCLUDED.parent_id, position = EXCLUDED.position,
		    status = EXCLUDED.status, confidence = EXCLUDED.confidence,
		    note = EXCLUDED.note,
		    case_parent_association_id = EXCLUDED.case_parent_association_id,
		    case_parent_extra = EXCLUDED.case_parent_extra
		WHERE (g.code, g.kind, g.title, g.description, g.alt_titles,
		    g.parent_id, g.position, g.status, g.confidence, g.note,
		    g.case_parent_association_id, g.case_parent_extra)
		    IS DISTINCT FROM
		    (EXCLUDED.code, EXCLUDED.kind, EXCLUDED.title,
		    EXCLUDED.description, EXCLUDED.alt_titles, EXCLUDED.parent_id,
		    EXCLUDED.position, EXCLUDED.status, EXCLUDED.confidence,
		    EXCLUDED.note, EXCLUDED.case_parent_association_id,
		    EXCLUDED.case_parent_extra)
		RETURNING g.id, (xmax = 0) AS inserted
	)
	INSERT INTO _ci_changed SELECT 'item', id, inserted FROM up;

	-- associations the package no longer has (before the goals they
	-- start from go, so that they are counted)
	DELETE FROM goal_relation r USING goal o
	WHERE o.id = r.origin_goal_id AND o.framework_id = fid
	  AND NOT EXISTS (SELECT 1 FROM _ci_assoc a WHERE a.target = 'relation'
	      AND a.origin = r.origin_goal_id AND a.type = r.relation_type
	      AND a.destination_id = r.destination_goal_id::text);
	GET DIAGNOSTICS adel = ROW_COUNT;
	DELETE FROM case_association c WHERE c.framework_id = fid
	  AND NOT EXISTS (SELECT 1 FROM _ci_assoc a WHERE a.target = 'external'
	      AND a.id = c.id);
	GET DIAGNOSTICS upd = ROW_COUNT;
	adel := adel + upd;

	DELETE FROM goal g WHERE g.framework_id = fid
	  AND NOT EXISTS (SELECT 1 FROM _ci_item i WHERE i.id = g.id);
	GET DIAGNOSTICS del = ROW_COUNT;

	-- members without a column of their own
	WITH x AS (
		UPDATE goal g SET case_item = case_diff(i.raw, case_item_base(g, f, p_base))
		FROM _ci_item i, framework f
		WHERE g.id = i.id AND f.id = fid
		  AND g.case_item IS DISTINCT FROM case_diff(i.raw, case_item_base(g, f, p_base))
		RETURNING g.id
	) INSERT INTO _ci_changed SELECT 'item', id, false FROM x;

	-- levels
	WITH want AS (
		SELECT DISTINCT i.id AS goal_id, l.id AS level_id
		FROM _ci_item i, unnest(i.levels) x
		JOIN level l ON l.code = x OR l.id::text = x
	), gone AS (
		DELETE FROM goal_level gl USING _ci_item i
		WHERE gl.goal_id = i.id AND NOT EXISTS (SELECT 1 FROM want w
		    WHERE w.goal_id = gl.goal_id AND w.level_id = gl.level_id)
		RETURNING gl.goal_id
	), added AS (
		INSERT INTO goal_level (goal_id, level_id)
		SELECT goal_id, level_id FROM want
		ON CONFLICT DO NOTHING
		RETURNING goal_id
	)
	INSERT INTO _ci_changed
	SELECT 'item', goal_id, false FROM gone
	UNION ALL SELECT 'item', goal_id, false FROM added;

	SELECT jsonb_build_object('inserted', count(DISTINCT id) FILTER (WHERE inserted),
	    'updated', count(DISTINCT id) FILTER (WHERE NOT inserted
		AND id NOT IN (SELECT id FROM _ci_changed WHERE kind = 'item' AND inserted)),
	    'deleted', del)
	INTO items FROM _ci_changed WHERE kind = 'item';

	-- ---- the associations ----------------------------------------------------

	WITH up AS (
		INSERT INTO goal_relation AS r (id, origin_goal_id, relation_type,
		    destination_goal_id, sequence_number, source, confidence, note,
		    case_extra)
		SELECT a.id, a.origin, a.type, a.destination_id::uuid, a.seq, src,
		    a.confidence, a.note, case_diff(a.raw, jsonb_strip_nulls(
			jsonb_build_object('extensions', jsonb_strip_nulls(
			    jsonb_build_object('confidence', a.confidence,
			    'note', a.note)))))
		FROM _ci_assoc a WHERE a.target = 'relation'
		ON CONFLICT (origin_goal_id, relation_type, destination_goal_id)
		DO UPDATE SET sequence_number = EXCLUDED.sequence_number,
		    confidence = EXCLUDED.confidence, note = EXCLUDED.note,
		    case_extra = EXCLUDED.case_extra
		WHERE (r.sequence_number, r.confidence, r.note, r.case_extra)
		    IS DISTINCT FROM (EXCLUDED.sequence_number, EXCLUDED.confidence,
		    EXCLUDED.note, EXCLUDED.case_extra)
		RETURNING r.id, (xmax = 0) AS inserted
	)
	INSERT INTO _ci_changed SELECT 'assoc', id, inserted FROM up;

	WITH up AS (
		INSERT INTO case_association AS c (id, framework_id, origin_goal_id,
		    association_type, destination, sequence_number, extra)
		SELECT a.id, fid, a.origin, a.type, a.destination, a.seq, a.raw
		FROM (SELECT a.id, a.origin, a.type, a.destination, a.seq,
			nullif(a.raw, '{}') AS raw
		    FROM _ci_assoc a WHERE a.target = 'external') a
		ON CONFLICT (id) DO UPDATE SET
		    origin_goal_id = EXCLUDED.origin_goal_id,
		    association_type = EXCLUDED.association_type,
		    destination = EXCLUDED.destination,
		    sequence_number = EXCLUDED.sequence_number, extra = EXCLUDED.extra
		WHERE (c.origin_goal_id, c.association_type, c.destination,
		    c.sequence_number, c.extra) IS DISTINCT FROM
		    (EXCLUDED.origin_goal_id, EXCLUDED.association_type,
		    EXCLUDED.destination, EXCLUDED.sequence_number, EXCLUDED.extra)
		RETURNING c.id, (xmax = 0) AS inserted
	)
	INSERT INTO _ci_changed SELECT 'assoc', id, inserted FROM up;

	SELECT jsonb_build_object('inserted', count(*) FILTER (WHERE inserted),
	    'updated', count(*) FILTER (WHERE NOT inserted), 'deleted', adel)
	INTO assocs FROM _ci_changed WHERE kind = 'assoc';

	-- ---- definitions ---------------------------------------------------------
	DELETE FROM case_definition d WHERE d.framework_id = fid
	  AND NOT EXISTS (SELECT 1 FROM _ci_def x WHERE x.id = d.id);
	GET DIAGNOSTICS del = ROW_COUNT;
	WITH up AS (
		INSERT INTO case_definition AS d (id, framework_id, kind, position, doc)
		SELECT x.id, fid, x.kind, x.ord, x.doc FROM _ci_def x
		ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind,
		    position = EXCLUDED.position, doc = EXCLUDED.doc
		WHERE (d.kind, d.position, d.doc) IS DISTINCT FROM
		    (EXCLUDED.kind, EXCLUDED.position, EXCLUDED.doc)
		RETURNING d.id, (xmax = 0) AS inserted
	)
	INSERT INTO _ci_changed SELECT 'def', id, inserted FROM up;
	SELECT jsonb_build_object('inserted', count(*) FILTER (WHERE inserted),
	    'updated', count(*) FILTER (WHERE NOT inserted), 'deleted', del)
	INTO defs FROM _ci_changed WHERE kind = 'def';

	RETURN jsonb_build_object('status', 'ok', 'created', created,
	    'framework', jsonb_build_object('identifier', fid, 'code', fcode,
		'title', doc ->> 'title'),
	    'changed', n_fw > 0 OR EXISTS (SELECT 1 FROM _ci_changed)
		OR (items ->> 'deleted')::integer > 0
		OR (assocs ->> 'deleted')::integer > 0
		OR (defs ->> 'deleted')::integer > 0,
	    'items', items, 'associations', assocs, 'definitions', defs);
END
$$;

-- CASE import: an association identifier that the provider already serves
-- for another framework (the derived isChildOf identifiers of goals that
-- never came from a package included) is a conflict (409), like any other
-- identifier of another framework.  case_import() checks that first and
-- then runs the import as before (case_import_package()).
CREATE OR REPLACE FUNCTION case_import(p_base text, p jsonb) RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
	fid constant uuid := (p -> 'CFDocument' ->> 'identifier')::uuid;
	conflicts jsonb;
BEGIN
	SELECT jsonb_agg(case_err('CFAssociations[' || (a.ord - 1) ||
	    '].identifier', 'De identifier ' || (a.x ->> 'identifier') ||
	    ' hoort bij een associatie van een ander kader (' || f.code ||
	    ').') ORDER BY a.ord)
	INTO conflicts
	FROM jsonb_array_elements(CASE WHEN jsonb_typeof(
	    p -> 'CFAssociations') = 'array' THEN p -> 'CFAssociations'
	    ELSE '[]'::jsonb END) WITH ORDINALITY AS a (x, ord)
	JOIN goal g ON g.case_parent_association_id IS NULL AND
	    case_child_association_id(g.id) = (a.x ->> 'identifier')::uuid
	JOIN framework f ON f.id = g.framework_id
	WHERE g.framework_id IS DISTINCT FROM fid;
	IF conflicts IS NOT NULL THEN
		RETURN jsonb_build_object('status', 'conflict', 'errors',
		    conflicts);
	END IF;
	RETURN case_import_package(p_base, p);
END
$$;

