-- 0074 plan items for every kind of unit (issue 13, item 3 and 6): the
-- item document names the unit's kind, its review date and whether it is
-- the school's own activity, and the reason the proposed leerlijn gave it;
-- the plan's "_check" adds the levels for which there is a unit to plan
-- (level_without_lesson only there) and today (unit_not_reviewed, 24
-- months).  Templates keep the reason of their items and hand it to the
-- plans made from them.  As 0051 otherwise.

CREATE OR REPLACE FUNCTION plan_item_doc(i plan_item)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object(
	    'id', i.id, 'plan_id', i.plan_id, 'kind', i.kind,
	    'lesson', CASE WHEN l.id IS NOT NULL THEN jsonb_build_object(
		'id', l.id, 'code', l.code, 'title', l.title,
		'sensitive_topic', l.sensitive_topic,
		'programme', pr.code, 'kind', l.kind,
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

-- A template with its items (0051), each with its reason.
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

-- Apply a template (0051): the items keep their reason.
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
