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

CREATE FUNCTION case_err(p_field text, p_message text) RETURNS jsonb
LANGUAGE sql IMMUTABLE
AS $$ SELECT jsonb_build_object('field', p_field, 'message', p_message) $$;

-- The text as a uuid, or NULL when it is none (a LinkGenURI identifier may
-- be any string).
CREATE FUNCTION case_uuid_or_null(p text) RETURNS uuid
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT CASE WHEN p ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
	    THEN p::uuid END
$$;

CREATE FUNCTION case_import(p_base text, p jsonb) RETURNS jsonb
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
