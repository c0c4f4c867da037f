-- 0073 a school's own activities (issue 13, item 2): units of kind
-- 'activiteit' with the school's id (0070).  Coordinators add, change and
-- remove them; the school's members, inspectors in scope and admins read
-- them; nobody else sees them (unit_visible, 0071).  They are planned,
-- checked and counted in coverage like catalogue units.  A coordinator
-- may offer one to the catalogue; a curator adopts it: a copy in the
-- shared catalogue with its source, linked by adopted_from.
--
-- Every write function takes the request body as jsonb, refuses invalid
-- input with api_require (LL422: field and Dutch message) and a stale
-- version with LL412; it returns the document, or NULL when there is no
-- such activity at that school.

-- The document of an own activity.
CREATE FUNCTION unit_activity_doc(p_id uuid) RETURNS jsonb
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

CREATE FUNCTION unit_activity_list(p_school uuid) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object('total', count(*),
	    'items', coalesce(jsonb_agg(unit_activity_doc(l.id)
		ORDER BY l.title, l.id), '[]'))
	FROM lesson l WHERE l.school_id = p_school
$$;

-- Check the fields of a body d (create: title and levels required) and
-- return the goal ids it names.
CREATE FUNCTION unit_activity_check(d jsonb, p_create boolean)
RETURNS uuid[]
LANGUAGE plpgsql STABLE
AS $$
DECLARE
	k text;
	g uuid[];
	bad text;
BEGIN
	PERFORM api_require(jsonb_typeof(d) = 'object', 'body',
	    'stuur een JSON-object');
	FOR k IN SELECT jsonb_object_keys(d) LOOP
		PERFORM api_require(k IN ('title', 'summary', 'levels',
		    'duration_minutes', 'themes', 'target_groups', 'goals',
		    'notes', 'url', 'sensitive_topic', 'offered'), k,
		    'onbekend veld');
	END LOOP;
	IF p_create THEN
		PERFORM api_require(d ? 'title', 'title', 'geef een titel');
		PERFORM api_require(d ? 'levels', 'levels',
		    'geef de leerjaren (zoals groep-7)');
	END IF;
	IF d ? 'title' THEN
		PERFORM api_require(jsonb_typeof(d -> 'title') = 'string' AND
		    btrim(d ->> 'title') <> '' AND length(d ->> 'title') <= 200,
		    'title', 'een titel van 1 tot 200 tekens');
	END IF;
	IF d ? 'summary' THEN
		PERFORM api_require(jsonb_typeof(d -> 'summary') IN ('string',
		    'null') AND coalesce(length(d ->> 'summary'), 0) <= 2000,
		    'summary', 'een beschrijving van hooguit 2000 tekens');
	END IF;
	IF d ? 'notes' THEN
		PERFORM api_require(jsonb_typeof(d -> 'notes') IN ('string',
		    'null') AND coalesce(length(d ->> 'notes'), 0) <= 4000,
		    'notes', 'notities van hooguit 4000 tekens');
	END IF;
	IF d ? 'url' THEN
		PERFORM api_require(jsonb_typeof(d -> 'url') = 'null' OR
		    (jsonb_typeof(d -> 'url') = 'string' AND
		    d ->> 'url' ~ '^https?://[^\s]+$' AND
		    length(d ->> 'url') <= 500), 'url',
		    'een webadres dat begint met http:// of https://');
	END IF;
	IF d ? 'duration_minutes' THEN
		PERFORM api_require(jsonb_typeof(d -> 'duration_minutes') = 'null'
		    OR (jsonb_typeof(d -> 'duration_minutes') = 'number' AND
		    (d ->> 'duration_minutes') ~ '^[0-9]+$' AND
		    (d ->> 'duration_minutes')::numeric BETWEEN 1 AND 1440),
		    'duration_minutes', 'een aantal minuten van 1 tot 1440');
	END IF;
	IF d ? 'sensitive_topic' THEN
		PERFORM api_require(jsonb_typeof(d -> 'sensitive_topic') =
		    'boolean', 'sensitive_topic', 'true of false');
	END IF;
	IF d ? 'offered' THEN
		PERFORM api_require(jsonb_typeof(d -> 'offered') = 'boolean',
		    'offered', 'true of false');
	END IF;
	FOREACH k IN ARRAY ARRAY['themes', 'target_groups'] LOOP
		IF d ? k THEN
			PERFORM api_require(jsonb_typeof(d -> k) = 'array' AND
			    jsonb_array_length(d -> k) <= 20 AND NOT EXISTS (
			    SELECT 1 FROM jsonb_array_elements(d -> k) e
			    WHERE jsonb_typeof(e) <> 'string' OR
			    btrim(e #>> '{}') = '' OR length(e #>> '{}') > 100),
			    k, 'een lijst van hooguit 20 woorden');
		END IF;
	END LOOP;
	IF d ? 'levels' THEN
		PERFORM api_require(jsonb_typeof(d -> 'levels') = 'array' AND
		    jsonb_array_length(d -> 'levels') BETWEEN 1 AND 40 AND
		    NOT EXISTS (SELECT 1 FROM jsonb_array_elements(d -> 'levels')
		    e WHERE jsonb_typeof(e) <> 'string'), 'levels',
		    'een lijst van leerjaren (zoals groep-7 of havo-2)');
		PERFORM api_level_ids(d -> 'levels', 'levels');
	END IF;
	IF d ? 'goals' THEN
		PERFORM api_require(jsonb_typeof(d -> 'goals') = 'array' AND
		    jsonb_array_length(d -> 'goals') <= 50 AND NOT EXISTS (
		    SELECT 1 FROM jsonb_array_elements(d -> 'goals') e
		    WHERE jsonb_typeof(e) <> 'string' OR NOT
		    account_uuid_ok(e #>> '{}')), 'goals',
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
CREATE FUNCTION unit_activity_links(p_id uuid, p_school uuid, d jsonb,
    p_goals uuid[])
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
	src constant text := 'school:' || p_school;
	lv uuid[];
BEGIN
	IF d ? 'levels' THEN
		lv := api_level_ids(d -> 'levels', 'levels');
		DELETE FROM lesson_level WHERE lesson_id = p_id
		    AND level_id <> ALL (lv);
		INSERT INTO lesson_level (lesson_id, level_id)
		SELECT p_id, x FROM unnest(lv) x ON CONFLICT DO NOTHING;
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

CREATE FUNCTION unit_activity_create(p_school uuid, p_user uuid, d jsonb)
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

CREATE FUNCTION unit_activity_update(p_school uuid, p_id uuid, d jsonb,
    p_version integer)
RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
	goals uuid[];
	l lesson;
BEGIN
	SELECT * INTO l FROM lesson WHERE id = p_id AND school_id = p_school
	FOR UPDATE;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	PERFORM api_require_version(l.version, p_version);
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
CREATE FUNCTION unit_activity_delete(p_school uuid, p_id uuid,
    p_version integer)
RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
	l lesson;
BEGIN
	SELECT * INTO l FROM lesson WHERE id = p_id AND school_id = p_school
	FOR UPDATE;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	PERFORM api_require_version(l.version, p_version);
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
CREATE FUNCTION unit_activity_offered() RETURNS jsonb
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
CREATE FUNCTION unit_activity_adopt(p_id uuid, d jsonb) RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
	l lesson;
	v uuid;
	k text;
BEGIN
	SELECT * INTO l FROM lesson WHERE id = p_id AND school_id IS NOT NULL
	AND offered_at IS NOT NULL FOR UPDATE;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	PERFORM api_require(jsonb_typeof(d) = 'object', 'body',
	    'stuur een JSON-object');
	FOR k IN SELECT jsonb_object_keys(d) LOOP
		PERFORM api_require(k IN ('source_url', 'source_excerpt', 'kind',
		    'title'), k, 'onbekend veld');
	END LOOP;
	PERFORM api_require(d ->> 'source_url' ~ '^https?://[^\s]+$' AND
	    length(d ->> 'source_url') <= 500, 'source_url',
	    'geef het webadres van de bron (http:// of https://)');
	PERFORM api_require(NOT d ? 'kind' OR d ->> 'kind' IN ('les', 'module',
	    'programma', 'project', 'activiteit'), 'kind',
	    'les, module, programma, project of activiteit');
	PERFORM api_require(NOT d ? 'title' OR (btrim(d ->> 'title') <> ''
	    AND length(d ->> 'title') <= 200), 'title',
	    'een titel van 1 tot 200 tekens');
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
CREATE FUNCTION unit_plan_item_check() RETURNS trigger
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
CREATE TRIGGER unit_plan_item_check BEFORE INSERT OR UPDATE ON plan_item
FOR EACH ROW EXECUTE FUNCTION unit_plan_item_check();
CREATE TRIGGER unit_plan_template_item_check BEFORE INSERT OR UPDATE
ON plan_template_item
FOR EACH ROW EXECUTE FUNCTION unit_plan_item_check();
