-- catalogue_levels.sql — order, stages and coverage of the levels (idempotent).
-- Runs after slo/niveaus.json and curriculum/frameworks.json (which together
-- bring every level used here). Our own work, from SLO's niveau descriptions:
--   year_ordinal: groep n = n; vo leerjaar n (vmbo bb/kb/gl/tl, havo, vwo) = 8 + n
--   sort_order:   10 * year_ordinal + track (bb 1, kb 2, gl 3, tl 4, havo 5,
--                 vwo 6); so, pro, vso, mbo after them
--   plannable:    the level vocabulary for lessons and year plans.

DO $$ BEGIN IF to_regclass('pg_temp._school_year') IS NOT NULL THEN DROP TABLE pg_temp._school_year; END IF; END $$;
CREATE TEMP TABLE _school_year ON COMMIT DROP AS
SELECT 'groep-' || n AS code, n AS year_ordinal, n * 10 AS sort_order,
    CASE WHEN n <= 4 THEN 'po-onderbouw' ELSE 'po-bovenbouw' END AS stage_code,
    'po'::text AS track, n AS leerjaar
FROM generate_series(1, 8) n
UNION ALL
SELECT t.prefix || n, 8 + n, (8 + n) * 10 + t.k,
    CASE WHEN n <= t.ob_last THEN 'vo-onderbouw' ELSE 'vo-bovenbouw' END,
    t.track, n
FROM (VALUES ('vmbo-bb-', 'vmbo-bb', 1, 4, 2), ('vmbo-kb-', 'vmbo-kb', 2, 4, 2),
    ('vmbo-gl-', 'vmbo-gl', 3, 4, 2), ('vmbo-tl-', 'vmbo-tl', 4, 4, 2),
    ('havo-', 'havo', 5, 5, 3), ('vwo-', 'vwo', 6, 6, 3))
    t (prefix, track, k, last, ob_last),
    generate_series(1, 6) n
WHERE n <= t.last;

DO $$
DECLARE
	missing text;
BEGIN
	SELECT string_agg(s.code, ', ') INTO missing
	FROM _school_year s WHERE NOT EXISTS (SELECT 1 FROM level l WHERE l.code = s.code);
	IF missing IS NOT NULL THEN
		RAISE EXCEPTION 'catalogue_levels.sql: levels missing: %', missing;
	END IF;
END
$$;

DO $$ BEGIN IF to_regclass('pg_temp._level_order') IS NOT NULL THEN DROP TABLE pg_temp._level_order; END IF; END $$;
CREATE TEMP TABLE _level_order ON COMMIT DROP AS
SELECT code, year_ordinal, sort_order, stage_code, true AS plannable FROM _school_year
UNION ALL
SELECT * FROM (VALUES
    ('so', NULL::integer, 201, 'so', true),
    ('so-nl-ml', NULL, 202, 'so', false),
    ('so-zml-mg', NULL, 203, 'so', false),
    ('pro', NULL, 210, 'pro', true),
    ('vso', NULL, 221, 'vso', true),
    ('vso-am', NULL, 222, 'vso', false),
    ('vso-db', NULL, 223, 'vso', false),
    ('vso-vo', NULL, 224, 'vso', false),
    ('mbo-1', NULL, 231, 'mbo', true),
    ('mbo-2', NULL, 232, 'mbo', true),
    ('mbo-3', NULL, 233, 'mbo', true),
    ('mbo-4', NULL, 234, 'mbo', true),
    ('ob-vmbo', NULL, NULL, 'vo-onderbouw', false),
    ('ob-havo', NULL, NULL, 'vo-onderbouw', false),
    ('ob-vwo', NULL, NULL, 'vo-onderbouw', false),
    ('ob-vo', NULL, NULL, 'vo-onderbouw', false),
    ('bb-vmbo', NULL, NULL, 'vo-bovenbouw', false),
    ('bb-havo', NULL, NULL, 'vo-bovenbouw', false),
    ('bb-vwo', NULL, NULL, 'vo-bovenbouw', false),
    ('cnu-fase-1', NULL, NULL, 'po-onderbouw', false),
    ('cnu-fase-2', NULL, NULL, 'po-bovenbouw', false),
    ('cnu-fase-3', NULL, NULL, 'vo-onderbouw', false)) v;

UPDATE level l SET year_ordinal = o.year_ordinal, sort_order = o.sort_order,
    stage_code = o.stage_code, plannable = o.plannable
FROM _level_order o
WHERE l.code = o.code
  AND (l.year_ordinal, l.sort_order, l.stage_code, l.plannable) IS DISTINCT FROM
      (o.year_ordinal::smallint, o.sort_order, o.stage_code, o.plannable);

-- What each aggregate level covers (SLO's niveau descriptions).
DO $$ BEGIN IF to_regclass('pg_temp._member') IS NOT NULL THEN DROP TABLE pg_temp._member; END IF; END $$;
CREATE TEMP TABLE _member ON COMMIT DROP AS
SELECT 'po' AS agg, code FROM _school_year WHERE track = 'po'
UNION ALL SELECT 'vo', code FROM _school_year WHERE track <> 'po'
UNION ALL SELECT 'vmbo', code FROM _school_year WHERE track LIKE 'vmbo-%'
UNION ALL SELECT 'havo', code FROM _school_year WHERE track = 'havo'
UNION ALL SELECT 'vwo', code FROM _school_year WHERE track = 'vwo'
UNION ALL SELECT 'ob-vmbo', code FROM _school_year WHERE track LIKE 'vmbo-%' AND leerjaar <= 2
UNION ALL SELECT 'bb-vmbo', code FROM _school_year WHERE track LIKE 'vmbo-%' AND leerjaar >= 3
UNION ALL SELECT 'ob-' || track, code FROM _school_year WHERE track LIKE 'vmbo-%' AND leerjaar <= 2
UNION ALL SELECT 'bb-' || track, code FROM _school_year WHERE track LIKE 'vmbo-%' AND leerjaar >= 3
UNION ALL SELECT 'ob-havo', code FROM _school_year WHERE track = 'havo' AND leerjaar <= 3
UNION ALL SELECT 'bb-havo', code FROM _school_year WHERE track = 'havo' AND leerjaar >= 4
UNION ALL SELECT 'ob-vwo', code FROM _school_year WHERE track = 'vwo' AND leerjaar <= 3
UNION ALL SELECT 'bb-vwo', code FROM _school_year WHERE track = 'vwo' AND leerjaar >= 4
UNION ALL SELECT 'ob-vo', code FROM _school_year WHERE stage_code = 'vo-onderbouw'
UNION ALL SELECT '3-h-v', code FROM _school_year WHERE track IN ('havo', 'vwo') AND leerjaar = 3
UNION ALL SELECT 'fase-1', code FROM _school_year WHERE track = 'po' AND leerjaar <= 3
UNION ALL SELECT 'fase-2', code FROM _school_year WHERE track = 'po' AND leerjaar BETWEEN 4 AND 6
UNION ALL SELECT 'fase-3', code FROM _school_year WHERE track = 'po' AND leerjaar >= 7
UNION ALL SELECT 'fase-4', code FROM _school_year WHERE track <> 'po' AND leerjaar <= 2
UNION ALL SELECT 'fase-5', code FROM _school_year WHERE track <> 'po' AND leerjaar >= 3
UNION ALL SELECT 'groep-' || (2 * k - 1) || '-' || (2 * k), 'groep-' || n
    FROM generate_series(1, 4) k, generate_series(2 * k - 1, 2 * k) n
UNION ALL SELECT 'cnu-fase-1', code FROM _school_year WHERE track = 'po' AND leerjaar <= 4
UNION ALL SELECT 'cnu-fase-2', code FROM _school_year WHERE track = 'po' AND leerjaar >= 5
UNION ALL SELECT 'cnu-fase-3', code FROM _school_year WHERE track <> 'po' AND leerjaar <= 2
UNION ALL SELECT 'so', c FROM unnest(ARRAY['so-nl-ml', 'so-zml-mg']) c
UNION ALL SELECT 'vso', c FROM unnest(ARRAY['vso-am', 'vso-db', 'vso-vo']) c;

DO $$
DECLARE
	missing text;
BEGIN
	SELECT string_agg(DISTINCT c, ', ') INTO missing
	FROM (SELECT agg AS c FROM _member UNION SELECT code FROM _member) m
	WHERE NOT EXISTS (SELECT 1 FROM level l WHERE l.code = m.c);
	IF missing IS NOT NULL THEN
		RAISE EXCEPTION 'catalogue_levels.sql: levels missing: %', missing;
	END IF;
END
$$;

INSERT INTO level_member (level_id, member_level_id)
SELECT a.id, m.id
FROM _member x JOIN level a ON a.code = x.agg JOIN level m ON m.code = x.code
ON CONFLICT DO NOTHING;

-- "VO 2" and "VO 3" as the lesson pack prints them: leerjaar 2 / 3 of every
-- vo track (NOTES.md par. 6: "VO 2 en 3" = leerjaar 2 and 3, all tracks).
INSERT INTO level_alias (alias, level_id, note)
SELECT 'VO ' || s.leerjaar, l.id, 'leerjaar ' || s.leerjaar || ' van vmbo (bb, kb, gl, tl), havo en vwo'
FROM _school_year s JOIN level l ON l.code = s.code
WHERE s.track <> 'po' AND s.leerjaar IN (1, 2, 3, 4)
ON CONFLICT (alias, level_id) DO NOTHING;
