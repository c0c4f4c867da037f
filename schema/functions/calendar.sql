-- functions/calendar.sql: school years, holidays and ISO weeks.
--
-- Applied again, as a whole, whenever this file changes or a numbered
-- migration runs (see docs/database.md): every statement must be
-- repeatable (CREATE OR REPLACE; a constraint trigger is dropped first).

-- ---------------------------------------------------------------------------
-- 0020 calendar: the Dutch school calendar — school years and the official
-- (Its tables: schema/migrations/0020_calendar.sql.)
-- ---------------------------------------------------------------------------

-- Import schoolvakanties.json as published: every holiday of every school
-- year (regular and optional extras).  Idempotent: rows are keyed by
-- catalogue_uuid() of year, name, region and kind, and equal rows are not
-- rewritten.
CREATE OR REPLACE FUNCTION calendar_import_holidays(doc jsonb)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
	n integer := 0;
	src constant text := 'seeds/calendar/schoolvakanties.json';
BEGIN
	INSERT INTO school_year (code, starts_on, ends_on, source)
	SELECT y->>'school_year',
	    split_part(y->>'period', '/', 1)::date,
	    split_part(y->>'period', '/', 2)::date, src
	FROM jsonb_array_elements(doc->'school_years') AS y
	ON CONFLICT (code) DO NOTHING;

	WITH rows AS (
		SELECT y->>'school_year' AS school_year, h, false AS optional
		FROM jsonb_array_elements(doc->'school_years') AS y,
		    jsonb_array_elements(y->'holidays') AS h
		UNION ALL
		SELECT y->>'school_year', h, true
		FROM jsonb_array_elements(doc->'school_years') AS y,
		    jsonb_array_elements(coalesce(y->'extras', '[]')) AS h
	), clean AS (
		SELECT school_year, optional,
		    h->>'name' AS name,
		    CASE WHEN h->>'region' IN ('noord', 'midden', 'zuid')
			THEN h->>'region' END AS region,
		    (h->>'start')::date AS starts_on,
		    (h->>'end')::date AS ends_on,
		    h->>'status' AS status,
		    coalesce(h->>'confidence', 'inferred') AS confidence,
		    h->>'source_url' AS source_url,
		    h->>'source_authority' AS source_authority,
		    h->>'note' AS note
		FROM rows
	), up AS (
		INSERT INTO school_holiday AS t (id, school_year, name, region,
		    starts_on, ends_on, status, optional, confidence,
		    source_url, source_authority, note)
		SELECT catalogue_uuid('holiday:' || school_year || ':' ||
		    name || ':' || coalesce(region, 'alle') || ':' ||
		    optional::text), school_year, name, region, starts_on,
		    ends_on, status, optional, confidence, source_url,
		    source_authority, note
		FROM clean
		ON CONFLICT (id) DO UPDATE SET
		    starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on,
		    status = EXCLUDED.status, confidence = EXCLUDED.confidence,
		    source_url = EXCLUDED.source_url,
		    source_authority = EXCLUDED.source_authority,
		    note = EXCLUDED.note
		WHERE (t.starts_on, t.ends_on, t.status, t.confidence,
		    t.source_url, t.source_authority, t.note)
		    IS DISTINCT FROM (EXCLUDED.starts_on, EXCLUDED.ends_on,
		    EXCLUDED.status, EXCLUDED.confidence, EXCLUDED.source_url,
		    EXCLUDED.source_authority, EXCLUDED.note)
		RETURNING 1
	)
	SELECT count(*) INTO n FROM up;
	RETURN n;
END
$$;

-- The weeks of a school year for a region: every ISO week whose Monday
-- falls in the school year, with the holiday (if any) that covers that
-- Monday to Friday in the region.
CREATE OR REPLACE FUNCTION school_year_weeks(p_year text, p_region text)
RETURNS TABLE (iso_year integer, iso_week integer, monday date,
    holiday text, holiday_status text, optional boolean)
LANGUAGE sql STABLE
AS $$
	SELECT extract(isoyear FROM d)::integer, extract(week FROM d)::integer,
	    d::date, h.name, h.status, h.optional
	FROM school_year y,
	    generate_series(y.starts_on + ((8 - extract(isodow FROM
		y.starts_on)::integer) % 7), y.ends_on, interval '7 days') AS d
	LEFT JOIN LATERAL (
		SELECT sh.name, sh.status, sh.optional FROM school_holiday sh
		WHERE (sh.region IS NULL OR sh.region = p_region)
		AND sh.starts_on <= d::date AND sh.ends_on >= d::date + 4
		ORDER BY sh.optional, sh.status = 'advies', sh.name LIMIT 1
	) h ON true
	WHERE y.code = p_year
	ORDER BY d
$$;

