-- functions/catalogue_import.sql: imports of SLO's open data and the
-- researched frameworks into the catalogue (called by the seeds).
--
-- Applied again, as a whole, whenever this file changes or a numbered
-- migration runs (see docs/database.md): every statement must be
-- repeatable (CREATE OR REPLACE; a constraint trigger is dropped first).

-- ---------------------------------------------------------------------------
-- 0003_catalogue_import.sql — importers for the catalogue, in PL/pgSQL.
-- (Its tables: schema/migrations/0003_catalogue_import.sql.)
-- ---------------------------------------------------------------------------

-- ---------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------

-- 'vmbo gl, 3' -> 'vmbo-gl-3', 'A2+' -> 'a2-plus', '3 h/v' -> '3-h-v'
CREATE OR REPLACE FUNCTION catalogue_slug(p text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	SELECT btrim(regexp_replace(replace(lower(catalogue_unaccent(p)), '+', ' plus'),
	    '[^a-z0-9]+', '-', 'g'), '-')
$$;

-- Trim whitespace and zero-width spaces (SLO titles carry trailing U+200B).
CREATE OR REPLACE FUNCTION catalogue_clean(p text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT nullif(regexp_replace(p, '^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$', '', 'g'), '')
$$;

-- A JSON array of strings as text[] (NULL or a non-array gives '{}').
CREATE OR REPLACE FUNCTION catalogue_text_array(p jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT CASE WHEN jsonb_typeof(p) = 'array' THEN
	    coalesce((SELECT array_agg(x ORDER BY n)
		FROM jsonb_array_elements_text(p) WITH ORDINALITY AS t (x, n)), '{}')
	ELSE '{}'::text[] END
$$;

CREATE OR REPLACE FUNCTION catalogue_framework_id(p_code text) RETURNS uuid
LANGUAGE plpgsql STABLE
AS $$
DECLARE
	v uuid;
BEGIN
	SELECT id INTO v FROM framework WHERE code = p_code;
	IF v IS NULL THEN
		RAISE EXCEPTION 'catalogue: unknown framework %', p_code;
	END IF;
	RETURN v;
END
$$;

-- Level ids for a level name as published (level_alias, else level code or
-- title). Raises on a name it cannot place: nothing is dropped silently.
CREATE OR REPLACE FUNCTION catalogue_level_ids(p_name text) RETURNS uuid[]
LANGUAGE plpgsql STABLE
AS $$
DECLARE
	v uuid[];
BEGIN
	SELECT array_agg(level_id ORDER BY level_id) INTO v
	FROM level_alias WHERE alias = p_name;
	IF v IS NULL THEN
		SELECT array_agg(id ORDER BY id) INTO v
		FROM level WHERE code = p_name OR
		    title = catalogue_level_school_title(p_name);
	END IF;
	IF v IS NULL THEN
		RAISE EXCEPTION 'catalogue: unknown level name "%" (add a level_alias)', p_name;
	END IF;
	RETURN v;
END
$$;

-- Make the levels of lesson p_lesson exactly p_levels, changing only what
-- differs (the imports, a school's own activities).
CREATE OR REPLACE FUNCTION catalogue_set_lesson_levels(p_lesson uuid,
    p_levels uuid[])
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
	DELETE FROM lesson_level WHERE lesson_id = p_lesson
	    AND level_id <> ALL (p_levels);
	INSERT INTO lesson_level (lesson_id, level_id)
	SELECT p_lesson, lv FROM unnest(p_levels) lv ON CONFLICT DO NOTHING;
END
$$;

-- Upsert goals of one source. p_set_tree: whether this source owns
-- parent_id/position (false for SLO items, whose tree is built separately).
-- Goals of the source that are not in p_rows become deprecated.
CREATE OR REPLACE FUNCTION catalogue_merge_goals(p_source text, p_rows jsonb,
    p_set_tree boolean) RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
	cnt integer;
BEGIN
	INSERT INTO goal AS g (id, id_origin, framework_id, code, kind, title,
	    title_en, description, alt_titles, parent_id, position, status,
	    slo_group_id, source, source_url, confidence, code_confidence, note,
	    source_record)
	SELECT r.id, r.id_origin, catalogue_framework_id(r.framework_code),
	    r.code, r.kind, r.title, r.title_en, r.description,
	    coalesce(r.alt_titles, '{}'), r.parent_id, coalesce(r.position, 0),
	    coalesce(r.status, 'current'), r.slo_group_id, p_source, r.source_url,
	    r.confidence, r.code_confidence, r.note, r.source_record
	FROM jsonb_populate_recordset(NULL::catalogue_goal_in, p_rows) AS r
	ON CONFLICT (id) DO UPDATE SET
	    id_origin = EXCLUDED.id_origin, framework_id = EXCLUDED.framework_id,
	    code = EXCLUDED.code, kind = EXCLUDED.kind, title = EXCLUDED.title,
	    title_en = EXCLUDED.title_en, description = EXCLUDED.description,
	    alt_titles = EXCLUDED.alt_titles,
	    parent_id = CASE WHEN p_set_tree THEN EXCLUDED.parent_id ELSE g.parent_id END,
	    position = CASE WHEN p_set_tree THEN EXCLUDED.position ELSE g.position END,
	    status = EXCLUDED.status, slo_group_id = EXCLUDED.slo_group_id,
	    source = EXCLUDED.source, source_url = EXCLUDED.source_url,
	    confidence = EXCLUDED.confidence,
	    code_confidence = EXCLUDED.code_confidence, note = EXCLUDED.note,
	    source_record = EXCLUDED.source_record
	WHERE (g.id_origin, g.framework_id, g.code, g.kind, g.title, g.title_en,
	    g.description, g.alt_titles, g.status, g.slo_group_id, g.source,
	    g.source_url, g.confidence, g.code_confidence, g.note, g.source_record,
	    CASE WHEN p_set_tree THEN g.parent_id END,
	    CASE WHEN p_set_tree THEN g.position END)
	IS DISTINCT FROM (EXCLUDED.id_origin, EXCLUDED.framework_id,
	    EXCLUDED.code, EXCLUDED.kind, EXCLUDED.title, EXCLUDED.title_en,
	    EXCLUDED.description, EXCLUDED.alt_titles, EXCLUDED.status,
	    EXCLUDED.slo_group_id, EXCLUDED.source, EXCLUDED.source_url,
	    EXCLUDED.confidence, EXCLUDED.code_confidence, EXCLUDED.note,
	    EXCLUDED.source_record,
	    CASE WHEN p_set_tree THEN EXCLUDED.parent_id END,
	    CASE WHEN p_set_tree THEN EXCLUDED.position END);

	UPDATE goal SET status = 'deprecated'
	WHERE source = p_source AND status <> 'deprecated'
	  AND id NOT IN (SELECT (x ->> 'id')::uuid
	      FROM jsonb_array_elements(p_rows) AS x);

	SELECT count(*) INTO cnt FROM jsonb_array_elements(p_rows);
	RETURN cnt;
END
$$;

-- Make goal_level of the goals in p_goal_ids exactly p_rows
-- ([{goal_id, level_id}]).
CREATE OR REPLACE FUNCTION catalogue_merge_goal_levels(p_goal_ids uuid[], p_rows jsonb)
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
	DELETE FROM goal_level gl
	WHERE gl.goal_id = ANY (p_goal_ids)
	  AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p_rows) AS x
	      WHERE (x ->> 'goal_id')::uuid = gl.goal_id
		AND (x ->> 'level_id')::uuid = gl.level_id);
	INSERT INTO goal_level (goal_id, level_id)
	SELECT DISTINCT (x ->> 'goal_id')::uuid, (x ->> 'level_id')::uuid
	FROM jsonb_array_elements(p_rows) AS x
	ON CONFLICT DO NOTHING;
END
$$;

-- Make the goal relations of one source exactly p_rows
-- ([{origin, type, destination, confidence, note, seq}]).
CREATE OR REPLACE FUNCTION catalogue_merge_relations(p_source text, p_rows jsonb)
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
	DELETE FROM goal_relation r
	WHERE r.source = p_source
	  AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p_rows) AS x
	      WHERE (x ->> 'origin')::uuid = r.origin_goal_id
		AND x ->> 'type' = r.relation_type
		AND (x ->> 'destination')::uuid = r.destination_goal_id);
	INSERT INTO goal_relation AS r (id, origin_goal_id, relation_type,
	    destination_goal_id, sequence_number, source, confidence, note)
	SELECT catalogue_uuid('relation:' || (x ->> 'origin') || ':' || (x ->> 'type')
		|| ':' || (x ->> 'destination')),
	    (x ->> 'origin')::uuid, x ->> 'type', (x ->> 'destination')::uuid,
	    (x ->> 'seq')::integer, p_source, x ->> 'confidence', x ->> 'note'
	FROM jsonb_array_elements(p_rows) AS x
	ON CONFLICT (origin_goal_id, relation_type, destination_goal_id)
	DO UPDATE SET sequence_number = EXCLUDED.sequence_number,
	    source = EXCLUDED.source, confidence = EXCLUDED.confidence,
	    note = EXCLUDED.note
	WHERE (r.sequence_number, r.source, r.confidence, r.note)
	    IS DISTINCT FROM (EXCLUDED.sequence_number, EXCLUDED.source,
	    EXCLUDED.confidence, EXCLUDED.note);
END
$$;

-- SLO "replaces" of one source file ([{goal_id, old_id}]): keep the old ids
-- as aliases; an old goal that is in the catalogue becomes deprecated and
-- gets a replacedBy relation to its successor.
CREATE OR REPLACE FUNCTION catalogue_merge_replaces(p_source text, p_rows jsonb)
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
	rel jsonb;
BEGIN
	DELETE FROM goal_replaced_id r
	WHERE r.source = p_source
	  AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p_rows) AS x
	      WHERE (x ->> 'old_id')::uuid = r.old_id
		AND (x ->> 'goal_id')::uuid = r.goal_id);
	INSERT INTO goal_replaced_id (old_id, goal_id, source)
	SELECT (x ->> 'old_id')::uuid, (x ->> 'goal_id')::uuid, p_source
	FROM jsonb_array_elements(p_rows) AS x
	ON CONFLICT DO NOTHING;

	UPDATE goal g SET status = 'deprecated'
	FROM goal_replaced_id r
	WHERE r.source = p_source AND g.id = r.old_id AND g.status <> 'deprecated';

	SELECT coalesce(jsonb_agg(jsonb_build_object('origin', r.old_id,
		'type', 'replacedBy', 'destination', r.goal_id,
		'confidence', 'verbatim',
		'note', 'SLO: ' || r.goal_id || ' replaces ' || r.old_id)
		ORDER BY r.old_id, r.goal_id), '[]')
	INTO rel
	FROM goal_replaced_id r JOIN goal g ON g.id = r.old_id
	WHERE r.source = p_source;
	PERFORM catalogue_merge_relations(p_source || '#replaces', rel);
END
$$;

-- ---------------------------------------------------------------------------
-- SLO open data: niveaus and uitstroomprofielen (levels)
-- ---------------------------------------------------------------------------

-- A level as schools write it: SLO's "vwo, 2" and "vmbo tl, 1" become
-- "vwo 2" and "vmbo-tl 1"; other titles stay.  SLO's own wording stays
-- in level.source_record.
CREATE OR REPLACE FUNCTION catalogue_level_school_title(p text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT regexp_replace(regexp_replace(p, '^vmbo (bb|kb|gl|tl), ',
	    'vmbo-\1 '), ', ', ' ', 'g')
$$;

CREATE OR REPLACE FUNCTION catalogue_merge_levels(p_source text, p_rows jsonb,
    p_owner_only boolean) RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
	cnt integer;
BEGIN
	-- p_owner_only: do not overwrite a level that another source owns
	-- (frameworks.json repeats SLO niveaus that slo/niveaus.json owns).
	INSERT INTO level AS l (id, id_origin, code, title, description, kind,
	    slo_type, slo_prefix, source, source_url, confidence, note,
	    source_record, status)
	SELECT (x ->> 'id')::uuid, x ->> 'id_origin', x ->> 'code',
	    catalogue_level_school_title(x ->> 'title'),
	    x ->> 'description', x ->> 'kind', x ->> 'slo_type',
	    x ->> 'slo_prefix', p_source, x ->> 'source_url', x ->> 'confidence',
	    x ->> 'note', x -> 'source_record', 'current'
	FROM jsonb_array_elements(p_rows) AS x
	ON CONFLICT (id) DO UPDATE SET
	    id_origin = EXCLUDED.id_origin, code = EXCLUDED.code,
	    title = EXCLUDED.title, description = EXCLUDED.description,
	    kind = EXCLUDED.kind, slo_type = EXCLUDED.slo_type,
	    slo_prefix = EXCLUDED.slo_prefix, source = EXCLUDED.source,
	    source_url = EXCLUDED.source_url, confidence = EXCLUDED.confidence,
	    note = EXCLUDED.note, source_record = EXCLUDED.source_record,
	    status = 'current'
	WHERE (NOT p_owner_only OR l.source = EXCLUDED.source)
	  AND (l.id_origin, l.code, l.title, l.description, l.kind, l.slo_type,
	    l.slo_prefix, l.source, l.source_url, l.confidence, l.note,
	    l.source_record, l.status)
	  IS DISTINCT FROM (EXCLUDED.id_origin, EXCLUDED.code, EXCLUDED.title,
	    EXCLUDED.description, EXCLUDED.kind, EXCLUDED.slo_type,
	    EXCLUDED.slo_prefix, EXCLUDED.source, EXCLUDED.source_url,
	    EXCLUDED.confidence, EXCLUDED.note, EXCLUDED.source_record, 'current');

	UPDATE level SET status = 'deprecated'
	WHERE source = p_source AND status <> 'deprecated'
	  AND id NOT IN (SELECT (x ->> 'id')::uuid FROM jsonb_array_elements(p_rows) x);

	SELECT count(*) INTO cnt FROM jsonb_array_elements(p_rows);
	RETURN cnt;
END
$$;

CREATE OR REPLACE FUNCTION catalogue_level_kind(p_type text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
	SELECT CASE WHEN lower(p_type) IN ('sector', 'opleiding', 'leerjaar',
	    'fase', 'beheersingsniveau', 'referentieniveau')
	    THEN lower(p_type) ELSE 'overig' END
$$;

-- slo/niveaus.json (slonl/curriculum-basis data/niveaus.json)
CREATE OR REPLACE FUNCTION catalogue_import_slo_niveaus(doc jsonb) RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
	rows jsonb;
BEGIN
	SELECT jsonb_agg(jsonb_build_object(
	    'id', x ->> 'id', 'id_origin', 'slo',
	    'code', catalogue_slug(x ->> 'title'),
	    'title', catalogue_clean(x ->> 'title'),
	    'description', catalogue_clean(x ->> 'description'),
	    'kind', catalogue_level_kind(x ->> 'type'),
	    'slo_type', nullif(x ->> 'type', ''),
	    'slo_prefix', nullif(x ->> 'prefix', ''),
	    'source_url', 'https://github.com/slonl/curriculum-basis/blob/master/data/niveaus.json',
	    'confidence', 'verbatim', 'source_record', x) ORDER BY n)
	INTO rows
	FROM jsonb_array_elements(doc) WITH ORDINALITY AS t (x, n);
	RETURN catalogue_merge_levels('slo/niveaus.json', coalesce(rows, '[]'), false);
END
$$;

-- slo/kerndoelen.uitstroomprofielen.json: the three vso uitstroomprofielen.
CREATE OR REPLACE FUNCTION catalogue_import_slo_uitstroomprofielen(doc jsonb) RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
	rows jsonb;
BEGIN
	SELECT jsonb_agg(jsonb_build_object(
	    'id', x ->> 'id', 'id_origin', 'slo',
	    'code', 'uitstroomprofiel-' || catalogue_slug(x ->> 'title'),
	    'title', catalogue_clean(x ->> 'title'),
	    'description', catalogue_clean(x ->> 'description'),
	    'kind', 'uitstroomprofiel', 'slo_type', NULL, 'slo_prefix', NULL,
	    'source_url', 'https://github.com/slonl/curriculum-kerndoelen/blob/master/data/uitstroomprofielen.json',
	    'confidence', 'verbatim', 'source_record', x) ORDER BY n)
	INTO rows
	FROM jsonb_array_elements(doc) WITH ORDINALITY AS t (x, n);
	RETURN catalogue_merge_levels('slo/kerndoelen.uitstroomprofielen.json',
	    coalesce(rows, '[]'), false);
END
$$;

-- ---------------------------------------------------------------------------
-- SLO open data: kerndoelen (po, onderbouw vo, so, vso)
-- ---------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION catalogue_slo_kerndoel_framework(p_prefix text) RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $$
BEGIN
	RETURN CASE
	    WHEN p_prefix ~ '^PO ' THEN 'SLO-KD-PO-2006'
	    WHEN p_prefix ~ '^VO ' THEN 'SLO-KD-VO-2006'
	    WHEN p_prefix ~ '^V?SO ' THEN 'SLO-KD-SO-VSO'
	END;
END
$$;

-- Natural order of kerndoel codes ("PO Kerndoel 9" before "PO Kerndoel 10").
CREATE OR REPLACE FUNCTION catalogue_code_sort_key(p text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
	SELECT regexp_replace(coalesce(p, ''), '\d+',
	    '', 'g') || lpad(coalesce(substring(p FROM '(\d+)\D*$'), ''), 6, '0') || coalesce(p, '')
$$;

-- Builds the goal tree of the three SLO kerndoelen frameworks from SLO's
-- shared domeinen and vakleergebieden: per framework a grouping goal for
-- every group that holds kerndoelen of that framework (derived id,
-- slo_group_id = SLO's group), domain under its vakleergebied, kerndoel under
-- its domain (else its first vakleergebied). Extra parents -> isChildOf.
CREATE OR REPLACE FUNCTION catalogue_slo_build_kerndoel_tree() RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
	dom_rows jsonb;
	vlg_rows jsonb;
	rels jsonb;
BEGIN
	IF to_regclass('pg_temp._kd_edge') IS NULL THEN
		CREATE TEMP TABLE _kd_edge (
		group_id uuid, group_kind text, member_id uuid, member_kind text,
		ord integer, group_ord integer);
	END IF;
	TRUNCATE _kd_edge;
	-- SLO's edges: domein -> kerndoel, vakleergebied -> kerndoel,
	-- vakleergebied -> domein (file order kept in ord/group_ord).
	INSERT INTO _kd_edge
	SELECT s.id, s.kind, m.v::uuid, 'kerndoel', m.n::integer,
	    s.file_position
	FROM slo_group s,
	    jsonb_array_elements_text(s.source_record -> 'kerndoel_id')
		WITH ORDINALITY AS m (v, n)
	WHERE s.status = 'current';
	INSERT INTO _kd_edge
	SELECT s.id, s.kind, m.v::uuid, 'domein', m.n::integer,
	    s.file_position
	FROM slo_group s,
	    jsonb_array_elements_text(s.source_record -> 'kerndoel_domein_id')
		WITH ORDINALITY AS m (v, n)
	WHERE s.status = 'current' AND s.kind = 'vakleergebied';

	-- Framework of each group: every framework with a kerndoel in it
	-- (directly, or through one of the vakleergebied's domains).
	IF to_regclass('pg_temp._kd_fg') IS NULL THEN
		CREATE TEMP TABLE _kd_fg (
		framework_code text, group_id uuid, kind text, title text,
		description text, parent_group uuid, pos integer);
	END IF;
	TRUNCATE _kd_fg;
	INSERT INTO _kd_fg
	SELECT DISTINCT f.code, s.id, s.kind, catalogue_clean(s.title),
	    catalogue_clean(s.description), NULL::uuid, 0
	FROM slo_group s
	JOIN _kd_edge e ON e.group_id = s.id
	LEFT JOIN _kd_edge d ON e.member_kind = 'domein' AND d.group_id = e.member_id
	    AND d.member_kind = 'kerndoel'
	JOIN goal k ON k.id = CASE WHEN e.member_kind = 'kerndoel'
	    THEN e.member_id ELSE d.member_id END
	    AND k.source = 'slo/kerndoelen.kerndoelen.json'
	JOIN framework f ON f.id = k.framework_id
	WHERE s.status = 'current';
	UPDATE _kd_fg fg SET parent_group = (SELECT min(e.group_id::text)::uuid
	    FROM _kd_edge e JOIN _kd_fg p ON p.group_id = e.group_id
		AND p.framework_code = fg.framework_code
	    WHERE e.member_kind = 'domein' AND e.member_id = fg.group_id)
	WHERE fg.kind = 'domein';
	UPDATE _kd_fg fg SET pos = t.pos
	FROM (SELECT framework_code, group_id, (row_number() OVER (
		PARTITION BY framework_code, parent_group ORDER BY title, group_id) - 1)::integer AS pos
	    FROM _kd_fg) t
	WHERE fg.framework_code = t.framework_code AND fg.group_id = t.group_id;

	SELECT coalesce(jsonb_agg(jsonb_build_object(
	    'id', catalogue_uuid('goal:' || fg.framework_code || ':slo-group:' || fg.group_id),
	    'id_origin', 'derived', 'framework_code', fg.framework_code,
	    'code', NULL, 'kind', fg.kind, 'title', fg.title,
	    'description', fg.description,
	    'parent_id', CASE WHEN fg.parent_group IS NOT NULL THEN
		catalogue_uuid('goal:' || fg.framework_code || ':slo-group:' || fg.parent_group) END,
	    'position', fg.pos, 'slo_group_id', fg.group_id,
	    'source_url', CASE fg.kind WHEN 'domein' THEN
		'https://github.com/slonl/curriculum-kerndoelen/blob/master/data/domeinen.json'
		ELSE 'https://github.com/slonl/curriculum-kerndoelen/blob/master/data/vakleergebieden.json' END,
	    'confidence', 'verbatim',
	    'note', 'Indeling afgeleid van SLO-groep ' || fg.group_id
		|| ' (gedeeld door po, vo, so en vso), beperkt tot de kerndoelen van dit kader.')
	    ORDER BY fg.framework_code, fg.title, fg.group_id)
	    FILTER (WHERE fg.kind = 'domein'),
	    '[]'),
	    coalesce(jsonb_agg(jsonb_build_object(
	    'id', catalogue_uuid('goal:' || fg.framework_code || ':slo-group:' || fg.group_id),
	    'id_origin', 'derived', 'framework_code', fg.framework_code,
	    'code', NULL, 'kind', fg.kind, 'title', fg.title,
	    'description', fg.description, 'parent_id', NULL,
	    'position', fg.pos, 'slo_group_id', fg.group_id,
	    'source_url', 'https://github.com/slonl/curriculum-kerndoelen/blob/master/data/vakleergebieden.json',
	    'confidence', 'verbatim',
	    'note', 'Indeling afgeleid van SLO-groep ' || fg.group_id
		|| ' (gedeeld door po, vo, so en vso), beperkt tot de kerndoelen van dit kader.')
	    ORDER BY fg.framework_code, fg.title, fg.group_id)
	    FILTER (WHERE fg.kind = 'vakleergebied'),
	    '[]')
	INTO dom_rows, vlg_rows
	FROM _kd_fg fg;
	-- vakleergebieden first: domains point at them.
	PERFORM catalogue_merge_goals('slo/kerndoelen.vakleergebieden.json', vlg_rows, true);
	PERFORM catalogue_merge_goals('slo/kerndoelen.domeinen.json', dom_rows, true);

	-- Every parent link of every kerndoel and domain goal, ranked: domain
	-- first, then vakleergebieden in file order.
	IF to_regclass('pg_temp._kd_parent') IS NULL THEN
		CREATE TEMP TABLE _kd_parent (
		child_id uuid, parent_id uuid, rnk integer);
	END IF;
	TRUNCATE _kd_parent;
	INSERT INTO _kd_parent
	SELECT k.id, catalogue_uuid('goal:' || f.code || ':slo-group:' || e.group_id),
	    row_number() OVER (PARTITION BY k.id
		ORDER BY e.group_kind = 'vakleergebied', e.group_ord, e.group_id)
	FROM goal k
	JOIN framework f ON f.id = k.framework_id
	JOIN _kd_edge e ON e.member_id = k.id AND e.member_kind = 'kerndoel'
	WHERE k.source = 'slo/kerndoelen.kerndoelen.json';

	-- kerndoelen: primary parent and position among siblings
	UPDATE goal g SET parent_id = t.parent_id, position = t.position
	-- (grouping goals come first among siblings, then kerndoelen in order)
	FROM (SELECT k.id, p.parent_id,
		((SELECT count(*) FROM goal c WHERE c.parent_id = p.parent_id
		    AND c.source IN ('slo/kerndoelen.domeinen.json',
			'slo/kerndoelen.vakleergebieden.json'))
		+ row_number() OVER (PARTITION BY k.framework_id, p.parent_id
		    ORDER BY catalogue_code_sort_key(k.code), k.id) - 1)::integer AS position
	    FROM goal k
	    LEFT JOIN _kd_parent p ON p.child_id = k.id AND p.rnk = 1
	    WHERE k.source = 'slo/kerndoelen.kerndoelen.json') t
	WHERE g.id = t.id
	  AND (g.parent_id, g.position) IS DISTINCT FROM (t.parent_id, t.position);

	SELECT coalesce(jsonb_agg(jsonb_build_object('origin', p.child_id,
	    'type', 'isChildOf', 'destination', p.parent_id, 'seq', p.rnk,
	    'confidence', 'verbatim',
	    'note', 'SLO plaatst dit kerndoel in meer dan één groep.')
	    ORDER BY p.child_id, p.rnk), '[]')
	INTO rels
	FROM _kd_parent p WHERE p.rnk > 1;
	PERFORM catalogue_merge_relations('slo/kerndoelen (indeling)', rels);
END
$$;

-- slo/kerndoelen.kerndoelen.json
CREATE OR REPLACE FUNCTION catalogue_import_slo_kerndoelen(doc jsonb) RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
	src constant text := 'slo/kerndoelen.kerndoelen.json';
	rows jsonb;
	levels jsonb;
	repl jsonb;
	ids uuid[];
	bad text;
	cnt integer;
BEGIN
	SELECT string_agg(x ->> 'prefix', ', ') INTO bad
	FROM jsonb_array_elements(doc) x
	WHERE catalogue_slo_kerndoel_framework(x ->> 'prefix') IS NULL;
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'catalogue: kerndoel prefix without framework: %', bad;
	END IF;

	SELECT jsonb_agg(jsonb_build_object(
	    'id', x ->> 'id', 'id_origin', 'slo',
	    'framework_code', catalogue_slo_kerndoel_framework(x ->> 'prefix'),
	    'code', catalogue_clean(x ->> 'prefix'), 'kind', 'kerndoel',
	    'title', coalesce(catalogue_clean(x ->> 'kerndoelLabel'),
		catalogue_clean(x ->> 'description'), catalogue_clean(x ->> 'title')),
	    'description', catalogue_clean(x ->> 'title'),
	    'status', CASE WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(doc) y,
		jsonb_array_elements_text(y -> 'replaces') r
		WHERE r = x ->> 'id') THEN 'deprecated' ELSE 'current' END,
	    'source_url', 'https://github.com/slonl/curriculum-kerndoelen/blob/master/data/kerndoelen.json',
	    'confidence', 'verbatim',
	    'note', CASE WHEN catalogue_clean(x ->> 'description')
		IS DISTINCT FROM catalogue_clean(x ->> 'kerndoelLabel')
		THEN 'SLO-veld description: "' || (x ->> 'description') || '".' END,
	    'source_record', x) ORDER BY n)
	INTO rows
	FROM jsonb_array_elements(doc) WITH ORDINALITY AS t (x, n);
	cnt := catalogue_merge_goals(src, coalesce(rows, '[]'), false);

	SELECT array_agg((x ->> 'id')::uuid) INTO ids FROM jsonb_array_elements(doc) x;
	SELECT string_agg(DISTINCT v, ', ') INTO bad
	FROM jsonb_array_elements(doc) x, jsonb_array_elements_text(x -> 'niveau_id') v
	WHERE NOT EXISTS (SELECT 1 FROM level l WHERE l.id = v::uuid);
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'catalogue: kerndoelen refer to unknown niveaus: % (import slo/niveaus.json first)', bad;
	END IF;
	SELECT coalesce(jsonb_agg(jsonb_build_object('goal_id', x ->> 'id', 'level_id', v)), '[]')
	INTO levels
	FROM jsonb_array_elements(doc) x, jsonb_array_elements_text(x -> 'niveau_id') v;
	PERFORM catalogue_merge_goal_levels(coalesce(ids, '{}'), levels);

	SELECT coalesce(jsonb_agg(jsonb_build_object('goal_id', x ->> 'id', 'old_id', r)), '[]')
	INTO repl
	FROM jsonb_array_elements(doc) x, jsonb_array_elements_text(x -> 'replaces') r;
	PERFORM catalogue_merge_replaces(src, repl);

	PERFORM catalogue_slo_build_kerndoel_tree();
	RETURN cnt;
END
$$;

-- slo/kerndoelen.domeinen.json and slo/kerndoelen.vakleergebieden.json
CREATE OR REPLACE FUNCTION catalogue_import_slo_groups(p_source text, p_kind text, doc jsonb)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
	cnt integer;
BEGIN
	INSERT INTO slo_group AS s (id, kind, title, description, replaces,
	    file_position, status, source, source_record)
	SELECT (x ->> 'id')::uuid, p_kind, catalogue_clean(x ->> 'title'),
	    catalogue_clean(x ->> 'description'),
	    coalesce((SELECT array_agg(r::uuid ORDER BY r)
		FROM jsonb_array_elements_text(x -> 'replaces') r), '{}'),
	    o::integer,
	    CASE WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(doc) y,
		jsonb_array_elements_text(y -> 'replaces') r WHERE r = x ->> 'id')
		THEN 'deprecated' ELSE 'current' END,
	    p_source, x
	FROM jsonb_array_elements(doc) WITH ORDINALITY AS t (x, o)
	ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind,
	    title = EXCLUDED.title, description = EXCLUDED.description,
	    replaces = EXCLUDED.replaces, file_position = EXCLUDED.file_position,
	    status = EXCLUDED.status,
	    source = EXCLUDED.source, source_record = EXCLUDED.source_record
	WHERE (s.kind, s.title, s.description, s.replaces, s.file_position,
	    s.status, s.source, s.source_record) IS DISTINCT FROM (EXCLUDED.kind,
	    EXCLUDED.title, EXCLUDED.description, EXCLUDED.replaces,
	    EXCLUDED.file_position, EXCLUDED.status, EXCLUDED.source,
	    EXCLUDED.source_record);

	UPDATE slo_group SET status = 'deprecated'
	WHERE status <> 'deprecated'
	  AND (source = p_source
	      AND id NOT IN (SELECT (x ->> 'id')::uuid FROM jsonb_array_elements(doc) x)
	    OR id IN (SELECT r::uuid FROM jsonb_array_elements(doc) x,
		jsonb_array_elements_text(x -> 'replaces') r));

	PERFORM catalogue_slo_build_kerndoel_tree();
	SELECT count(*) INTO cnt FROM jsonb_array_elements(doc);
	RETURN cnt;
END
$$;

CREATE OR REPLACE FUNCTION catalogue_import_slo_domeinen(doc jsonb) RETURNS integer
LANGUAGE sql
AS $$ SELECT catalogue_import_slo_groups('slo/kerndoelen.domeinen.json', 'domein', doc) $$;

CREATE OR REPLACE FUNCTION catalogue_import_slo_vakleergebieden(doc jsonb) RETURNS integer
LANGUAGE sql
AS $$ SELECT catalogue_import_slo_groups('slo/kerndoelen.vakleergebieden.json', 'vakleergebied', doc) $$;

-- ---------------------------------------------------------------------------
-- SLO open data: leerdoelenkaarten (ldk.*), framework SLO-LDK
-- ---------------------------------------------------------------------------

-- Sets parent_id/position of every ldk goal from its parent's child list
-- (ldk_vakkern_id, ldk_vaksubkern_id, ldk_vakinhoud_id).
CREATE OR REPLACE FUNCTION catalogue_slo_build_ldk_tree() RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
	UPDATE goal g SET parent_id = t.parent_id, position = t.position
	FROM (SELECT DISTINCT ON (c.v) c.v::uuid AS id, p.id AS parent_id,
		(c.n - 1)::integer AS position
	    FROM goal p,
		LATERAL (SELECT key FROM (VALUES ('ldk_vakkern_id'),
		    ('ldk_vaksubkern_id'), ('ldk_vakinhoud_id')) k (key)) k,
		jsonb_array_elements_text(p.source_record -> k.key)
		    WITH ORDINALITY AS c (v, n)
	    WHERE p.source IN ('slo/ldk.vakleergebieden.json',
		'slo/ldk.vakkernen.json', 'slo/ldk.vaksubkernen.json')
	      AND p.status = 'current'
	    ORDER BY c.v, p.id) t
	WHERE g.id = t.id
	  AND g.source IN ('slo/ldk.vakkernen.json', 'slo/ldk.vaksubkernen.json',
	      'slo/ldk.vakinhouden.json')
	  AND (g.parent_id, g.position) IS DISTINCT FROM (t.parent_id, t.position);
END
$$;

CREATE OR REPLACE FUNCTION catalogue_import_slo_ldk(p_file text, p_kind text, doc jsonb)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
	src constant text := 'slo/' || p_file;
	is_root constant boolean := p_kind = 'ldk-vakleergebied';
	rows jsonb;
	repl jsonb;
	cnt integer;
BEGIN
	SELECT jsonb_agg(jsonb_build_object(
	    'id', x ->> 'id', 'id_origin', 'slo', 'framework_code', 'SLO-LDK',
	    'code', catalogue_clean(x ->> 'prefix'), 'kind', p_kind,
	    'title', catalogue_clean(x ->> 'title'),
	    'description', catalogue_clean(x ->> 'description'),
	    'parent_id', NULL, 'position', o - 1,
	    'status', CASE WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(doc) y,
		jsonb_array_elements_text(y -> 'replaces') r
		WHERE r = x ->> 'id') THEN 'deprecated' ELSE 'current' END,
	    'source_url', 'https://github.com/slonl/curriculum-leerdoelenkaarten/blob/master/data/' || p_file,
	    'confidence', 'verbatim',
	    'note', CASE WHEN catalogue_clean(x ->> 'title') IS DISTINCT FROM (x ->> 'title')
		THEN 'Titel zonder de spaties/zero-width spaces aan begin of eind; het origineel staat in source_record.' END,
	    'source_record', x) ORDER BY o)
	INTO rows
	FROM jsonb_array_elements(doc) WITH ORDINALITY AS t (x, o);
	cnt := catalogue_merge_goals(src, coalesce(rows, '[]'), is_root);

	SELECT coalesce(jsonb_agg(jsonb_build_object('goal_id', x ->> 'id', 'old_id', r)), '[]')
	INTO repl
	FROM jsonb_array_elements(doc) x, jsonb_array_elements_text(x -> 'replaces') r;
	PERFORM catalogue_merge_replaces(src, repl);

	PERFORM catalogue_slo_build_ldk_tree();
	RETURN cnt;
END
$$;

CREATE OR REPLACE FUNCTION catalogue_import_slo_ldk_vakleergebieden(doc jsonb) RETURNS integer
LANGUAGE sql AS $$ SELECT catalogue_import_slo_ldk('ldk.vakleergebieden.json', 'ldk-vakleergebied', doc) $$;

CREATE OR REPLACE FUNCTION catalogue_import_slo_ldk_vakkernen(doc jsonb) RETURNS integer
LANGUAGE sql AS $$ SELECT catalogue_import_slo_ldk('ldk.vakkernen.json', 'ldk-vakkern', doc) $$;

CREATE OR REPLACE FUNCTION catalogue_import_slo_ldk_vaksubkernen(doc jsonb) RETURNS integer
LANGUAGE sql AS $$ SELECT catalogue_import_slo_ldk('ldk.vaksubkernen.json', 'ldk-vaksubkern', doc) $$;

CREATE OR REPLACE FUNCTION catalogue_import_slo_ldk_vakinhouden(doc jsonb) RETURNS integer
LANGUAGE sql AS $$ SELECT catalogue_import_slo_ldk('ldk.vakinhouden.json', 'ldk-vakinhoud', doc) $$;

-- ---------------------------------------------------------------------------
-- curriculum/frameworks.json: frameworks, their goals, levels, erkenning
-- ---------------------------------------------------------------------------

-- Frameworks whose items are not imported from frameworks.json as goals:
-- the SLO kerndoelen come from SLO's own files (seeds/slo/), levels and
-- erkenning go to their vocabularies.
CREATE OR REPLACE FUNCTION catalogue_frameworks_json_goal_framework(p_code text)
RETURNS boolean
LANGUAGE sql IMMUTABLE
AS $$
	SELECT p_code NOT IN ('SLO-KD-PO-2006', 'SLO-KD-VO-2006', 'SLO-KD-SO-VSO',
	    'NL-LEVELS', 'SEI-ERK')
$$;

-- Our reading of each framework's status (see NOTES.md): adopted, concept
-- (a proposal/draft not in force) or deprecated (superseded by a newer
-- version of the same thing). The source's own status text is kept in
-- framework.status_note.
CREATE OR REPLACE FUNCTION catalogue_framework_status(p_code text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
	SELECT CASE p_code
	    WHEN 'CNU-DG-2019' THEN 'concept'		-- proposal, never enacted
	    WHEN 'SLO-DG-CONCEPT-2024' THEN 'deprecated'	-- superseded by the Sept 2025 version
	    WHEN 'SLO-DG-KD-2025' THEN 'concept'	-- "concept" until in law (1 Aug 2027)
	    WHEN 'MW-CM-2012' THEN 'deprecated'		-- succeeded by the 2021 model
	    ELSE 'adopted' END
$$;

CREATE OR REPLACE FUNCTION catalogue_item_note(i jsonb) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
	SELECT nullif(concat_ws(E'\n',
	    i ->> 'note',
	    'Controle: ' || (i ->> 'check'),
	    'Beschrijving: ' || (i ->> 'description_confidence'),
	    'Kolom in de bron: ' || (i ->> 'group'),
	    'Bron lange titel: ' || (i ->> 'long_title_source'),
	    CASE WHEN (i ->> 'source_url') !~ '^https?://' THEN 'Bron: ' || (i ->> 'source_url') END), '')
$$;

CREATE OR REPLACE FUNCTION catalogue_import_frameworks(doc jsonb) RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
	src constant text := 'curriculum/frameworks.json';
	rows jsonb;
	lvl jsonb;
	ids uuid[];
	cnt integer;
BEGIN
	-- 1. frameworks
	INSERT INTO framework AS fw (id, code, kind, title, title_en, publisher,
	    year, version, versions, legal_basis, code_scheme, language, status,
	    status_note, source, source_url, data_source, note, source_record)
	SELECT catalogue_uuid('framework:' || (f ->> 'code')), f ->> 'code',
	    CASE WHEN f ->> 'code' IN ('NL-LEVELS', 'SEI-ERK') THEN 'vocabulary' ELSE 'goals' END,
	    f ->> 'name_nl', f ->> 'name_en', f ->> 'publisher',
	    (f ->> 'year')::smallint,
	    (SELECT v ->> 'label' || ' ' || (v ->> 'date')
		FROM jsonb_array_elements(f -> 'versions') WITH ORDINALITY AS t (v, k)
		ORDER BY k DESC LIMIT 1),
	    f -> 'versions', f ->> 'legal_basis', f ->> 'code_scheme', 'nl',
	    catalogue_framework_status(f ->> 'code'), f ->> 'status', src,
	    f ->> 'source_url', f ->> 'data_source',
	    nullif(concat_ws(E'\n', f ->> 'note',
		(SELECT 'Zie ook: ' || string_agg(a, '; ')
		    FROM jsonb_array_elements_text(f -> 'also') a)), ''),
	    (f - 'items') || jsonb_build_object('items_not_imported',
		coalesce((SELECT jsonb_agg(i ORDER BY k)
		    FROM jsonb_array_elements(f -> 'items') WITH ORDINALITY AS t (i, k)
		    WHERE (catalogue_frameworks_json_goal_framework(f ->> 'code')
			AND i ->> 'title_nl' IS NULL)
		       OR (f ->> 'code' = 'SEI-ERK' AND i ->> 'code' !~ '^ERK-')
		       OR (f ->> 'code' = 'NL-LEVELS' AND i ->> 'code' LIKE '%..%')),
		    '[]'))
	FROM jsonb_array_elements(doc) AS f
	ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, kind = EXCLUDED.kind,
	    title = EXCLUDED.title, title_en = EXCLUDED.title_en,
	    publisher = EXCLUDED.publisher, year = EXCLUDED.year,
	    version = EXCLUDED.version, versions = EXCLUDED.versions,
	    legal_basis = EXCLUDED.legal_basis, code_scheme = EXCLUDED.code_scheme,
	    language = EXCLUDED.language, status = EXCLUDED.status,
	    status_note = EXCLUDED.status_note, source = EXCLUDED.source,
	    source_url = EXCLUDED.source_url, data_source = EXCLUDED.data_source,
	    note = EXCLUDED.note, source_record = EXCLUDED.source_record
	WHERE (fw.code, fw.kind, fw.title, fw.title_en, fw.publisher, fw.year,
	    fw.version, fw.versions, fw.legal_basis, fw.code_scheme, fw.language,
	    fw.status, fw.status_note, fw.source, fw.source_url, fw.data_source,
	    fw.note, fw.source_record)
	IS DISTINCT FROM (EXCLUDED.code, EXCLUDED.kind, EXCLUDED.title,
	    EXCLUDED.title_en, EXCLUDED.publisher, EXCLUDED.year,
	    EXCLUDED.version, EXCLUDED.versions, EXCLUDED.legal_basis,
	    EXCLUDED.code_scheme, EXCLUDED.language, EXCLUDED.status,
	    EXCLUDED.status_note, EXCLUDED.source, EXCLUDED.source_url,
	    EXCLUDED.data_source, EXCLUDED.note, EXCLUDED.source_record);

	-- 2. levels (NL-LEVELS): SLO niveaus missing from slo/niveaus.json (vmbo
	-- bb 1-4, vmbo gl 1-2, 3 h/v, ...) and mbo; never overwrites a level
	-- that slo/niveaus.json owns. "CNU-FASE-1..3" describes three levels in
	-- one item; catalogue_base.sql holds them one by one.
	SELECT coalesce(jsonb_agg(jsonb_build_object(
	    'id', coalesce(i ->> 'slo_uuid', catalogue_uuid('level:' || lower(i ->> 'code'))::text),
	    'id_origin', CASE WHEN i ? 'slo_uuid' THEN 'slo' ELSE 'derived' END,
	    'code', CASE WHEN i ? 'slo_uuid' THEN catalogue_slug(i ->> 'title_nl')
		ELSE lower(i ->> 'code') END,
	    'title', i ->> 'title_nl', 'description', i ->> 'description_nl',
	    'kind', CASE WHEN i ->> 'code' ~ '^MBO-B[OB]L$' THEN 'mbo-leerweg'
		WHEN i ->> 'code' ~ '^MBO-' THEN 'mbo-niveau'
		WHEN i ->> 'code' ~ '^VSO-UP-' THEN 'uitstroomprofiel'
		WHEN i ->> 'code' = 'VMBO-GT' THEN 'opleiding'
		ELSE catalogue_level_kind(i ->> 'slo_type') END,
	    'slo_type', i ->> 'slo_type', 'slo_prefix', i ->> 'slo_prefix',
	    'source_url', i ->> 'source_url', 'confidence', i ->> 'confidence',
	    'note', i ->> 'note', 'source_record', i) ORDER BY k), '[]')
	INTO rows
	FROM jsonb_array_elements(doc) f,
	    jsonb_array_elements(f -> 'items') WITH ORDINALITY AS t (i, k)
	WHERE f ->> 'code' = 'NL-LEVELS' AND i ->> 'code' NOT LIKE '%..%';
	PERFORM catalogue_merge_levels(src, rows, true);

	-- 3. erkenning levels (SEI-ERK items ERK-*)
	INSERT INTO evidence_level AS e (code, title, title_en, rank, source_url,
	    confidence, note)
	SELECT i ->> 'code', i ->> 'title_nl', i ->> 'title_en',
	    substring(i ->> 'code' FROM '^ERK-([0-9])$')::smallint,
	    i ->> 'source_url', i ->> 'confidence', i ->> 'note'
	FROM jsonb_array_elements(doc) f, jsonb_array_elements(f -> 'items') i
	WHERE f ->> 'code' = 'SEI-ERK' AND i ->> 'code' ~ '^ERK-'
	ON CONFLICT (code) DO UPDATE SET title = EXCLUDED.title,
	    title_en = EXCLUDED.title_en, rank = EXCLUDED.rank,
	    source_url = EXCLUDED.source_url, confidence = EXCLUDED.confidence,
	    note = EXCLUDED.note
	WHERE (e.title, e.title_en, e.rank, e.source_url, e.confidence, e.note)
	    IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.title_en, EXCLUDED.rank,
	    EXCLUDED.source_url, EXCLUDED.confidence, EXCLUDED.note);

	-- 4. goals of the other frameworks (items without a title are research
	-- notes such as "DG6.?": kept in framework.source_record only)
	SELECT coalesce(jsonb_agg(jsonb_build_object(
	    'id', catalogue_uuid('goal:' || (f ->> 'code') || ':' || (i ->> 'code')),
	    'id_origin', 'derived', 'framework_code', f ->> 'code',
	    'code', i ->> 'code',
	    'kind', coalesce(i ->> 'kind', CASE WHEN EXISTS (
		SELECT 1 FROM jsonb_array_elements(f -> 'items') c
		WHERE c ->> 'parent_code' = i ->> 'code') THEN 'groep' ELSE 'doel' END),
	    'title', i ->> 'title_nl', 'title_en', i ->> 'title_en',
	    'description', coalesce(i ->> 'doelzin_nl', i ->> 'description_nl', i ->> 'summary_nl'),
	    'alt_titles', (SELECT coalesce(jsonb_agg(v ORDER BY v), '[]') FROM (
		SELECT v FROM jsonb_each_text(CASE WHEN jsonb_typeof(i -> 'title_variants_nl') = 'object'
		    THEN i -> 'title_variants_nl' ELSE '{}' END) AS e (k, v)
		UNION SELECT i ->> 'long_title_nl' WHERE i ? 'long_title_nl') s),
	    'parent_id', CASE WHEN i ->> 'parent_code' IS NOT NULL THEN
		catalogue_uuid('goal:' || (f ->> 'code') || ':' || (i ->> 'parent_code')) END,
	    'position', pos,
	    -- a code with a version date ("2019-05:GO2") names an item of an
	    -- earlier version of the framework: kept, but withdrawn
	    'status', CASE WHEN i ->> 'code' ~ '^[0-9]{4}-[0-9]{2}:'
		THEN 'deprecated' ELSE 'current' END,
	    'source_url', CASE WHEN i ->> 'source_url' ~ '^https?://' THEN i ->> 'source_url' END,
	    'confidence', i ->> 'confidence', 'code_confidence', i ->> 'code_confidence',
	    'note', catalogue_item_note(i), 'source_record', i)), '[]')
	INTO rows
	FROM (SELECT f, i, k, (row_number() OVER (PARTITION BY f ->> 'code',
		i ->> 'parent_code' ORDER BY k) - 1) AS pos
	    FROM jsonb_array_elements(doc) f,
		jsonb_array_elements(f -> 'items') WITH ORDINALITY AS t (i, k)
	    WHERE catalogue_frameworks_json_goal_framework(f ->> 'code')
	      AND i ->> 'title_nl' IS NOT NULL) s;
	cnt := catalogue_merge_goals(src, rows, true);

	-- 5. their levels, through level_alias
	SELECT array_agg((x ->> 'id')::uuid) INTO ids FROM jsonb_array_elements(rows) x;
	SELECT coalesce(jsonb_agg(jsonb_build_object('goal_id', x ->> 'id', 'level_id', lv)), '[]')
	INTO lvl
	FROM jsonb_array_elements(rows) x,
	    jsonb_array_elements_text(CASE WHEN jsonb_typeof(x -> 'source_record' -> 'levels') = 'array'
		THEN x -> 'source_record' -> 'levels' ELSE '[]' END) AS name,
	    unnest(catalogue_level_ids(name)) AS lv;
	PERFORM catalogue_merge_goal_levels(coalesce(ids, '{}'), lvl);
	RETURN cnt;
END
$$;

-- The goal a frameworks.json reference 'FRAMEWORK:ITEMCODE' names: the SLO
-- UUID of the item where it has one, else the derived id; must exist.
CREATE OR REPLACE FUNCTION catalogue_resolve_ref(doc jsonb, p_ref text) RETURNS uuid
LANGUAGE plpgsql STABLE
AS $$
DECLARE
	fw text := split_part(p_ref, ':', 1);
	code text := substr(p_ref, length(split_part(p_ref, ':', 1)) + 2);
	v uuid;
BEGIN
	SELECT coalesce((i ->> 'slo_uuid')::uuid, catalogue_uuid('goal:' || fw || ':' || code))
	INTO v
	FROM jsonb_array_elements(doc) f, jsonb_array_elements(f -> 'items') i
	WHERE f ->> 'code' = fw AND i ->> 'code' = code;
	IF v IS NULL OR NOT EXISTS (SELECT 1 FROM goal WHERE id = v) THEN
		RAISE EXCEPTION 'catalogue: reference % does not name a goal in the catalogue', p_ref;
	END IF;
	RETURN v;
END
$$;

-- curriculum/frameworks.json, second pass (after the SLO files): the
-- crosswalk relations it contains. maps_to of the pack's own leerdoelen are
-- the researcher's mappings (isRelatedTo, inferred); member_codes of a
-- cluster become isPartOf.
CREATE OR REPLACE FUNCTION catalogue_import_crosswalk(doc jsonb) RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
	rels jsonb;
	cnt integer;
BEGIN
	SELECT coalesce(jsonb_agg(r ORDER BY r ->> 'origin', r ->> 'seq', r ->> 'destination'), '[]')
	INTO rels
	FROM (
	    SELECT jsonb_build_object(
		'origin', catalogue_resolve_ref(doc, (f ->> 'code') || ':' || (i ->> 'code')),
		'type', 'isRelatedTo',
		'destination', catalogue_resolve_ref(doc, m),
		'seq', k, 'confidence', 'inferred',
		'note', concat_ws(' ', 'Koppeling door de onderzoeker (maps_to, frameworks.json).',
		    'Controle: ' || (i ->> 'check'))) AS r
	    FROM jsonb_array_elements(doc) f, jsonb_array_elements(f -> 'items') i,
		jsonb_array_elements_text(i -> 'maps_to') WITH ORDINALITY AS t (m, k)
	    UNION ALL
	    SELECT jsonb_build_object(
		'origin', catalogue_resolve_ref(doc, (f ->> 'code') || ':' || m),
		'type', 'isPartOf',
		'destination', catalogue_resolve_ref(doc, (f ->> 'code') || ':' || (i ->> 'code')),
		'seq', k, 'confidence', i ->> 'confidence',
		'note', 'member_codes van ' || (i ->> 'code') || ' (frameworks.json).')
	    FROM jsonb_array_elements(doc) f, jsonb_array_elements(f -> 'items') i,
		jsonb_array_elements_text(i -> 'member_codes') WITH ORDINALITY AS t (m, k)
	) s;
	PERFORM catalogue_merge_relations('curriculum/frameworks.json', rels);
	SELECT jsonb_array_length(rels) INTO cnt;
	RETURN cnt;
END
$$;

-- ---------------------------------------------------------------------------
-- Programmes, providers
-- ---------------------------------------------------------------------------

-- Provider name without a trailing explanation in parentheses:
-- "Fier (onderdeel ...)" -> "Fier". The full text stays in
-- programme_provider.name_as_published.
CREATE OR REPLACE FUNCTION catalogue_provider_name(p text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT
AS $$ SELECT btrim(regexp_replace(p, '\s*\(.*\)\s*$', '')) $$;

-- Make the providers of programme p_programme exactly p_names (in order).
CREATE OR REPLACE FUNCTION catalogue_set_programme_providers(p_programme uuid,
    p_names text[], p_source text) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
	INSERT INTO provider (id, name, source)
	SELECT catalogue_uuid('provider:' || catalogue_provider_name(nm)),
	    catalogue_provider_name(nm), p_source
	FROM unnest(p_names) AS nm
	ON CONFLICT DO NOTHING;

	DELETE FROM programme_provider pp
	WHERE pp.programme_id = p_programme
	  AND pp.provider_id NOT IN (SELECT catalogue_uuid('provider:' ||
	      catalogue_provider_name(nm)) FROM unnest(p_names) AS nm);

	INSERT INTO programme_provider AS pp (programme_id, provider_id,
	    position, name_as_published, source)
	SELECT p_programme, catalogue_uuid('provider:' || catalogue_provider_name(nm)),
	    k::integer, nm, p_source
	FROM unnest(p_names) WITH ORDINALITY AS t (nm, k)
	ON CONFLICT (programme_id, provider_id) DO UPDATE SET
	    position = EXCLUDED.position,
	    name_as_published = EXCLUDED.name_as_published,
	    source = EXCLUDED.source
	WHERE (pp.position, pp.name_as_published, pp.source) IS DISTINCT FROM
	    (EXCLUDED.position, EXCLUDED.name_as_published, EXCLUDED.source);
END
$$;

CREATE OR REPLACE FUNCTION catalogue_upsert_programme(p jsonb) RETURNS uuid
LANGUAGE plpgsql
AS $$
DECLARE
	v uuid := catalogue_uuid('programme:' || (p ->> 'code'));
BEGIN
	INSERT INTO programme AS pr (id, code, parent_id, title, subtitle, kind,
	    description, target_group, target_group_detail, themes,
	    evidence_level_code, evidence_note, year, language, url, source,
	    source_urls, confidence, note, source_record)
	VALUES (v, p ->> 'code', (p ->> 'parent_id')::uuid, p ->> 'title',
	    p ->> 'subtitle', p ->> 'kind', p ->> 'description',
	    p ->> 'target_group', p -> 'target_group_detail',
	    catalogue_text_array(p -> 'themes'),
	    coalesce(p ->> 'evidence_level_code', 'unknown'), p ->> 'evidence_note',
	    (p ->> 'year')::smallint, coalesce(p ->> 'language', 'nl'), p ->> 'url',
	    p ->> 'source', catalogue_text_array(p -> 'source_urls'),
	    p ->> 'confidence', p ->> 'note', p -> 'source_record')
	ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code,
	    parent_id = EXCLUDED.parent_id, title = EXCLUDED.title,
	    subtitle = EXCLUDED.subtitle, kind = EXCLUDED.kind,
	    description = EXCLUDED.description,
	    target_group = EXCLUDED.target_group,
	    target_group_detail = EXCLUDED.target_group_detail,
	    themes = EXCLUDED.themes,
	    evidence_level_code = EXCLUDED.evidence_level_code,
	    evidence_note = EXCLUDED.evidence_note, year = EXCLUDED.year,
	    language = EXCLUDED.language, url = EXCLUDED.url,
	    source = EXCLUDED.source, source_urls = EXCLUDED.source_urls,
	    confidence = EXCLUDED.confidence, note = EXCLUDED.note,
	    source_record = EXCLUDED.source_record
	WHERE (pr.code, pr.parent_id, pr.title, pr.subtitle, pr.kind,
	    pr.description, pr.target_group, pr.target_group_detail, pr.themes,
	    pr.evidence_level_code, pr.evidence_note, pr.year, pr.language,
	    pr.url, pr.source, pr.source_urls, pr.confidence, pr.note,
	    pr.source_record)
	IS DISTINCT FROM (EXCLUDED.code, EXCLUDED.parent_id, EXCLUDED.title,
	    EXCLUDED.subtitle, EXCLUDED.kind, EXCLUDED.description,
	    EXCLUDED.target_group, EXCLUDED.target_group_detail, EXCLUDED.themes,
	    EXCLUDED.evidence_level_code, EXCLUDED.evidence_note, EXCLUDED.year,
	    EXCLUDED.language, EXCLUDED.url, EXCLUDED.source,
	    EXCLUDED.source_urls, EXCLUDED.confidence, EXCLUDED.note,
	    EXCLUDED.source_record);
	RETURN v;
END
$$;

-- "ERK-1 Goed onderbouwd" -> 'ERK-1'; NULL (source silent) -> 'unknown'.
CREATE OR REPLACE FUNCTION catalogue_evidence_code(p text) RETURNS text
LANGUAGE plpgsql STABLE
AS $$
DECLARE
	c text;
BEGIN
	IF p IS NULL THEN
		RETURN 'unknown';
	END IF;
	c := substring(p FROM '^(ERK-[0-9A-Z]+)');
	IF c IS NULL OR NOT EXISTS (SELECT 1 FROM evidence_level WHERE code = c) THEN
		RAISE EXCEPTION 'catalogue: unknown evidence level "%"', p;
	END IF;
	RETURN c;
END
$$;

-- target_group as published (a string, or an object of strings/lists) as
-- one line of text.
CREATE OR REPLACE FUNCTION catalogue_target_group_text(p jsonb) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
	SELECT CASE jsonb_typeof(p)
	    WHEN 'string' THEN p #>> '{}'
	    WHEN 'object' THEN (SELECT string_agg(k || ': ' || CASE jsonb_typeof(v)
		WHEN 'array' THEN (SELECT string_agg(e, ', ') FROM jsonb_array_elements_text(v) e)
		ELSE v #>> '{}' END, '; ' ORDER BY n)
		FROM jsonb_each(p) WITH ORDINALITY AS t (k, v, n))
	    END
$$;

-- curriculum/programmes.json: source pages, programmes, their components
-- and variants (child programmes), providers.
CREATE OR REPLACE FUNCTION catalogue_import_programmes(doc jsonb) RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
	src constant text := 'curriculum/programmes.json';
	p jsonb;
	c jsonb;
	k bigint;
	pid uuid;
	cnt integer := 0;
BEGIN
	INSERT INTO source_document AS d (id, title, description, urls, note)
	SELECT s ->> 'code', s ->> 'title_nl',
	    concat_ws(E'\n', 'Aanbieder: ' || (s ->> 'provider'),
		(SELECT string_agg('- ' || e, E'\n') FROM jsonb_array_elements_text(s -> 'key_points_paraphrase') e),
		'(' || (s ->> 'confidence') || ')'),
	    catalogue_text_array(s -> 'source_url'), s ->> 'note'
	FROM jsonb_array_elements(doc -> 'source_pages') s
	ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title,
	    description = EXCLUDED.description, urls = EXCLUDED.urls, note = EXCLUDED.note
	WHERE (d.title, d.description, d.urls, d.note) IS DISTINCT FROM
	    (EXCLUDED.title, EXCLUDED.description, EXCLUDED.urls, EXCLUDED.note);

	FOR p IN SELECT x FROM jsonb_array_elements(doc -> 'programmes') x LOOP
		pid := catalogue_upsert_programme(jsonb_build_object(
		    'code', p ->> 'code', 'title', p ->> 'name_nl',
		    'kind', p ->> 'type', 'description', p ->> 'format',
		    'target_group', catalogue_target_group_text(p -> 'target_group'),
		    'target_group_detail', p -> 'target_group',
		    'themes', p -> 'themes',
		    'evidence_level_code', catalogue_evidence_code(p ->> 'evidence_level'),
		    'evidence_note', coalesce(p ->> 'evidence_note',
			CASE WHEN p ->> 'evidence_level' IS NULL
			    THEN 'De bron noemt geen erkenningsniveau.' END),
		    'year', p ->> 'year', 'source', src,
		    'source_urls', p -> 'source_url', 'confidence', p ->> 'confidence',
		    'note', nullif(concat_ws(E'\n', p ->> 'note', p ->> 'provider_note',
			CASE WHEN p -> 'provider' IS NULL OR p -> 'provider' = 'null'
			    THEN 'Aanbieder onbekend: de bron noemt er geen.' END), ''),
		    'source_record', p - 'components' - 'variants'));
		cnt := cnt + 1;
		PERFORM catalogue_set_programme_providers(pid,
		    CASE jsonb_typeof(p -> 'provider')
			WHEN 'array' THEN catalogue_text_array(p -> 'provider')
			WHEN 'string' THEN ARRAY[p ->> 'provider']
			ELSE '{}'::text[] END, src);

		-- components with a title are parts of the programme (training,
		-- toolkit); those without (MNOS-LES-1..3) are the lessons, which
		-- catalogue_import_lesson_pack() creates.
		FOR c, k IN SELECT x, o FROM jsonb_array_elements(p -> 'components')
		    WITH ORDINALITY AS t (x, o) WHERE x ->> 'title_nl' IS NOT NULL LOOP
			PERFORM catalogue_upsert_programme(jsonb_build_object(
			    'code', c ->> 'code', 'parent_id', pid,
			    'title', c ->> 'title_nl', 'kind', 'onderdeel',
			    'evidence_level_code', 'unknown', 'source', src,
			    'source_urls', CASE WHEN c ->> 'source_url' IS NOT NULL
				THEN jsonb_build_array(c ->> 'source_url') ELSE '[]' END,
			    'confidence', c ->> 'confidence', 'note', c ->> 'note',
			    'source_record', c));
			cnt := cnt + 1;
		END LOOP;
		FOR c, k IN SELECT x, o FROM jsonb_array_elements(p -> 'variants')
		    WITH ORDINALITY AS t (x, o) LOOP
			PERFORM catalogue_upsert_programme(jsonb_build_object(
			    'code', (p ->> 'code') || '-' || k, 'parent_id', pid,
			    'title', c ->> 'name', 'kind', 'variant',
			    'evidence_level_code', 'unknown',
			    'evidence_note', 'De bron noemt geen apart erkenningsniveau voor deze variant.',
			    'source', src,
			    'source_urls', CASE WHEN c ->> 'source_url' IS NOT NULL
				THEN jsonb_build_array(c ->> 'source_url') ELSE '[]' END,
			    'confidence', c ->> 'confidence', 'note', c ->> 'note',
			    'source_record', c));
			cnt := cnt + 1;
		END LOOP;
	END LOOP;
	RETURN cnt;
END
$$;

-- ---------------------------------------------------------------------------
-- curriculum/mnos-pack.json: the lesson pack "Mensenhandel (niet) op school"
-- ---------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION catalogue_import_lesson_pack(doc jsonb) RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
	src constant text := doc ->> 'source_document';
	pack_code constant text := 'MNOS-LESPAKKET';
	pack uuid;
	les uuid;
	lesson_ids uuid[] := '{}';
	levels uuid[];
	lvl_text text;
	i integer;
	al jsonb := '[]';
	e jsonb;
	g jsonb;
	s text;
	gid uuid;
	ref text;
	pack_note constant text := 'Op pakketniveau: de tabel "Overzicht leerdoelen" zegt niet bij welke van de drie lessen dit doel hoort; de koppeling geldt daarom voor het pakket (elk van zijn lessen).';
BEGIN
	IF src IS NULL OR NOT EXISTS (SELECT 1 FROM source_document WHERE id = src) THEN
		RAISE EXCEPTION 'catalogue: source document % unknown (seed catalogue_base.sql first)', src;
	END IF;

	SELECT array_agg(DISTINCT lv) INTO levels
	FROM jsonb_array_elements_text(doc -> 'levels_as_published') nm,
	    unnest(catalogue_level_ids(nm)) lv;
	SELECT string_agg(nm, ', ') INTO lvl_text
	FROM jsonb_array_elements_text(doc -> 'levels_as_published') nm;

	-- the pack, under the MNOS project of programmes.json when present
	pack := catalogue_upsert_programme(jsonb_build_object(
	    'code', pack_code,
	    'parent_id', (SELECT id FROM programme WHERE code = 'MNOS'),
	    'title', doc ->> 'title', 'subtitle', doc ->> 'subtitle_as_printed',
	    'kind', 'lespakket', 'description', doc -> 'lessons' ->> 'as_published',
	    'target_group', doc ->> 'audience', 'themes', '[]',
	    'evidence_level_code', 'unknown',
	    'evidence_note', 'De bron noemt geen erkenning; in de erkenningsdatabanken niet gevonden (programmes.json).',
	    'source', src, 'source_urls', '[]', 'confidence', 'verbatim',
	    'note', 'Transcriptie van het brondocument: seeds/curriculum/mnos-pack.json. Training: '
		|| (doc -> 'teacher_training' ->> 'url') || '.',
	    'source_record', jsonb_build_object('about', doc -> 'about',
		'providers', doc -> 'providers', 'introduction', doc -> 'introduction',
		'teacher_training', doc -> 'teacher_training',
		'title_as_printed', doc -> 'title_as_printed')));
	PERFORM catalogue_set_programme_providers(pack,
	    catalogue_text_array(doc -> 'providers'), src);
	DELETE FROM programme_level WHERE programme_id = pack AND level_id <> ALL (levels);
	INSERT INTO programme_level (programme_id, level_id)
	SELECT pack, lv FROM unnest(levels) lv ON CONFLICT DO NOTHING;

	-- help resources
	INSERT INTO help_resource AS h (id, name, as_printed, url, description, source)
	SELECT catalogue_uuid('help:' || (r ->> 'name')), r ->> 'name',
	    r ->> 'as_printed', r ->> 'url', r ->> 'what', src
	FROM jsonb_array_elements(doc -> 'help_resources') r
	ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name,
	    as_printed = EXCLUDED.as_printed, url = EXCLUDED.url,
	    description = EXCLUDED.description, source = EXCLUDED.source
	WHERE (h.name, h.as_printed, h.url, h.description, h.source) IS DISTINCT FROM
	    (EXCLUDED.name, EXCLUDED.as_printed, EXCLUDED.url, EXCLUDED.description,
	    EXCLUDED.source);

	-- the lessons: the source gives neither titles nor per-lesson content
	FOR i IN 1 .. (doc -> 'lessons' ->> 'count')::integer LOOP
		les := catalogue_uuid('lesson:' || pack_code || ':' || i);
		lesson_ids := lesson_ids || les;
		INSERT INTO lesson AS l (id, code, programme_id, position, title,
		    title_is_placeholder, title_note, summary, summary_note,
		    duration_minutes, duration_note, themes, format, language,
		    levels_as_published, source, source_url, evidence_level_code,
		    evidence_note, key_messages, teacher_preparation, safety_intro,
		    safety_quote, safety_checklist, sensitive_topic, status, note)
		VALUES (les, 'MNOS-LES-' || i, pack, i, 'Les ' || i, true,
		    'De bron noemt geen titel voor deze les ("' || (doc -> 'lessons' ->> 'as_published')
			|| '"); "Les ' || i || '" is een plaatsaanduiding. ' || (doc -> 'lessons' ->> 'titles_note'),
		    doc -> 'lessons' ->> 'as_published',
		    'Beschrijving van het pakket als geheel: de bron beschrijft de lessen niet afzonderlijk.',
		    NULL, 'De bron noemt geen lesduur.',
		    ARRAY['mensenhandel', 'seksuele uitbuiting', 'criminele uitbuiting'],
		    NULL, 'nl', lvl_text, src, NULL, 'unknown',
		    'De bron noemt geen erkenning.',
		    doc -> 'key_messages', NULL,
		    doc -> 'safety_in_class' ->> 'intro',
		    doc -> 'safety_in_class' ->> 'survivor_quote',
		    catalogue_text_array(doc -> 'safety_in_class' -> 'checklist'),
		    true, 'published',
		    'Kernboodschappen, checklist "Veiligheid in de klas" en hulpbronnen gelden volgens de bron voor het hele pakket. '
		    || 'Thema''s: de onderwerpen van kernboodschappen 1-3. Geen lesformat of bron-URL per les bekend. '
		    || 'programmes.json noemt deze les als onderdeel MNOS-LES-' || i || ' zonder titel.')
		ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code,
		    programme_id = EXCLUDED.programme_id, position = EXCLUDED.position,
		    title = EXCLUDED.title,
		    title_is_placeholder = EXCLUDED.title_is_placeholder,
		    title_note = EXCLUDED.title_note, summary = EXCLUDED.summary,
		    summary_note = EXCLUDED.summary_note,
		    duration_minutes = EXCLUDED.duration_minutes,
		    duration_note = EXCLUDED.duration_note, themes = EXCLUDED.themes,
		    format = EXCLUDED.format, language = EXCLUDED.language,
		    levels_as_published = EXCLUDED.levels_as_published,
		    source = EXCLUDED.source, source_url = EXCLUDED.source_url,
		    evidence_level_code = EXCLUDED.evidence_level_code,
		    evidence_note = EXCLUDED.evidence_note,
		    key_messages = EXCLUDED.key_messages,
		    teacher_preparation = EXCLUDED.teacher_preparation,
		    safety_intro = EXCLUDED.safety_intro,
		    safety_quote = EXCLUDED.safety_quote,
		    safety_checklist = EXCLUDED.safety_checklist,
		    sensitive_topic = EXCLUDED.sensitive_topic,
		    status = EXCLUDED.status, note = EXCLUDED.note
		WHERE (l.code, l.programme_id, l.position, l.title,
		    l.title_is_placeholder, l.title_note, l.summary, l.summary_note,
		    l.duration_minutes, l.duration_note, l.themes, l.format,
		    l.language, l.levels_as_published, l.source, l.source_url,
		    l.evidence_level_code, l.evidence_note, l.key_messages,
		    l.teacher_preparation, l.safety_intro, l.safety_quote,
		    l.safety_checklist, l.sensitive_topic, l.status, l.note)
		IS DISTINCT FROM (EXCLUDED.code, EXCLUDED.programme_id,
		    EXCLUDED.position, EXCLUDED.title, EXCLUDED.title_is_placeholder,
		    EXCLUDED.title_note, EXCLUDED.summary, EXCLUDED.summary_note,
		    EXCLUDED.duration_minutes, EXCLUDED.duration_note,
		    EXCLUDED.themes, EXCLUDED.format, EXCLUDED.language,
		    EXCLUDED.levels_as_published, EXCLUDED.source,
		    EXCLUDED.source_url, EXCLUDED.evidence_level_code,
		    EXCLUDED.evidence_note, EXCLUDED.key_messages,
		    EXCLUDED.teacher_preparation, EXCLUDED.safety_intro,
		    EXCLUDED.safety_quote, EXCLUDED.safety_checklist,
		    EXCLUDED.sensitive_topic, EXCLUDED.status, EXCLUDED.note);

		PERFORM catalogue_set_lesson_levels(les, levels);

		DELETE FROM lesson_help_resource x
		WHERE x.lesson_id = les AND NOT EXISTS (
		    SELECT 1 FROM jsonb_array_elements(doc -> 'help_resources')
			WITH ORDINALITY t (r, k)
		    WHERE catalogue_uuid('help:' || (r ->> 'name')) = x.help_resource_id
		      AND k = x.position);
		INSERT INTO lesson_help_resource (lesson_id, help_resource_id, position)
		SELECT les, catalogue_uuid('help:' || (r ->> 'name')), k
		FROM jsonb_array_elements(doc -> 'help_resources') WITH ORDINALITY t (r, k)
		ON CONFLICT DO NOTHING;
	END LOOP;

	-- the table "Overzicht leerdoelen", row by row, at pack level
	-- a. Domein curriculum 2021: the code as printed names the goal
	FOR e IN SELECT x FROM jsonb_array_elements(doc -> 'learning_goals_table'
	    -> 'domein_curriculum_2021') x LOOP
		SELECT id INTO gid FROM goal
		WHERE framework_id = catalogue_framework_id('CNU-DG-2019')
		  AND code = e ->> 'code';
		IF gid IS NULL THEN
			RAISE EXCEPTION 'catalogue: % not in CNU-DG-2019', e ->> 'code';
		END IF;
		al := al || jsonb_build_object('goal_id', gid,
		    'label', (e ->> 'code') || ' ' || (e ->> 'title_as_published'),
		    'code', e ->> 'code',
		    'context', 'Domein curriculum 2021, rij ' || (e ->> 'number') || ': ' || (e ->> 'domain'),
		    'confidence', 'verbatim',
		    'note', concat_ws(' ', pack_note, 'Datakwaliteit (transcriptie): ' || (e ->> 'data_quality')));
	END LOOP;
	-- b. Leerdoelen digitale vaardigheden (Mediawijsheid): the pack's own
	-- sentences (origin unknown), i.e. the goals of MNOS-LEERDOELEN
	FOR e IN SELECT x FROM jsonb_array_elements(doc -> 'learning_goals_table'
	    -> 'leerdoelen_digitale_vaardigheden') x LOOP
		FOR s IN SELECT y FROM jsonb_array_elements_text(e -> 'goals') y LOOP
			SELECT id INTO gid FROM goal
			WHERE framework_id = catalogue_framework_id('MNOS-LEERDOELEN')
			  AND title = s;
			IF gid IS NULL THEN
				RAISE EXCEPTION 'catalogue: leerdoel "%" not in MNOS-LEERDOELEN', s;
			END IF;
			al := al || jsonb_build_object('goal_id', gid, 'label', s,
			    'code', NULL,
			    'context', 'Leerdoelen digitale vaardigheden, rij ' || (e ->> 'number') || ': ' || (e ->> 'area'),
			    'confidence', 'verbatim',
			    'note', pack_note || ' Herkomst van deze formulering onbekend (NOTES.md, par. 4).');
		END LOOP;
	END LOOP;
	-- c. Kerndoelen: printed without number; 'matches' names the SLO goal
	FOR e IN SELECT x FROM jsonb_array_elements(doc -> 'learning_goals_table'
	    -> 'kerndoelen') x LOOP
		gid := substring(e ->> 'matches' FROM
		    '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')::uuid;
		IF gid IS NULL OR NOT EXISTS (SELECT 1 FROM goal WHERE id = gid) THEN
			RAISE EXCEPTION 'catalogue: kerndoel of "%" not found', e ->> 'matches';
		END IF;
		al := al || jsonb_build_object('goal_id', gid, 'label', e ->> 'goal',
		    'code', NULL,
		    'context', 'Kerndoelen, rij ' || (e ->> 'number') || ': ' || (e ->> 'area'),
		    'confidence', 'paraphrase',
		    'note', concat_ws(' ', pack_note,
			'De bron drukt geen kerndoelnummer af; de tekst is die van '
			|| (e ->> 'matches') || ', in het enkelvoud.',
			'Datakwaliteit (transcriptie): ' || (e ->> 'data_quality')));
	END LOOP;
	-- d. 21st century skills: the skill of the SLO/Kennisnet model that the
	-- pack's row maps to (frameworks.json MNOS-LEERDOELEN maps_to)
	FOR e IN SELECT x FROM jsonb_array_elements(doc -> 'learning_goals_table'
	    -> '21st_century_skills') x LOOP
		SELECT g2.source_record -> 'maps_to' ->> 0 INTO ref
		FROM goal g2
		WHERE g2.framework_id = catalogue_framework_id('MNOS-LEERDOELEN')
		  AND g2.title = e ->> 'skill';
		SELECT g3.id INTO gid FROM goal g3
		WHERE g3.framework_id = catalogue_framework_id(split_part(ref, ':', 1))
		  AND g3.code = split_part(ref, ':', 2);
		IF gid IS NULL THEN
			RAISE EXCEPTION 'catalogue: 21st century skill "%" not mapped (%)', e ->> 'skill', ref;
		END IF;
		al := al || jsonb_build_object('goal_id', gid, 'label', e ->> 'skill',
		    'code', NULL,
		    'context', '21st century skills, rij ' || (e ->> 'number'),
		    'confidence', 'paraphrase',
		    'note', pack_note || ' De bron noemt het model niet; de vaardigheid is die van het SLO/Kennisnet-model (' || ref || ').');
	END LOOP;

	DELETE FROM alignment a
	WHERE a.programme_id = pack AND a.source = src
	  AND a.goal_id NOT IN (SELECT (x ->> 'goal_id')::uuid FROM jsonb_array_elements(al) x);
	INSERT INTO alignment AS a (id, programme_id, goal_id, emphasis, position,
	    published_label, published_code, published_context, source,
	    source_url, confidence, note)
	SELECT catalogue_uuid('alignment:' || pack_code || ':' || (x ->> 'goal_id') || ':' || src),
	    pack, (x ->> 'goal_id')::uuid, NULL, k::integer, x ->> 'label',
	    x ->> 'code', x ->> 'context', src, NULL, x ->> 'confidence', x ->> 'note'
	FROM jsonb_array_elements(al) WITH ORDINALITY AS t (x, k)
	ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position,
	    published_label = EXCLUDED.published_label,
	    published_code = EXCLUDED.published_code,
	    published_context = EXCLUDED.published_context,
	    confidence = EXCLUDED.confidence, note = EXCLUDED.note
	WHERE (a.position, a.published_label, a.published_code,
	    a.published_context, a.confidence, a.note) IS DISTINCT FROM
	    (EXCLUDED.position, EXCLUDED.published_label, EXCLUDED.published_code,
	    EXCLUDED.published_context, EXCLUDED.confidence, EXCLUDED.note);

	RETURN jsonb_array_length(al);
END
$$;

-- ---------------------------------------------------------------------------
-- seeds/units/units.json
-- ---------------------------------------------------------------------------

-- The level ids of a unit's level codes ("groep-1", "havo-2", "vso"; level
-- aliases as for the other imports).
CREATE OR REPLACE FUNCTION catalogue_unit_level_ids(p_codes jsonb) RETURNS uuid[]
LANGUAGE sql STABLE
AS $$
	SELECT coalesce(array_agg(DISTINCT lv), '{}')
	FROM jsonb_array_elements_text(coalesce(p_codes, '[]')) AS c,
	    unnest(catalogue_level_ids(c)) AS lv
$$;

-- The addresses of a list of sources [{url, excerpt, supports}].
CREATE OR REPLACE FUNCTION catalogue_source_urls(p jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE
AS $$
	SELECT coalesce(array_agg(DISTINCT s ->> 'url' ORDER BY s ->> 'url'),
	    '{}')
	FROM jsonb_array_elements(coalesce(p, '[]')) AS s
	WHERE coalesce(s ->> 'url', '') <> ''
$$;

-- The goal of an alignment {framework, goal}: by code within the
-- framework (SLO's codes repeat in a few leerdoelenkaarten: the first
-- current one), or by SLO UUID.
CREATE OR REPLACE FUNCTION catalogue_unit_goal(p_framework text, p_goal text)
RETURNS uuid
LANGUAGE sql STABLE
AS $$
	SELECT g.id FROM goal g
	WHERE g.framework_id = catalogue_framework_id(p_framework)
	AND (g.code = p_goal OR catalogue_norm(g.code) = catalogue_norm(p_goal)
	    OR g.id::text = p_goal)
	ORDER BY g.code = p_goal DESC, g.status = 'current' DESC, g.id
	LIMIT 1
$$;

-- units/units.json (seeds/units/NOTES.md): programmes and their
-- plannable units (lesson rows of kind les/module/programma/project)
-- with levels, sources and goal alignments (confidence and rationale).
-- A programme whose code is already in the catalogue (programmes.json)
-- keeps every column that file sets (so that each import stays
-- idempotent on its own) and gains the researched facts in the columns
-- of migration 0100 (erkenning date, database and address, target groups, format,
-- sources); its units carry the erkenning of units.json.  A unit is published when it has a level, a source
-- and an alignment; otherwise it stays a draft and its note says why.
-- Units of this file that are no longer in it become drafts (plan items
-- may point at them).  Idempotent: a second run changes no row.
CREATE OR REPLACE FUNCTION catalogue_import_units(doc jsonb) RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
	src constant text := 'units/units.json';
	retrieved date := (doc ->> 'retrieved')::date;
	p jsonb;
	u jsonb;
	a jsonb;
	k bigint;
	pid uuid;
	les uuid;
	levels uuid[];
	gid uuid;
	ev text;
	ev_note text;
	why text;
	seen uuid[] := '{}';
	al_ids uuid[];
	cnt integer := 0;
BEGIN
	FOR p IN SELECT x FROM jsonb_array_elements(doc -> 'programmes') x LOOP
		ev := CASE WHEN coalesce(p -> 'evidence' ->> 'level', 'unknown')
		    = 'unknown' THEN 'unknown'
		    ELSE catalogue_evidence_code(p -> 'evidence' ->> 'level') END;
		ev_note := CASE WHEN jsonb_typeof(p -> 'evidence') = 'object'
		    THEN concat_ws(' ', 'Erkenning volgens ' ||
			(p -> 'evidence' ->> 'database'),
			'(' || (p -> 'evidence' ->> 'date') || ')',
			p -> 'evidence' ->> 'url')
		    ELSE 'De bronnen noemen geen erkenning.' END;
		pid := (SELECT id FROM programme WHERE code = p ->> 'code');
		IF pid IS NULL THEN
			pid := catalogue_upsert_programme(jsonb_build_object(
			    'code', p ->> 'code', 'title', p ->> 'title',
			    'kind', 'programma', 'description', p ->> 'summary',
			    'target_group', array_to_string(catalogue_text_array(
				p -> 'target_groups'), ', '),
			    'themes', coalesce(p -> 'themes', '[]'),
			    'evidence_level_code', ev, 'evidence_note', ev_note,
			    'url', p ->> 'url', 'source', src,
			    'source_urls', to_jsonb(catalogue_source_urls(p -> 'sources')),
			    'confidence', 'paraphrase',
			    'source_record', p - 'units'));
			IF coalesce(p ->> 'provider', '') <> '' THEN
				PERFORM catalogue_set_programme_providers(pid,
				    ARRAY[p ->> 'provider'], src);
			END IF;
		END IF;
		UPDATE programme pr SET summary = p ->> 'summary',
		    format = p ->> 'format',
		    target_groups = catalogue_text_array(p -> 'target_groups'),
		    evidence_date = (p -> 'evidence' ->> 'date')::date,
		    evidence_database = p -> 'evidence' ->> 'database',
		    evidence_url = p -> 'evidence' ->> 'url',
		    reviewed_on = retrieved,
		    sources = coalesce(p -> 'sources', '[]')
		WHERE pr.id = pid AND (pr.summary, pr.format, pr.target_groups,
		    pr.evidence_date, pr.evidence_database, pr.evidence_url,
		    pr.reviewed_on, pr.sources) IS DISTINCT FROM
		    (p ->> 'summary', p ->> 'format',
		    catalogue_text_array(p -> 'target_groups'),
		    (p -> 'evidence' ->> 'date')::date,
		    p -> 'evidence' ->> 'database', p -> 'evidence' ->> 'url',
		    retrieved, coalesce(p -> 'sources', '[]'));
		cnt := cnt + 1;

		FOR u, k IN SELECT x, o FROM jsonb_array_elements(p -> 'units')
		    WITH ORDINALITY AS t (x, o) LOOP
			les := catalogue_uuid('lesson:' || (u ->> 'code'));
			-- a unit's sources: its own, then its programme's
			u := jsonb_set(u, '{sources}', coalesce(u -> 'sources',
			    '[]') || coalesce(p -> 'sources', '[]'));
			seen := seen || les;
			levels := catalogue_unit_level_ids(u -> 'levels');
			-- the alignments that resolve
			al_ids := '{}';
			FOR a IN SELECT x FROM jsonb_array_elements(
			    coalesce(u -> 'alignments', '[]')) x LOOP
				gid := catalogue_unit_goal(a ->> 'framework',
				    coalesce(a ->> 'goal_id', a ->> 'goal'));
				IF gid IS NULL THEN
					RAISE EXCEPTION 'catalogue: unit %: goal % % not found',
					    u ->> 'code', a ->> 'framework', a ->> 'goal';
				END IF;
				al_ids := al_ids || gid;
			END LOOP;
			why := concat_ws(' ',
			    CASE WHEN cardinality(levels) = 0 THEN
				'Geen leerjaar bekend.' END,
			    CASE WHEN cardinality(catalogue_source_urls(
				u -> 'sources')) = 0 THEN 'Geen bron.' END,
			    CASE WHEN cardinality(al_ids) = 0 THEN
				'Geen koppeling aan een leerdoel.' END);
			INSERT INTO lesson AS l (id, code, programme_id, position,
			    title, summary, duration_minutes, duration_note,
			    themes, format, levels_as_published, source,
			    source_url, evidence_level_code, evidence_note,
			    sensitive_topic, status, note, kind, reviewed_on,
			    target_groups, lessons_count, levels_confidence,
			    sources, source_urls, silent)
			VALUES (les, u ->> 'code', pid, NULL, u ->> 'title',
			    u ->> 'summary', (u ->> 'duration_minutes')::integer,
			    coalesce(u ->> 'duration_note', CASE WHEN
				u ->> 'duration_minutes' IS NULL THEN
				'De bronnen noemen geen duur.' END),
			    catalogue_text_array(u -> 'themes'), u ->> 'format',
			    u ->> 'levels_note', src, u ->> 'url', ev, ev_note,
			    coalesce((u ->> 'sensitive_topic')::boolean, false),
			    CASE WHEN why = '' THEN 'published' ELSE 'draft' END,
			    nullif(concat_ws(' ', CASE WHEN why <> '' THEN
				'Niet gepubliceerd: ' || why END), ''),
			    coalesce(u ->> 'kind', 'les'),
			    coalesce((u ->> 'reviewed_on')::date, retrieved),
			    catalogue_text_array(coalesce(u -> 'target_groups',
				p -> 'target_groups')),
			    (u ->> 'lessons_count')::integer,
			    u ->> 'levels_confidence',
			    coalesce(u -> 'sources', '[]'),
			    catalogue_source_urls(u -> 'sources'),
			    catalogue_text_array(u -> 'silent'))
			ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code,
			    programme_id = EXCLUDED.programme_id,
			    position = EXCLUDED.position, title = EXCLUDED.title,
			    summary = EXCLUDED.summary,
			    duration_minutes = EXCLUDED.duration_minutes,
			    duration_note = EXCLUDED.duration_note,
			    themes = EXCLUDED.themes, format = EXCLUDED.format,
			    levels_as_published = EXCLUDED.levels_as_published,
			    source = EXCLUDED.source,
			    source_url = EXCLUDED.source_url,
			    evidence_level_code = EXCLUDED.evidence_level_code,
			    evidence_note = EXCLUDED.evidence_note,
			    sensitive_topic = EXCLUDED.sensitive_topic,
			    status = EXCLUDED.status, note = EXCLUDED.note,
			    kind = EXCLUDED.kind,
			    reviewed_on = EXCLUDED.reviewed_on,
			    target_groups = EXCLUDED.target_groups,
			    lessons_count = EXCLUDED.lessons_count,
			    levels_confidence = EXCLUDED.levels_confidence,
			    sources = EXCLUDED.sources,
			    source_urls = EXCLUDED.source_urls,
			    silent = EXCLUDED.silent
			WHERE (l.code, l.programme_id, l.position, l.title,
			    l.summary, l.duration_minutes, l.duration_note,
			    l.themes, l.format, l.levels_as_published, l.source,
			    l.source_url, l.evidence_level_code, l.evidence_note,
			    l.sensitive_topic, l.status, l.note, l.kind,
			    l.reviewed_on, l.target_groups, l.lessons_count,
			    l.levels_confidence, l.sources, l.source_urls,
			    l.silent)
			IS DISTINCT FROM (EXCLUDED.code, EXCLUDED.programme_id,
			    EXCLUDED.position, EXCLUDED.title, EXCLUDED.summary,
			    EXCLUDED.duration_minutes, EXCLUDED.duration_note,
			    EXCLUDED.themes, EXCLUDED.format,
			    EXCLUDED.levels_as_published, EXCLUDED.source,
			    EXCLUDED.source_url, EXCLUDED.evidence_level_code,
			    EXCLUDED.evidence_note, EXCLUDED.sensitive_topic,
			    EXCLUDED.status, EXCLUDED.note, EXCLUDED.kind,
			    EXCLUDED.reviewed_on, EXCLUDED.target_groups,
			    EXCLUDED.lessons_count, EXCLUDED.levels_confidence,
			    EXCLUDED.sources, EXCLUDED.source_urls,
			    EXCLUDED.silent);

			PERFORM catalogue_set_lesson_levels(les, levels);

			DELETE FROM alignment x WHERE x.lesson_id = les
			    AND x.source = src AND x.goal_id <> ALL (al_ids);
			INSERT INTO alignment AS al (id, lesson_id, goal_id,
			    position, source, source_url, confidence, rationale,
			    note)
			SELECT DISTINCT ON (g) catalogue_uuid('alignment:' ||
				(u ->> 'code') || ':' || g || ':' || src),
			    les, g, n::integer, src, NULL,
			    coalesce(y ->> 'confidence', 'inferred'),
			    nullif(btrim(y ->> 'rationale'), ''),
			    'Onderzochte koppeling (units.json): de aanbieder '
			    || 'publiceert zelf geen leerdoelen in dit kader.'
			FROM jsonb_array_elements(coalesce(u -> 'alignments',
			    '[]')) WITH ORDINALITY AS t (y, n),
			    LATERAL (SELECT catalogue_unit_goal(y ->> 'framework',
				coalesce(y ->> 'goal_id', y ->> 'goal')) AS g) r
			ORDER BY g, n
			ON CONFLICT (id) DO UPDATE SET
			    position = EXCLUDED.position,
			    confidence = EXCLUDED.confidence,
			    rationale = EXCLUDED.rationale, note = EXCLUDED.note
			WHERE (al.position, al.confidence, al.rationale, al.note)
			    IS DISTINCT FROM (EXCLUDED.position,
			    EXCLUDED.confidence, EXCLUDED.rationale,
			    EXCLUDED.note);
			cnt := cnt + 1;
		END LOOP;
	END LOOP;
	UPDATE lesson SET status = 'draft', note = 'Niet meer in units.json.'
	WHERE source = src AND school_id IS NULL AND id <> ALL (seen)
	AND (status, note) IS DISTINCT FROM ('draft', 'Niet meer in units.json.');
	RETURN cnt;
END
$$;
