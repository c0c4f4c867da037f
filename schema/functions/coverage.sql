-- functions/coverage.sql: coverage of goals by plans: facts kept by
-- triggers, and the reports.
--
-- Applied again, as a whole, whenever this file changes or a numbered
-- migration runs (see docs/database.md): every statement must be
-- repeatable (CREATE OR REPLACE; a constraint trigger is dropped first).

-- The report functions gained p_focus; their earlier signatures go.
DROP FUNCTION IF EXISTS coverage_matrix(coverage_row[], uuid[], text[], text,
    integer);
DROP FUNCTION IF EXISTS coverage_school_doc(uuid, text[], text[], text,
    integer);
DROP FUNCTION IF EXISTS coverage_plan_doc(uuid, text[], text, integer);
DROP FUNCTION IF EXISTS coverage_aggregate_doc(uuid, text[], text[], text,
    text, text);
-- ... and then p_area (a subject area) and, for the parameter check, the
-- area and focus.
DROP FUNCTION IF EXISTS coverage_param_problem(text[], text[]);
DROP FUNCTION IF EXISTS coverage_matrix(coverage_row[], uuid[], text[], text,
    integer, boolean);
DROP FUNCTION IF EXISTS coverage_school_doc(uuid, text[], text[], text,
    integer, boolean);
DROP FUNCTION IF EXISTS coverage_plan_doc(uuid, text[], text, integer,
    boolean);
DROP FUNCTION IF EXISTS coverage_aggregate_doc(uuid, text[], text[], text,
    text, text, boolean);

-- ---------------------------------------------------------------------------
-- 0060 coverage: which goals a school's programme covers at which levels,
-- (Its tables: schema/migrations/0060_coverage.sql.)
-- ---------------------------------------------------------------------------

-- b with bit i set to v, grown with zeros when it is too short.
CREATE OR REPLACE FUNCTION coverage_bit_set(b bit varying, i integer, v integer)
RETURNS bit varying
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT set_bit(CASE WHEN length(b) > i THEN b
	    ELSE b || repeat('0', (i / 1024 + 1) * 1024 - length(b))::bit varying
	    END, i, v)
$$;

-- b padded with zeros (or cut) to n bits, so that bit strings of
-- different lengths can be combined.
CREATE OR REPLACE FUNCTION coverage_bits_fit(b bit varying, n integer)
RETURNS bit varying
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT CASE WHEN length(b) >= n THEN substring(b FROM 1 FOR n)
	    ELSE b || repeat('0', n - length(b))::bit varying END
$$;

-- Set the bits of the given keys from coverage_fact (after it changed).
-- Rows are locked in key order, so concurrent writers queue up instead
-- of deadlocking.
CREATE OR REPLACE FUNCTION coverage_bits_refresh(p_keys coverage_key[])
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

CREATE OR REPLACE FUNCTION coverage_bits_later(p_keys coverage_key[])
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
CREATE OR REPLACE FUNCTION coverage_bits_commit() RETURNS trigger
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

DROP TRIGGER IF EXISTS coverage_bits_commit ON coverage_bits_todo;
CREATE CONSTRAINT TRIGGER coverage_bits_commit AFTER INSERT
ON coverage_bits_todo DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION coverage_bits_commit();

-- The facts of the plan items, from scratch.
CREATE OR REPLACE VIEW coverage_fact_scratch AS
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
CREATE OR REPLACE FUNCTION coverage_fact_apply() RETURNS trigger
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

SELECT statement_triggers_attach('plan_item', '{INSERT,UPDATE,DELETE}',
    '{coverage_fact_ins,coverage_fact_upd,coverage_fact_del}',
    'coverage_fact_apply');

CREATE OR REPLACE FUNCTION coverage_fact_truncate() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	DELETE FROM coverage_fact;
	DELETE FROM coverage_bits;
	RETURN NULL;
END
$$;

SELECT statement_triggers_attach('plan_item', '{TRUNCATE}',
    '{coverage_fact_truncate}', 'coverage_fact_truncate');

-- The aggregates key their rows by the plan's school year: it stays.
CREATE OR REPLACE FUNCTION coverage_plan_year_fixed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM api_require(NEW.school_year = OLD.school_year OR NOT EXISTS (
	    SELECT 1 FROM plan_item i WHERE i.plan_id = OLD.id), 'school_year',
	    'het schooljaar van een jaarplan met onderdelen ligt vast');
	RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER coverage_plan_year_fixed BEFORE UPDATE OF school_year ON plan
FOR EACH ROW EXECUTE FUNCTION coverage_plan_year_fixed();

-- The bit string of n bits (a multiple of 1024 above the highest) with
-- the bits of the sorted, distinct positions ords set.
CREATE OR REPLACE FUNCTION coverage_bits_of(ords integer[])
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
CREATE OR REPLACE FUNCTION coverage_rebuild() RETURNS bigint
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
CREATE OR REPLACE FUNCTION coverage_school_gone() RETURNS trigger
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

CREATE OR REPLACE TRIGGER coverage_school_gone AFTER DELETE ON coverage_school_ord
FOR EACH ROW EXECUTE FUNCTION coverage_school_gone();

-- Every difference between coverage_fact and a computation from scratch
-- (no rows: exactly consistent).
CREATE OR REPLACE FUNCTION coverage_check()
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
CREATE OR REPLACE FUNCTION coverage_bits_check()
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

-- ---------------------------------------------------------------------------
-- 0061 coverage reports: the documents of GET /api/v1/plans/{id}/coverage,
-- (Its tables: schema/migrations/0061_coverage_api.sql.)
-- ---------------------------------------------------------------------------

-- Which goals each lesson covers: its own alignments (relation 'direct')
-- and, when asked, goals one crosswalk step away (via_goal_id the aligned
-- goal it goes through).  A (lesson, goal) pair that is direct is never
-- listed as a crosswalk too.
-- p_lessons NULL: every lesson.
CREATE OR REPLACE FUNCTION coverage_lesson_goals(p_via text, p_lessons uuid[])
RETURNS TABLE (lesson_id uuid, goal_id uuid, via_goal_id uuid,
    relation text)
LANGUAGE sql STABLE
AS $$
	WITH direct AS (
		SELECT a.lesson_id, a.goal_id FROM alignment a
		WHERE a.lesson_id = ANY (p_lessons) OR
		    (p_lessons IS NULL AND a.lesson_id IS NOT NULL)
		UNION
		SELECT c.lesson_id, a.goal_id
		FROM lesson_programme_chain c
		JOIN alignment a ON a.programme_id = c.programme_id
		WHERE c.lesson_id = ANY (p_lessons) OR p_lessons IS NULL
	), rel AS (
		SELECT r.origin_goal_id AS a, r.destination_goal_id AS b,
		    r.relation_type AS t
		FROM goal_relation r
		WHERE r.relation_type = 'exactMatchOf' OR
		    (p_via = 'all' AND r.relation_type = 'isRelatedTo')
		UNION
		SELECT r.destination_goal_id, r.origin_goal_id, r.relation_type
		FROM goal_relation r
		WHERE r.relation_type = 'exactMatchOf' OR
		    (p_via = 'all' AND r.relation_type = 'isRelatedTo')
	)
	SELECT d.lesson_id, d.goal_id, NULL::uuid, 'direct' FROM direct d
	UNION ALL
	SELECT d.lesson_id, rel.b, d.goal_id, rel.t
	FROM direct d JOIN rel ON rel.a = d.goal_id
	WHERE p_via IN ('exact', 'all')
	  AND NOT EXISTS (SELECT 1 FROM direct x
	    WHERE x.lesson_id = d.lesson_id AND x.goal_id = rel.b)
$$;

-- The goals of the chosen frameworks as a tree: depth, order, ancestors,
-- leaf or not.  Current goals only.
CREATE OR REPLACE FUNCTION coverage_goal_tree(p_frameworks uuid[])
RETURNS TABLE (id uuid, framework_id uuid, code text, title text,
    kind text, parent_id uuid, depth integer, sort_key text[],
    ancestors uuid[], leaf boolean)
LANGUAGE sql STABLE
AS $$
	WITH RECURSIVE g AS MATERIALIZED (
		SELECT g.id, g.framework_id, g.code, g.title, g.kind,
		    g.parent_id, g.position
		FROM goal g
		WHERE g.framework_id = ANY (p_frameworks) AND
		    g.status = 'current'
	), t AS (
		SELECT g.id, g.framework_id, g.code, g.title, g.kind,
		    g.parent_id, 0 AS depth,
		    ARRAY[lpad(g.position::text, 6, '0') || ':' ||
			coalesce(g.code, g.title)] AS sort_key,
		    ARRAY[]::uuid[] AS ancestors
		FROM g WHERE g.parent_id IS NULL
		UNION ALL
		SELECT c.id, c.framework_id, c.code, c.title, c.kind,
		    c.parent_id, t.depth + 1,
		    t.sort_key || (lpad(c.position::text, 6, '0') || ':' ||
			coalesce(c.code, c.title)),
		    t.ancestors || t.id
		FROM g c JOIN t ON c.parent_id = t.id
		WHERE t.depth < 12
	)
	SELECT t.id, t.framework_id, t.code, t.title, t.kind, t.parent_id,
	    t.depth, t.sort_key, t.ancestors,
	    NOT EXISTS (SELECT 1 FROM t c WHERE c.parent_id = t.id)
	FROM t
$$;

-- The stages a goal is meant for, among the given levels.
CREATE OR REPLACE FUNCTION coverage_goal_stages(p_goals uuid[], p_levels uuid[])
RETURNS TABLE (goal_id uuid, stage_code text)
LANGUAGE sql STABLE
AS $$
	WITH cols AS (
		SELECT l.id, l.stage_code FROM level l
		WHERE l.id = ANY (p_levels) AND l.stage_code IS NOT NULL
	), spans AS (
		SELECT gl.goal_id, gl.level_id AS covered FROM goal_level gl
		WHERE gl.goal_id = ANY (p_goals)
		UNION
		SELECT gl.goal_id, m.member_level_id FROM goal_level gl
		JOIN level_member m ON m.level_id = gl.level_id
		WHERE gl.goal_id = ANY (p_goals)
	)
	SELECT DISTINCT s.goal_id, c.stage_code
	FROM spans s JOIN cols c ON c.id = s.covered
	UNION
	SELECT g.id, c.stage_code
	FROM unnest(p_goals) AS g (id) CROSS JOIN cols c
	WHERE NOT EXISTS (SELECT 1 FROM goal_level gl WHERE gl.goal_id = g.id)
$$;

-- The frameworks of a report: the chosen ones (codes), or (NULL) the
-- prevention focus (coverage_focus_framework, 0090).  p_goals is kept for
-- the callers' sake and no longer used.
CREATE OR REPLACE FUNCTION coverage_frameworks(p_codes text[], p_goals uuid[])
RETURNS TABLE (id uuid, code text, title text)
LANGUAGE sql STABLE
AS $$
	SELECT fr.id, fr.code, fr.title
	FROM framework fr
	WHERE fr.kind = 'goals' AND (fr.code = ANY (p_codes) OR
	    (p_codes IS NULL AND fr.id IN (SELECT framework_id
		FROM coverage_focus_framework)))
$$;

-- Whether an item of lesson p_lesson at level p_level counts as coverage:
-- the lesson is meant for that level (one of its levels is the level or
-- an aggregate level that spans it), or the source names no level for it.
-- The same rule as the planner's level_mismatch warning.
CREATE OR REPLACE FUNCTION coverage_fits_level(p_lesson uuid, p_level uuid)
RETURNS boolean
LANGUAGE sql STABLE
AS $$
	SELECT NOT EXISTS (SELECT 1 FROM lesson_level ll
		WHERE ll.lesson_id = p_lesson)
	    OR EXISTS (SELECT 1 FROM lesson_level ll
		JOIN level_span sp ON sp.level_id = ll.level_id
		WHERE ll.lesson_id = p_lesson AND sp.covered_level_id = p_level)
$$;

-- Whether goal p_goal (with its ancestors) is in the prevention focus: its
-- framework has no focus goals (then all of it is), or it is a focus goal,
-- lies below one, or has one below it.
CREATE OR REPLACE FUNCTION coverage_in_focus(p_goal uuid, p_ancestors uuid[],
    p_framework uuid)
RETURNS boolean
LANGUAGE sql STABLE
AS $$
	SELECT NOT EXISTS (SELECT 1 FROM coverage_focus_goal fg
		JOIN goal g ON g.id = fg.goal_id
		WHERE g.framework_id = p_framework)
	    OR EXISTS (SELECT 1 FROM coverage_focus_goal fg
		WHERE fg.goal_id = p_goal OR fg.goal_id = ANY (p_ancestors))
	    OR EXISTS (WITH RECURSIVE up AS (
			SELECT g.parent_id AS id FROM coverage_focus_goal fg
			JOIN goal g ON g.id = fg.goal_id
			WHERE g.framework_id = p_framework
			UNION
			SELECT x.parent_id FROM goal x JOIN up ON x.id = up.id
			WHERE x.parent_id IS NOT NULL)
		SELECT 1 FROM up WHERE up.id = p_goal)
$$;

-- The goal tree of the chosen frameworks as a report shows it: narrowed
-- to the prevention focus when p_focus, and to subject area p_area (NULL:
-- all).  A goal's subject area ("area") is the title of its top-level
-- goal: a vakleergebied of the kerndoelen ("Oriëntatie op jezelf en de
-- wereld"), a domain of Curriculum.nu; compared without regard to case.
CREATE OR REPLACE FUNCTION coverage_report_tree(p_frameworks uuid[],
    p_focus boolean, p_area text)
RETURNS TABLE (id uuid, framework_id uuid, code text, title text,
    kind text, parent_id uuid, depth integer, sort_key text[],
    ancestors uuid[], leaf boolean, area text)
LANGUAGE sql STABLE
AS $$
	SELECT t.*, coalesce(r.title, t.title)
	FROM coverage_goal_tree(p_frameworks) t
	LEFT JOIN goal r ON r.id = t.ancestors[1]
	WHERE (NOT p_focus OR coverage_in_focus(t.id, t.ancestors,
	    t.framework_id))
	  AND (p_area IS NULL OR lower(coalesce(r.title, t.title)) =
	    lower(p_area))
$$;

-- The subject areas a report of these frameworks can be narrowed to: the
-- top-level goals that have sub-goals (in the focus when p_focus), by
-- title, with their frameworks.
CREATE OR REPLACE FUNCTION coverage_areas(p_frameworks uuid[], p_focus boolean)
RETURNS TABLE (area text, frameworks text[])
LANGUAGE sql STABLE
AS $$
	SELECT t.title, array_agg(DISTINCT f.code ORDER BY f.code)
	FROM coverage_report_tree(p_frameworks, p_focus, NULL) t
	JOIN framework f ON f.id = t.framework_id
	WHERE t.depth = 0 AND NOT t.leaf
	GROUP BY t.title
$$;

-- Whether framework p_framework is a lesson pack's own goal list whose
-- coverage comes from the alignments recorded from the pack's own table
-- (seeds/coverage_focus.sql marks their source "(eigen doelenlijst)"),
-- which the report says ("own_list").
CREATE OR REPLACE FUNCTION coverage_own_list(p_framework uuid)
RETURNS boolean
LANGUAGE sql STABLE
AS $$
	SELECT EXISTS (SELECT 1 FROM alignment a
	    JOIN goal g ON g.id = a.goal_id
	    WHERE g.framework_id = p_framework
	      AND a.source LIKE '%(eigen doelenlijst)')
$$;

-- The same as the report's "areas": [{"title", "frameworks"}] by title.
CREATE OR REPLACE FUNCTION coverage_areas_doc(p_frameworks uuid[],
    p_focus boolean)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT coalesce(jsonb_agg(jsonb_build_object('title', a.area,
	    'frameworks', to_jsonb(a.frameworks)) ORDER BY a.area), '[]')
	FROM coverage_areas(p_frameworks, p_focus) a
$$;

-- The problem with a report's parameters, as "field: message" in Dutch,
-- or NULL when they are fine.
CREATE OR REPLACE FUNCTION coverage_param_problem(p_years text[],
    p_frameworks text[], p_area text, p_focus boolean)
RETURNS text
LANGUAGE sql STABLE
AS $$
	SELECT coalesce(
	    (SELECT 'years: schooljaar ' || y || ' bestaat niet'
		FROM unnest(p_years) y
		WHERE NOT EXISTS (SELECT 1 FROM school_year s WHERE s.code = y)
		LIMIT 1),
	    (SELECT 'framework: kader ' || c || ' bestaat niet (of heeft geen '
		'doelen)'
		FROM unnest(p_frameworks) c
		WHERE NOT EXISTS (SELECT 1 FROM framework f
		    WHERE f.code = c AND f.kind = 'goals')
		LIMIT 1),
	    (SELECT 'area: vakgebied "' || p_area || '" staat niet in de '
		'gekozen kaders'
		WHERE p_area IS NOT NULL AND NOT EXISTS (
		    SELECT 1 FROM coverage_areas(ARRAY(SELECT id FROM
			coverage_frameworks(p_frameworks, NULL)), p_focus) a
		    WHERE lower(a.area) = lower(p_area))))
$$;

-- When a report was made (local time of the Netherlands).
CREATE OR REPLACE FUNCTION coverage_stamp() RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object(
	    'generated_at', to_char(now() AT TIME ZONE 'Europe/Amsterdam',
		'YYYY-MM-DD"T"HH24:MI:SS'),
	    'generated_on', to_char(now() AT TIME ZONE 'Europe/Amsterdam',
		'YYYY-MM-DD'))
$$;

-- The coverage matrix of a set of facts (one school's, one plan's) as
-- JSON: the levels (columns) and stages, then per framework its goals in
-- tree order with their cells, roll-up, crosswalk paths, and the
-- framework's share, gaps and overlaps.  p_frameworks NULL: every
-- framework in which something is covered.
CREATE OR REPLACE FUNCTION coverage_matrix(p_facts coverage_row[], p_levels uuid[],
    p_frameworks text[], p_via text, p_overlap integer, p_focus boolean,
    p_area text)
RETURNS jsonb
LANGUAGE plpgsql STABLE
-- plpgsql keeps the plan of this large query for the session (planning
-- it costs more than running it for one school).
SET plan_cache_mode = force_generic_plan
-- JIT compiling this query costs far more than running it.
SET jit = off
AS $$
BEGIN
	RETURN (WITH fall AS MATERIALIZED (
		SELECT x.*, coverage_fits_level(x.lesson_id, x.level_id) AS fits
		FROM unnest(p_facts) x
	), f AS (
		-- only items at a level their lesson is meant for count
		SELECT school_year, school_id, lesson_id, level_id, planned,
		    given
		FROM fall WHERE fits
	), lgr AS (
		SELECT * FROM coverage_lesson_goals(p_via,
		    ARRAY(SELECT DISTINCT lesson_id FROM f))
	), lg AS (
		SELECT lesson_id, goal_id, bool_or(relation = 'direct') AS direct
		FROM lgr GROUP BY 1, 2
	), cols AS (
		SELECT l.id, l.code, l.title, l.stage_code, l.sort_order
		FROM level l
		WHERE l.id = ANY (p_levels) OR l.id IN (SELECT level_id FROM f)
	), fw AS (
		SELECT * FROM coverage_frameworks(p_frameworks,
		    ARRAY(SELECT goal_id FROM lg))
	), tree AS (
		SELECT t.* FROM coverage_report_tree(ARRAY(SELECT id FROM fw),
		    p_focus, p_area) t
	), cell AS (
		SELECT lg.goal_id, f.level_id,
		    sum(f.planned)::integer AS items,
		    sum(f.given)::integer AS items_given,
		    count(DISTINCT f.lesson_id) AS lessons,
		    count(DISTINCT f.lesson_id) FILTER (WHERE f.given > 0)
			AS lessons_given,
		    coalesce(sum(f.planned) FILTER (WHERE NOT lg.direct), 0)::integer
			AS via_items
		FROM f JOIN lg ON lg.lesson_id = f.lesson_id
		WHERE lg.goal_id IN (SELECT id FROM tree)
		GROUP BY 1, 2
	), cov AS (
		SELECT t.id, t.leaf,
		    EXISTS (SELECT 1 FROM cell c WHERE c.goal_id = t.id)
			AS covered,
		    EXISTS (SELECT 1 FROM cell c WHERE c.goal_id = t.id AND
			c.items_given > 0) AS given
		FROM tree t
	), gst AS (
		SELECT * FROM coverage_goal_stages(ARRAY(SELECT id FROM tree),
		    ARRAY(SELECT id FROM cols))
	), cst AS (
		SELECT DISTINCT c.goal_id, l.stage_code
		FROM cell c JOIN cols l ON l.id = c.level_id
		WHERE l.stage_code IS NOT NULL
	), stages AS (
		SELECT s.code, s.title, s.sort_order
		FROM stage s WHERE s.code IN (SELECT stage_code FROM cols)
	), goal_doc AS (
		SELECT t.framework_id, t.sort_key, jsonb_build_object(
		    'id', t.id, 'code', t.code, 'title', t.title,
		    'kind', t.kind, 'depth', t.depth, 'parent_id', t.parent_id,
		    'leaf', t.leaf, 'covered', cv.covered, 'given', cv.given,
		    'levels_planned', coalesce((SELECT jsonb_agg(l.code
			ORDER BY l.sort_order) FROM cell c JOIN cols l
			ON l.id = c.level_id WHERE c.goal_id = t.id), '[]'),
		    'levels_given', coalesce((SELECT jsonb_agg(l.code
			ORDER BY l.sort_order) FROM cell c JOIN cols l
			ON l.id = c.level_id WHERE c.goal_id = t.id AND
			c.items_given > 0), '[]'),
		    'cells', coalesce((SELECT jsonb_object_agg(l.code,
			jsonb_build_object('items', c.items,
			    'items_given', c.items_given,
			    'lessons', c.lessons,
			    'lessons_given', c.lessons_given,
			    'via_items', c.via_items))
			FROM cell c JOIN cols l ON l.id = c.level_id
			WHERE c.goal_id = t.id), '{}'),
		    'rollup', CASE WHEN t.leaf THEN NULL ELSE (
			SELECT jsonb_build_object(
			    'goals_total', count(*),
			    'goals_covered', count(*) FILTER (WHERE dc.covered),
			    'goals_given', count(*) FILTER (WHERE dc.given),
			    'levels', coalesce((SELECT jsonb_object_agg(x.code,
				jsonb_build_object('goals_covered', x.n,
				    'goals_given', x.ng))
				FROM (SELECT l.code, count(DISTINCT c.goal_id) AS n,
				    count(DISTINCT c.goal_id) FILTER (WHERE
					c.items_given > 0) AS ng
				    FROM cell c JOIN cols l ON l.id = c.level_id
				    JOIN tree d2 ON d2.id = c.goal_id
				    WHERE d2.leaf AND t.id = ANY (d2.ancestors)
				    GROUP BY l.code) x), '{}'))
			FROM tree d JOIN cov dc ON dc.id = d.id
			WHERE d.leaf AND t.id = ANY (d.ancestors)) END,
		    'paths', coalesce((SELECT jsonb_agg(jsonb_build_object(
			'lesson_id', le.id, 'lesson', le.code,
			'lesson_title', le.title,
			'relation', r.relation, 'via_goal_id', vg.id,
			'via_goal', vg.code, 'via_framework', vf.code,
			'via_goal_title', vg.title)
			ORDER BY le.code, vf.code, vg.code)
			FROM lgr r JOIN lesson le ON le.id = r.lesson_id
			JOIN goal vg ON vg.id = r.via_goal_id
			JOIN framework vf ON vf.id = vg.framework_id
			WHERE r.goal_id = t.id AND r.relation <> 'direct'),
			'[]')) AS doc
		FROM tree t JOIN cov cv ON cv.id = t.id
	), fw_doc AS (
		SELECT fw.code, jsonb_build_object(
		    'code', fw.code, 'title', fw.title,
		    'own_list', coverage_own_list(fw.id),
		    'goals_total', (SELECT count(*) FROM tree t
			WHERE t.framework_id = fw.id AND t.leaf),
		    'goals_covered', (SELECT count(*) FROM tree t JOIN cov c
			ON c.id = t.id WHERE t.framework_id = fw.id AND t.leaf
			AND c.covered),
		    'goals_given', (SELECT count(*) FROM tree t JOIN cov c
			ON c.id = t.id WHERE t.framework_id = fw.id AND t.leaf
			AND c.given),
		    'share', (SELECT CASE WHEN count(*) = 0 THEN 0 ELSE round(
			(count(*) FILTER (WHERE c.covered))::numeric / count(*),
			4) END FROM tree t JOIN cov c ON c.id = t.id
			WHERE t.framework_id = fw.id AND t.leaf),
		    'share_given', (SELECT CASE WHEN count(*) = 0 THEN 0 ELSE
			round((count(*) FILTER (WHERE c.given))::numeric /
			count(*), 4) END FROM tree t JOIN cov c ON c.id = t.id
			WHERE t.framework_id = fw.id AND t.leaf),
		    'goals', coalesce((SELECT jsonb_agg(gd.doc
			ORDER BY gd.sort_key) FROM goal_doc gd
			WHERE gd.framework_id = fw.id), '[]'),
		    'stage_gaps', coalesce((SELECT jsonb_agg(jsonb_build_object(
			'stage', s.code, 'stage_title', s.title,
			'goals', (SELECT jsonb_agg(jsonb_build_object(
			    'id', t.id, 'code', t.code, 'title', t.title)
			    ORDER BY t.sort_key)
			    FROM tree t JOIN gst ON gst.goal_id = t.id
			    WHERE t.framework_id = fw.id AND t.leaf AND
			    gst.stage_code = s.code AND NOT EXISTS (
				SELECT 1 FROM cst WHERE cst.goal_id = t.id AND
				cst.stage_code = s.code))) ORDER BY s.sort_order)
			FROM stages s WHERE EXISTS (
			    SELECT 1 FROM tree t JOIN gst ON gst.goal_id = t.id
			    WHERE t.framework_id = fw.id AND t.leaf AND
			    gst.stage_code = s.code AND NOT EXISTS (
				SELECT 1 FROM cst WHERE cst.goal_id = t.id AND
				cst.stage_code = s.code))), '[]'),
		    'line_breaks', coalesce((SELECT jsonb_agg(jsonb_build_object(
			'domain_id', d.id, 'domain', d.code,
			'domain_title', d.title, 'stage', s.code,
			'stage_title', s.title,
			'break', EXISTS (SELECT 1 FROM cst JOIN tree x
			    ON x.id = cst.goal_id JOIN stage s2
			    ON s2.code = cst.stage_code
			    WHERE (x.id = d.id OR d.id = ANY (x.ancestors))
			    AND s2.sort_order < s.sort_order) AND
			    EXISTS (SELECT 1 FROM cst JOIN tree x
			    ON x.id = cst.goal_id JOIN stage s2
			    ON s2.code = cst.stage_code
			    WHERE (x.id = d.id OR d.id = ANY (x.ancestors))
			    AND s2.sort_order > s.sort_order))
			ORDER BY d.sort_key, s.sort_order)
			FROM tree d JOIN stages s ON true
			WHERE d.framework_id = fw.id AND d.depth = 0 AND
			    NOT d.leaf
			AND EXISTS (SELECT 1 FROM tree x JOIN gst
			    ON gst.goal_id = x.id
			    WHERE x.leaf AND d.id = ANY (x.ancestors)
			    AND gst.stage_code = s.code)
			AND NOT EXISTS (SELECT 1 FROM tree x JOIN cst
			    ON cst.goal_id = x.id
			    WHERE (x.id = d.id OR d.id = ANY (x.ancestors))
			    AND cst.stage_code = s.code)), '[]'),
		    'overlaps', coalesce((SELECT jsonb_agg(jsonb_build_object(
			'goal_id', o.goal_id, 'goal', t.code,
			'goal_title', t.title, 'level', l.code,
			'school_year', o.school_year, 'lessons', o.lessons,
			'items', o.items) ORDER BY t.sort_key, l.sort_order,
			o.school_year)
			FROM (SELECT lg.goal_id, f.level_id, f.school_year,
			    count(DISTINCT f.lesson_id) AS lessons,
			    sum(f.planned)::integer AS items
			    FROM f JOIN lg ON lg.lesson_id = f.lesson_id
			    GROUP BY 1, 2, 3
			    HAVING count(DISTINCT f.lesson_id) >= p_overlap) o
			JOIN tree t ON t.id = o.goal_id
			JOIN cols l ON l.id = o.level_id
			WHERE t.framework_id = fw.id), '[]')
		    ) AS doc
		FROM fw
		-- narrowed to a subject area: the frameworks that have it
		WHERE p_area IS NULL OR EXISTS (SELECT 1 FROM tree t
		    WHERE t.framework_id = fw.id)
	)
	SELECT jsonb_build_object(
	    'via', p_via,
	    'focus', CASE WHEN p_focus THEN 'preventie' ELSE 'alles' END,
	    'area', p_area,
	    'areas', coverage_areas_doc(ARRAY(SELECT id FROM fw), p_focus),
	    'overlap_threshold', p_overlap,
	    'out_of_level', coalesce((SELECT jsonb_agg(jsonb_build_object(
		'lesson_id', o.lesson_id, 'lesson', l.code,
		'lesson_title', l.title, 'level', lv.code,
		'level_title', lv.title, 'school_year', o.school_year,
		'items', o.items, 'items_given', o.items_given)
		ORDER BY lv.sort_order, l.title, o.school_year)
		FROM (SELECT lesson_id, level_id, school_year,
			sum(planned)::integer AS items,
			sum(given)::integer AS items_given
		    FROM fall WHERE NOT fits GROUP BY 1, 2, 3) o
		JOIN lesson l ON l.id = o.lesson_id
		JOIN level lv ON lv.id = o.level_id), '[]'),
	    'levels', coalesce((SELECT jsonb_agg(jsonb_build_object(
		'code', c.code, 'title', c.title, 'stage', c.stage_code)
		ORDER BY c.sort_order) FROM cols c), '[]'),
	    'stages', coalesce((SELECT jsonb_agg(jsonb_build_object(
		'code', s.code, 'title', s.title,
		'levels', (SELECT jsonb_agg(c.code ORDER BY c.sort_order)
		    FROM cols c WHERE c.stage_code = s.code))
		ORDER BY s.sort_order) FROM stages s), '[]'),
	    'totals', jsonb_build_object(
		'items', coalesce((SELECT sum(planned) FROM f), 0),
		'items_given', coalesce((SELECT sum(given) FROM f), 0),
		'lessons', (SELECT count(DISTINCT lesson_id) FROM f),
		'lessons_given', (SELECT count(DISTINCT lesson_id) FROM f
		    WHERE given > 0),
		'items_out_of_level', coalesce((SELECT sum(planned)
		    FROM fall WHERE NOT fits), 0)),
	    'frameworks', coalesce((SELECT jsonb_agg(d.doc ORDER BY d.code)
		FROM fw_doc d), '[]')));
END
$$;

-- The school years a report covers: the given ones, or every year the
-- school has a plan in (the current year when it has none).
CREATE OR REPLACE FUNCTION coverage_school_years(p_school uuid, p_years text[])
RETURNS text[]
LANGUAGE sql STABLE
AS $$
	SELECT CASE WHEN p_years IS NOT NULL AND cardinality(p_years) > 0
	    THEN ARRAY(SELECT DISTINCT y FROM unnest(p_years) y ORDER BY y)
	    ELSE coalesce(nullif(ARRAY(SELECT DISTINCT p.school_year
		FROM plan p WHERE p.school_id = p_school ORDER BY 1), '{}'),
		ARRAY(SELECT code FROM school_year WHERE current_date
		    BETWEEN starts_on AND ends_on)) END
$$;

CREATE OR REPLACE FUNCTION coverage_school_brief(p_school uuid)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object('id', s.id, 'name', s.name, 'brin', s.brin,
	    'vestiging', s.vestiging, 'type', s.type, 'region', s.region,
	    'municipality', s.municipality)
	FROM school s WHERE s.id = p_school
$$;

-- GET /api/v1/schools/{id}/coverage: NULL when there is no such school.
CREATE OR REPLACE FUNCTION coverage_school_doc(p_school uuid, p_years text[],
    p_frameworks text[], p_via text, p_overlap integer, p_focus boolean,
    p_area text)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	WITH y AS (SELECT coverage_school_years(p_school, p_years) AS years)
	SELECT jsonb_build_object(
	    'scope', jsonb_build_object('kind', 'school',
		'school', coverage_school_brief(s.id),
		'school_years', to_jsonb(y.years),
		'plans', coalesce((SELECT jsonb_agg(jsonb_build_object(
		    'id', p.id, 'title', p.title, 'school_year',
		    p.school_year, 'status', p.status)
		    ORDER BY p.school_year, p.title)
		    FROM plan p WHERE p.school_id = s.id AND
		    p.school_year = ANY (y.years)), '[]'))) || coverage_stamp() ||
	    coverage_matrix(ARRAY(
		SELECT ROW(p.school_year, c.school_id, c.lesson_id,
		    c.level_id, c.planned, c.given)::coverage_row
		FROM coverage_fact c JOIN plan p ON p.id = c.plan_id
		WHERE c.school_id = s.id AND p.school_id = s.id AND
		    p.school_year = ANY (y.years)),
		ARRAY(SELECT level_id FROM plan_school_levels(s.id)),
		p_frameworks, p_via, p_overlap, p_focus, p_area)
	FROM school s, y WHERE s.id = p_school
$$;

-- GET /api/v1/plans/{id}/coverage: from the plan's items themselves.
CREATE OR REPLACE FUNCTION coverage_plan_doc(p_plan uuid, p_frameworks text[],
    p_via text, p_overlap integer, p_focus boolean, p_area text)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object(
	    'scope', jsonb_build_object('kind', 'plan',
		'school', coverage_school_brief(p.school_id),
		'school_years', jsonb_build_array(p.school_year),
		'plans', jsonb_build_array(jsonb_build_object('id', p.id,
		    'title', p.title, 'school_year', p.school_year,
		    'status', p.status)))) || coverage_stamp() ||
	    coverage_matrix(ARRAY(
		SELECT ROW(p.school_year, i.school_id, i.lesson_id,
		    i.level_id, count(*)::integer,
		    (count(*) FILTER (WHERE i.status = 'gegeven'))::integer
		    )::coverage_row
		FROM plan_item i
		WHERE i.plan_id = p.id AND i.kind = 'les' AND
		    i.lesson_id IS NOT NULL AND i.status <> 'vervallen'
		GROUP BY i.school_id, i.lesson_id, i.level_id),
		ARRAY(SELECT level_id FROM plan_school_levels(p.school_id)),
		p_frameworks, p_via, p_overlap, p_focus, p_area)
	FROM plan p WHERE p.id = p_plan
$$;

-- The schools p_user may read (auth_can_read_school for every school at
-- once): admin all; an inspector the schools of their scope (no scope
-- rows: all); a coordinator or teacher the schools they belong to.
CREATE OR REPLACE FUNCTION coverage_readable_schools(p_user uuid)
RETURNS TABLE (school_id uuid)
LANGUAGE sql STABLE
AS $$
	WITH u AS MATERIALIZED (
		SELECT auth_has_role(p_user, NULL, 'admin') AS admin,
		    auth_has_role(p_user, NULL, 'inspector') AS inspector,
		    EXISTS (SELECT 1 FROM inspector_scope i
			WHERE i.user_id = p_user) AS scoped,
		    EXISTS (SELECT 1 FROM app_user a
			WHERE a.id = p_user AND NOT a.disabled) AS active
	)
	SELECT s.id FROM school s, u
	WHERE u.active AND (u.admin OR (u.inspector AND NOT u.scoped))
	UNION
	SELECT s.id FROM school s, u
	JOIN inspector_scope i ON i.user_id = p_user
	WHERE u.active AND u.inspector AND NOT u.admin
	  AND (i.school_id = s.id OR i.region = s.region)
	UNION
	SELECT m.school_id FROM membership m, u
	WHERE u.active AND m.user_id = p_user
$$;

-- GET /api/v1/reports/coverage: over the schools p_user may read that
-- match the filters, per goal and level the number and share of schools
-- with a planned (and a given) item; per goal at any level; per
-- framework the goals covered by at least one school.  Counted with the
-- bit strings of coverage_bits (0060): per goal and level the OR over the
-- goal's lessons and the chosen years, masked to the schools in scope.
CREATE OR REPLACE FUNCTION coverage_aggregate_doc(p_user uuid, p_years text[],
    p_frameworks text[], p_via text, p_type text, p_region text,
    p_focus boolean, p_area text)
RETURNS jsonb
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
-- JIT compiling this query costs far more than running it.
SET jit = off
AS $$
BEGIN
	RETURN (WITH y AS (
		SELECT CASE WHEN p_years IS NOT NULL AND cardinality(p_years) > 0
		    THEN ARRAY(SELECT DISTINCT v FROM unnest(p_years) v ORDER BY v)
		    ELSE ARRAY(SELECT code FROM school_year ORDER BY code)
		    END AS years
	), sch AS MATERIALIZED (
		SELECT s.id
		FROM school s
		WHERE s.id IN (SELECT school_id FROM coverage_readable_schools(p_user))
		  AND (p_type IS NULL OR s.type = p_type)
		  AND (p_region IS NULL OR s.region = p_region)
	), len AS MATERIALIZED (
		SELECT ((coalesce(max(ord), 0) / 1024) + 1) * 1024 AS n
		FROM coverage_school_ord
	), mask AS MATERIALIZED (
		SELECT coverage_bits_fit(coverage_bits_of(ARRAY(SELECT o.ord
		    FROM coverage_school_ord o JOIN sch ON sch.id = o.school_id)),
		    (SELECT n FROM len)) AS m
	), bits AS MATERIALIZED (
		-- per lesson and level: the schools of any chosen year
		SELECT b.lesson_id, b.level_id,
		    bit_or(CASE WHEN length(b.planned) = len.n THEN b.planned
			ELSE coverage_bits_fit(b.planned, len.n) END) AS p,
		    bit_or(CASE WHEN length(b.given) = len.n THEN b.given
			ELSE coverage_bits_fit(b.given, len.n) END) AS g
		FROM coverage_bits b, y, len
		WHERE b.school_year = ANY (y.years)
		GROUP BY b.lesson_id, b.level_id
		-- only items at a level their lesson is meant for count
		HAVING coverage_fits_level(b.lesson_id, b.level_id)
	), pair_levels AS MATERIALIZED (
		-- the levels taught from a first to a last level: once per
		-- pair of them, not once per school
		SELECT r.first_level, r.last_level, sl.level_id
		FROM (SELECT DISTINCT s.first_level, s.last_level
		    FROM sch JOIN school s ON s.id = sch.id) r
		CROSS JOIN LATERAL plan_levels_between(r.first_level,
		    r.last_level) sl
	), teach AS MATERIALIZED (
		-- the levels each school in scope teaches
		SELECT pl.level_id, sch.id AS school_id
		FROM sch JOIN school s ON s.id = sch.id
		JOIN pair_levels pl ON pl.first_level = s.first_level
		    AND pl.last_level IS NOT DISTINCT FROM s.last_level
	), zero AS MATERIALIZED (
		SELECT repeat('0', len.n)::bit varying AS z FROM len
	), active AS MATERIALIZED (
		-- per level, the schools in scope with any counting item there
		SELECT b.level_id, bit_or(b.p) & mask.m AS a
		FROM bits b, mask GROUP BY b.level_id, mask.m
	), denom AS MATERIALIZED (
		-- per level, the schools in scope that teach it: by their
		-- levels, or because they plan something there
		SELECT l.level_id,
		    bit_count((coalesce((SELECT coverage_bits_fit(
			coverage_bits_of(array_agg(o.ord)), (SELECT n FROM len))
			FROM teach t JOIN coverage_school_ord o
			ON o.school_id = t.school_id
			WHERE t.level_id = l.level_id), zero.z) |
			coalesce(a.a, zero.z)) & mask.m) +
		    (SELECT count(*) FROM teach t WHERE t.level_id = l.level_id
			AND NOT EXISTS (SELECT 1 FROM coverage_school_ord o
			    WHERE o.school_id = t.school_id)) AS n
		FROM (SELECT level_id FROM teach UNION
		    SELECT level_id FROM active WHERE bit_count(a) > 0) l
		LEFT JOIN active a ON a.level_id = l.level_id, zero, mask
	), lg AS (
		SELECT DISTINCT x.lesson_id, x.goal_id
		FROM coverage_lesson_goals(p_via, ARRAY(SELECT DISTINCT lesson_id
		    FROM bits WHERE bit_count(p) > 0)) x
	), fw AS (
		SELECT * FROM coverage_frameworks(p_frameworks,
		    ARRAY(SELECT goal_id FROM lg))
	), tree AS (
		SELECT t.* FROM coverage_report_tree(ARRAY(SELECT id FROM fw),
		    p_focus, p_area) t
	), cb AS MATERIALIZED (
		-- per goal and level, masked to the schools in scope
		SELECT x.goal_id, x.level_id, x.p & mask.m AS p, x.g & mask.m AS g
		FROM (SELECT lg.goal_id, b.level_id, bit_or(b.p) AS p,
			bit_or(b.g) AS g
		    FROM bits b JOIN lg ON lg.lesson_id = b.lesson_id
		    WHERE lg.goal_id IN (SELECT id FROM tree)
		    GROUP BY 1, 2) x, mask
	), cell AS (
		SELECT goal_id, level_id, bit_count(p) AS schools,
		    bit_count(g) AS schools_given
		FROM cb WHERE bit_count(p) > 0
	), per_goal AS (
		SELECT goal_id, bit_count(bit_or(p)) AS schools,
		    bit_count(bit_or(g)) AS schools_given
		FROM cb GROUP BY 1 HAVING bit_count(bit_or(p)) > 0
	), n AS (
		SELECT count(*) AS schools FROM sch
	), cols AS (
		-- every level the schools in scope teach, also when empty
		SELECT l.id, l.code, l.title, l.stage_code, l.sort_order,
		    coalesce(d.n, 0) AS schools
		FROM level l LEFT JOIN denom d ON d.level_id = l.id
		WHERE l.id IN (SELECT level_id FROM cell UNION
		    SELECT level_id FROM denom)
	)
	SELECT jsonb_build_object(
	    'scope', jsonb_build_object('kind', 'schools',
		'schools', n.schools,
		'school_years', to_jsonb(y.years),
		'type', p_type, 'region', p_region),
	    'via', p_via,
	    'focus', CASE WHEN p_focus THEN 'preventie' ELSE 'alles' END,
	    'area', p_area,
	    'areas', coverage_areas_doc(ARRAY(SELECT id FROM fw), p_focus),
	    -- a cell's share is over the schools that teach its level
	    'share_of', 'schools_teaching_level',
	    'levels', coalesce((SELECT jsonb_agg(jsonb_build_object(
		'code', c.code, 'title', c.title, 'stage', c.stage_code,
		'schools', c.schools)
		ORDER BY c.sort_order) FROM cols c), '[]'),
	    'frameworks', coalesce((SELECT jsonb_agg(jsonb_build_object(
		'code', fw.code, 'title', fw.title,
		'own_list', coverage_own_list(fw.id),
		'goals_total', (SELECT count(*) FROM tree t
		    WHERE t.framework_id = fw.id AND t.leaf),
		'goals_covered', (SELECT count(*) FROM tree t JOIN per_goal pg
		    ON pg.goal_id = t.id WHERE t.framework_id = fw.id AND
		    t.leaf),
		'goals', coalesce((SELECT jsonb_agg(jsonb_build_object(
		    'id', t.id, 'code', t.code, 'title', t.title,
		    'kind', t.kind, 'depth', t.depth, 'leaf', t.leaf,
		    'schools', coalesce(pg.schools, 0),
		    'schools_given', coalesce(pg.schools_given, 0),
		    'share', CASE WHEN n.schools = 0 THEN 0 ELSE
			round(coalesce(pg.schools, 0)::numeric / n.schools, 4) END,
		    'cells', coalesce((SELECT jsonb_object_agg(l.code,
			jsonb_build_object('schools', c.schools,
			    'schools_given', c.schools_given,
			    'schools_teaching', l.schools,
			    'share', round(c.schools::numeric /
				greatest(l.schools, 1), 4)))
			FROM cell c JOIN cols l ON l.id = c.level_id
			WHERE c.goal_id = t.id), '{}'))
		    ORDER BY t.sort_key)
		    FROM tree t LEFT JOIN per_goal pg ON pg.goal_id = t.id
		    WHERE t.framework_id = fw.id), '[]'))
		ORDER BY fw.code) FROM fw
		-- narrowed to a subject area: the frameworks that have it
		WHERE p_area IS NULL OR EXISTS (SELECT 1 FROM tree t
		    WHERE t.framework_id = fw.id)), '[]')) || coverage_stamp()
	FROM y, n);
END
$$;

-- ---------------------------------------------------------------------------
-- Gap suggestions (issue 13, item 5): the coverage reports of a
-- school or a plan list, for each stage gap and each line break, the
-- units that would close it, best first, with the reason.
--
-- A unit is suggested for a gap when it is published, visible to the
-- school (catalogue or its own activity), meant for a level of the
-- report in that stage, and aligned (itself or through its programme) to
-- at least one goal of the gap.  Order: most gap goals covered, then
-- recognised (erkend) methods, then the title and id.  At most three per
-- gap.

-- The units that would cover goals p_goals at levels p_levels (codes) of
-- school p_school; p_what names the gap in the reason.
CREATE OR REPLACE FUNCTION coverage_unit_suggestions(p_goals uuid[], p_levels text[],
    p_school uuid, p_what text)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT coalesce(jsonb_agg(x.doc ORDER BY x.n DESC, x.erkend DESC,
	    x.title, x.id), '[]')
	FROM (
		SELECT l.id, l.title, count(DISTINCT la.goal_id) AS n,
		    coalesce(e.rank, 0) >= 1 AS erkend,
		    jsonb_build_object('lesson_id', l.id, 'code', l.code,
			'title', l.title, 'kind', l.kind,
			'own', l.school_id IS NOT NULL,
			'goals', jsonb_agg(DISTINCT coalesce(g.code, g.title)),
			'levels', (SELECT jsonb_agg(DISTINCT c.code)
			    FROM lesson_level ll JOIN level_span sp
			    ON sp.level_id = ll.level_id JOIN level c
			    ON c.id = sp.covered_level_id
			    WHERE ll.lesson_id = l.id AND c.code = ANY (p_levels)),
			'reason', format('%s: dekt %s van de %s open %s (%s)%s.',
			    p_what, count(DISTINCT la.goal_id),
			    cardinality(p_goals), CASE WHEN cardinality(p_goals) = 1
				THEN 'leerdoel' ELSE 'leerdoelen' END,
			    string_agg(DISTINCT coalesce(g.code, g.title), ', '),
			    CASE WHEN coalesce(e.rank, 0) >= 1 THEN
				'; erkende methode (' || e.title || ')'
				WHEN l.school_id IS NOT NULL THEN
				'; eigen activiteit van de school' ELSE '' END))
			AS doc
		FROM lesson l
		JOIN lesson_alignment la ON la.lesson_id = l.id
		JOIN goal g ON g.id = la.goal_id
		LEFT JOIN evidence_level e ON e.code = l.evidence_level_code
		WHERE la.goal_id = ANY (p_goals) AND l.status = 'published'
		AND (l.school_id IS NULL OR l.school_id = p_school)
		AND EXISTS (SELECT 1 FROM lesson_level ll
		    JOIN level_span sp ON sp.level_id = ll.level_id
		    JOIN level c ON c.id = sp.covered_level_id
		    WHERE ll.lesson_id = l.id AND c.code = ANY (p_levels))
		GROUP BY l.id, e.rank, e.title
		ORDER BY count(DISTINCT la.goal_id) DESC,
		    coalesce(e.rank, 0) >= 1 DESC, l.title, l.id
		LIMIT 3) x
$$;

-- A coverage report (coverage_school_doc, coverage_plan_doc) of school
-- p_school with "suggestions" on every stage gap and line break.
CREATE OR REPLACE FUNCTION coverage_suggest(doc jsonb, p_school uuid) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT CASE WHEN doc IS NULL OR jsonb_typeof(doc -> 'frameworks')
	    <> 'array' THEN doc ELSE jsonb_set(doc, '{frameworks}',
	    coalesce((SELECT jsonb_agg(fw || jsonb_build_object(
		'stage_gaps', coalesce((SELECT jsonb_agg(sg ||
		    jsonb_build_object('suggestions', coverage_unit_suggestions(
			ARRAY(SELECT (g ->> 'id')::uuid
			    FROM jsonb_array_elements(sg -> 'goals') g),
			ARRAY(SELECT jsonb_array_elements_text(st -> 'levels')
			    FROM jsonb_array_elements(doc -> 'stages') st
			    WHERE st ->> 'code' = sg ->> 'stage'),
			p_school, 'Hiaat in ' || (sg ->> 'stage_title')))
		    ORDER BY o)
		    FROM jsonb_array_elements(fw -> 'stage_gaps')
		    WITH ORDINALITY t (sg, o)), '[]'),
		'line_breaks', coalesce((SELECT jsonb_agg(lb ||
		    jsonb_build_object('suggestions', coverage_unit_suggestions(
			ARRAY(WITH RECURSIVE d (id, depth) AS (
			    SELECT (lb ->> 'domain_id')::uuid, 0
			    UNION SELECT g.id, d.depth + 1 FROM d
			    JOIN goal g ON g.parent_id = d.id WHERE d.depth < 32)
			    SELECT id FROM d),
			ARRAY(SELECT jsonb_array_elements_text(st -> 'levels')
			    FROM jsonb_array_elements(doc -> 'stages') st
			    WHERE st ->> 'code' = lb ->> 'stage'),
			p_school, CASE WHEN (lb ->> 'break')::boolean
			    THEN 'Onderbreking van ' ELSE 'Geen dekking van '
			    END || (lb ->> 'domain') || ' in ' ||
			    (lb ->> 'stage_title')))
		    ORDER BY o)
		    FROM jsonb_array_elements(fw -> 'line_breaks')
		    WITH ORDINALITY t (lb, o)), '[]'))
		ORDER BY n)
		FROM jsonb_array_elements(doc -> 'frameworks')
		WITH ORDINALITY f (fw, n)), '[]')) END
$$;

-- The derived rows again, by the rules above: they may have changed.
SELECT coverage_rebuild();

