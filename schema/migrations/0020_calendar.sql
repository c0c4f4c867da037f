-- 0020 calendar: the Dutch school calendar — school years and the official
-- school holidays per region (noord, midden, zuid), imported from
-- seeds/calendar/schoolvakanties.json with the source of every period.
--
-- Its functions, views and triggers: schema/functions/calendar.sql.
-- A school year runs from 1 August to 31 July (WPO art. 1).
CREATE TABLE school_year (
	code		text PRIMARY KEY CHECK (code ~ '^[0-9]{4}-[0-9]{4}$'
			    AND substr(code, 6, 4)::integer =
				substr(code, 1, 4)::integer + 1),
	starts_on	date NOT NULL,
	ends_on		date NOT NULL,
	source		text NOT NULL,
	CHECK (starts_on = make_date(substr(code, 1, 4)::integer, 8, 1)),
	CHECK (ends_on = make_date(substr(code, 6, 4)::integer, 7, 31))
);

CREATE TABLE school_holiday (
	id		uuid PRIMARY KEY,
	school_year	text NOT NULL REFERENCES school_year (code),
	name		text NOT NULL CHECK (btrim(name) <> ''),
	-- NULL region: the same dates for every region.
	region		text CHECK (region IN ('noord', 'midden', 'zuid')),
	starts_on	date NOT NULL,
	ends_on		date NOT NULL,
	status		text NOT NULL CHECK (status IN ('verplicht', 'advies')),
	optional	boolean NOT NULL DEFAULT false,
	confidence	text NOT NULL CHECK (confidence IN ('verbatim',
			    'paraphrase', 'inferred')),
	source_url	text,
	source_authority text,
	note		text,
	CHECK (ends_on >= starts_on),
	UNIQUE NULLS NOT DISTINCT (school_year, name, region, optional)
);
CREATE INDEX school_holiday_dates_idx ON school_holiday (starts_on, ends_on);
