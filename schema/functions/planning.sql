-- functions/planning.sql: school-year plans, their items, templates and
-- feeds.
--
-- Applied again, as a whole, whenever this file changes or a numbered
-- migration runs (see docs/database.md): every statement must be
-- repeatable (CREATE OR REPLACE; a constraint trigger is dropped first).

-- ---------------------------------------------------------------------------
-- 0050 planning: school-year plans per school, their items, and multi-year
-- (Its tables: schema/migrations/0050_planning.sql.)
-- ---------------------------------------------------------------------------

-- The single-year levels a school teaches, in school order: from its
-- first_level p_first to its last_level p_last (NULL: the same).  For year levels ("havo-2") that is every
-- stream ("havo", "vwo", "vmbo-kb", "groep") whose first year lies between
-- the streams of first_level and last_level in the level order, for the
-- years between them; so havo-1 .. vwo-6 gives havo 1-5 and vwo 1-6, and
-- groep-1 .. groep-8 the eight groepen.  Levels that are not one school
-- year (so, vso, pro, mbo) go by sort order.  A school without first_level
-- has no levels here.  It depends on the two codes only, so a report over
-- many schools computes it once per pair of codes.
CREATE OR REPLACE FUNCTION plan_levels_between(p_first text, p_last text)
RETURNS TABLE (level_id uuid, code text, title text, sort_order integer)
LANGUAGE sql STABLE
AS $$
	WITH streams AS (
		SELECT regexp_replace(l.code, '-[0-9]+$', '') AS stream,
		    min(l.sort_order) AS so
		FROM level l
		WHERE l.plannable AND l.year_ordinal IS NOT NULL
		GROUP BY 1
	), s AS (
		SELECT f.year_ordinal AS fy, t.year_ordinal AS ty,
		    least(f.sort_order, t.sort_order) AS lo,
		    greatest(f.sort_order, t.sort_order) AS hi,
		    (SELECT least(a.so, b.so) FROM streams a, streams b
		     WHERE a.stream = regexp_replace(f.code, '-[0-9]+$', '')
		     AND b.stream = regexp_replace(t.code, '-[0-9]+$', ''))
			AS s_lo,
		    (SELECT greatest(a.so, b.so) FROM streams a, streams b
		     WHERE a.stream = regexp_replace(f.code, '-[0-9]+$', '')
		     AND b.stream = regexp_replace(t.code, '-[0-9]+$', ''))
			AS s_hi
		FROM level f
		JOIN level t ON t.code = coalesce(p_last, p_first)
		WHERE f.code = p_first
	)
	SELECT l.id, l.code, l.title, l.sort_order
	FROM level l, s
	WHERE l.plannable AND (
	    (s.fy IS NOT NULL AND s.ty IS NOT NULL AND
	     l.year_ordinal BETWEEN least(s.fy, s.ty) AND greatest(s.fy, s.ty)
	     AND regexp_replace(l.code, '-[0-9]+$', '') IN (
		SELECT stream FROM streams WHERE so BETWEEN s.s_lo AND s.s_hi))
	    OR ((s.fy IS NULL OR s.ty IS NULL) AND
	     l.sort_order BETWEEN s.lo AND s.hi))
	ORDER BY l.sort_order
$$;

-- The levels of one school (above, from its first_level and last_level).
CREATE OR REPLACE FUNCTION plan_school_levels(p_school uuid)
RETURNS TABLE (level_id uuid, code text, title text, sort_order integer)
LANGUAGE sql STABLE
AS $$
	SELECT b.* FROM school sc,
	    plan_levels_between(sc.first_level, sc.last_level) b
	WHERE sc.id = p_school
$$;

-- The Monday of ISO week p_week in school year p_year: the week of that
-- number whose Monday falls in the school year; a week the school year
-- does not have (53, or 31 in some years) becomes its nearest week.
CREATE OR REPLACE FUNCTION plan_week_monday(p_year text, p_week integer)
RETURNS date
LANGUAGE sql STABLE
AS $$
	WITH y AS (SELECT starts_on, ends_on FROM school_year WHERE code = p_year),
	weeks AS (
		SELECT d::date AS monday FROM y, generate_series(
		    y.starts_on + ((8 - extract(isodow FROM y.starts_on)::integer) % 7),
		    y.ends_on, interval '7 days') AS d
	)
	SELECT monday FROM weeks
	ORDER BY extract(week FROM monday) = p_week DESC,
	    abs(extract(week FROM monday)::integer - p_week), monday DESC
	LIMIT 1
$$;

-- BEFORE UPDATE: the version goes up on every real change, and when an
-- item changed (plan_item_bump sets version itself).  The status moves
-- concept <-> vastgesteld -> gearchiveerd; an archived plan is final.
CREATE OR REPLACE FUNCTION plan_touch() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	-- set to NULL by the database when what they point to goes away
	links constant text[] := ARRAY['copied_from', 'template_id',
	    'created_by'];
BEGIN
	IF OLD.status = 'gearchiveerd' AND catalogue_content_changed(
	    to_jsonb(NEW) - links, to_jsonb(OLD) - links) THEN
		PERFORM api_require(false, 'status', 'dit jaarplan is '
		    'gearchiveerd en kan niet meer veranderen');
	END IF;
	SELECT t.version, t.updated_at INTO NEW.version, NEW.updated_at
	FROM catalogue_version_touch(to_jsonb(NEW), to_jsonb(OLD)) t;
	RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER plan_touch BEFORE UPDATE ON plan
FOR EACH ROW EXECUTE FUNCTION plan_touch();

-- BEFORE INSERT OR UPDATE: derive the days, and refuse what is invalid.
CREATE OR REPLACE FUNCTION plan_item_check() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	p plan;
	y school_year;
	links constant text[] := ARRAY['teacher_id', 'safety_prepared_by'];
BEGIN
	SELECT * INTO p FROM plan WHERE id = NEW.plan_id;
	IF NOT FOUND THEN
		RETURN NEW;	-- the foreign key refuses it
	END IF;
	IF TG_OP = 'UPDATE' THEN
		IF NOT catalogue_content_changed(to_jsonb(NEW), to_jsonb(OLD))
		THEN
			NEW.version := OLD.version;
			NEW.updated_at := OLD.updated_at;
			RETURN NEW;
		END IF;
		PERFORM api_require(p.status <> 'gearchiveerd' OR
		    NOT catalogue_content_changed(to_jsonb(NEW) - links,
		    to_jsonb(OLD) - links), 'status', 'dit jaarplan '
		    'is gearchiveerd en kan niet meer veranderen');
		PERFORM api_require(NEW.plan_id = OLD.plan_id, 'plan_id',
		    'een onderdeel blijft in zijn jaarplan');
		NEW.version := OLD.version + 1;
		NEW.updated_at := now();
	ELSE
		PERFORM api_require(p.status <> 'gearchiveerd', 'status',
		    'dit jaarplan is gearchiveerd en kan niet meer '
		    'veranderen');
	END IF;
	SELECT * INTO y FROM school_year WHERE code = p.school_year;
	IF NEW.iso_week IS NOT NULL THEN
		NEW.starts_on := to_date(NEW.iso_year || '-' ||
		    lpad(NEW.iso_week::text, 2, '0'), 'IYYY-IW');
		PERFORM api_require(extract(week FROM NEW.starts_on) =
		    NEW.iso_week, 'week', format('%s heeft geen week %s',
		    NEW.iso_year, NEW.iso_week));
		NEW.ends_on := NEW.starts_on + 4;
		PERFORM api_require(NEW.starts_on BETWEEN y.starts_on AND
		    y.ends_on, 'week', format('deze week valt niet in '
		    'schooljaar %s', p.school_year));
	ELSE
		NEW.starts_on := NEW.on_date;
		NEW.ends_on := NEW.on_date;
		PERFORM api_require(NEW.on_date BETWEEN y.starts_on AND
		    y.ends_on, 'date', format('deze datum valt niet in '
		    'schooljaar %s', p.school_year));
	END IF;
	PERFORM api_require(EXISTS (SELECT 1 FROM level l
	    WHERE l.id = NEW.level_id AND l.plannable), 'level',
	    'kies een leerjaar (zoals groep-7 of havo-2), geen groep niveaus');
	IF NEW.lesson_id IS NOT NULL AND (TG_OP = 'INSERT' OR
	    NEW.lesson_id IS DISTINCT FROM OLD.lesson_id) THEN
		PERFORM api_require(EXISTS (SELECT 1 FROM lesson l
		    WHERE l.id = NEW.lesson_id AND l.status = 'published'),
		    'lesson_id', 'deze les bestaat niet (of is niet '
		    'gepubliceerd)');
	END IF;
	IF NEW.teacher_id IS NOT NULL AND (TG_OP = 'INSERT' OR
	    NEW.teacher_id IS DISTINCT FROM OLD.teacher_id) THEN
		PERFORM api_require(auth_has_role(NEW.teacher_id,
		    NEW.school_id, 'teacher') OR auth_has_role(NEW.teacher_id,
		    NEW.school_id, 'coordinator'), 'teacher_id',
		    'deze persoon geeft geen les op deze school');
	END IF;
	IF NEW.given_on IS NOT NULL THEN
		PERFORM api_require(NEW.given_on BETWEEN y.starts_on AND
		    least(y.ends_on, current_date), 'given_on',
		    'de datum van geven ligt in dit schooljaar en niet in de '
		    'toekomst');
	END IF;
	RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER plan_item_check BEFORE INSERT OR UPDATE ON plan_item
FOR EACH ROW EXECUTE FUNCTION plan_item_check();

-- AFTER any change of items: the plan's version goes up (once per
-- statement and plan).
CREATE OR REPLACE FUNCTION plan_item_bump() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		UPDATE plan SET version = version + 1
		WHERE id IN (SELECT DISTINCT plan_id FROM old_rows);
	ELSIF TG_OP = 'UPDATE' THEN
		UPDATE plan SET version = version + 1
		WHERE id IN (SELECT n.plan_id FROM new_rows n JOIN old_rows o
		    ON o.id = n.id WHERE n.version <> o.version);
	ELSE
		UPDATE plan SET version = version + 1
		WHERE id IN (SELECT DISTINCT plan_id FROM new_rows);
	END IF;
	RETURN NULL;
END
$$;

SELECT statement_triggers_attach('plan_item', '{INSERT,UPDATE,DELETE}',
    '{plan_item_bump_ins,plan_item_bump_upd,plan_item_bump_del}',
    'plan_item_bump');

CREATE OR REPLACE TRIGGER plan_template_touch BEFORE UPDATE ON plan_template
FOR EACH ROW EXECUTE FUNCTION catalogue_lesson_touch();

SELECT audit_attach('plan');

SELECT audit_attach('plan_item');

SELECT audit_attach('plan_template');

SELECT audit_attach('plan_template_item');

-- ---------------------------------------------------------------------------
-- 0051 planning API: the documents the API replies with and the writes it
-- makes, one function each (api/src/db_plans.c calls them with
-- parameters).  Every write function locks the plan row first, so that the
-- writers of one plan queue up in one order (plan, then items); a version
-- that is not the current one raises LL412 and changes nothing.
-- ---------------------------------------------------------------------------

-- Documents ----------------------------------------------------------------

-- The school a plan, item or template belongs to (NULL: no such thing).
CREATE OR REPLACE FUNCTION plan_school_of(p_kind text, p_id uuid)
RETURNS uuid
LANGUAGE sql STABLE
AS $$
	SELECT CASE p_kind
	    WHEN 'plan' THEN (SELECT school_id FROM plan WHERE id = p_id)
	    WHEN 'template' THEN (SELECT school_id FROM plan_template
		WHERE id = p_id)
	END
$$;

-- One item as the API shows it.  "_check" carries what the planning checks
-- need and is removed by the API before replying.
CREATE OR REPLACE FUNCTION plan_item_doc(i plan_item)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object(
	    'id', i.id, 'plan_id', i.plan_id, 'kind', i.kind,
	    'lesson', CASE WHEN l.id IS NOT NULL THEN jsonb_build_object(
		'id', l.id, 'code', l.code, 'title', l.title,
		'sensitive_topic', l.sensitive_topic,
		'programme', pr.code, 'programme_title', pr.title,
		'kind', l.kind,
		'reviewed_on', l.reviewed_on, 'own', l.school_id IS NOT NULL)
		END,
	    'reason', i.reason,
	    'level', lv.code, 'level_title', lv.title,
	    'class_name', i.class_name,
	    'week', CASE WHEN i.iso_week IS NOT NULL THEN
		i.iso_year || '-W' || lpad(i.iso_week::text, 2, '0') END,
	    'date', i.on_date, 'starts_on', i.starts_on, 'ends_on', i.ends_on,
	    'teacher', CASE WHEN u.id IS NOT NULL THEN jsonb_build_object(
		'id', u.id, 'display_name', u.display_name) END,
	    'status', i.status, 'given_on', i.given_on, 'notes', i.notes,
	    'safety_prepared', i.safety_prepared_at IS NOT NULL,
	    'safety_prepared_at', i.safety_prepared_at,
	    'safety_prepared_by', (SELECT jsonb_build_object('id', sp.id,
		'display_name', sp.display_name) FROM app_user sp
		WHERE sp.id = i.safety_prepared_by),
	    'version', i.version, 'updated_at', i.updated_at,
	    '_check', jsonb_build_object(
		'programme_id', l.programme_id,
		'lesson_levels', coalesce((SELECT jsonb_agg(DISTINCT c.code)
		    FROM lesson_level ll
		    JOIN level_span sp ON sp.level_id = ll.level_id
		    JOIN level c ON c.id = sp.covered_level_id
		    WHERE ll.lesson_id = l.id AND c.plannable), '[]')))
	FROM level lv
	LEFT JOIN lesson l ON l.id = i.lesson_id
	LEFT JOIN programme pr ON pr.id = l.programme_id
	LEFT JOIN app_user u ON u.id = i.teacher_id
	WHERE lv.id = i.level_id
$$;

-- A whole plan with its items, and in "_check" the school's levels and
-- the holidays of its region that touch the school year.
CREATE OR REPLACE FUNCTION plan_doc(p_plan uuid)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object(
	    'id', p.id,
	    'school', jsonb_build_object('id', s.id, 'name', s.name,
		'region', s.region),
	    'school_year', p.school_year, 'title', p.title,
	    'status', p.status, 'note', p.note, 'version', p.version,
	    'copied_from', p.copied_from, 'template_id', p.template_id,
	    'created_at', p.created_at, 'updated_at', p.updated_at,
	    'items', coalesce((SELECT jsonb_agg(plan_item_doc(i) ORDER BY
		i.starts_on, lv.sort_order, i.class_name NULLS FIRST,
		i.created_at, i.id)
		FROM plan_item i JOIN level lv ON lv.id = i.level_id
		WHERE i.plan_id = p.id), '[]'),
	    -- the school's levels, and those with a unit to plan (catalogue
	    -- or own): one call of plan_school_levels, one scan of the units
	    '_check', (SELECT jsonb_build_object(
		'levels', coalesce(jsonb_agg(sl.code ORDER BY sl.sort_order),
		    '[]'),
		'level_titles', coalesce(jsonb_agg(sl.title
		    ORDER BY sl.sort_order), '[]'),
		'offered_levels', coalesce(jsonb_agg(sl.code
		    ORDER BY sl.sort_order) FILTER (WHERE sl.level_id = ANY
		    (o.ids)), '[]'))
		FROM plan_school_levels(s.id) sl,
		(SELECT ARRAY(SELECT DISTINCT sp.covered_level_id
		    FROM lesson l JOIN lesson_level ll ON ll.lesson_id = l.id
		    JOIN level_span sp ON sp.level_id = ll.level_id
		    WHERE l.status = 'published'
		    AND (l.school_id IS NULL OR l.school_id = s.id)) AS ids) o)
	    || jsonb_build_object(
		'today', current_date,
		'holidays', coalesce((SELECT jsonb_agg(jsonb_build_object(
		    'name', h.name, 'starts_on', h.starts_on,
		    'ends_on', h.ends_on, 'status', h.status,
		    'optional', h.optional) ORDER BY h.starts_on, h.name)
		    FROM school_holiday h, school_year y
		    WHERE y.code = p.school_year
		    AND (h.region IS NULL OR h.region = s.region)
		    AND h.ends_on >= y.starts_on
		    AND h.starts_on <= y.ends_on), '[]')))
	FROM plan p JOIN school s ON s.id = p.school_id
	WHERE p.id = p_plan
$$;

-- The plans of a school (newest school year first), one page.
CREATE OR REPLACE FUNCTION plan_list(p_school uuid, p_year text, p_limit integer,
    p_offset integer)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object(
	    'total', (SELECT count(*) FROM plan WHERE school_id = p_school
		AND (p_year IS NULL OR school_year = p_year)),
	    'limit', p_limit, 'offset', p_offset,
	    'plans', coalesce((SELECT jsonb_agg(x.doc ORDER BY x.school_year
		DESC, x.title, x.id) FROM (
		SELECT p.school_year, p.title, p.id, jsonb_build_object(
		    'id', p.id, 'school_year', p.school_year,
		    'title', p.title, 'status', p.status,
		    'version', p.version, 'updated_at', p.updated_at,
		    'items', (SELECT count(*) FROM plan_item i
			WHERE i.plan_id = p.id),
		    'given', (SELECT count(*) FROM plan_item i
			WHERE i.plan_id = p.id AND i.status = 'gegeven'))
		    AS doc
		FROM plan p WHERE p.school_id = p_school
		AND (p_year IS NULL OR p.school_year = p_year)
		ORDER BY p.school_year DESC, p.title, p.id
		LIMIT p_limit OFFSET p_offset) x), '[]'))
$$;

-- The continuous line of a school: for every level of the school (and
-- every other level that has items), per school year, which lessons and
-- follow-up moments it gets, each unit with its kind and themes (the web
-- app draws themes over levels).  Cancelled items are left out.
CREATE OR REPLACE FUNCTION plan_leerlijn(p_school uuid, p_from text, p_to text)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	WITH items AS (
		SELECT i.*, p.school_year, p.title AS plan_title,
		    p.status AS plan_status
		FROM plan_item i JOIN plan p ON p.id = i.plan_id
		WHERE p.school_id = p_school AND i.status <> 'vervallen'
		AND (p_from IS NULL OR p.school_year >= p_from)
		AND (p_to IS NULL OR p.school_year <= p_to)
	), levels AS (
		SELECT sl.level_id, true AS of_school FROM
		    plan_school_levels(p_school) sl
		UNION
		SELECT DISTINCT level_id, false FROM items
		WHERE level_id NOT IN (SELECT sl.level_id
		    FROM plan_school_levels(p_school) sl)
	), years AS (
		SELECT DISTINCT p.school_year FROM plan p
		WHERE p.school_id = p_school
		AND (p_from IS NULL OR p.school_year >= p_from)
		AND (p_to IS NULL OR p.school_year <= p_to)
	)
	SELECT jsonb_build_object(
	    'school', (SELECT jsonb_build_object('id', s.id, 'name', s.name,
		'region', s.region, 'first_level', s.first_level,
		'last_level', s.last_level) FROM school s
		WHERE s.id = p_school),
	    'school_years', coalesce((SELECT jsonb_agg(school_year
		ORDER BY school_year) FROM years), '[]'),
	    'levels', coalesce((SELECT jsonb_agg(jsonb_build_object(
		'level', lv.code, 'title', lv.title,
		'of_school', x.of_school,
		'lessons', (SELECT count(*) FROM items i
		    WHERE i.level_id = lv.id AND i.kind = 'les'),
		'years', (SELECT coalesce(jsonb_agg(jsonb_build_object(
		    'school_year', y.school_year,
		    'items', (SELECT coalesce(jsonb_agg(jsonb_build_object(
			'plan_id', i.plan_id, 'item_id', i.id,
			'plan_title', i.plan_title, 'kind', i.kind,
			'lesson', CASE WHEN l.id IS NOT NULL THEN
			    jsonb_build_object('id', l.id, 'code', l.code,
			    'title', l.title, 'kind', l.kind,
			    'themes', l.themes) END,
			'class_name', i.class_name,
			'week', CASE WHEN i.iso_week IS NOT NULL THEN
			    i.iso_year || '-W' || lpad(i.iso_week::text, 2,
			    '0') END,
			'date', i.on_date, 'status', i.status)
			ORDER BY i.starts_on, i.class_name NULLS FIRST, i.id),
			'[]')
			FROM items i LEFT JOIN lesson l ON l.id = i.lesson_id
			WHERE i.level_id = lv.id
			AND i.school_year = y.school_year))
		    ORDER BY y.school_year), '[]') FROM years y))
		ORDER BY lv.sort_order) FROM levels x
		JOIN level lv ON lv.id = x.level_id), '[]'))
$$;

-- A template with its items.
CREATE OR REPLACE FUNCTION plan_template_doc(p_template uuid)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object('id', t.id, 'school_id', t.school_id,
	    'title', t.title, 'description', t.description,
	    'version', t.version, 'created_at', t.created_at,
	    'items', coalesce((SELECT jsonb_agg(jsonb_build_object(
		'position', ti.position, 'kind', ti.kind,
		'lesson', CASE WHEN l.id IS NOT NULL THEN jsonb_build_object(
		    'id', l.id, 'code', l.code, 'title', l.title) END,
		'level', lv.code, 'class_name', ti.class_name,
		'week', ti.week, 'notes', ti.notes, 'reason', ti.reason)
		ORDER BY ti.position)
		FROM plan_template_item ti
		JOIN level lv ON lv.id = ti.level_id
		LEFT JOIN lesson l ON l.id = ti.lesson_id
		WHERE ti.template_id = t.id), '[]'),
	    'levels', coalesce((SELECT jsonb_agg(DISTINCT lv.code)
		FROM plan_template_item ti JOIN level lv ON lv.id = ti.level_id
		WHERE ti.template_id = t.id), '[]'))
	FROM plan_template t WHERE t.id = p_template
$$;

CREATE OR REPLACE FUNCTION plan_template_list(p_school uuid)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object('templates', coalesce((SELECT
	    jsonb_agg(jsonb_build_object('id', t.id, 'title', t.title,
		'description', t.description, 'version', t.version,
		'items', (SELECT count(*) FROM plan_template_item ti
		    WHERE ti.template_id = t.id)) ORDER BY t.title, t.id)
	    FROM plan_template t WHERE t.school_id = p_school), '[]'))
$$;

-- Writes -------------------------------------------------------------------

-- Lock a plan and check its version (p_version NULL: no check).  Returns
-- false when there is no such plan.
CREATE OR REPLACE FUNCTION plan_lock(p_plan uuid, p_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $$
DECLARE
	v integer;
BEGIN
	SELECT version INTO v FROM plan WHERE id = p_plan FOR UPDATE;
	IF NOT FOUND THEN
		RETURN false;
	END IF;
	IF p_version IS NOT NULL THEN
		PERFORM api_require_version(v, p_version);
	END IF;
	RETURN true;
END
$$;

CREATE OR REPLACE FUNCTION plan_school_year_ok(p_year text)
RETURNS boolean
LANGUAGE sql STABLE
AS $$
	SELECT api_require(EXISTS (SELECT 1 FROM school_year
	    WHERE code = p_year), 'school_year', 'dit schooljaar staat (nog) '
	    'niet in de kalender')
$$;

CREATE OR REPLACE FUNCTION plan_create(p_school uuid, d jsonb)
RETURNS uuid
LANGUAGE plpgsql
AS $$
DECLARE
	id uuid;
BEGIN
	PERFORM plan_school_year_ok(d->>'school_year');
	INSERT INTO plan (school_id, school_year, title, status, note,
	    created_by)
	VALUES (p_school, d->>'school_year', btrim(d->>'title'),
	    coalesce(d->>'status', 'concept'), d->>'note', audit_actor())
	RETURNING plan.id INTO id;
	RETURN id;
END
$$;

CREATE OR REPLACE FUNCTION plan_update(p_plan uuid, p_version integer, d jsonb)
RETURNS uuid
LANGUAGE plpgsql
AS $$
BEGIN
	IF NOT plan_lock(p_plan, p_version) THEN
		RETURN NULL;
	END IF;
	UPDATE plan SET
	    title = CASE WHEN d ? 'title' THEN btrim(d->>'title') ELSE title END,
	    status = CASE WHEN d ? 'status' THEN d->>'status' ELSE status END,
	    note = CASE WHEN d ? 'note' THEN d->>'note' ELSE note END
	WHERE id = p_plan;
	RETURN p_plan;
END
$$;

-- The refusal (message p_message) of a change of plan p_plan when it is
-- archived.
CREATE OR REPLACE FUNCTION plan_require_open(p_plan uuid, p_message text)
RETURNS boolean
LANGUAGE sql VOLATILE
AS $$
	SELECT api_require((SELECT p.status FROM plan p WHERE p.id = p_plan)
	    <> 'gearchiveerd', 'status', p_message)
$$;

CREATE OR REPLACE FUNCTION plan_delete(p_plan uuid, p_version integer)
RETURNS uuid
LANGUAGE plpgsql
AS $$
BEGIN
	IF NOT plan_lock(p_plan, p_version) THEN
		RETURN NULL;
	END IF;
	PERFORM plan_require_open(p_plan, 'een gearchiveerd jaarplan blijft '
	    'bewaard en kan niet worden verwijderd');
	DELETE FROM plan WHERE id = p_plan;
	RETURN p_plan;
END
$$;

-- Apply the members of d (an item body the API checked) to r.
CREATE OR REPLACE FUNCTION plan_item_apply(r plan_item, d jsonb)
RETURNS plan_item
LANGUAGE plpgsql
AS $$
BEGIN
	IF d ? 'kind' THEN
		r.kind := d->>'kind';
	END IF;
	IF d ? 'lesson_id' THEN
		r.lesson_id := (d->>'lesson_id')::uuid;
	END IF;
	IF d ? 'level' THEN
		r.level_id := (SELECT l.id FROM level l
		    WHERE l.code = d->>'level');
		PERFORM api_require(r.level_id IS NOT NULL, 'level',
		    'onbekend niveau');
	END IF;
	IF d ? 'class_name' THEN
		r.class_name := nullif(btrim(d->>'class_name'), '');
	END IF;
	IF d->>'week' IS NOT NULL THEN
		r.iso_year := split_part(d->>'week', '-W', 1)::smallint;
		r.iso_week := split_part(d->>'week', '-W', 2)::smallint;
		r.on_date := NULL;
	ELSIF d->>'date' IS NOT NULL THEN
		r.on_date := (d->>'date')::date;
		r.iso_year := NULL;
		r.iso_week := NULL;
	END IF;
	IF d ? 'teacher_id' THEN
		r.teacher_id := (d->>'teacher_id')::uuid;
	END IF;
	IF d ? 'status' THEN
		IF d->>'status' = 'gegeven' AND r.status <> 'gegeven' THEN
			r.given_on := current_date;
		ELSIF d->>'status' <> 'gegeven' THEN
			r.given_on := NULL;
		END IF;
		r.status := d->>'status';
	END IF;
	IF d ? 'given_on' THEN
		r.given_on := (d->>'given_on')::date;
		PERFORM api_require(r.given_on IS NULL OR
		    r.status = 'gegeven', 'given_on', 'alleen een gegeven les '
		    'heeft een datum van geven');
	END IF;
	IF d ? 'notes' THEN
		r.notes := d->>'notes';
	END IF;
	IF d ? 'safety_prepared' THEN
		IF (d->>'safety_prepared')::boolean THEN
			IF r.safety_prepared_at IS NULL THEN
				r.safety_prepared_at := now();
				r.safety_prepared_by := audit_actor();
			END IF;
		ELSE
			r.safety_prepared_at := NULL;
			r.safety_prepared_by := NULL;
		END IF;
	END IF;
	PERFORM api_require(r.kind = 'terugkommoment' OR
	    r.lesson_id IS NOT NULL, 'lesson_id', 'een les heeft een les '
	    'uit de catalogus nodig');
	RETURN r;
END
$$;

-- A new item of a plan whose lock the caller holds.
CREATE OR REPLACE FUNCTION plan_item_insert(p_plan uuid, d jsonb)
RETURNS uuid
LANGUAGE plpgsql
AS $$
DECLARE
	r plan_item;
BEGIN
	r.id := gen_random_uuid();
	r.plan_id := p_plan;
	r.school_id := (SELECT school_id FROM plan WHERE id = p_plan);
	r.kind := 'les';
	r.status := 'gepland';
	r.version := 1;
	r.created_at := now();
	r.updated_at := now();
	PERFORM api_require(d->>'week' IS NOT NULL OR d->>'date' IS NOT NULL,
	    'week', 'kies een week (zoals 2026-W42) of een datum');
	PERFORM api_require(d ? 'level', 'level', 'kies een niveau');
	r := plan_item_apply(r, d);
	INSERT INTO plan_item SELECT r.*;
	RETURN r.id;
END
$$;

-- Change an item of a plan whose lock the caller holds.  p_teacher (not
-- NULL): only when the item is that teacher's.  Returns the id, NULL when
-- there is no such item, 'forbidden' when it is not the teacher's.
CREATE OR REPLACE FUNCTION plan_item_change(p_plan uuid, p_item uuid,
    p_version integer, d jsonb, p_teacher uuid)
RETURNS text
LANGUAGE plpgsql
AS $$
DECLARE
	r plan_item;
BEGIN
	SELECT * INTO r FROM plan_item WHERE id = p_item AND plan_id = p_plan
	    FOR UPDATE;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	IF p_teacher IS NOT NULL AND r.teacher_id IS DISTINCT FROM p_teacher
	THEN
		RETURN 'forbidden';
	END IF;
	IF p_version IS NOT NULL THEN
		PERFORM api_require_version(r.version, p_version);
	END IF;
	r := plan_item_apply(r, d);
	UPDATE plan_item SET kind = r.kind, lesson_id = r.lesson_id,
	    level_id = r.level_id, class_name = r.class_name,
	    iso_year = r.iso_year, iso_week = r.iso_week, on_date = r.on_date,
	    teacher_id = r.teacher_id, status = r.status,
	    given_on = r.given_on, notes = r.notes,
	    safety_prepared_at = r.safety_prepared_at,
	    safety_prepared_by = r.safety_prepared_by
	WHERE id = p_item;
	RETURN p_item::text;
END
$$;

-- The writes of one item: plan_item_insert and plan_item_change under the
-- plan's lock (NULL when there is no such plan).
CREATE OR REPLACE FUNCTION plan_item_create(p_plan uuid, p_version integer, d jsonb)
RETURNS uuid
LANGUAGE sql
AS $$
	SELECT CASE WHEN plan_lock(p_plan, p_version)
	    THEN plan_item_insert(p_plan, d) END
$$;

CREATE OR REPLACE FUNCTION plan_item_update(p_plan uuid, p_item uuid,
    p_version integer, d jsonb, p_teacher uuid)
RETURNS text
LANGUAGE sql
AS $$
	SELECT CASE WHEN plan_lock(p_plan, NULL)
	    THEN plan_item_change(p_plan, p_item, p_version, d, p_teacher) END
$$;

CREATE OR REPLACE FUNCTION plan_item_delete(p_plan uuid, p_item uuid,
    p_version integer)
RETURNS uuid
LANGUAGE plpgsql
AS $$
DECLARE
	v integer;
BEGIN
	IF NOT plan_lock(p_plan, NULL) THEN
		RETURN NULL;
	END IF;
	SELECT version INTO v FROM plan_item
	WHERE id = p_item AND plan_id = p_plan FOR UPDATE;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	PERFORM api_require_version(v, p_version);
	PERFORM plan_require_open(p_plan, 'dit jaarplan is gearchiveerd en kan '
	    'niet meer veranderen');
	DELETE FROM plan_item WHERE id = p_item;
	RETURN p_item;
END
$$;

-- Run f for the i-th element of part; refusals name "part[i].field".
CREATE OR REPLACE FUNCTION plan_bulk_refuse(p_part text, p_index integer, p_field text,
    p_message text)
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
	RAISE EXCEPTION USING ERRCODE = 'LL422',
	    COLUMN = format('%s[%s]%s', p_part, p_index,
		CASE WHEN coalesce(p_field, '') <> '' THEN '.' || p_field
		ELSE '' END),
	    MESSAGE = p_message;
END
$$;

-- A bulk edit of one plan in one transaction: d = {create: [item, ...],
-- update: [{id, version?, ...fields}], delete: [{id, version?}]}.  Deletes
-- run first, then updates, then creates.  Any refusal refuses all.
CREATE OR REPLACE FUNCTION plan_bulk(p_plan uuid, p_version integer, d jsonb)
RETURNS uuid
LANGUAGE plpgsql
AS $$
DECLARE
	e jsonb;
	i integer;
	part text;
	f text;
	m text;
	res text;
	v integer;
BEGIN
	IF NOT plan_lock(p_plan, p_version) THEN
		RETURN NULL;
	END IF;
	FOREACH part IN ARRAY ARRAY['delete', 'update', 'create'] LOOP
		i := 0;
		FOR e IN SELECT x FROM jsonb_array_elements(
		    coalesce(d->part, '[]')) AS x LOOP
			BEGIN
				IF part = 'delete' THEN
					SELECT version INTO v FROM plan_item
					WHERE id = (e->>'id')::uuid
					AND plan_id = p_plan;
					PERFORM api_require(FOUND, 'id',
					    'dit onderdeel staat niet in dit '
					    'jaarplan');
					IF e ? 'version' THEN
						PERFORM api_require_version(v,
						    (e->>'version')::integer);
					END IF;
					PERFORM plan_require_open(p_plan,
					    'dit jaarplan is gearchiveerd');
					DELETE FROM plan_item
					WHERE id = (e->>'id')::uuid;
				ELSIF part = 'update' THEN
					res := plan_item_change(p_plan,
					    (e->>'id')::uuid,
					    (e->>'version')::integer,
					    e - 'id' - 'version', NULL);
					PERFORM api_require(res IS NOT NULL,
					    'id', 'dit onderdeel staat niet '
					    'in dit jaarplan');
				ELSE
					PERFORM plan_item_insert(p_plan, e);
				END IF;
			EXCEPTION
			WHEN SQLSTATE 'LL422' THEN
				GET STACKED DIAGNOSTICS f = COLUMN_NAME,
				    m = MESSAGE_TEXT;
				PERFORM plan_bulk_refuse(part, i, f, m);
			WHEN integrity_constraint_violation THEN
				PERFORM plan_bulk_refuse(part, i, NULL,
				    'voldoet niet aan de regels');
			END;
			i := i + 1;
		END LOOP;
	END LOOP;
	RETURN p_plan;
END
$$;

-- Copy a plan to another school year (default: the next one): a new
-- concept plan with every item that was not cancelled, each in the week
-- of the same number in the new year (plan_week_monday), a date on the
-- same weekday of that week; status back to gepland, the safety
-- preparation to be acknowledged again, teachers who left the school
-- unassigned.
CREATE OR REPLACE FUNCTION plan_copy(p_plan uuid, d jsonb)
RETURNS uuid
LANGUAGE plpgsql
AS $$
DECLARE
	p plan;
	y text;
	nid uuid;
	r plan_item;
	n plan_item;
	m date;
BEGIN
	SELECT * INTO p FROM plan WHERE id = p_plan;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	y := coalesce(d->>'school_year', (split_part(p.school_year, '-', 2)
	    || '-' || (split_part(p.school_year, '-', 2)::integer + 1)));
	PERFORM plan_school_year_ok(y);
	PERFORM api_require(y <> p.school_year, 'school_year', 'kies een '
	    'ander schooljaar dan dat van het jaarplan');
	INSERT INTO plan (school_id, school_year, title, note, copied_from,
	    template_id, created_by)
	VALUES (p.school_id, y, coalesce(btrim(d->>'title'), p.title), p.note,
	    p.id, p.template_id, audit_actor())
	RETURNING id INTO nid;
	FOR r IN SELECT * FROM plan_item WHERE plan_id = p_plan
	    AND status <> 'vervallen' ORDER BY starts_on, id LOOP
		n := r;
		n.id := gen_random_uuid();
		n.plan_id := nid;
		n.status := 'gepland';
		n.given_on := NULL;
		n.safety_prepared_at := NULL;
		n.safety_prepared_by := NULL;
		n.version := 1;
		n.created_at := now();
		n.updated_at := now();
		-- A teacher who no longer teaches at the school is left out.
		IF n.teacher_id IS NOT NULL AND NOT (auth_has_role(n.teacher_id,
		    p.school_id, 'teacher') OR auth_has_role(n.teacher_id,
		    p.school_id, 'coordinator')) THEN
			n.teacher_id := NULL;
		END IF;
		IF r.iso_week IS NOT NULL THEN
			m := plan_week_monday(y, r.iso_week);
			n.iso_year := extract(isoyear FROM m);
			n.iso_week := extract(week FROM m);
		ELSE
			m := plan_week_monday(y,
			    extract(week FROM r.on_date)::integer);
			n.on_date := m + (extract(isodow FROM r.on_date)::integer
			    - 1);
		END IF;
		INSERT INTO plan_item SELECT n.*;
	END LOOP;
	RETURN nid;
END
$$;

-- A template from d = {title, description?, items: [{kind?, lesson_id,
-- level, class_name?, week (1-53), notes?}]} or {title, description?,
-- from_plan} (the weeks and lessons of that plan, cancelled items left
-- out).
CREATE OR REPLACE FUNCTION plan_template_create(p_school uuid, d jsonb)
RETURNS uuid
LANGUAGE plpgsql
AS $$
DECLARE
	tid uuid;
	e jsonb;
	i integer := 0;
	f text;
	m text;
	lv uuid;
BEGIN
	INSERT INTO plan_template (school_id, title, description, created_by)
	VALUES (p_school, btrim(d->>'title'), d->>'description',
	    audit_actor())
	RETURNING id INTO tid;
	IF d ? 'from_plan' THEN
		PERFORM api_require(EXISTS (SELECT 1 FROM plan
		    WHERE id = (d->>'from_plan')::uuid
		    AND school_id = p_school), 'from_plan',
		    'dit jaarplan bestaat niet bij deze school');
		INSERT INTO plan_template_item (template_id, school_id,
		    position, kind, lesson_id, level_id, class_name, week,
		    notes)
		SELECT tid, p_school, row_number() OVER (ORDER BY i.starts_on,
		    lv2.sort_order, i.id), i.kind, i.lesson_id, i.level_id,
		    i.class_name, extract(week FROM i.starts_on), i.notes
		FROM plan_item i JOIN level lv2 ON lv2.id = i.level_id
		WHERE i.plan_id = (d->>'from_plan')::uuid
		AND i.status <> 'vervallen';
		RETURN tid;
	END IF;
	FOR e IN SELECT x FROM jsonb_array_elements(coalesce(d->'items',
	    '[]')) AS x LOOP
		BEGIN
			lv := (SELECT l.id FROM level l
			    WHERE l.code = e->>'level' AND l.plannable);
			PERFORM api_require(lv IS NOT NULL, 'level',
			    'kies een leerjaar (zoals groep-7 of havo-2)');
			PERFORM api_require(e->>'lesson_id' IS NULL OR EXISTS (
			    SELECT 1 FROM lesson l
			    WHERE l.id = (e->>'lesson_id')::uuid
			    AND l.status = 'published'), 'lesson_id',
			    'deze les bestaat niet (of is niet gepubliceerd)');
			INSERT INTO plan_template_item (template_id, school_id,
			    position, kind, lesson_id, level_id, class_name,
			    week, notes)
			VALUES (tid, p_school, i + 1,
			    coalesce(e->>'kind', 'les'),
			    (e->>'lesson_id')::uuid, lv,
			    nullif(btrim(e->>'class_name'), ''),
			    (e->>'week')::smallint, e->>'notes');
		EXCEPTION
		WHEN SQLSTATE 'LL422' THEN
			GET STACKED DIAGNOSTICS f = COLUMN_NAME,
			    m = MESSAGE_TEXT;
			PERFORM plan_bulk_refuse('items', i, f, m);
		WHEN integrity_constraint_violation THEN
			PERFORM plan_bulk_refuse('items', i, NULL,
			    'voldoet niet aan de regels');
		END;
		i := i + 1;
	END LOOP;
	RETURN tid;
END
$$;

CREATE OR REPLACE FUNCTION plan_template_delete(p_template uuid, p_version integer)
RETURNS uuid
LANGUAGE plpgsql
AS $$
DECLARE
	v integer;
BEGIN
	SELECT version INTO v FROM plan_template WHERE id = p_template
	    FOR UPDATE;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	PERFORM api_require_version(v, p_version);
	DELETE FROM plan_template WHERE id = p_template;
	RETURN p_template;
END
$$;

-- Apply a template to a school year: d = {school_year, title?} makes a new
-- plan; d = {plan_id} adds the items to that plan (whose version the
-- caller passes as p_version).  Returns the plan's id.
CREATE OR REPLACE FUNCTION plan_template_apply(p_template uuid, d jsonb,
    p_version integer)
RETURNS uuid
LANGUAGE plpgsql
AS $$
DECLARE
	t plan_template;
	pid uuid;
	y text;
	ti plan_template_item;
	m date;
BEGIN
	SELECT * INTO t FROM plan_template WHERE id = p_template;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	IF d ? 'plan_id' THEN
		pid := (d->>'plan_id')::uuid;
		PERFORM api_require(EXISTS (SELECT 1 FROM plan
		    WHERE id = pid AND school_id = t.school_id), 'plan_id',
		    'dit jaarplan bestaat niet bij deze school');
		PERFORM plan_lock(pid, p_version);
		SELECT school_year INTO y FROM plan WHERE id = pid;
	ELSE
		y := d->>'school_year';
		PERFORM plan_school_year_ok(y);
		INSERT INTO plan (school_id, school_year, title, template_id,
		    created_by)
		VALUES (t.school_id, y, coalesce(btrim(d->>'title'), t.title),
		    t.id, audit_actor())
		RETURNING id INTO pid;
	END IF;
	FOR ti IN SELECT * FROM plan_template_item
	    WHERE template_id = p_template ORDER BY position LOOP
		m := plan_week_monday(y, ti.week);
		INSERT INTO plan_item (plan_id, school_id, kind, lesson_id,
		    level_id, class_name, iso_year, iso_week, starts_on,
		    ends_on, notes, reason)
		VALUES (pid, t.school_id, ti.kind, ti.lesson_id, ti.level_id,
		    ti.class_name, extract(isoyear FROM m), extract(week FROM m),
		    m, m + 4, ti.notes, ti.reason);
	END LOOP;
	RETURN pid;
END
$$;

-- ---------------------------------------------------------------------------

-- (Its tables: schema/migrations/0052_plan_feeds.sql.)
-- ---------------------------------------------------------------------------

SELECT audit_attach('plan_feed');

CREATE OR REPLACE FUNCTION plan_feed_create(p_plan uuid, p_user uuid,
    p_teacher uuid, p_hash bytea)
RETURNS uuid
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	fid uuid;
BEGIN
	PERFORM api_require(p_teacher IS NULL OR EXISTS (SELECT 1
	    FROM plan p JOIN membership m ON m.school_id = p.school_id
	    WHERE p.id = p_plan AND m.user_id = p_teacher), 'teacher',
	    'Deze leraar hoort niet bij de school van dit jaarplan.');
	INSERT INTO plan_feed (plan_id, school_id, user_id, teacher_id,
	    token_hash)
	SELECT p.id, p.school_id, p_user, p_teacher, p_hash
	FROM plan p WHERE p.id = p_plan
	RETURNING id INTO fid;
	RETURN fid;
END
$$;

-- The plan and teacher of a feed, while its maker may read the school.
CREATE OR REPLACE FUNCTION plan_feed_open(p_hash bytea)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object('plan_id', f.plan_id,
	    'teacher_id', f.teacher_id)
	FROM plan_feed f JOIN app_user u ON u.id = f.user_id
	WHERE f.token_hash = p_hash AND NOT u.disabled
	AND auth_can_read_school(f.user_id, f.school_id)
$$;

-- Revoke every feed p_user made of p_plan; returns how many.
CREATE OR REPLACE FUNCTION plan_feed_revoke(p_plan uuid, p_user uuid)
RETURNS integer
LANGUAGE sql
AS $$
	WITH d AS (DELETE FROM plan_feed WHERE plan_id = p_plan
	    AND user_id = p_user RETURNING 1)
	SELECT count(*)::integer FROM d
$$;

