-- 0023 stored lesson warnings.
--
-- The rules stay in one place, alignment_warning_of(lesson) of 0022. What
-- changes is when they run: not for every lesson at every read of the
-- catalogue-wide list (GET /api/v1/alignment-warnings), but for the lessons
-- a write affects, at the end of the writing statement. Their rows are kept
-- in lesson_warning, which the list, lesson_warnings(lesson) and the view
-- alignment_warning read.
--
-- lesson_warning holds exactly the rows of alignment_warning_of over all
-- lessons, plus two copies used only as sort keys of the list: the lesson's
-- title and the goal's code (NULL without a goal), taken when the rows are
-- made. The integration tests compare the table with the live rules after
-- series of edits.
--
-- Statement-level AFTER triggers with transition tables collect the ids of
-- the affected lessons of a whole statement (a bulk import refreshes each
-- lesson once per statement) and call lesson_warning_refresh(ids), which
-- replaces those lessons' rows by alignment_warning_of. What the rules read,
-- and so what is affected:
--   lesson (programme_id, status, title, levels_as_published)  the lesson
--   lesson_level                         the lesson
--   alignment (lesson_id, programme_id, goal_id, published_label,
--     published_code)                    its lesson, or every lesson in or
--                                        below its programme
--   programme (parent_id)                every lesson in or below it
--   goal (framework_id, code, title, description, alt_titles, status)
--                                        the lessons aligned with it (also
--                                        through a programme), the lessons
--                                        aligned with goals it replaces
--                                        (the replacedBy message names it),
--                                        and, when its framework, code or
--                                        title changed or it was added or
--                                        removed, the lessons with an
--                                        alignment with a published code to
--                                        a goal of its framework (the
--                                        label_title_mismatch message names
--                                        the other goals with that title)
--   goal_level                           the lessons aligned with the goal
--   goal_relation of type replacedBy     the lessons aligned with its origin
--   level (title, sort_order), level_member
--                                        the lessons with the level, and the
--                                        lessons aligned with goals with it
-- A new programme or level is referenced by nothing yet; one that is
-- removed cannot be referenced (foreign keys), and the rows that go with
-- it (alignment, level_member) fire their own triggers. TRUNCATE of any of
-- these tables refreshes everything.
--
-- Concurrent writers: every statement that writes one of these tables
-- first takes a transaction-level advisory lock (BEFORE STATEMENT), so
-- catalogue writes that can change warnings run one transaction after the
-- other. Under READ COMMITTED each refresh then sees every change committed
-- before it, and the lesson a later transaction refreshes includes the
-- earlier one's changes. (Taking the lock before the statement's row locks
-- keeps the lock order the same in every transaction.)

CREATE TABLE lesson_warning (
	lesson_id	uuid NOT NULL,
	alignment_id	uuid,
	programme_id	uuid,
	goal_id		uuid,
	code		text NOT NULL,
	severity	text NOT NULL,
	message		text NOT NULL,
	lesson_title	text NOT NULL,
	goal_code	text
);
CREATE INDEX lesson_warning_lesson_idx ON lesson_warning (lesson_id);
-- the order of GET /api/v1/alignment-warnings
CREATE INDEX lesson_warning_list_idx ON lesson_warning ((severity = 'info'),
	code, lesson_title, goal_code, alignment_id, lesson_id);

-- Alignments with a published code, by goal: the ones a goal title can
-- concern (see above).
CREATE INDEX alignment_published_code_idx ON alignment (goal_id)
	WHERE published_code IS NOT NULL;

-- Replace the stored rows of the given lessons (duplicates allowed; ids of
-- lessons that no longer exist lose their rows).
CREATE FUNCTION lesson_warning_refresh(p_lessons uuid[]) RETURNS void
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
	WHERE l.id = ANY (p_lessons);
END
$$;

CREATE FUNCTION lesson_warning_refresh_all() RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
	DELETE FROM lesson_warning;
	PERFORM lesson_warning_refresh(array(SELECT id FROM lesson));
END
$$;

-- The lessons whose programme is one of p_programmes or below one.
CREATE FUNCTION lesson_warning_lessons_under(p_programmes uuid[])
RETURNS SETOF uuid
LANGUAGE sql STABLE
AS $$
	WITH RECURSIVE sub (id) AS (
		SELECT p.id FROM programme p WHERE p.id = ANY (p_programmes)
		UNION
		SELECT p.id FROM sub JOIN programme p ON p.parent_id = sub.id
	)
	SELECT l.id FROM lesson l WHERE l.programme_id IN (SELECT id FROM sub)
$$;

-- The lessons for which an alignment with one of p_goals holds (their own
-- or their programme's).
CREATE FUNCTION lesson_warning_lessons_aligned(p_goals uuid[])
RETURNS SETOF uuid
LANGUAGE sql STABLE
AS $$
	SELECT a.lesson_id FROM alignment a
	WHERE a.goal_id = ANY (p_goals) AND a.lesson_id IS NOT NULL
	UNION
	SELECT lesson_warning_lessons_under(array(
	    SELECT a.programme_id FROM alignment a
	    WHERE a.goal_id = ANY (p_goals) AND a.programme_id IS NOT NULL))
$$;

-- The lessons for which an alignment with a published code with a goal of
-- one of p_frameworks holds.
CREATE FUNCTION lesson_warning_lessons_labelled(p_frameworks uuid[])
RETURNS SETOF uuid
LANGUAGE sql STABLE
AS $$
	SELECT a.lesson_id FROM alignment a JOIN goal g ON g.id = a.goal_id
	WHERE a.published_code IS NOT NULL AND g.framework_id = ANY (p_frameworks)
	  AND a.lesson_id IS NOT NULL
	UNION
	SELECT lesson_warning_lessons_under(array(
	    SELECT a.programme_id FROM alignment a JOIN goal g ON g.id = a.goal_id
	    WHERE a.published_code IS NOT NULL
	      AND g.framework_id = ANY (p_frameworks)
	      AND a.programme_id IS NOT NULL))
$$;

-- The lessons with one of p_levels, and those aligned with a goal with one.
CREATE FUNCTION lesson_warning_lessons_of_levels(p_levels uuid[])
RETURNS SETOF uuid
LANGUAGE sql STABLE
AS $$
	SELECT ll.lesson_id FROM lesson_level ll WHERE ll.level_id = ANY (p_levels)
	UNION
	SELECT lesson_warning_lessons_aligned(array(
	    SELECT gl.goal_id FROM goal_level gl
	    WHERE gl.level_id = ANY (p_levels)))
$$;

-- ---------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------

CREATE FUNCTION lesson_warning_lock() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	-- 0x4c4c5757: an arbitrary key of this lock alone
	PERFORM pg_advisory_xact_lock(1280071511);
	RETURN NULL;
END
$$;

CREATE FUNCTION lesson_warning_on_truncate() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM lesson_warning_refresh_all();
	RETURN NULL;
END
$$;

-- Each function below reads the transition tables new_rows (INSERT,
-- UPDATE) and old_rows (UPDATE, DELETE); an UPDATE counts the rows whose
-- columns read by the rules changed, before and after.

CREATE FUNCTION lesson_warning_on_lesson() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM lesson_warning_refresh(array(SELECT id FROM new_rows));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM lesson_warning_refresh(array(SELECT id FROM old_rows));
	ELSE
		PERFORM lesson_warning_refresh(array(
		    SELECT coalesce(n.id, o.id)
		    FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
		    WHERE (n.programme_id, n.status, n.title, n.levels_as_published)
			IS DISTINCT FROM (o.programme_id, o.status, o.title,
			o.levels_as_published)));
	END IF;
	RETURN NULL;
END
$$;

CREATE FUNCTION lesson_warning_on_lesson_level() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM lesson_warning_refresh(array(SELECT lesson_id FROM new_rows));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM lesson_warning_refresh(array(SELECT lesson_id FROM old_rows));
	ELSE
		PERFORM lesson_warning_refresh(array(
		    SELECT lesson_id FROM new_rows UNION
		    SELECT lesson_id FROM old_rows));
	END IF;
	RETURN NULL;
END
$$;

CREATE FUNCTION lesson_warning_on_alignment() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	lessons uuid[];
	programmes uuid[];
BEGIN
	IF TG_OP = 'INSERT' THEN
		SELECT array_agg(lesson_id), array_agg(programme_id)
		INTO lessons, programmes FROM new_rows;
	ELSIF TG_OP = 'DELETE' THEN
		SELECT array_agg(lesson_id), array_agg(programme_id)
		INTO lessons, programmes FROM old_rows;
	ELSE
		WITH changed AS (
			SELECT n.lesson_id AS nl, n.programme_id AS np,
			    o.lesson_id AS ol, o.programme_id AS op
			FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
			WHERE (n.lesson_id, n.programme_id, n.goal_id,
			    n.published_label, n.published_code)
			    IS DISTINCT FROM (o.lesson_id, o.programme_id,
			    o.goal_id, o.published_label, o.published_code))
		SELECT array_agg(nl) || array_agg(ol),
		    array_agg(np) || array_agg(op)
		INTO lessons, programmes FROM changed;
	END IF;
	PERFORM lesson_warning_refresh(array(
	    SELECT unnest(lessons)
	    UNION SELECT lesson_warning_lessons_under(programmes)));
	RETURN NULL;
END
$$;

CREATE FUNCTION lesson_warning_on_programme() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM lesson_warning_refresh(array(
	    SELECT lesson_warning_lessons_under(array(
		SELECT unnest(ARRAY[n.id, o.id])
		FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
		WHERE (n.id, n.parent_id) IS DISTINCT FROM (o.id, o.parent_id)))));
	RETURN NULL;
END
$$;

CREATE FUNCTION lesson_warning_on_goal() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	goals uuid[];		-- goals whose own data changed
	frameworks uuid[];	-- frameworks where a goal's code or title changed
BEGIN
	IF TG_OP = 'INSERT' THEN
		SELECT array_agg(id), array_agg(DISTINCT framework_id)
		INTO goals, frameworks FROM new_rows;
	ELSIF TG_OP = 'DELETE' THEN
		SELECT array_agg(id), array_agg(DISTINCT framework_id)
		INTO goals, frameworks FROM old_rows;
	ELSE
		WITH changed AS (
			SELECT n.id AS ni, o.id AS oi, n.framework_id AS nf,
			    o.framework_id AS ofw,
			    (n.id, n.framework_id, n.code, n.title)
			    IS DISTINCT FROM (o.id, o.framework_id, o.code,
			    o.title) AS named
			FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
			WHERE (n.id, n.framework_id, n.code, n.title,
			    n.description, n.alt_titles, n.status)
			    IS DISTINCT FROM (o.id, o.framework_id, o.code,
			    o.title, o.description, o.alt_titles, o.status))
		SELECT array(SELECT ni FROM changed UNION SELECT oi FROM changed),
		    array(SELECT nf FROM changed WHERE named
			UNION SELECT ofw FROM changed WHERE named)
		INTO goals, frameworks;
	END IF;
	IF coalesce(cardinality(goals), 0) = 0 THEN
		RETURN NULL;
	END IF;
	PERFORM lesson_warning_refresh(array(
	    SELECT lesson_warning_lessons_aligned(goals || array(
		SELECT r.origin_goal_id FROM goal_relation r
		WHERE r.relation_type = 'replacedBy'
		  AND r.destination_goal_id = ANY (goals)))
	    UNION
	    SELECT lesson_warning_lessons_labelled(frameworks)));
	RETURN NULL;
END
$$;

CREATE FUNCTION lesson_warning_on_goal_level() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM lesson_warning_refresh(array(SELECT lesson_warning_lessons_aligned(
		    array(SELECT goal_id FROM new_rows))));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM lesson_warning_refresh(array(SELECT lesson_warning_lessons_aligned(
		    array(SELECT goal_id FROM old_rows))));
	ELSE
		PERFORM lesson_warning_refresh(array(SELECT lesson_warning_lessons_aligned(
		    array(SELECT goal_id FROM new_rows
			UNION SELECT goal_id FROM old_rows))));
	END IF;
	RETURN NULL;
END
$$;

CREATE FUNCTION lesson_warning_on_goal_relation() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM lesson_warning_refresh(array(SELECT lesson_warning_lessons_aligned(
		    array(SELECT origin_goal_id FROM new_rows
			WHERE relation_type = 'replacedBy'))));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM lesson_warning_refresh(array(SELECT lesson_warning_lessons_aligned(
		    array(SELECT origin_goal_id FROM old_rows
			WHERE relation_type = 'replacedBy'))));
	ELSE
		PERFORM lesson_warning_refresh(array(SELECT lesson_warning_lessons_aligned(
		    array(SELECT origin_goal_id FROM new_rows
			WHERE relation_type = 'replacedBy'
			UNION SELECT origin_goal_id FROM old_rows
			WHERE relation_type = 'replacedBy'))));
	END IF;
	RETURN NULL;
END
$$;

CREATE FUNCTION lesson_warning_on_level() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM lesson_warning_refresh(array(
	    SELECT lesson_warning_lessons_of_levels(array(
		SELECT unnest(ARRAY[n.id, o.id])
		FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
		WHERE (n.id, n.title, n.sort_order)
		    IS DISTINCT FROM (o.id, o.title, o.sort_order)))));
	RETURN NULL;
END
$$;

CREATE FUNCTION lesson_warning_on_level_member() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM lesson_warning_refresh(array(SELECT lesson_warning_lessons_of_levels(
		    array(SELECT level_id FROM new_rows))));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM lesson_warning_refresh(array(SELECT lesson_warning_lessons_of_levels(
		    array(SELECT level_id FROM old_rows))));
	ELSE
		PERFORM lesson_warning_refresh(array(SELECT lesson_warning_lessons_of_levels(
		    array(SELECT level_id FROM new_rows
			UNION SELECT level_id FROM old_rows))));
	END IF;
	RETURN NULL;
END
$$;

-- Attach: the lock before every writing statement, the refresh after the
-- events that can change warnings, a full refresh after TRUNCATE.
DO $$
DECLARE
	t record;
	ev text;
BEGIN
	FOR t IN SELECT * FROM (VALUES
	    ('lesson', 'INSERT,UPDATE,DELETE'),
	    ('lesson_level', 'INSERT,UPDATE,DELETE'),
	    ('alignment', 'INSERT,UPDATE,DELETE'),
	    ('programme', 'UPDATE'),
	    ('goal', 'INSERT,UPDATE,DELETE'),
	    ('goal_level', 'INSERT,UPDATE,DELETE'),
	    ('goal_relation', 'INSERT,UPDATE,DELETE'),
	    ('level', 'UPDATE'),
	    ('level_member', 'INSERT,UPDATE,DELETE')) AS v (tab, events)
	LOOP
		EXECUTE format('CREATE TRIGGER lesson_warning_lock BEFORE INSERT '
		    'OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT '
		    'EXECUTE FUNCTION lesson_warning_lock()', t.tab);
		EXECUTE format('CREATE TRIGGER lesson_warning_truncate AFTER '
		    'TRUNCATE ON %I FOR EACH STATEMENT '
		    'EXECUTE FUNCTION lesson_warning_on_truncate()', t.tab);
		FOREACH ev IN ARRAY string_to_array(t.events, ',') LOOP
			EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I '
			    'REFERENCING %s FOR EACH STATEMENT '
			    'EXECUTE FUNCTION %I()',
			    'lesson_warning_' || lower(ev), ev, t.tab,
			    CASE ev WHEN 'INSERT' THEN 'NEW TABLE AS new_rows'
				WHEN 'DELETE' THEN 'OLD TABLE AS old_rows'
				ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows'
			    END,
			    'lesson_warning_on_' || t.tab);
		END LOOP;
	END LOOP;
END
$$;

-- ---------------------------------------------------------------------------
-- Readers
-- ---------------------------------------------------------------------------

-- All warnings (columns as before).
CREATE OR REPLACE VIEW alignment_warning AS
	SELECT w.alignment_id, w.lesson_id, w.programme_id, w.goal_id, w.code,
	    w.severity, w.message
	FROM lesson_warning w;

-- Warnings of one lesson, warnings first, in a stable order (as in 0002).
CREATE OR REPLACE FUNCTION lesson_warnings(p_lesson_id uuid)
RETURNS TABLE (alignment_id uuid, lesson_id uuid, programme_id uuid,
    goal_id uuid, code text, severity text, message text)
LANGUAGE sql STABLE
AS $$
	SELECT w.alignment_id, w.lesson_id, w.programme_id, w.goal_id, w.code,
	    w.severity, w.message
	FROM lesson_warning w
	WHERE w.lesson_id = p_lesson_id
	ORDER BY w.severity = 'info', w.code, w.goal_id, w.alignment_id
$$;

-- The warnings of the data already there.
SELECT lesson_warning_refresh_all();
ANALYZE lesson_warning;
