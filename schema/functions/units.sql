-- functions/units.sql: a school's own activities and the proposed
-- leerlijn (docs/units.md).
--
-- Applied again, as a whole, whenever this file changes or a numbered
-- migration runs (see docs/database.md): every statement must be
-- repeatable (CREATE OR REPLACE; a constraint trigger is dropped first).
-- The columns: schema/migrations/0100_units.sql.

-- May p_user see unit p_lesson?  Catalogue units: everyone; a school's own
-- units: whoever may read that school (its members, inspectors in scope,
-- admins).  NULL user: anonymous.
CREATE OR REPLACE FUNCTION unit_visible(p_user uuid, p_school uuid) RETURNS boolean
LANGUAGE sql STABLE
AS $$
	SELECT p_school IS NULL OR (p_user IS NOT NULL AND
	    auth_can_read_school(p_user, p_school))
$$;

-- ---------------------------------------------------------------------------
-- A school's own activities (issue 13, item 2): units of kind
-- 'activiteit' with the school's id (migration 0100).  Coordinators add, change and
-- remove them; the school's members, inspectors in scope and admins read
-- them; nobody else sees them (unit_visible).  They are planned,
-- checked and counted in coverage like catalogue units.  A coordinator
-- may offer one to the catalogue; a curator adopts it: a copy in the
-- shared catalogue with its source, linked by adopted_from.
--
-- Every write function takes the request body as jsonb, refuses invalid
-- input with api_require (LL422: field and Dutch message) and a stale
-- version with LL412; it returns the document, or NULL when there is no
-- such activity at that school.

-- The document of an own activity.
CREATE OR REPLACE FUNCTION unit_activity_doc(p_id uuid) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object('id', l.id, 'school_id', l.school_id,
	    'kind', l.kind, 'title', l.title, 'summary', l.summary,
	    'levels', coalesce((SELECT jsonb_agg(lv.code ORDER BY lv.sort_order
		NULLS LAST, lv.code) FROM lesson_level ll JOIN level lv
		ON lv.id = ll.level_id WHERE ll.lesson_id = l.id), '[]'),
	    'duration_minutes', l.duration_minutes, 'themes', l.themes,
	    'target_groups', l.target_groups,
	    'sensitive_topic', l.sensitive_topic, 'url', l.source_url,
	    'notes', l.note,
	    'goals', coalesce((SELECT jsonb_agg(jsonb_build_object('id', g.id,
		'framework', f.code, 'code', g.code, 'title', g.title)
		ORDER BY f.code, g.code, g.id) FROM alignment a
		JOIN goal g ON g.id = a.goal_id
		JOIN framework f ON f.id = g.framework_id
		WHERE a.lesson_id = l.id), '[]'),
	    'offered', l.offered_at IS NOT NULL, 'offered_at', l.offered_at,
	    'adopted_as', (SELECT c.id FROM lesson c WHERE c.adopted_from = l.id
		ORDER BY c.created_at LIMIT 1),
	    'planned', (SELECT count(*) FROM plan_item i
		WHERE i.lesson_id = l.id),
	    'version', l.version, 'created_at', l.created_at,
	    'updated_at', l.updated_at)
	FROM lesson l WHERE l.id = p_id AND l.school_id IS NOT NULL
$$;

CREATE OR REPLACE FUNCTION unit_activity_list(p_school uuid) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object('total', count(*),
	    'items', coalesce(jsonb_agg(unit_activity_doc(l.id)
		ORDER BY l.title, l.id), '[]'))
	FROM lesson l WHERE l.school_id = p_school
$$;

-- Check what the API's field table cannot (api/catalogue/units_http.c
-- checks types and lengths): the levels and goals exist; return the goal
-- ids the body names.
CREATE OR REPLACE FUNCTION unit_activity_check(d jsonb, p_create boolean)
RETURNS uuid[]
LANGUAGE plpgsql STABLE
AS $$
DECLARE
	g uuid[];
	bad text;
BEGIN
	-- the fields' types and lengths: api/catalogue/units_http.c
	PERFORM api_require(NOT p_create OR (d ? 'title' AND d ? 'levels'),
	    CASE WHEN d ? 'title' THEN 'levels' ELSE 'title' END,
	    'een activiteit heeft een titel en leerjaren');
	IF d ? 'levels' THEN
		PERFORM api_require(jsonb_array_length(d -> 'levels') >= 1,
		    'levels', 'een lijst van leerjaren (zoals groep-7 of havo-2)');
		PERFORM api_level_ids(d -> 'levels', 'levels');
	END IF;
	IF d ? 'goals' THEN
		PERFORM api_require(NOT EXISTS (
		    SELECT 1 FROM jsonb_array_elements_text(d -> 'goals') e
		    WHERE NOT account_uuid_ok(e)), 'goals',
		    'een lijst van leerdoel-id''s (UUID)');
		SELECT string_agg(e, ', ') INTO bad
		FROM jsonb_array_elements_text(d -> 'goals') e
		WHERE NOT EXISTS (SELECT 1 FROM goal x WHERE x.id = e::uuid);
		PERFORM api_require(bad IS NULL, 'goals',
		    'onbekend leerdoel: ' || bad);
		SELECT array_agg(DISTINCT e::uuid) INTO g
		FROM jsonb_array_elements_text(d -> 'goals') e;
	END IF;
	RETURN coalesce(g, '{}');
END
$$;

-- Levels and goals of an activity as the body says (when it says them).
CREATE OR REPLACE FUNCTION unit_activity_links(p_id uuid, p_school uuid, d jsonb,
    p_goals uuid[])
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
	src constant text := 'school:' || p_school;
BEGIN
	IF d ? 'levels' THEN
		PERFORM catalogue_set_lesson_levels(p_id,
		    api_level_ids(d -> 'levels', 'levels'));
	END IF;
	IF d ? 'goals' THEN
		DELETE FROM alignment WHERE lesson_id = p_id
		    AND goal_id <> ALL (p_goals);
		INSERT INTO alignment (lesson_id, goal_id, source, confidence,
		    note)
		SELECT p_id, x, src, 'inferred',
		    'Gekoppeld door de school zelf.'
		FROM unnest(p_goals) x ON CONFLICT DO NOTHING;
	END IF;
END
$$;

CREATE OR REPLACE FUNCTION unit_activity_create(p_school uuid, p_user uuid, d jsonb)
RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
	goals uuid[] := unit_activity_check(d, true);
	v uuid;
BEGIN
	INSERT INTO lesson (school_id, kind, title, summary, duration_minutes,
	    themes, target_groups, sensitive_topic, source, source_url, note,
	    status, reviewed_on, offered_at, created_by)
	VALUES (p_school, 'activiteit', btrim(d ->> 'title'), d ->> 'summary',
	    (d ->> 'duration_minutes')::integer,
	    coalesce(catalogue_text_array(d -> 'themes'), '{}'),
	    coalesce(catalogue_text_array(d -> 'target_groups'), '{}'),
	    coalesce((d ->> 'sensitive_topic')::boolean, false),
	    'eigen activiteit van de school', d ->> 'url', d ->> 'notes',
	    'published', current_date,
	    CASE WHEN (d ->> 'offered')::boolean THEN now() END, p_user)
	RETURNING id INTO v;
	PERFORM unit_activity_links(v, p_school, d, goals);
	RETURN unit_activity_doc(v);
END
$$;

-- Lock activity p_id of school p_school for a change at version p_version
-- (LL412 when stale); false when the school has no such activity.
CREATE OR REPLACE FUNCTION unit_activity_lock(p_school uuid, p_id uuid,
    p_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $$
DECLARE
	v integer;
BEGIN
	SELECT version INTO v FROM lesson WHERE id = p_id AND school_id = p_school
	FOR UPDATE;
	IF NOT FOUND THEN
		RETURN false;
	END IF;
	PERFORM api_require_version(v, p_version);
	RETURN true;
END
$$;

CREATE OR REPLACE FUNCTION unit_activity_update(p_school uuid, p_id uuid, d jsonb,
    p_version integer)
RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
	goals uuid[];
BEGIN
	IF NOT unit_activity_lock(p_school, p_id, p_version) THEN
		RETURN NULL;
	END IF;
	goals := unit_activity_check(d, false);
	UPDATE lesson SET
	    title = CASE WHEN d ? 'title' THEN btrim(d ->> 'title') ELSE title END,
	    summary = CASE WHEN d ? 'summary' THEN d ->> 'summary' ELSE summary END,
	    duration_minutes = CASE WHEN d ? 'duration_minutes'
		THEN (d ->> 'duration_minutes')::integer ELSE duration_minutes END,
	    themes = CASE WHEN d ? 'themes'
		THEN catalogue_text_array(d -> 'themes') ELSE themes END,
	    target_groups = CASE WHEN d ? 'target_groups'
		THEN catalogue_text_array(d -> 'target_groups') ELSE target_groups END,
	    sensitive_topic = CASE WHEN d ? 'sensitive_topic'
		THEN (d ->> 'sensitive_topic')::boolean ELSE sensitive_topic END,
	    source_url = CASE WHEN d ? 'url' THEN d ->> 'url' ELSE source_url END,
	    note = CASE WHEN d ? 'notes' THEN d ->> 'notes' ELSE note END,
	    offered_at = CASE WHEN NOT d ? 'offered' THEN offered_at
		WHEN (d ->> 'offered')::boolean THEN coalesce(offered_at, now())
		END,
	    reviewed_on = current_date,
	    -- levels and goals are not columns: their change is one too
	    version = CASE WHEN (d ? 'levels' AND ARRAY(SELECT ll.level_id
		FROM lesson_level ll WHERE ll.lesson_id = p_id ORDER BY 1)
		IS DISTINCT FROM ARRAY(SELECT DISTINCT x FROM unnest(
		api_level_ids(d -> 'levels', 'levels')) x ORDER BY 1))
		OR (d ? 'goals' AND ARRAY(SELECT a.goal_id FROM alignment a
		WHERE a.lesson_id = p_id ORDER BY 1) IS DISTINCT FROM
		ARRAY(SELECT x FROM unnest(goals) x ORDER BY 1))
		THEN version + 1 ELSE version END
	WHERE id = p_id;
	PERFORM unit_activity_links(p_id, p_school, d, goals);
	RETURN unit_activity_doc(p_id);
END
$$;

-- Remove an activity that is in no plan or template (else 422).
CREATE OR REPLACE FUNCTION unit_activity_delete(p_school uuid, p_id uuid,
    p_version integer)
RETURNS jsonb
LANGUAGE plpgsql
AS $$
BEGIN
	IF NOT unit_activity_lock(p_school, p_id, p_version) THEN
		RETURN NULL;
	END IF;
	PERFORM api_require(NOT EXISTS (SELECT 1 FROM plan_item i
	    WHERE i.lesson_id = p_id) AND NOT EXISTS (SELECT 1
	    FROM plan_template_item t WHERE t.lesson_id = p_id), 'id',
	    'deze activiteit staat in een jaarplan of sjabloon; haal haar '
	    'daar eerst weg');
	UPDATE lesson SET adopted_from = NULL WHERE adopted_from = p_id;
	DELETE FROM lesson WHERE id = p_id;
	RETURN jsonb_build_object('id', p_id, 'deleted', true);
END
$$;

-- The activities schools offer to the catalogue (for curators), with
-- their school's name.
CREATE OR REPLACE FUNCTION unit_activity_offered() RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object('total', count(*),
	    'items', coalesce(jsonb_agg(unit_activity_doc(l.id) ||
		jsonb_build_object('school_name', s.name)
		ORDER BY l.offered_at, l.id), '[]'))
	FROM lesson l JOIN school s ON s.id = l.school_id
	WHERE l.offered_at IS NOT NULL
$$;

-- A curator takes an offered activity into the shared catalogue: a new
-- published unit (kind from d.kind, default les) with the source d.source
-- {url, excerpt?}, a copy of the levels, themes and goals, adopted_from
-- the activity.  The school keeps its activity (its plans point at it).
-- Returns the new unit's id.
CREATE OR REPLACE FUNCTION unit_activity_adopt(p_id uuid, d jsonb) RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
	l lesson;
	v uuid;
BEGIN
	SELECT * INTO l FROM lesson WHERE id = p_id AND school_id IS NOT NULL
	AND offered_at IS NOT NULL FOR UPDATE;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	PERFORM api_require(EXISTS (SELECT 1 FROM alignment a
	    WHERE a.lesson_id = p_id), 'goals', 'de activiteit heeft geen '
	    'leerdoel: een gepubliceerde eenheid heeft er minstens een');
	PERFORM api_require(NOT EXISTS (SELECT 1 FROM lesson c
	    WHERE c.adopted_from = p_id), 'id',
	    'deze activiteit is al in de catalogus opgenomen');
	INSERT INTO lesson (kind, title, summary, duration_minutes, themes,
	    target_groups, sensitive_topic, source, source_url, sources,
	    source_urls, status, reviewed_on, adopted_from, note)
	VALUES (coalesce(d ->> 'kind', 'les'), coalesce(btrim(d ->> 'title'),
	    l.title), l.summary, l.duration_minutes, l.themes, l.target_groups,
	    l.sensitive_topic, 'opgenomen uit een eigen activiteit van een school',
	    d ->> 'source_url', jsonb_build_array(jsonb_build_object('url',
		d ->> 'source_url', 'excerpt', d ->> 'source_excerpt',
		'supports', 'opgenomen door een curator')),
	    ARRAY[d ->> 'source_url'], 'published', current_date, p_id,
	    'Opgenomen uit een eigen activiteit van een school.')
	RETURNING id INTO v;
	INSERT INTO lesson_level (lesson_id, level_id)
	SELECT v, level_id FROM lesson_level WHERE lesson_id = p_id;
	INSERT INTO alignment (lesson_id, goal_id, source, source_url,
	    confidence, note)
	SELECT v, a.goal_id, 'opgenomen uit een eigen activiteit',
	    d ->> 'source_url', 'inferred',
	    'Gekoppeld door de school; overgenomen door een curator.'
	FROM alignment a WHERE a.lesson_id = p_id;
	RETURN jsonb_build_object('id', v, 'adopted_from', p_id);
END
$$;

-- Plan items and template items: an own activity only in its own
-- school's plans (the same refusal as for an unknown lesson, so that the
-- answer reveals nothing about another school).
CREATE OR REPLACE FUNCTION unit_plan_item_check() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF NEW.lesson_id IS NOT NULL AND (TG_OP = 'INSERT' OR
	    NEW.lesson_id IS DISTINCT FROM OLD.lesson_id) THEN
		PERFORM api_require(NOT EXISTS (SELECT 1 FROM lesson l
		    WHERE l.id = NEW.lesson_id AND l.school_id IS NOT NULL
		    AND l.school_id <> NEW.school_id), 'lesson_id',
		    'deze les bestaat niet (of is niet gepubliceerd)');
	END IF;
	RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER unit_plan_item_check BEFORE INSERT OR UPDATE ON plan_item
FOR EACH ROW EXECUTE FUNCTION unit_plan_item_check();
CREATE OR REPLACE TRIGGER unit_plan_template_item_check BEFORE INSERT OR UPDATE
ON plan_template_item
FOR EACH ROW EXECUTE FUNCTION unit_plan_item_check();

-- ---------------------------------------------------------------------------
-- The proposed leerlijn (issue 13, item 4): for a school and a range
-- of school years, units per level that build up a continuous line, with
-- follow-up moments and weeks outside the region's holidays, each item
-- with its reason.  Deterministic: the same catalogue, school and request
-- give the same proposal.  The algorithm is described in docs/units.md
-- ("The proposed leerlijn") and tested in tests/integration/proposal.test.mjs.

-- The thematic step of a theme: 1 body, boundaries, feelings, online
-- safety; 2 friendship, relationships, sexuality, self-image, media; 3
-- grooming, sextortion, loverboys, criminal exploitation.  NULL: unknown.
CREATE OR REPLACE FUNCTION unit_theme_step(p_theme text) RETURNS integer
LANGUAGE sql IMMUTABLE
AS $$
	SELECT CASE catalogue_norm(p_theme)
	    WHEN 'lichaam en grenzen' THEN 1 WHEN 'gevoelens' THEN 1
	    WHEN 'online veiligheid' THEN 1 WHEN 'weerbaarheid' THEN 1
	    WHEN 'hulp zoeken' THEN 1
	    WHEN 'vriendschap' THEN 2 WHEN 'relaties en seksualiteit' THEN 2
	    WHEN 'zelfbeeld en zelfvertrouwen' THEN 2
	    WHEN 'mediawijsheid' THEN 2 WHEN 'normen en waarden' THEN 2
	    WHEN 'grooming en sextortion' THEN 3
	    WHEN 'loverboys en seksuele uitbuiting' THEN 3
	    WHEN 'criminele uitbuiting' THEN 3
	    END
$$;

-- A unit's step: the highest step of its themes (2 when none is known).
CREATE OR REPLACE FUNCTION unit_step(p_themes text[]) RETURNS integer
LANGUAGE sql IMMUTABLE
AS $$
	SELECT coalesce(max(unit_theme_step(t)), 2) FROM unnest(p_themes) t
$$;

CREATE OR REPLACE FUNCTION unit_step_title(p_step integer) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
	SELECT CASE p_step
	    WHEN 1 THEN 'lichaam, grenzen, gevoelens en online veiligheid'
	    WHEN 2 THEN 'vriendschap, relaties, seksualiteit en zelfbeeld'
	    ELSE 'grooming, sextortion, loverboys en criminele uitbuiting' END
$$;

-- The phase of the line a level belongs to: primary school in onderbouw
-- (groep 1-2), middenbouw (groep 3-5) and bovenbouw (groep 6-8); other
-- levels by their stage (onderbouw and bovenbouw vo, so, vso, pro).
-- max_step: the highest step planned there (steps 3 start in bovenbouw
-- po); target: the step the phase aims at.
CREATE OR REPLACE FUNCTION unit_phase(p_level uuid,
    OUT code text, OUT title text, OUT max_step integer,
    OUT target_step integer, OUT sort integer)
LANGUAGE sql STABLE
AS $$
	SELECT CASE WHEN l.code ~ '^groep-[12]$' THEN 'po-onderbouw'
		WHEN l.code ~ '^groep-[345]$' THEN 'po-middenbouw'
		WHEN l.code ~ '^groep-[678]$' THEN 'po-bovenbouw'
		ELSE coalesce(l.stage_code, l.code) END,
	    CASE WHEN l.code ~ '^groep-[12]$' THEN 'Onderbouw po (groep 1-2)'
		WHEN l.code ~ '^groep-[345]$' THEN 'Middenbouw po (groep 3-5)'
		WHEN l.code ~ '^groep-[678]$' THEN 'Bovenbouw po (groep 6-8)'
		ELSE coalesce(s.title, l.title) END,
	    CASE WHEN l.code ~ '^groep-[1-5]$' OR l.stage_code = 'so' THEN 2
		ELSE 3 END,
	    CASE WHEN l.code ~ '^groep-[12]$' OR l.stage_code = 'so' THEN 1
		WHEN l.code ~ '^groep-[345]$' THEN 2 ELSE 3 END,
	    CASE WHEN l.code ~ '^groep-[12]$' THEN 1
		WHEN l.code ~ '^groep-[345]$' THEN 2
		WHEN l.code ~ '^groep-[678]$' THEN 3
		ELSE 3 + coalesce(s.sort_order, 99) END
	FROM level l LEFT JOIN stage s ON s.code = l.stage_code
	WHERE l.id = p_level
$$;

-- The weeks of school year p_year free of every holiday of the region
-- (also optional ones and those that cover only part of the week), in
-- order.
CREATE OR REPLACE FUNCTION unit_free_weeks(p_year text, p_region text)
RETURNS TABLE (n integer, iso_year integer, iso_week integer)
LANGUAGE sql STABLE
AS $$
	SELECT (row_number() OVER (ORDER BY w.monday))::integer, w.iso_year,
	    w.iso_week
	FROM school_year_weeks(p_year, p_region) w
	WHERE NOT EXISTS (SELECT 1 FROM school_holiday h
	    WHERE (h.region IS NULL OR h.region = p_region)
	    AND h.starts_on <= w.monday + 4 AND h.ends_on >= w.monday)
$$;

-- The proposal.  d = {from: "2026-2027", to?: "2027-2028" (default from),
-- frameworks?: ["CNU-DG-2019", ...] (default: every framework),
-- per_level?: 1..3 (default 2)}.  Refusals: LL422 with the field.
CREATE OR REPLACE FUNCTION leerlijn_proposal(p_school uuid, d jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE
AS $$
DECLARE
	sc school;
	years text[];
	fws uuid[];
	per_level integer;
	lv record;
	ph record;
	pick record;
	i integer;
	j integer;
	stream_used jsonb := '{}';	-- stream -> [unit ids]
	phase_goals jsonb := '{}';	-- stream/phase -> [goal ids]
	phase_themes jsonb := '{}';	-- stream/phase -> [themes]
	key text;
	picks jsonb := '[]';
	items jsonb := '[]';
	gaps jsonb := '[]';
	stages jsonb := '[]';
	y text;
	pos integer := 0;
	slot integer;
	free_n integer;
	wk record;
	e jsonb;
	slots constant integer[] := ARRAY[6, 22, 14];
BEGIN
	SELECT * INTO sc FROM school WHERE id = p_school;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	-- the fields' types: api/catalogue/units_http.c
	PERFORM api_require(EXISTS (SELECT 1 FROM school_year
	    WHERE code = d ->> 'from'), 'from',
	    'geef een schooljaar uit de kalender (zoals 2026-2027)');
	PERFORM api_require(NOT d ? 'to' OR EXISTS (SELECT 1 FROM school_year
	    WHERE code = d ->> 'to' AND code >= d ->> 'from'), 'to',
	    'geef een schooljaar uit de kalender, niet voor "from"');
	SELECT array_agg(code ORDER BY code) INTO years FROM school_year
	WHERE code BETWEEN d ->> 'from' AND coalesce(d ->> 'to', d ->> 'from');
	PERFORM api_require(cardinality(years) <= 6, 'to',
	    'hooguit zes schooljaren tegelijk');
	IF d ? 'frameworks' THEN
		PERFORM api_require(NOT EXISTS (
		    SELECT 1 FROM jsonb_array_elements_text(d -> 'frameworks') f
		    WHERE NOT EXISTS (SELECT 1
		    FROM framework x WHERE x.code = f)), 'frameworks',
		    'een lijst van codes van kaders (zoals CNU-DG-2019)');
		SELECT array_agg(x.id) INTO fws FROM framework x
		WHERE x.code IN (SELECT jsonb_array_elements_text(d -> 'frameworks'));
	END IF;
	per_level := coalesce((d ->> 'per_level')::integer, 2);
	PERFORM api_require(sc.first_level IS NOT NULL, 'school',
	    'de school heeft geen leerjaren (eerste en laatste leerjaar)');

	-- 1. The units per level: greedy, level by level in school order.
	FOR lv IN SELECT sl.level_id, sl.code, sl.title, sl.sort_order,
	    regexp_replace(sl.code, '-[0-9]+$', '') AS stream
	    FROM plan_school_levels(p_school) sl ORDER BY sl.sort_order LOOP
		SELECT * INTO ph FROM unit_phase(lv.level_id);
		key := lv.stream || '/' || ph.code;
		stages := CASE WHEN stages @> jsonb_build_array(jsonb_build_object(
		    'code', ph.code)) THEN stages ELSE stages ||
		    jsonb_build_object('code', ph.code, 'title', ph.title,
		    'sort', ph.sort) END;
		FOR i IN 1 .. per_level LOOP
			SELECT u.id, u.code, u.title, u.kind, u.step,
			    u.sensitive_topic, u.evidence_level_code, u.erkend,
			    u.own, u.new_goals, u.new_themes, u.goal_codes,
			    u.score, u.evidence_title
			INTO pick
			FROM (
			    SELECT l.id, l.code, l.title, l.kind,
				unit_step(l.themes) AS step, l.sensitive_topic,
				l.evidence_level_code, e.title AS evidence_title,
				coalesce(e.rank, 0) >= 1 AS erkend,
				l.school_id IS NOT NULL AS own, g.new_goals,
				g.goal_codes,
				ARRAY(SELECT t FROM unnest(l.themes) t
				    WHERE NOT coalesce(phase_themes -> key, '[]')
				    ? t ORDER BY t) AS new_themes,
				10 * least(coalesce(cardinality(g.new_goals), 0), 5)
				+ 6 * least(cardinality(ARRAY(SELECT t
				    FROM unnest(l.themes) t WHERE NOT coalesce(
				    phase_themes -> key, '[]') ? t)), 3)
				+ CASE WHEN coalesce(e.rank, 0) >= 1 THEN 12 ELSE 0 END
				+ CASE WHEN (SELECT count(*) FROM lesson_level ll2
				    JOIN level_span sp2 ON sp2.level_id = ll2.level_id
				    JOIN level c2 ON c2.id = sp2.covered_level_id
				    WHERE ll2.lesson_id = l.id AND c2.plannable
				    AND c2.year_ordinal IS NOT NULL) <= 2 THEN 6
				    ELSE 0 END
				+ CASE WHEN l.school_id IS NOT NULL THEN 4 ELSE 0 END
				- 8 * abs(unit_step(l.themes) - ph.target_step)
				AS score
			    FROM lesson l
			    LEFT JOIN evidence_level e ON e.code = l.evidence_level_code
			    CROSS JOIN LATERAL (
				SELECT array_agg(DISTINCT la.goal_id) FILTER (
				    WHERE NOT coalesce(phase_goals -> key, '[]')
				    ? la.goal_id::text) AS new_goals,
				    array_agg(DISTINCT coalesce(gg.code, gg.title)
				    ORDER BY coalesce(gg.code, gg.title)) FILTER (
				    WHERE NOT coalesce(phase_goals -> key, '[]')
				    ? la.goal_id::text) AS goal_codes
				FROM lesson_alignment la
				JOIN goal gg ON gg.id = la.goal_id
				WHERE la.lesson_id = l.id
				AND (fws IS NULL OR gg.framework_id = ANY (fws))) g
			    WHERE l.status = 'published'
			    AND (l.school_id IS NULL OR l.school_id = p_school)
			    AND (cardinality(l.target_groups) = 0 OR
				l.target_groups && sc.target_groups)
			    AND unit_step(l.themes) <= ph.max_step
			    AND NOT coalesce(stream_used -> lv.stream, '[]')
				? l.id::text
			    AND EXISTS (SELECT 1 FROM lesson_level ll
				JOIN level_span sp ON sp.level_id = ll.level_id
				WHERE ll.lesson_id = l.id
				AND sp.covered_level_id = lv.level_id)
			) u
			ORDER BY u.score DESC, u.step, u.code NULLS LAST,
			    u.title, u.id
			LIMIT 1;
			IF NOT FOUND THEN
				gaps := gaps || jsonb_build_object('level', lv.code,
				    'level_title', lv.title, 'stage', ph.code,
				    'reason', format('De catalogus heeft voor %s '
				    'geen %s eenheid die past bij de doelgroep en '
				    'de thema-opbouw van deze fase.', lv.title,
				    CASE WHEN i = 1 THEN 'enkele' ELSE 'verdere' END));
				EXIT;
			END IF;
			stream_used := jsonb_set(stream_used, ARRAY[lv.stream],
			    coalesce(stream_used -> lv.stream, '[]') ||
			    to_jsonb(pick.id::text));
			phase_goals := jsonb_set(phase_goals, ARRAY[key],
			    coalesce(phase_goals -> key, '[]') ||
			    coalesce(to_jsonb(pick.new_goals::text[]), '[]'));
			phase_themes := jsonb_set(phase_themes, ARRAY[key],
			    coalesce(phase_themes -> key, '[]') ||
			    to_jsonb(pick.new_themes));
			picks := picks || jsonb_build_object(
			    'level_id', lv.level_id, 'level', lv.code,
			    'level_title', lv.title, 'level_pos', pos,
			    'stage', ph.code, 'stage_title', ph.title,
			    'lesson', jsonb_build_object('id', pick.id,
				'code', pick.code, 'title', pick.title,
				'kind', pick.kind, 'own', pick.own,
				'sensitive_topic', pick.sensitive_topic,
				'evidence_level', pick.evidence_level_code),
			    'step', pick.step, 'score', pick.score,
			    'goals', to_jsonb(coalesce(pick.goal_codes, '{}')),
			    'themes_new', to_jsonb(pick.new_themes),
			    'reason', concat_ws('; ',
				ph.title || ', ' || lv.title,
				CASE WHEN cardinality(pick.new_themes) > 0 THEN
				    'vult het gat bij ' || array_to_string(
				    pick.new_themes, ', ') END,
				CASE WHEN cardinality(pick.goal_codes) = 1 THEN
				    format('dekt een leerdoel dat in deze fase nog '
				    'open stond (%s)', pick.goal_codes[1])
				    WHEN cardinality(pick.goal_codes) > 1 THEN
				    format('dekt %s leerdoelen die in deze fase nog '
				    'open stonden (%s)', cardinality(pick.goal_codes),
				    array_to_string(pick.goal_codes[1:4], ', ')
				    || CASE WHEN cardinality(pick.goal_codes) > 4
					THEN ', ...' ELSE '' END) END,
				CASE WHEN pick.erkend THEN 'erkende methode ('
				    || pick.evidence_title || ')' END,
				CASE WHEN pick.own THEN
				    'eigen activiteit van de school' END,
				format('thema-opbouw stap %s van 3 (%s)',
				    pick.step, unit_step_title(pick.step))));
		END LOOP;
		pos := pos + 1;
	END LOOP;

	-- 2. Weeks per school year: the lower step first (autumn), later
	-- steps in spring; a follow-up moment three free weeks after every
	-- sensitive unit.
	FOREACH y IN ARRAY years LOOP
		SELECT count(*) INTO free_n FROM unit_free_weeks(y, sc.region);
		FOR e, j IN SELECT x, (row_number() OVER (PARTITION BY x ->> 'level'
		    ORDER BY (x ->> 'step')::integer, x -> 'lesson' ->> 'code',
		    x -> 'lesson' ->> 'id'))::integer
		    FROM jsonb_array_elements(picks) x LOOP
			slot := least(slots[j] + ((e ->> 'level_pos')::integer % 3),
			    free_n - 4);
			SELECT * INTO wk FROM unit_free_weeks(y, sc.region) f
			WHERE f.n = slot;
			items := items || ((e - 'level_id' - 'level_pos' - 'score')
			    || jsonb_build_object('school_year', y, 'kind', 'les',
			    'week', wk.iso_year || '-W' || lpad(wk.iso_week::text,
			    2, '0')));
			IF (e -> 'lesson' ->> 'sensitive_topic')::boolean THEN
				SELECT * INTO wk FROM unit_free_weeks(y, sc.region) f
				WHERE f.n = slot + 3;
				items := items || jsonb_build_object('school_year', y,
				    'kind', 'terugkommoment', 'level', e ->> 'level',
				    'level_title', e ->> 'level_title',
				    'stage', e ->> 'stage',
				    'stage_title', e ->> 'stage_title',
				    'lesson', e -> 'lesson', 'step', e -> 'step',
				    'goals', '[]'::jsonb, 'themes_new', '[]'::jsonb,
				    'week', wk.iso_year || '-W' ||
					lpad(wk.iso_week::text, 2, '0'),
				    'reason', format('Terugkommoment na "%s": een '
				    'gevoelig onderwerp; kom er enige tijd later op '
				    'terug en vraag hoe het met de leerlingen gaat.',
				    e -> 'lesson' ->> 'title'));
			END IF;
		END LOOP;
	END LOOP;

	RETURN jsonb_build_object(
	    'school', jsonb_build_object('id', sc.id, 'name', sc.name,
		'region', sc.region, 'target_groups', sc.target_groups),
	    'school_years', to_jsonb(years),
	    'frameworks', coalesce((SELECT jsonb_agg(x.code ORDER BY x.code)
		FROM framework x WHERE x.id = ANY (fws)), '[]'),
	    'per_level', per_level,
	    'stages', coalesce((SELECT jsonb_agg(s - 'sort' ||
		jsonb_build_object('units', (SELECT count(*)
		    FROM jsonb_array_elements(picks) p
		    WHERE p ->> 'stage' = s ->> 'code'))
		ORDER BY (s ->> 'sort')::integer) FROM jsonb_array_elements(stages) s),
		'[]'),
	    'items', coalesce((SELECT jsonb_agg(x ORDER BY x ->> 'school_year',
		x ->> 'week', x ->> 'level', x ->> 'kind', x -> 'lesson' ->> 'id')
		FROM jsonb_array_elements(items) x), '[]'),
	    'gaps', gaps);
END
$$;

-- Apply a (reviewed, perhaps changed) proposal: d = {as: "plans" |
-- "template", title?: text, items: [{school_year, level, week
-- ("2026-W40"), kind ("les" | "terugkommoment"), lesson_id?, reason?}]}.
-- plans: one plan per school year of the items, titled title (default
-- "Voorstel leerlijn"); template: one template with the items' weeks
-- (ISO week numbers).  Every item keeps its reason.  Returns {plans: [...]}
-- or {template: {...}}.
CREATE OR REPLACE FUNCTION leerlijn_proposal_apply(p_school uuid, p_user uuid, d jsonb)
RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
	e jsonb;
	n integer := 0;
	y text;
	pid uuid;
	tid uuid;
	title text;
	lv uuid;
	out jsonb := '[]';
BEGIN
	IF NOT EXISTS (SELECT 1 FROM school WHERE id = p_school) THEN
		RETURN NULL;
	END IF;
	-- the fields' types: api/catalogue/units_http.c; each item here
	title := coalesce(btrim(d ->> 'title'), 'Voorstel leerlijn');
	PERFORM api_require(jsonb_array_length(d -> 'items') >= 1, 'items',
	    'een lijst van 1 tot 2000 onderdelen');
	FOR e IN SELECT x FROM jsonb_array_elements(d -> 'items') x LOOP
		n := n + 1;
		PERFORM api_require(jsonb_typeof(e) = 'object' AND NOT EXISTS (
		    SELECT 1 FROM jsonb_object_keys(e) kk WHERE kk NOT IN (
		    'school_year', 'level', 'week', 'kind', 'lesson_id',
		    'reason')), 'items[' || n || ']',
		    'een onderdeel heeft school_year, level, week, kind, '
		    'lesson_id en reason');
		PERFORM api_require(e ->> 'kind' IN ('les', 'terugkommoment'),
		    'items[' || n || '].kind', 'les of terugkommoment');
		PERFORM api_require(coalesce(e ->> 'week', '') ~
		    '^[0-9]{4}-W[0-9]{2}$', 'items[' || n || '].week',
		    'een ISO-week zoals 2026-W40');
		PERFORM api_require(e ->> 'lesson_id' IS NULL OR
		    account_uuid_ok(e ->> 'lesson_id'), 'items[' || n ||
		    '].lesson_id', 'de id (UUID) van een les');
		PERFORM api_require(e ->> 'kind' = 'terugkommoment' OR
		    e ->> 'lesson_id' IS NOT NULL, 'items[' || n ||
		    '].lesson_id', 'een les heeft een lesson_id');
		PERFORM api_require(length(coalesce(e ->> 'reason', '')) <= 1000,
		    'items[' || n || '].reason', 'hooguit 1000 tekens');
		PERFORM api_require(EXISTS (SELECT 1 FROM level
		    WHERE code = e ->> 'level' AND plannable), 'items[' || n ||
		    '].level', 'kies een leerjaar (zoals groep-7 of havo-2)');
		PERFORM api_require(d ->> 'as' = 'template' OR EXISTS (SELECT 1
		    FROM school_year WHERE code = e ->> 'school_year'),
		    'items[' || n || '].school_year',
		    'een schooljaar uit de kalender (zoals 2026-2027)');
	END LOOP;

	IF d ->> 'as' = 'template' THEN
		INSERT INTO plan_template (school_id, title, description,
		    created_by)
		VALUES (p_school, title, 'Gemaakt uit het voorstel voor een '
		    'doorlopende leerlijn.', p_user)
		RETURNING id INTO tid;
		INSERT INTO plan_template_item (template_id, school_id, position,
		    kind, lesson_id, level_id, week, reason)
		SELECT tid, p_school, row_number() OVER (ORDER BY o), x ->> 'kind',
		    (x ->> 'lesson_id')::uuid,
		    (SELECT id FROM level WHERE code = x ->> 'level'),
		    substring(x ->> 'week' FROM 7)::smallint, x ->> 'reason'
		FROM jsonb_array_elements(d -> 'items') WITH ORDINALITY t (x, o)
		WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(d -> 'items')
		    WITH ORDINALITY t2 (x2, o2) WHERE o2 < o
		    AND x2 - 'school_year' = x - 'school_year');
		RETURN jsonb_build_object('template', jsonb_build_object(
		    'id', tid, 'title', title, 'items', (SELECT count(*)
		    FROM plan_template_item WHERE template_id = tid)));
	END IF;

	FOR y IN SELECT DISTINCT x ->> 'school_year' FROM
	    jsonb_array_elements(d -> 'items') x ORDER BY 1 LOOP
		INSERT INTO plan (school_id, school_year, title, note, created_by)
		VALUES (p_school, y, title, 'Gemaakt uit het voorstel voor een '
		    'doorlopende leerlijn; elk onderdeel zegt waarom.', p_user)
		RETURNING id INTO pid;
		INSERT INTO plan_item (plan_id, school_id, kind, lesson_id,
		    level_id, iso_year, iso_week, reason)
		SELECT pid, p_school, x ->> 'kind', (x ->> 'lesson_id')::uuid,
		    (SELECT id FROM level WHERE code = x ->> 'level'),
		    substring(x ->> 'week' FROM 1 FOR 4)::smallint,
		    substring(x ->> 'week' FROM 7)::smallint, x ->> 'reason'
		FROM jsonb_array_elements(d -> 'items') WITH ORDINALITY t (x, o)
		WHERE x ->> 'school_year' = y ORDER BY o;
		out := out || jsonb_build_object('id', pid, 'school_year', y,
		    'title', title, 'items', (SELECT count(*) FROM plan_item
		    WHERE plan_id = pid));
	END LOOP;
	RETURN jsonb_build_object('plans', out);
END
$$;
