-- 0027 the lesson finder by goal from a maintained closure.
--
-- lesson_goal_reach holds one row per (goal, published lesson) for which
-- the lesson finder by goal (lessons_find_goal, 0026) lists the lesson
-- with related=none: the lesson is aligned with the goal or a descendant of
-- it (goal.parent_id and isChildOf relations, at most 32 steps down), by
-- itself or through its programme or a programme above it (at most 16
-- steps up). It keeps the lesson's title, the finder's order key without a
-- search text, so that a page is a range of the index (goal_id, title,
-- lesson_id) and the total a count over the same range.
--
-- lesson_goal_reach_of(lessons) computes the rows of the given lessons from
-- scratch; statement-level AFTER triggers with transition tables (in the
-- manner of 0023) replace the rows of the lessons a statement affects:
--   lesson (status, programme_id, title; insert, delete)   the lesson
--   alignment (lesson_id, programme_id, goal_id)           its lesson, or
--                                        every lesson in or below its
--                                        programme
--   programme (parent_id)                every lesson in or below it
--   goal (parent_id; delete)             the lessons with a row for the goal
--   goal_relation of type isChildOf      the lessons with a row for its
--                                        origin (the child)
-- A lesson whose set of ancestors changes is below the child side of a
-- changed edge both before and after the statement, so it has a row for
-- that child before the refresh. TRUNCATE of any of these tables rebuilds
-- everything. The writers of these tables are serialised by the advisory
-- lock of 0023 (taken before every statement on each of them).
--
-- lessons_find_goal uses the table when related=none and no other filter
-- is given (the common request); otherwise it runs the general statement
-- of 0026, now lessons_find_goal_general. The integration tests compare
-- the table with lesson_goal_reach_of over all lessons after series of
-- edits, and both functions' answers for every goal.

CREATE TABLE lesson_goal_reach (
	goal_id		uuid NOT NULL,
	lesson_id	uuid NOT NULL,
	title		text NOT NULL,
	PRIMARY KEY (goal_id, lesson_id)
);
CREATE INDEX lesson_goal_reach_page_idx
	ON lesson_goal_reach (goal_id, title, lesson_id);
CREATE INDEX lesson_goal_reach_lesson_idx ON lesson_goal_reach (lesson_id);

-- The rows of lesson_goal_reach for the given lessons (duplicates allowed),
-- computed from the catalogue.
CREATE FUNCTION lesson_goal_reach_of(p_lessons uuid[])
RETURNS TABLE (goal_id uuid, lesson_id uuid, title text)
LANGUAGE sql STABLE
AS $$
	WITH RECURSIVE les AS (
		SELECT l.id, l.programme_id, l.title FROM lesson l
		WHERE l.status = 'published'
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
	-- each aligned goal with the goals it is at most 32 steps below
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

-- Replace the rows of the given lessons (duplicates allowed; lessons that
-- no longer exist or are not published lose their rows).
CREATE FUNCTION lesson_goal_reach_refresh(p_lessons uuid[]) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
	IF coalesce(cardinality(p_lessons), 0) = 0 THEN
		RETURN;
	END IF;
	DELETE FROM lesson_goal_reach
	WHERE lesson_id IN (SELECT unnest(p_lessons));
	INSERT INTO lesson_goal_reach (goal_id, lesson_id, title)
	SELECT r.goal_id, r.lesson_id, r.title
	FROM lesson_goal_reach_of(p_lessons) r;
END
$$;

CREATE FUNCTION lesson_goal_reach_refresh_all() RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
	DELETE FROM lesson_goal_reach;
	PERFORM lesson_goal_reach_refresh(array(SELECT id FROM lesson));
END
$$;

-- ---------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------

CREATE FUNCTION lesson_goal_reach_on_truncate() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM lesson_goal_reach_refresh_all();
	RETURN NULL;
END
$$;

-- Each function below reads the transition tables new_rows (INSERT,
-- UPDATE) and old_rows (UPDATE, DELETE); an UPDATE counts the rows whose
-- columns read by lesson_goal_reach_of changed, before and after.

CREATE FUNCTION lesson_goal_reach_on_lesson() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM lesson_goal_reach_refresh(array(SELECT id FROM new_rows));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM lesson_goal_reach_refresh(array(SELECT id FROM old_rows));
	ELSE
		PERFORM lesson_goal_reach_refresh(array(
		    SELECT coalesce(n.id, o.id)
		    FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
		    WHERE n.id IS NULL OR o.id IS NULL
		    OR (n.status, n.programme_id, n.title) IS DISTINCT FROM
		    (o.status, o.programme_id, o.title)));
	END IF;
	RETURN NULL;
END
$$;

CREATE FUNCTION lesson_goal_reach_on_alignment() RETURNS trigger
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
			WHERE n.id IS NULL OR o.id IS NULL
			OR (n.lesson_id, n.programme_id, n.goal_id)
			    IS DISTINCT FROM
			    (o.lesson_id, o.programme_id, o.goal_id))
		SELECT array(SELECT nl FROM changed UNION SELECT ol FROM changed),
		    array(SELECT np FROM changed UNION SELECT op FROM changed)
		INTO lessons, programmes;
	END IF;
	PERFORM lesson_goal_reach_refresh(array(
	    SELECT x FROM unnest(lessons) x WHERE x IS NOT NULL
	    UNION SELECT lesson_warning_lessons_under(programmes)));
	RETURN NULL;
END
$$;

CREATE FUNCTION lesson_goal_reach_on_programme() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM lesson_goal_reach_refresh(array(
	    SELECT lesson_warning_lessons_under(array(
		SELECT coalesce(n.id, o.id)
		FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
		WHERE n.id IS NULL OR o.id IS NULL
		OR n.parent_id IS DISTINCT FROM o.parent_id))));
	RETURN NULL;
END
$$;

CREATE FUNCTION lesson_goal_reach_on_goal() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		PERFORM lesson_goal_reach_refresh(array(
		    SELECT r.lesson_id FROM lesson_goal_reach r
		    WHERE r.goal_id IN (SELECT id FROM old_rows)));
	ELSE
		PERFORM lesson_goal_reach_refresh(array(
		    SELECT r.lesson_id FROM lesson_goal_reach r
		    WHERE r.goal_id IN (
			SELECT x FROM new_rows n FULL JOIN old_rows o
			ON o.id = n.id CROSS JOIN LATERAL (VALUES (n.id), (o.id)) v (x)
			WHERE x IS NOT NULL AND (o.id IS NULL OR n.id IS NULL
			OR n.parent_id IS DISTINCT FROM o.parent_id))));
	END IF;
	RETURN NULL;
END
$$;

CREATE FUNCTION lesson_goal_reach_on_goal_relation() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM lesson_goal_reach_refresh(array(
		    SELECT r.lesson_id FROM lesson_goal_reach r
		    WHERE r.goal_id IN (SELECT origin_goal_id FROM new_rows
			WHERE relation_type = 'isChildOf')));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM lesson_goal_reach_refresh(array(
		    SELECT r.lesson_id FROM lesson_goal_reach r
		    WHERE r.goal_id IN (SELECT origin_goal_id FROM old_rows
			WHERE relation_type = 'isChildOf')));
	ELSE
		PERFORM lesson_goal_reach_refresh(array(
		    SELECT r.lesson_id FROM lesson_goal_reach r
		    WHERE r.goal_id IN (SELECT origin_goal_id FROM new_rows
			WHERE relation_type = 'isChildOf'
			UNION SELECT origin_goal_id FROM old_rows
			WHERE relation_type = 'isChildOf')));
	END IF;
	RETURN NULL;
END
$$;

DO $$
DECLARE
	t record;
	ev text;
BEGIN
	FOR t IN SELECT * FROM (VALUES
	    ('lesson', 'INSERT,UPDATE,DELETE'),
	    ('alignment', 'INSERT,UPDATE,DELETE'),
	    ('programme', 'UPDATE'),
	    ('goal', 'UPDATE,DELETE'),
	    ('goal_relation', 'INSERT,UPDATE,DELETE')) AS v (tab, events)
	LOOP
		EXECUTE format('CREATE TRIGGER lesson_goal_reach_truncate AFTER '
		    'TRUNCATE ON %I FOR EACH STATEMENT '
		    'EXECUTE FUNCTION lesson_goal_reach_on_truncate()', t.tab);
		FOREACH ev IN ARRAY string_to_array(t.events, ',') LOOP
			EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I '
			    'REFERENCING %s FOR EACH STATEMENT '
			    'EXECUTE FUNCTION %I()',
			    'lesson_goal_reach_' || lower(ev), ev, t.tab,
			    CASE ev WHEN 'INSERT' THEN 'NEW TABLE AS new_rows'
				WHEN 'DELETE' THEN 'OLD TABLE AS old_rows'
				ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows'
			    END,
			    'lesson_goal_reach_on_' || t.tab);
		END LOOP;
	END LOOP;
END
$$;

SELECT lesson_goal_reach_refresh_all();
