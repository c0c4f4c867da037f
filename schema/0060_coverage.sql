-- 0060 coverage: which goals a school's programme covers at which levels,
-- planned versus given, with gaps, overlaps and crosswalks.
--
-- What counts: a plan item of kind 'les' with a lesson, not cancelled
-- (status 'gepland' or 'gegeven'), covers every goal its lesson is aligned
-- to (lesson_alignment: the lesson's own alignments and those of its
-- programmes) at the item's level.  "planned" counts every such item,
-- "given" those with status 'gegeven'.  Follow-up moments
-- ('terugkommoment') and cancelled items do not count.
--
-- coverage_fact is the maintained aggregate: per plan, lesson and level
-- the number of items that count and how many of them were given.  It is
-- independent of the catalogue (alignments are joined at query time, so
-- a curator's change of an alignment is seen at once) and it is kept
-- exactly in step with plan_item by statement triggers; coverage_check()
-- compares it with a computation from scratch (tests and the benchmark
-- call it).  Reports read it for schools and for the inspector's
-- aggregate; the coverage of one plan is computed from its items.

CREATE TABLE coverage_fact (
	plan_id		uuid NOT NULL,
	school_id	uuid NOT NULL,
	lesson_id	uuid NOT NULL,
	level_id	uuid NOT NULL,
	planned		integer NOT NULL CHECK (planned >= 0),
	given		integer NOT NULL CHECK (given >= 0 AND given <= planned),
	PRIMARY KEY (plan_id, lesson_id, level_id)
);
CREATE INDEX coverage_fact_school_idx ON coverage_fact (school_id);

-- The facts of a set of plan items, from scratch.
CREATE VIEW coverage_fact_scratch AS
	SELECT i.plan_id, i.school_id, i.lesson_id, i.level_id,
	    count(*)::integer AS planned,
	    count(*) FILTER (WHERE i.status = 'gegeven')::integer AS given
	FROM plan_item i
	WHERE i.kind = 'les' AND i.lesson_id IS NOT NULL
	  AND i.status <> 'vervallen'
	GROUP BY i.plan_id, i.school_id, i.lesson_id, i.level_id;

-- Add the deltas of one statement: old rows count -1, new rows +1; rows
-- that drop to zero go.  Keys are applied in a fixed order so that
-- concurrent writers never deadlock here.
CREATE FUNCTION coverage_fact_apply() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO coverage_fact AS c (plan_id, school_id, lesson_id,
		    level_id, planned, given)
		SELECT n.plan_id, n.school_id, n.lesson_id, n.level_id,
		    count(*), count(*) FILTER (WHERE n.status = 'gegeven')
		FROM new_rows n
		WHERE n.kind = 'les' AND n.lesson_id IS NOT NULL
		  AND n.status <> 'vervallen'
		GROUP BY 1, 2, 3, 4
		ORDER BY 1, 3, 4
		ON CONFLICT (plan_id, lesson_id, level_id) DO UPDATE
		SET planned = c.planned + excluded.planned,
		    given = c.given + excluded.given;
		RETURN NULL;
	END IF;
	IF TG_OP = 'DELETE' THEN
		UPDATE coverage_fact c
		SET planned = c.planned + d.dp, given = c.given + d.dg
		FROM (SELECT o.plan_id, o.lesson_id, o.level_id,
			-count(*) AS dp,
			-count(*) FILTER (WHERE o.status = 'gegeven') AS dg
		    FROM old_rows o
		    WHERE o.kind = 'les' AND o.lesson_id IS NOT NULL
		      AND o.status <> 'vervallen'
		    GROUP BY 1, 2, 3) d
		WHERE c.plan_id = d.plan_id AND c.lesson_id = d.lesson_id
		  AND c.level_id = d.level_id;
	ELSE
		WITH d AS (
			SELECT x.plan_id, x.school_id, x.lesson_id, x.level_id,
			    sum(x.dp)::integer AS dp, sum(x.dg)::integer AS dg
			FROM (SELECT o.plan_id, o.school_id, o.lesson_id,
				o.level_id, -1 AS dp,
				-(o.status = 'gegeven')::integer AS dg
			    FROM old_rows o
			    WHERE o.kind = 'les' AND o.lesson_id IS NOT NULL
			      AND o.status <> 'vervallen'
			    UNION ALL
			    SELECT n.plan_id, n.school_id, n.lesson_id,
				n.level_id, 1, (n.status = 'gegeven')::integer
			    FROM new_rows n
			    WHERE n.kind = 'les' AND n.lesson_id IS NOT NULL
			      AND n.status <> 'vervallen') x
			GROUP BY 1, 2, 3, 4
			HAVING sum(x.dp) <> 0 OR sum(x.dg) <> 0
		), u AS (
			UPDATE coverage_fact c
			SET planned = c.planned + d.dp, given = c.given + d.dg
			FROM d
			WHERE c.plan_id = d.plan_id AND
			    c.lesson_id = d.lesson_id AND c.level_id = d.level_id
			RETURNING c.plan_id, c.lesson_id, c.level_id
		)
		INSERT INTO coverage_fact AS c (plan_id, school_id, lesson_id,
		    level_id, planned, given)
		SELECT d.plan_id, d.school_id, d.lesson_id, d.level_id, d.dp,
		    d.dg
		FROM d
		WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.plan_id = d.plan_id
		    AND u.lesson_id = d.lesson_id AND u.level_id = d.level_id)
		ORDER BY 1, 3, 4
		ON CONFLICT (plan_id, lesson_id, level_id) DO UPDATE
		SET planned = c.planned + excluded.planned,
		    given = c.given + excluded.given;
	END IF;
	DELETE FROM coverage_fact c
	WHERE c.planned = 0 AND c.plan_id IN (SELECT o.plan_id FROM old_rows o);
	RETURN NULL;
END
$$;
CREATE TRIGGER coverage_fact_ins AFTER INSERT ON plan_item
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION coverage_fact_apply();
CREATE TRIGGER coverage_fact_upd AFTER UPDATE ON plan_item
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION coverage_fact_apply();
CREATE TRIGGER coverage_fact_del AFTER DELETE ON plan_item
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION coverage_fact_apply();

CREATE FUNCTION coverage_fact_truncate() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	DELETE FROM coverage_fact;
	RETURN NULL;
END
$$;
CREATE TRIGGER coverage_fact_truncate AFTER TRUNCATE ON plan_item
FOR EACH STATEMENT EXECUTE FUNCTION coverage_fact_truncate();

-- Rebuild the aggregate from scratch (after a load with triggers off).
CREATE FUNCTION coverage_rebuild() RETURNS bigint
LANGUAGE sql VOLATILE
AS $$
	DELETE FROM coverage_fact;
	INSERT INTO coverage_fact SELECT * FROM coverage_fact_scratch;
	SELECT count(*) FROM coverage_fact;
$$;

-- Every difference between the maintained aggregate and a computation
-- from scratch (no rows: exactly consistent).
CREATE FUNCTION coverage_check()
RETURNS TABLE (plan_id uuid, lesson_id uuid, level_id uuid,
    kept_planned integer, kept_given integer, real_planned integer,
    real_given integer)
LANGUAGE sql STABLE
AS $$
	SELECT coalesce(k.plan_id, r.plan_id), coalesce(k.lesson_id,
	    r.lesson_id), coalesce(k.level_id, r.level_id), k.planned,
	    k.given, r.planned, r.given
	FROM coverage_fact k
	FULL JOIN coverage_fact_scratch r ON r.plan_id = k.plan_id AND
	    r.lesson_id = k.lesson_id AND r.level_id = k.level_id
	WHERE k.plan_id IS NULL OR r.plan_id IS NULL OR
	    k.planned <> r.planned OR k.given <> r.given OR
	    k.school_id <> r.school_id
$$;

INSERT INTO coverage_fact SELECT * FROM coverage_fact_scratch;
