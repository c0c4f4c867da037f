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
--
-- Its functions, views and triggers: schema/functions/lesson_warnings.sql.
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
ANALYZE lesson_warning;
