-- 0060 coverage: which goals a school's programme covers at which levels,
-- planned versus given, with gaps, overlaps and crosswalks.
--
-- What counts: a plan item of kind 'les' with a lesson, not cancelled
-- (status 'gepland' or 'gegeven'), covers every goal its lesson is aligned
-- to (the lesson's own alignments and those of its programmes) at the
-- item's level.  "planned" counts every such item, "given" those with
-- status 'gegeven'.  Follow-up moments ('terugkommoment') and cancelled
-- items do not count.
--
-- Two maintained aggregates, both independent of the catalogue (goals are
-- joined at query time, so a curator's change of an alignment shows at
-- once) and kept exactly in step with plan_item by statement triggers:
--
-- coverage_fact: per plan, lesson and level the number of items that
--   count and how many of them were given.  Reports of one school read it
--   (a few hundred rows).  coverage_check() compares it with a computation
--   from scratch.
-- coverage_bits: per school year, lesson and level two bit strings with
--   one bit per school (coverage_school_ord.ord), set when the school has
--   a planned (a given) item of that lesson at that level in that year.
--   The inspector's aggregate counts the schools covering a goal as
--   bit_count of the OR over the goal's lessons, masked to the schools the
--   caller may see: exact distinct counts over thousands of schools
--   without reading their millions of items.  It is brought up to date
--   when the transaction commits (coverage_bits_commit).
--   coverage_bits_check() compares it with coverage_fact.
-- The coverage of one plan is computed from its items directly.
--
-- Its functions, views and triggers: schema/functions/coverage.sql.
CREATE TABLE coverage_fact (
	plan_id		uuid NOT NULL,
	school_id	uuid NOT NULL,
	school_year	text NOT NULL,
	lesson_id	uuid NOT NULL,
	level_id	uuid NOT NULL,
	planned		integer NOT NULL CHECK (planned >= 0),
	given		integer NOT NULL CHECK (given >= 0 AND given <= planned),
	PRIMARY KEY (plan_id, lesson_id, level_id)
);
CREATE INDEX coverage_fact_school_idx ON coverage_fact (school_id,
    school_year);
CREATE INDEX coverage_fact_key_idx ON coverage_fact (school_year, lesson_id,
    level_id, school_id);

-- One small number per school: its bit in coverage_bits.  Given out when
-- a school first has a fact; never reused.
CREATE TABLE coverage_school_ord (
	school_id	uuid PRIMARY KEY REFERENCES school (id) ON DELETE CASCADE,
	ord		integer GENERATED ALWAYS AS IDENTITY (MINVALUE 0 START 0)
			    UNIQUE
);

CREATE TABLE coverage_bits (
	school_year	text NOT NULL,
	lesson_id	uuid NOT NULL,
	level_id	uuid NOT NULL,
	planned		bit varying NOT NULL,
	given		bit varying NOT NULL,
	PRIMARY KEY (school_year, lesson_id, level_id)
);

CREATE TYPE coverage_key AS (school_id uuid, school_year text,
    lesson_id uuid, level_id uuid);

-- The bits are set when the transaction commits, for every key it
-- touched in one ordered pass: writers of different schools that touch
-- the same lesson and level lock those rows in the same order and only
-- at the end, so they cannot deadlock on them.  coverage_bits_todo holds
-- the keys of the running transactions (rows never outlive one).
CREATE UNLOGGED TABLE coverage_bits_todo (
	xact		bigint NOT NULL DEFAULT txid_current(),
	school_id	uuid NOT NULL,
	school_year	text NOT NULL,
	lesson_id	uuid NOT NULL,
	level_id	uuid NOT NULL
);
CREATE INDEX coverage_bits_todo_xact_idx ON coverage_bits_todo (xact);
