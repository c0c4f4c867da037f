-- catalogue_gen.sql — a national-scale synthetic catalogue for the benchmarks.
--
-- Run on a database that was migrated and seeded (build/leerlijn-db setup
-- schema seeds), never on a real one: it adds 20,000 lessons in 200
-- programmes with about 110,000 lesson alignments and 300 programme
-- alignments, spread over every goal of every seeded goal framework.
--
-- Everything here is SYNTHETIC (source 'bench:synthetic', codes BENCH-…):
-- titles are made from the aligned goal's title, nothing claims to be a
-- real lesson. The data is deterministic: every "random" choice is
-- hashint8extended(key, salt) with fixed salts, so the same seeds give the
-- same catalogue on every run and every machine with PostgreSQL 15.
--
-- psql -v ON_ERROR_STOP=1 -f bench/catalogue_gen.sql "$DATABASE_URL"

\set ON_ERROR_STOP 1
SET client_min_messages = warning;
BEGIN;

-- The stored lesson warnings (schema/functions/lesson_warnings.sql) are refreshed by statement
-- triggers for every lesson a statement touches, which takes minutes for
-- this many lessons (lesson_warning_refresh_all() ran for more than four
-- minutes here). The triggers are off while loading and the generated
-- lessons get no stored warnings: the lesson finder does not read them.
ALTER TABLE programme DISABLE TRIGGER USER;
ALTER TABLE lesson DISABLE TRIGGER USER;
ALTER TABLE lesson_level DISABLE TRIGGER USER;
ALTER TABLE alignment DISABLE TRIGGER USER;

-- A deterministic number in [0, n) for (key, salt).
CREATE FUNCTION pg_temp.pick(key bigint, salt bigint, n bigint)
RETURNS bigint LANGUAGE sql IMMUTABLE STRICT
AS $$ SELECT (hashint8extended(key, salt) & 9223372036854775807) % n $$;

-- The goals of every goal framework, numbered overall and per framework.
CREATE TEMP TABLE g ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY f.code, gl.id) - 1 AS n,
    dense_rank() OVER (ORDER BY f.code) - 1 AS fn,
    row_number() OVER (PARTITION BY f.code ORDER BY gl.id) - 1 AS fpos,
    gl.id, gl.title
FROM goal gl JOIN framework f ON f.id = gl.framework_id
WHERE f.kind = 'goals';
CREATE UNIQUE INDEX ON g (n);
CREATE UNIQUE INDEX ON g (fn, fpos);

CREATE TEMP TABLE fw ON COMMIT DROP AS
SELECT fn, count(*) AS goals FROM g GROUP BY fn;

-- The plannable school years, in school order.
CREATE TEMP TABLE yr ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY sort_order) - 1 AS n, id
FROM level WHERE plannable AND year_ordinal IS NOT NULL;

-- Goal of alignment slot (lesson i, slot j): slot 0 either uniform over all
-- goals or uniform over frameworks first (so small frameworks are used as
-- much as the big SLO ones); later slots stay in slot 0's framework half of
-- the time (lessons serve related goals).
CREATE FUNCTION pg_temp.goal_of(i bigint, j bigint) RETURNS uuid
LANGUAGE sql STABLE
AS $$
	WITH first AS (
		SELECT CASE WHEN pg_temp.pick(i, 11, 2) = 0
		    THEN (SELECT g.fn FROM g WHERE g.n =
			pg_temp.pick(i, 12, (SELECT count(*) FROM g)))
		    ELSE pg_temp.pick(i, 13, (SELECT count(*) FROM fw))
		    END AS fn
	), slot AS (
		SELECT CASE WHEN j = 0 OR pg_temp.pick(i * 16 + j, 14, 2) = 0
		    THEN (SELECT fn FROM first)
		    WHEN pg_temp.pick(i * 16 + j, 15, 2) = 0
		    THEN (SELECT g.fn FROM g WHERE g.n = pg_temp.pick(i * 16 + j,
			16, (SELECT count(*) FROM g)))
		    ELSE pg_temp.pick(i * 16 + j, 17, (SELECT count(*) FROM fw))
		    END AS fn
	)
	SELECT g.id FROM slot JOIN fw ON fw.fn = slot.fn
	JOIN g ON g.fn = slot.fn
	    AND g.fpos = pg_temp.pick(i * 16 + j, 18, fw.goals)
$$;

-- 40 programmes, each with 4 sub-programmes (200 in all).
INSERT INTO programme (code, parent_id, title, kind, themes, source,
    confidence, note)
SELECT format('BENCH-P%s', lpad(p::text, 3, '0')), NULL,
    format('Synthetisch programma %s', p), 'programma',
    ARRAY['weerbaarheid', 'media'], 'bench:synthetic', 'inferred',
    'Synthetische benchmarkdata, geen echt programma.'
FROM generate_series(1, 40) AS p;
INSERT INTO programme (code, parent_id, title, kind, themes, source,
    confidence, note)
SELECT format('BENCH-P%s-%s', lpad(p::text, 3, '0'), s),
    (SELECT id FROM programme WHERE code = format('BENCH-P%s',
	lpad(p::text, 3, '0'))),
    format('Synthetisch programma %s, deel %s', p, s), 'module',
    '{}', 'bench:synthetic', 'inferred',
    'Synthetische benchmarkdata, geen echt programma.'
FROM generate_series(1, 40) AS p, generate_series(1, 4) AS s;

-- 20,000 lessons: 80 % in a sub-programme (100 each at most), 95 %
-- published, 1–3 consecutive school years, themes and durations varied.
CREATE TEMP TABLE les ON COMMIT DROP AS
SELECT i, catalogue_uuid(format('bench:lesson:%s', i)) AS id,
    pg_temp.goal_of(i, 0) AS goal0
FROM generate_series(1, 20000) AS i;

INSERT INTO lesson (id, code, programme_id, title, summary,
    duration_minutes, themes, format, language, levels_as_published, source,
    evidence_level_code, sensitive_topic, status, note)
SELECT les.id, format('BENCH-L%s', lpad(les.i::text, 5, '0')),
    CASE WHEN pg_temp.pick(les.i, 21, 5) > 0 THEN (SELECT p.id
	FROM programme p WHERE p.code = format('BENCH-P%s-%s',
	lpad((1 + pg_temp.pick(les.i, 22, 40))::text, 3, '0'),
	1 + pg_temp.pick(les.i, 23, 4))) END,
    format('Les %s: %s', les.i, left(g.title, 120)),
    format('Synthetische les voor de benchmark over: %s', g.title),
    (ARRAY[30, 45, 50, 60, 90, NULL])[1 + pg_temp.pick(les.i, 24, 6)],
    string_to_array((ARRAY['weerbaarheid,zelfbeeld', 'media,relaties',
	'seksualiteit,normen en waarden', 'criminaliteit',
	'zelfvertrouwen,media', 'mensenhandel'])
	[1 + pg_temp.pick(les.i, 25, 6)], ','),
    (ARRAY['klassikaal', 'groepswerk', 'digitaal', NULL])
	[1 + pg_temp.pick(les.i, 26, 4)],
    'nl', NULL, 'bench:synthetic',
    (SELECT code FROM evidence_level ORDER BY code
	OFFSET pg_temp.pick(les.i, 27, 7) LIMIT 1),
    pg_temp.pick(les.i, 28, 4) = 0,
    CASE WHEN pg_temp.pick(les.i, 29, 20) = 0 THEN 'draft'
	ELSE 'published' END,
    'Synthetische benchmarkdata, geen echte les.'
FROM les JOIN g ON g.id = les.goal0;

INSERT INTO lesson_level (lesson_id, level_id)
SELECT DISTINCT les.id, yr.id
FROM les, LATERAL (SELECT pg_temp.pick(les.i, 31, (SELECT count(*) FROM yr))
    AS y0, 1 + pg_temp.pick(les.i, 32, 3) AS span) s
JOIN yr ON yr.n BETWEEN s.y0 AND s.y0 + s.span - 1;

-- 3–8 goals per lesson (5.5 on average); a repeated goal is dropped.
INSERT INTO alignment (lesson_id, goal_id, emphasis, position, source,
    confidence, note)
SELECT les.id, pg_temp.goal_of(les.i, j),
    (ARRAY['introduce', 'practise', 'deepen', NULL])
	[1 + pg_temp.pick(les.i * 16 + j, 41, 4)],
    j + 1, 'bench:synthetic', 'inferred', NULL
FROM les, LATERAL generate_series(0, 2 + pg_temp.pick(les.i, 40, 6)) AS j
ON CONFLICT DO NOTHING;

-- Programme-level alignments: 1–2 per sub-programme, they hold for each of
-- its lessons.
INSERT INTO alignment (programme_id, goal_id, position, source, confidence)
SELECT p.id, pg_temp.goal_of(100000 + p.n, j), j + 1, 'bench:synthetic',
    'inferred'
FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM programme
    WHERE code LIKE 'BENCH-P%-%') p,
    LATERAL generate_series(0, pg_temp.pick(p.n, 42, 2)) AS j
ON CONFLICT DO NOTHING;

DO $$
DECLARE
	n_lessons bigint;
	n_align bigint;
	n_goals bigint;
	n_unused bigint;
BEGIN
	SELECT count(*) INTO n_lessons FROM lesson WHERE source = 'bench:synthetic';
	SELECT count(*) INTO n_align FROM alignment
	    WHERE source = 'bench:synthetic' AND lesson_id IS NOT NULL;
	SELECT count(*), count(*) FILTER (WHERE NOT EXISTS (SELECT 1
	    FROM alignment a WHERE a.goal_id = g.id))
	    INTO n_goals, n_unused FROM g;
	IF n_lessons < 20000 OR n_align < 100000 OR n_unused > 0 THEN
		RAISE EXCEPTION 'generator: % lessons, % alignments, % of % goals unused',
		    n_lessons, n_align, n_unused, n_goals;
	END IF;
	RAISE NOTICE 'generated % lessons, % lesson alignments over % goals',
	    n_lessons, n_align, n_goals;
END
$$;

ALTER TABLE programme ENABLE TRIGGER USER;
ALTER TABLE lesson ENABLE TRIGGER USER;
ALTER TABLE lesson_level ENABLE TRIGGER USER;
ALTER TABLE alignment ENABLE TRIGGER USER;

-- The lesson finder's closure (schema/functions/lessons.sql) is rebuilt once for the whole
-- catalogue, as its triggers were off too.
SELECT lesson_goal_reach_refresh_all();

COMMIT;
VACUUM (ANALYZE) programme, lesson, lesson_level, alignment,
    lesson_goal_reach;

-- The triggers that bump the catalogue generation were off with the others
-- above: bump it once, so that running APIs drop their cached answers.
WITH b AS (UPDATE catalogue_generation SET generation = generation + 1
    RETURNING generation)
SELECT pg_notify('leerlijn_catalogue', generation::text) FROM b;
