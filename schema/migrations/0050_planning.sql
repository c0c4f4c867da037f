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
--
-- Its functions, views and triggers: schema/functions/planning.sql.


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
