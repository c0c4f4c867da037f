-- 0090 coverage focus: the prevention-relevant selection that coverage
-- reports show by default (docs/coverage.md, "Focus").
--
-- coverage_focus_framework: the frameworks a report shows when the caller
--   names none, in this order.
-- coverage_focus_goal: within a framework, the goals that matter for
--   prevention; a framework with rows here is narrowed to those goals,
--   their ancestors and their descendants (focus=preventie, the default);
--   a framework without rows is shown whole.  Filled by
--   seeds/coverage_focus.sql; edit that file (or these tables) to change
--   the selection.
CREATE TABLE coverage_focus_framework (
	framework_id	uuid PRIMARY KEY REFERENCES framework (id)
			    ON DELETE CASCADE,
	position	integer NOT NULL UNIQUE CHECK (position >= 1),
	note		text
);

CREATE TABLE coverage_focus_goal (
	goal_id		uuid PRIMARY KEY REFERENCES goal (id) ON DELETE CASCADE,
	note		text
);
