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

-- b with bit i set to v, grown with zeros when it is too short.
CREATE FUNCTION coverage_bit_set(b bit varying, i integer, v integer)
RETURNS bit varying
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT set_bit(CASE WHEN length(b) > i THEN b
	    ELSE b || repeat('0', (i / 1024 + 1) * 1024 - length(b))::bit varying
	    END, i, v)
$$;

-- b padded with zeros (or cut) to n bits, so that bit strings of
-- different lengths can be combined.
CREATE FUNCTION coverage_bits_fit(b bit varying, n integer)
RETURNS bit varying
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT CASE WHEN length(b) >= n THEN substring(b FROM 1 FOR n)
	    ELSE b || repeat('0', n - length(b))::bit varying END
$$;

-- Set the bits of the given keys from coverage_fact (after it changed).
-- Rows are locked in key order, so concurrent writers queue up instead
-- of deadlocking.
CREATE FUNCTION coverage_bits_refresh(p_keys coverage_key[])
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
	k record;
BEGIN
	IF cardinality(p_keys) = 0 THEN
		RETURN;
	END IF;
	INSERT INTO coverage_school_ord (school_id)
	SELECT DISTINCT x.school_id FROM unnest(p_keys) x
	WHERE EXISTS (SELECT 1 FROM school s WHERE s.id = x.school_id)
	  AND NOT EXISTS (SELECT 1 FROM coverage_school_ord o
	    WHERE o.school_id = x.school_id)
	ORDER BY 1
	ON CONFLICT DO NOTHING;
	INSERT INTO coverage_bits (school_year, lesson_id, level_id, planned,
	    given)
	SELECT DISTINCT x.school_year, x.lesson_id, x.level_id, B'', B''
	FROM unnest(p_keys) x
	ORDER BY 1, 2, 3
	ON CONFLICT DO NOTHING;
	PERFORM 1 FROM coverage_bits b
	WHERE (b.school_year, b.lesson_id, b.level_id) IN (
	    SELECT x.school_year, x.lesson_id, x.level_id FROM unnest(p_keys) x)
	ORDER BY b.school_year, b.lesson_id, b.level_id
	FOR UPDATE;
	FOR k IN
		SELECT x.school_year, x.lesson_id, x.level_id, o.ord,
		    coalesce(bool_or(f.planned > 0), false) AS planned,
		    coalesce(bool_or(f.given > 0), false) AS given
		FROM (SELECT DISTINCT * FROM unnest(p_keys)) x
		JOIN coverage_school_ord o ON o.school_id = x.school_id
		LEFT JOIN coverage_fact f ON f.school_id = x.school_id AND
		    f.school_year = x.school_year AND
		    f.lesson_id = x.lesson_id AND f.level_id = x.level_id
		GROUP BY 1, 2, 3, 4
		ORDER BY 1, 2, 3, 4
	LOOP
		UPDATE coverage_bits b
		SET planned = coverage_bit_set(b.planned, k.ord,
			k.planned::integer),
		    given = coverage_bit_set(b.given, k.ord, k.given::integer)
		WHERE b.school_year = k.school_year AND
		    b.lesson_id = k.lesson_id AND b.level_id = k.level_id;
	END LOOP;
END
$$;

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

CREATE FUNCTION coverage_bits_later(p_keys coverage_key[])
RETURNS void
LANGUAGE sql
AS $$
	INSERT INTO coverage_bits_todo (school_id, school_year, lesson_id,
	    level_id)
	SELECT DISTINCT x.school_id, x.school_year, x.lesson_id, x.level_id
	FROM unnest(p_keys) x
$$;

-- At commit (deferred; the first firing does the work, the others find
-- nothing left).
CREATE FUNCTION coverage_bits_commit() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	keys coverage_key[];
BEGIN
	WITH gone AS (
		DELETE FROM coverage_bits_todo t WHERE t.xact = txid_current()
		RETURNING t.school_id, t.school_year, t.lesson_id, t.level_id
	)
	SELECT array_agg(DISTINCT ROW(g.school_id, g.school_year, g.lesson_id,
	    g.level_id)::coverage_key) INTO keys
	FROM gone g;
	IF keys IS NOT NULL THEN
		PERFORM coverage_bits_refresh(keys);
	END IF;
	RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER coverage_bits_commit AFTER INSERT
ON coverage_bits_todo DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION coverage_bits_commit();

-- The facts of the plan items, from scratch.
CREATE VIEW coverage_fact_scratch AS
	SELECT i.plan_id, i.school_id, p.school_year, i.lesson_id, i.level_id,
	    count(*)::integer AS planned,
	    count(*) FILTER (WHERE i.status = 'gegeven')::integer AS given
	FROM plan_item i JOIN plan p ON p.id = i.plan_id
	WHERE i.kind = 'les' AND i.lesson_id IS NOT NULL
	  AND i.status <> 'vervallen'
	GROUP BY i.plan_id, i.school_id, p.school_year, i.lesson_id,
	    i.level_id;

-- Add the deltas of one statement: old rows count -1, new rows +1; rows
-- that drop to zero go; then the bits of every key touched.  (A plan's
-- school year cannot change while it has items: plan_year_fixed.)
CREATE FUNCTION coverage_fact_apply() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	keys coverage_key[];
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO coverage_fact AS c (plan_id, school_id,
		    school_year, lesson_id, level_id, planned, given)
		SELECT n.plan_id, n.school_id, p.school_year, n.lesson_id,
		    n.level_id, count(*),
		    count(*) FILTER (WHERE n.status = 'gegeven')
		FROM new_rows n JOIN plan p ON p.id = n.plan_id
		WHERE n.kind = 'les' AND n.lesson_id IS NOT NULL
		  AND n.status <> 'vervallen'
		GROUP BY 1, 2, 3, 4, 5
		ORDER BY 1, 4, 5
		ON CONFLICT (plan_id, lesson_id, level_id) DO UPDATE
		SET planned = c.planned + excluded.planned,
		    given = c.given + excluded.given;
		keys := ARRAY(SELECT DISTINCT ROW(n.school_id, p.school_year,
			n.lesson_id, n.level_id)::coverage_key
		    FROM new_rows n JOIN plan p ON p.id = n.plan_id
		    WHERE n.kind = 'les' AND n.lesson_id IS NOT NULL
		      AND n.status <> 'vervallen');
		PERFORM coverage_bits_later(keys);
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
		keys := ARRAY(SELECT DISTINCT ROW(c.school_id, c.school_year,
			c.lesson_id, c.level_id)::coverage_key
		    FROM coverage_fact c JOIN old_rows o ON o.plan_id = c.plan_id
		    AND o.lesson_id = c.lesson_id AND o.level_id = c.level_id);
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
		INSERT INTO coverage_fact AS c (plan_id, school_id,
		    school_year, lesson_id, level_id, planned, given)
		SELECT d.plan_id, d.school_id, p.school_year, d.lesson_id,
		    d.level_id, d.dp, d.dg
		FROM d JOIN plan p ON p.id = d.plan_id
		WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.plan_id = d.plan_id
		    AND u.lesson_id = d.lesson_id AND u.level_id = d.level_id)
		ORDER BY 1, 4, 5
		ON CONFLICT (plan_id, lesson_id, level_id) DO UPDATE
		SET planned = c.planned + excluded.planned,
		    given = c.given + excluded.given;
		keys := ARRAY(SELECT DISTINCT ROW(c.school_id, c.school_year,
			c.lesson_id, c.level_id)::coverage_key
		    FROM coverage_fact c JOIN (SELECT plan_id, lesson_id,
			level_id FROM old_rows UNION SELECT plan_id, lesson_id,
			level_id FROM new_rows) r ON r.plan_id = c.plan_id
		    AND r.lesson_id = c.lesson_id AND r.level_id = c.level_id);
	END IF;
	DELETE FROM coverage_fact c
	WHERE c.planned = 0 AND c.plan_id IN (SELECT o.plan_id FROM old_rows o);
	PERFORM coverage_bits_later(keys);
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
	DELETE FROM coverage_bits;
	RETURN NULL;
END
$$;
CREATE TRIGGER coverage_fact_truncate AFTER TRUNCATE ON plan_item
FOR EACH STATEMENT EXECUTE FUNCTION coverage_fact_truncate();

-- The aggregates key their rows by the plan's school year: it stays.
CREATE FUNCTION coverage_plan_year_fixed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM api_require(NEW.school_year = OLD.school_year OR NOT EXISTS (
	    SELECT 1 FROM plan_item i WHERE i.plan_id = OLD.id), 'school_year',
	    'het schooljaar van een jaarplan met onderdelen ligt vast');
	RETURN NEW;
END
$$;
CREATE TRIGGER coverage_plan_year_fixed BEFORE UPDATE OF school_year ON plan
FOR EACH ROW EXECUTE FUNCTION coverage_plan_year_fixed();

-- The bit string of n bits (a multiple of 1024 above the highest) with
-- the bits of the sorted, distinct positions ords set.
CREATE FUNCTION coverage_bits_of(ords integer[])
RETURNS bit varying
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT (coalesce(string_agg(repeat('0', o - p - 1) || '1', ''
	    ORDER BY o), '') || repeat('0', coalesce(((max(o) / 1024) + 1) *
	    1024 - max(o) - 1, 0)))::bit varying
	FROM (SELECT o, coalesce(lag(o) OVER (ORDER BY o), -1) AS p
	    FROM (SELECT DISTINCT unnest(ords) AS o) d) x
$$;

-- Rebuild both aggregates from scratch (after a load with the triggers
-- off).  Returns the number of facts.
CREATE FUNCTION coverage_rebuild() RETURNS bigint
LANGUAGE sql VOLATILE
AS $$
	DELETE FROM coverage_fact;
	DELETE FROM coverage_bits;
	INSERT INTO coverage_fact SELECT * FROM coverage_fact_scratch;
	INSERT INTO coverage_school_ord (school_id)
	SELECT DISTINCT school_id FROM coverage_fact ORDER BY 1
	ON CONFLICT DO NOTHING;
	INSERT INTO coverage_bits (school_year, lesson_id, level_id, planned,
	    given)
	SELECT f.school_year, f.lesson_id, f.level_id,
	    coverage_bits_of(array_agg(o.ord)),
	    coverage_bits_of(coalesce(array_agg(o.ord) FILTER (
		WHERE f.given > 0), '{}'))
	FROM coverage_fact f
	JOIN coverage_school_ord o ON o.school_id = f.school_id
	GROUP BY 1, 2, 3;
	SELECT count(*) FROM coverage_fact;
$$;

-- A school that goes takes its bit with it.
CREATE FUNCTION coverage_school_gone() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	UPDATE coverage_bits
	SET planned = coverage_bit_set(planned, OLD.ord, 0),
	    given = coverage_bit_set(given, OLD.ord, 0)
	WHERE (length(planned) > OLD.ord AND get_bit(planned, OLD.ord) = 1)
	   OR (length(given) > OLD.ord AND get_bit(given, OLD.ord) = 1);
	RETURN NULL;
END
$$;
CREATE TRIGGER coverage_school_gone AFTER DELETE ON coverage_school_ord
FOR EACH ROW EXECUTE FUNCTION coverage_school_gone();

-- Every difference between coverage_fact and a computation from scratch
-- (no rows: exactly consistent).
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
	    k.school_id <> r.school_id OR k.school_year <> r.school_year
$$;

-- Every (year, lesson, level) whose bits differ from coverage_fact: the
-- number of bits set must equal the number of schools with a fact, and
-- every school with a fact must have its bit (together: the same set).
CREATE FUNCTION coverage_bits_check()
RETURNS TABLE (school_year text, lesson_id uuid, level_id uuid,
    what text)
LANGUAGE sql STABLE
AS $$
	WITH f AS (
		SELECT f.school_year, f.lesson_id, f.level_id, o.ord,
		    bool_or(f.given > 0) AS given
		FROM coverage_fact f
		JOIN coverage_school_ord o ON o.school_id = f.school_id
		WHERE f.planned > 0
		GROUP BY 1, 2, 3, 4
	), n AS (
		SELECT school_year, lesson_id, level_id, count(*) AS planned,
		    count(*) FILTER (WHERE given) AS given
		FROM f GROUP BY 1, 2, 3
	)
	SELECT coalesce(b.school_year, n.school_year),
	    coalesce(b.lesson_id, n.lesson_id), coalesce(b.level_id, n.level_id),
	    'count'
	FROM coverage_bits b
	FULL JOIN n ON n.school_year = b.school_year AND
	    n.lesson_id = b.lesson_id AND n.level_id = b.level_id
	WHERE coalesce(bit_count(b.planned), 0) <> coalesce(n.planned, 0)
	   OR coalesce(bit_count(b.given), 0) <> coalesce(n.given, 0)
	UNION ALL
	SELECT f.school_year, f.lesson_id, f.level_id, 'bit ' || f.ord
	FROM f JOIN coverage_bits b ON b.school_year = f.school_year AND
	    b.lesson_id = f.lesson_id AND b.level_id = f.level_id
	WHERE length(b.planned) <= f.ord OR get_bit(b.planned, f.ord) = 0
	   OR (f.given AND (length(b.given) <= f.ord OR
		get_bit(b.given, f.ord) = 0))
$$;

SELECT coverage_rebuild();
