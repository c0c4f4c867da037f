-- 0025_lesson_finder_indexes.sql — indexes for the lesson finder at national
-- scale (GET /api/v1/lessons?goal=…, measured by bench/lessons_by_goal.sh).
--
-- * goal lookups by code compare catalogue_norm(code) as well as the code
--   itself: without an index every request ran catalogue_norm() (unaccent
--   and two regular expressions) on every goal of the framework;
-- * the goal set's lessons are read from alignment by goal: with lesson_id
--   in the index that is an index-only scan (replaces alignment_goal_idx,
--   which it contains);
-- * the lessons of an aligned programme are read by programme: the same
--   (replaces lesson_programme_idx).
CREATE INDEX goal_code_norm_idx ON goal (catalogue_norm(code));
CREATE INDEX goal_framework_code_norm_idx
	ON goal (framework_id, catalogue_norm(code));

CREATE INDEX alignment_goal_lesson_idx ON alignment (goal_id, lesson_id);
DROP INDEX alignment_goal_idx;

CREATE INDEX lesson_programme_id_idx ON lesson (programme_id, id);
DROP INDEX lesson_programme_idx;
