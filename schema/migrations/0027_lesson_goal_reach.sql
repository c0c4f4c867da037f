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
--
-- Its functions, views and triggers: schema/functions/lessons.sql.
CREATE TABLE lesson_goal_reach (
	goal_id		uuid NOT NULL,
	lesson_id	uuid NOT NULL,
	title		text NOT NULL,
	PRIMARY KEY (goal_id, lesson_id)
);
CREATE INDEX lesson_goal_reach_page_idx
	ON lesson_goal_reach (goal_id, title, lesson_id);
CREATE INDEX lesson_goal_reach_lesson_idx ON lesson_goal_reach (lesson_id);
