-- bench/coverage_gen.sql: a national-scale planning data set for the
-- coverage benchmark (bench/coverage.sh), generated inside PostgreSQL.
--
-- psql -v from=1 -v to=500 -f bench/coverage_gen.sql adds schools from..to
-- (run it again with a higher range to grow the data).  Every school gets
-- one plan per school year of the calendar (2025-2026 … 2027-2028); every
-- plan gets, for each level the school teaches, 6 lessons in 3 classes
-- (primary, groep 1–8) or 2 classes (secondary, havo 1–5 and vwo 1–6):
-- 144 or 132 items per plan, about 139 on average, so 8,000 schools give
-- about 3.3 million items.  2025-2026 is given (a few cancelled),
-- 2026-2027 partly given, 2027-2028 planned.  The lessons are 120 bench
-- lessons (BENCH-L-n), each aligned to two or three leaf goals of
-- CNU-DG-2019, SLO-KD-PO-2006, SLO-KD-VO-2006 and MW-CM-2021; every
-- choice is a deterministic hash of the numbers, so runs are repeatable.
--
-- The rows are valid (weeks inside the school year, published lessons,
-- plannable levels) and are inserted with the user triggers of plan and
-- plan_item switched off for speed; coverage_rebuild() then recomputes
-- the maintained aggregate from scratch.  The integration test
-- coverage_consistency.test.mjs proves that the triggers keep it equal to
-- that computation under random edits.

\set ON_ERROR_STOP on
SELECT set_config('leerlijn.audit', 'off', false);

-- A stable pseudo-random integer in [0, m) from a text key.
CREATE OR REPLACE FUNCTION pg_temp.h(k text, m integer) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
	SELECT (('x' || substr(md5(k), 1, 8))::bit(32)::bigint % m)::integer
$$;

-- The bench lessons (once).
INSERT INTO lesson (code, title, status, source, summary)
SELECT 'BENCH-L-' || n, 'Benchmarkles ' || n, 'published',
    'bench/coverage_gen.sql', 'Gegenereerd voor de benchmark.'
FROM generate_series(1, 120) n
ON CONFLICT (code) DO NOTHING;

WITH leaves AS (
	SELECT g.id, row_number() OVER (ORDER BY f.code, g.code, g.id) AS r,
	    count(*) OVER () AS total
	FROM goal g JOIN framework f ON f.id = g.framework_id
	WHERE f.code IN ('CNU-DG-2019', 'SLO-KD-PO-2006', 'SLO-KD-VO-2006',
	    'MW-CM-2021')
	  AND g.status = 'current'
	  AND NOT EXISTS (SELECT 1 FROM goal c WHERE c.parent_id = g.id)
)
INSERT INTO alignment (lesson_id, goal_id, source, confidence)
SELECT DISTINCT l.id, lv.id, 'bench/coverage_gen.sql', 'inferred'
FROM lesson l
CROSS JOIN generate_series(0, 2) k
JOIN leaves lv ON lv.r = 1 + pg_temp.h(l.code || ':' || k, lv.total::integer)
WHERE l.code LIKE 'BENCH-L-%'
  AND (k < 2 OR pg_temp.h(l.code || ':third', 2) = 0)
ON CONFLICT DO NOTHING;

CREATE TABLE IF NOT EXISTS bench_school (n integer PRIMARY KEY,
    id uuid NOT NULL UNIQUE);

-- Schools :from .. :to: three in five primary, the rest secondary.
INSERT INTO school (brin, vestiging, name, type, municipality, region,
    first_level, last_level)
SELECT lpad((n / 1296 % 100)::text, 2, '0') ||
	substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', n / 36 % 36 + 1, 1) ||
	substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', n % 36 + 1, 1),
    lpad((n / 129600 % 100)::text, 2, '0'),
    'Benchschool ' || n,
    CASE WHEN n % 5 < 3 THEN 'PO' ELSE 'VO' END,
    'Benchgemeente', (ARRAY['noord', 'midden', 'zuid'])[1 + n % 3],
    CASE WHEN n % 5 < 3 THEN 'groep-1' ELSE 'havo-1' END,
    CASE WHEN n % 5 < 3 THEN 'groep-8' ELSE 'vwo-6' END
FROM generate_series(:from, :to) n;
INSERT INTO bench_school (n, id)
SELECT substr(s.name, 13)::integer, s.id FROM school s
WHERE s.name LIKE 'Benchschool %'
ON CONFLICT DO NOTHING;

ALTER TABLE plan DISABLE TRIGGER USER;
ALTER TABLE plan_item DISABLE TRIGGER USER;

INSERT INTO plan (school_id, school_year, title, status)
SELECT b.id, y.code, 'Preventieprogramma', 'vastgesteld'
FROM bench_school b CROSS JOIN school_year y
WHERE b.n BETWEEN :from AND :to;

-- Items: per plan, level, lesson slot (6) and class.
WITH pl AS (
	SELECT p.id AS plan_id, p.school_id, b.n, p.school_year,
	    substr(p.school_year, 1, 4)::integer AS y1,
	    CASE WHEN b.n % 5 < 3 THEN 3 ELSE 2 END AS classes,
	    CASE WHEN b.n % 5 < 3 THEN 'po' ELSE 'vo' END AS sector
	FROM plan p JOIN bench_school b ON b.id = p.school_id
	WHERE b.n BETWEEN :from AND :to
), lv AS (
	SELECT l.id, l.code, CASE WHEN l.code LIKE 'groep-%' THEN 'po'
	    ELSE 'vo' END AS sector
	FROM level l
	WHERE l.code ~ '^(groep-[1-8]|havo-[1-5]|vwo-[1-6])$'
), les AS (
	SELECT id, row_number() OVER (ORDER BY code) - 1 AS r FROM lesson
	WHERE code LIKE 'BENCH-L-%'
), slots AS (
	SELECT pl.*, lv.id AS level_id, lv.code AS level_code, s.slot, c.cls,
	    pg_temp.h(pl.n || ':' || lv.code || ':' || pl.school_year || ':' ||
		s.slot, 120) AS lesson_r,
	    38 + pg_temp.h(pl.n || ':' || lv.code || ':' || s.slot, 12) AS week,
	    pg_temp.h(pl.plan_id::text || lv.code || s.slot || c.cls, 100) AS dice
	FROM pl
	JOIN lv ON lv.sector = pl.sector
	CROSS JOIN generate_series(1, 6) s (slot)
	CROSS JOIN LATERAL generate_series(1, pl.classes) c (cls)
)
INSERT INTO plan_item (plan_id, school_id, kind, lesson_id, level_id,
    class_name, iso_year, iso_week, starts_on, ends_on, status)
SELECT s.plan_id, s.school_id, 'les', les.id, s.level_id,
    upper(substr(s.level_code, 1, 1)) || s.cls,
    s.y1, s.week, to_date(s.y1 || '-' || s.week, 'IYYY-IW'),
    to_date(s.y1 || '-' || s.week, 'IYYY-IW') + 4,
    CASE
	WHEN s.school_year = '2025-2026' THEN
	    CASE WHEN s.dice < 5 THEN 'vervallen' ELSE 'gegeven' END
	WHEN s.school_year = '2026-2027' THEN
	    CASE WHEN s.dice < 3 THEN 'vervallen' WHEN s.dice < 40
		THEN 'gegeven' ELSE 'gepland' END
	ELSE 'gepland' END
FROM slots s JOIN les ON les.r = s.lesson_r;

ALTER TABLE plan_item ENABLE TRIGGER USER;
ALTER TABLE plan ENABLE TRIGGER USER;

SELECT coverage_rebuild() AS coverage_facts;
ANALYZE school;
ANALYZE plan;
ANALYZE plan_item;
ANALYZE coverage_fact;
ANALYZE coverage_bits;
ANALYZE coverage_school_ord;
SELECT (SELECT count(*) FROM school) AS schools,
    (SELECT count(*) FROM plan) AS plans,
    (SELECT count(*) FROM plan_item) AS plan_items,
    (SELECT count(*) FROM coverage_fact) AS coverage_facts;
