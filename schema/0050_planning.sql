-- 0050 planning: school-year plans per school, their items, and multi-year
-- programme templates.
--
-- A plan belongs to one school and one school year (school_year, 0020).
-- Its version is the ETag of the whole plan document: it goes up with
-- every change of the plan and of any of its items, so that a client that
-- read the plan cannot overwrite a change it has not seen.  Every item has
-- its own version too (the ETag of PATCH/DELETE on the item).  Writers lock
-- the plan row first (plan_lock), then items, so that concurrent writers of
-- one plan queue up instead of deadlocking.
--
-- The planning checks (warnings) are computed in C (api/src/plan_checks.c)
-- from what plan_doc() returns; nothing here refuses a plan for a warning.
-- What IS refused: invalid data (unknown lesson or level, a week outside
-- the school year, a teacher who does not teach at the school, changes to
-- an archived plan), with SQLSTATE LL422 and a Dutch message (0004).

-- The single-year levels a school teaches, in school order: from its
-- first_level to its last_level.  For year levels ("havo-2") that is every
-- stream ("havo", "vwo", "vmbo-kb", "groep") whose first year lies between
-- the streams of first_level and last_level in the level order, for the
-- years between them; so havo-1 .. vwo-6 gives havo 1-5 and vwo 1-6, and
-- groep-1 .. groep-8 the eight groepen.  Levels that are not one school
-- year (so, vso, pro, mbo) go by sort order.  A school without first_level
-- has no levels here.
CREATE FUNCTION plan_school_levels(p_school uuid)
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
		FROM school sc
		JOIN level f ON f.code = sc.first_level
		JOIN level t ON t.code = coalesce(sc.last_level, sc.first_level)
		WHERE sc.id = p_school
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

-- The Monday of ISO week p_week in school year p_year: the week of that
-- number whose Monday falls in the school year; a week the school year
-- does not have (53, or 31 in some years) becomes its nearest week.
CREATE FUNCTION plan_week_monday(p_year text, p_week integer)
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

-- Plans --------------------------------------------------------------------

CREATE TABLE plan (
	id		uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	school_id	uuid NOT NULL REFERENCES school (id) ON DELETE CASCADE,
	school_year	text NOT NULL REFERENCES school_year (code),
	title		text NOT NULL CHECK (btrim(title) <> '' AND
			    length(title) <= 200),
	status		text NOT NULL DEFAULT 'concept'
			    CHECK (status IN ('concept', 'vastgesteld',
				'gearchiveerd')),
	note		text CHECK (length(note) <= 4000),
	copied_from	uuid REFERENCES plan (id) ON DELETE SET NULL,
	template_id	uuid,		-- the template it was made from
	created_by	uuid REFERENCES app_user (id) ON DELETE SET NULL,
	version		integer NOT NULL DEFAULT 1 CHECK (version >= 1),
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	UNIQUE (school_id, school_year, title),
	UNIQUE (id, school_id)
);
CREATE INDEX plan_school_idx ON plan (school_id, school_year);

-- BEFORE UPDATE: the version goes up on every real change, and when an
-- item changed (plan_item_bump sets version itself).  The status moves
-- concept <-> vastgesteld -> gearchiveerd; an archived plan is final.
CREATE FUNCTION plan_touch() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	skip constant text[] := ARRAY['updated_at', 'version'];
	-- set to NULL by the database when what they point to goes away
	links constant text[] := ARRAY['copied_from', 'template_id',
	    'created_by'];
BEGIN
	IF OLD.status = 'gearchiveerd' AND (to_jsonb(NEW) - skip - links)
	    IS DISTINCT FROM (to_jsonb(OLD) - skip - links) THEN
		PERFORM api_require(false, 'status', 'dit jaarplan is '
		    'gearchiveerd en kan niet meer veranderen');
	END IF;
	IF NEW.version <> OLD.version THEN
		NEW.updated_at := now();
	ELSIF (to_jsonb(NEW) - skip) IS NOT DISTINCT FROM (to_jsonb(OLD) - skip)
	THEN
		NEW.updated_at := OLD.updated_at;
	ELSE
		NEW.version := OLD.version + 1;
		NEW.updated_at := now();
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER plan_touch BEFORE UPDATE ON plan
FOR EACH ROW EXECUTE FUNCTION plan_touch();

-- Plan items ---------------------------------------------------------------

-- kind 'les': a lesson of the catalogue; 'terugkommoment': a moment to
-- come back to a sensitive topic some time later (source 004: "Kom enige
-- tijd later terug op de informatie"), with or without a lesson.
-- An item is planned in an ISO week (iso_year, iso_week) or on a date;
-- starts_on / ends_on are derived (Monday to Friday of the week, or the
-- date) by plan_item_check.
CREATE TABLE plan_item (
	id		uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	plan_id		uuid NOT NULL,
	school_id	uuid NOT NULL,
	kind		text NOT NULL DEFAULT 'les'
			    CHECK (kind IN ('les', 'terugkommoment')),
	lesson_id	uuid REFERENCES lesson (id),
	level_id	uuid NOT NULL REFERENCES level (id),
	class_name	text CHECK (btrim(class_name) <> '' AND
			    length(class_name) <= 40),
	iso_year	smallint CHECK (iso_year BETWEEN 1900 AND 2200),
	iso_week	smallint CHECK (iso_week BETWEEN 1 AND 53),
	on_date		date,
	starts_on	date NOT NULL,
	ends_on		date NOT NULL,
	teacher_id	uuid REFERENCES app_user (id) ON DELETE SET NULL,
	status		text NOT NULL DEFAULT 'gepland'
			    CHECK (status IN ('gepland', 'gegeven',
				'vervallen')),
	given_on	date,
	notes		text CHECK (length(notes) <= 4000),
	safety_prepared_at timestamptz,
	safety_prepared_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
	version		integer NOT NULL DEFAULT 1 CHECK (version >= 1),
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	FOREIGN KEY (plan_id, school_id) REFERENCES plan (id, school_id)
	    ON DELETE CASCADE,
	CHECK ((iso_week IS NULL) = (iso_year IS NULL)),
	CHECK ((iso_week IS NULL) <> (on_date IS NULL)),
	CHECK (kind = 'terugkommoment' OR lesson_id IS NOT NULL),
	CHECK (given_on IS NULL OR status = 'gegeven'),
	CHECK (ends_on >= starts_on)
);
CREATE INDEX plan_item_plan_idx ON plan_item (plan_id, starts_on);
CREATE INDEX plan_item_lesson_idx ON plan_item (lesson_id);
CREATE INDEX plan_item_teacher_idx ON plan_item (teacher_id);
CREATE INDEX plan_item_school_idx ON plan_item (school_id, level_id);

-- BEFORE INSERT OR UPDATE: derive the days, and refuse what is invalid.
CREATE FUNCTION plan_item_check() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	p plan;
	y school_year;
	skip constant text[] := ARRAY['updated_at', 'version'];
	links constant text[] := ARRAY['teacher_id', 'safety_prepared_by'];
BEGIN
	SELECT * INTO p FROM plan WHERE id = NEW.plan_id;
	IF NOT FOUND THEN
		RETURN NEW;	-- the foreign key refuses it
	END IF;
	IF TG_OP = 'UPDATE' THEN
		IF (to_jsonb(NEW) - skip) IS NOT DISTINCT FROM
		    (to_jsonb(OLD) - skip) THEN
			NEW.version := OLD.version;
			NEW.updated_at := OLD.updated_at;
			RETURN NEW;
		END IF;
		PERFORM api_require(p.status <> 'gearchiveerd' OR
		    (to_jsonb(NEW) - skip - links) IS NOT DISTINCT FROM
		    (to_jsonb(OLD) - skip - links), 'status', 'dit jaarplan '
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
CREATE TRIGGER plan_item_check BEFORE INSERT OR UPDATE ON plan_item
FOR EACH ROW EXECUTE FUNCTION plan_item_check();

-- AFTER any change of items: the plan's version goes up (once per
-- statement and plan).
CREATE FUNCTION plan_item_bump() RETURNS trigger
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
CREATE TRIGGER plan_item_bump_ins AFTER INSERT ON plan_item
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION plan_item_bump();
CREATE TRIGGER plan_item_bump_upd AFTER UPDATE ON plan_item
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION plan_item_bump();
CREATE TRIGGER plan_item_bump_del AFTER DELETE ON plan_item
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION plan_item_bump();

-- Programme templates ------------------------------------------------------

-- A multi-year programme of a school: lessons per level at a week of the
-- school year (an ISO week number), e.g. groep 5 to 8 each with their own
-- lessons.  Applied to a school year it becomes (part of) that year's plan.
CREATE TABLE plan_template (
	id		uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	school_id	uuid NOT NULL REFERENCES school (id) ON DELETE CASCADE,
	title		text NOT NULL CHECK (btrim(title) <> '' AND
			    length(title) <= 200),
	description	text CHECK (length(description) <= 4000),
	created_by	uuid REFERENCES app_user (id) ON DELETE SET NULL,
	version		integer NOT NULL DEFAULT 1 CHECK (version >= 1),
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	UNIQUE (school_id, title),
	UNIQUE (id, school_id)
);
CREATE TRIGGER plan_template_touch BEFORE UPDATE ON plan_template
FOR EACH ROW EXECUTE FUNCTION catalogue_lesson_touch();

ALTER TABLE plan ADD FOREIGN KEY (template_id) REFERENCES plan_template (id)
    ON DELETE SET NULL;

CREATE TABLE plan_template_item (
	id		uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	template_id	uuid NOT NULL,
	school_id	uuid NOT NULL,
	position	integer NOT NULL CHECK (position >= 1),
	kind		text NOT NULL DEFAULT 'les'
			    CHECK (kind IN ('les', 'terugkommoment')),
	lesson_id	uuid REFERENCES lesson (id),
	level_id	uuid NOT NULL REFERENCES level (id),
	class_name	text CHECK (btrim(class_name) <> '' AND
			    length(class_name) <= 40),
	week		smallint NOT NULL CHECK (week BETWEEN 1 AND 53),
	notes		text CHECK (length(notes) <= 4000),
	FOREIGN KEY (template_id, school_id)
	    REFERENCES plan_template (id, school_id) ON DELETE CASCADE,
	CHECK (kind = 'terugkommoment' OR lesson_id IS NOT NULL),
	UNIQUE (template_id, position)
);
CREATE INDEX plan_template_item_lesson_idx ON plan_template_item (lesson_id);

SELECT audit_attach('plan');
SELECT audit_attach('plan_item');
SELECT audit_attach('plan_template');
SELECT audit_attach('plan_template_item');
