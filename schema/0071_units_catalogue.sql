-- 0071 units in the catalogue: the import of seeds/units/units.json, the
-- search with synonyms and prefixes, and a school's own units kept out of
-- what everyone reads (the goal closure of the finder, the stored
-- alignment warnings).

-- ---------------------------------------------------------------------------
-- Search
-- ---------------------------------------------------------------------------

-- The tsquery to use against the search columns.  A query with web-search
-- syntax ("quoted phrase", -word, OR) is read as before: Dutch stemming,
-- accent insensitive.  A plain query is read word by word (AND), and each
-- word (not a stop word) matches its stem, any word that starts with it
-- (compounds: "mediawijsheid" finds "mediawijsheidlessen") and the
-- expansions of search_synonym (as phrases).  STABLE: it reads
-- search_synonym.
CREATE OR REPLACE FUNCTION catalogue_tsquery(p_query text) RETURNS tsquery
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
AS $$
DECLARE
	w text;
	e text;
	t tsquery;
	r tsquery;
BEGIN
	IF p_query ~ '["()]|(^|\s)-\S|\s[Oo][Rr]\s' THEN
		RETURN websearch_to_tsquery('dutch'::regconfig,
		    catalogue_unaccent(p_query));
	END IF;
	FOR w IN SELECT x FROM regexp_split_to_table(
	    lower(catalogue_unaccent(p_query)), '[^a-z0-9]+') AS x
	    WHERE x <> '' LOOP
		IF to_tsvector('dutch'::regconfig, w) = ''::tsvector THEN
			CONTINUE;		-- a stop word
		END IF;
		t := to_tsquery('dutch'::regconfig, w);
		IF length(w) >= 4 THEN
			t := t || to_tsquery('dutch'::regconfig, w || ':*');
		END IF;
		FOR e IN SELECT s.expansion FROM search_synonym s
		    WHERE s.term = w ORDER BY s.expansion LOOP
			t := t || phraseto_tsquery('dutch'::regconfig,
			    catalogue_unaccent(e));
		END LOOP;
		r := CASE WHEN r IS NULL THEN t ELSE r && t END;
	END LOOP;
	IF r IS NULL THEN		-- only stop words: as before
		RETURN websearch_to_tsquery('dutch'::regconfig,
		    catalogue_unaccent(p_query));
	END IF;
	RETURN r;
END
$$;

-- ---------------------------------------------------------------------------
-- A school's own units stay with the school
-- ---------------------------------------------------------------------------

-- lesson_goal_reach (0027) holds the shared catalogue only: the finder's
-- fast path reads it for everyone.
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

-- The stored alignment warnings (0023, a public list) cover the shared
-- catalogue only.
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

-- May p_user see unit p_lesson?  Catalogue units: everyone; a school's own
-- units: whoever may read that school (its members, inspectors in scope,
-- admins).  NULL user: anonymous.
CREATE FUNCTION unit_visible(p_user uuid, p_school uuid) RETURNS boolean
LANGUAGE sql STABLE
AS $$
	SELECT p_school IS NULL OR (p_user IS NOT NULL AND
	    auth_can_read_school(p_user, p_school))
$$;

-- The address of a unit's source: its publisher's page, else its first
-- source, else the address of the source document it comes from.
CREATE FUNCTION unit_source_address(p_url text, p_urls text[], p_source text)
RETURNS text
LANGUAGE sql STABLE
AS $$
	SELECT coalesce(p_url, p_urls[1], (SELECT d.urls[1]
	    FROM source_document d WHERE d.id = p_source))
$$;

-- ---------------------------------------------------------------------------
-- seeds/units/units.json
-- ---------------------------------------------------------------------------

-- The level ids of a unit's level codes ("groep-1", "havo-2", "vso"; level
-- aliases as for the other imports).
CREATE FUNCTION catalogue_unit_level_ids(p_codes jsonb) RETURNS uuid[]
LANGUAGE sql STABLE
AS $$
	SELECT coalesce(array_agg(DISTINCT lv), '{}')
	FROM jsonb_array_elements_text(coalesce(p_codes, '[]')) AS c,
	    unnest(catalogue_level_ids(c)) AS lv
$$;

-- The addresses of a list of sources [{url, excerpt, supports}].
CREATE FUNCTION catalogue_source_urls(p jsonb) RETURNS text[]
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
CREATE FUNCTION catalogue_unit_goal(p_framework text, p_goal text)
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
-- of 0070 (erkenning date, database and address, target groups, format,
-- sources); its units carry the erkenning of units.json.  A unit is published when it has a level, a source
-- and an alignment; otherwise it stays a draft and its note says why.
-- Units of this file that are no longer in it become drafts (plan items
-- may point at them).  Idempotent: a second run changes no row.
CREATE FUNCTION catalogue_import_units(doc jsonb) RETURNS integer
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

			DELETE FROM lesson_level WHERE lesson_id = les
			    AND level_id <> ALL (levels);
			INSERT INTO lesson_level (lesson_id, level_id)
			SELECT les, lv FROM unnest(levels) lv
			ON CONFLICT DO NOTHING;

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
