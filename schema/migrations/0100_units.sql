-- 0100 units: plannable units of every kind, a school's own activities,
-- and what the proposed leerlijn and the search need.
--
-- A plannable unit IS a row of lesson: the finder, plan items, planning
-- checks, coverage and lesson_goal_reach already work on lessons.  kind
-- says what the unit is as its publisher describes it:
--   les         one lesson
--   module      a part of a programme (a leskatern, a series of lessons)
--   programma   a whole programme planned as one unit
--   project     a project week or day (Week van de Lentekriebels)
--   activiteit  a school's own activity (a gastles, its own method)
-- school_id NULL: the shared catalogue; set: an activity of that school,
-- visible to that school's members only (the finder, the lesson detail and
-- the planner check it: schema/functions/units.sql).
-- The programme-level facts of a unit (provider, erkenning with its date)
-- live on its programme.  Every source of a unit is kept in sources
-- ([{url, excerpt, supports}]) and its addresses in source_urls; a
-- published catalogue unit has at least one source and one alignment
-- (catalogue_import_units publishes nothing else; a test checks it).

ALTER TABLE lesson
	ADD COLUMN kind text NOT NULL DEFAULT 'les'
	    CHECK (kind IN ('les', 'module', 'programma', 'project',
		'activiteit')),
	ADD COLUMN school_id uuid REFERENCES school (id) ON DELETE CASCADE,
	ADD COLUMN reviewed_on date,
	ADD COLUMN target_groups text[] NOT NULL DEFAULT '{}',
	ADD COLUMN lessons_count integer CHECK (lessons_count BETWEEN 1 AND 1000),
	ADD COLUMN levels_confidence text
	    CHECK (levels_confidence IN ('verbatim', 'paraphrase', 'inferred')),
	ADD COLUMN sources jsonb NOT NULL DEFAULT '[]'
	    CHECK (jsonb_typeof(sources) = 'array'),
	ADD COLUMN source_urls text[] NOT NULL DEFAULT '{}',
	-- the fields its sources leave empty, and why
	ADD COLUMN silent text[] NOT NULL DEFAULT '{}',
	-- an own activity a curator took into the catalogue
	ADD COLUMN adopted_from uuid REFERENCES lesson (id) ON DELETE SET NULL,
	-- an own activity its school offers to the catalogue's curators
	ADD COLUMN offered_at timestamptz,
	ADD COLUMN created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
	ADD CHECK (school_id IS NULL OR code IS NULL),
	ADD CHECK (offered_at IS NULL OR school_id IS NOT NULL);
CREATE INDEX lesson_school_idx ON lesson (school_id) WHERE school_id IS NOT NULL;
CREATE INDEX lesson_kind_idx ON lesson (kind);
CREATE INDEX lesson_target_groups_idx ON lesson USING gin (target_groups);

-- Why an alignment holds, in one Dutch line (researched alignments).
ALTER TABLE alignment ADD COLUMN rationale text
	CHECK (rationale IS NULL OR btrim(rationale) <> '');

-- Programme-level facts of the units' research: erkenning with its date
-- and database, target groups, format, review date, sources.
ALTER TABLE programme
	ADD COLUMN summary text,
	ADD COLUMN format text,
	ADD COLUMN target_groups text[] NOT NULL DEFAULT '{}',
	ADD COLUMN evidence_date date,
	ADD COLUMN evidence_database text,
	ADD COLUMN evidence_url text,
	ADD COLUMN reviewed_on date,
	ADD COLUMN sources jsonb NOT NULL DEFAULT '[]'
	    CHECK (jsonb_typeof(sources) = 'array');

-- A school's target group (the proposal fits units to it): regulier by
-- default; so, sbo, vso, pro, lvb; and whether it has a religious identity.
ALTER TABLE school
	ADD COLUMN target_groups text[] NOT NULL DEFAULT '{regulier}';

-- The reason a proposed item was planned (the proposed leerlijn writes it;
-- coordinators may change it like the notes).
ALTER TABLE plan_item ADD COLUMN reason text CHECK (length(reason) <= 1000);
ALTER TABLE plan_template_item ADD COLUMN reason text
	CHECK (length(reason) <= 1000);

-- Search: words teachers type that PostgreSQL's Dutch configuration does
-- not connect to the words of the catalogue (compounds, English loan
-- words, older and newer names).  catalogue_tsquery() adds the expansions
-- of every word of a query to that word (OR).
CREATE TABLE search_synonym (
	term		text NOT NULL CHECK (term ~ '^[a-z0-9]+$'),
	expansion	text NOT NULL CHECK (btrim(expansion) <> ''),
	note		text,
	PRIMARY KEY (term, expansion)
);

INSERT INTO search_synonym (term, expansion, note) VALUES
	('sexting', 'naaktfoto', 'sexting: het delen van naaktbeelden'),
	('sexting', 'sextortion', 'afpersing met naaktbeelden volgt vaak op sexting'),
	('sexting', 'seksualiteit online', NULL),
	('sexting', 'online veiligheid', NULL),
	('loverboy', 'loverboys', NULL),
	('loverboy', 'pooierboy', 'de nieuwere naam voor loverboy'),
	('loverboy', 'seksuele uitbuiting', 'de werkwijze van een loverboy'),
	('loverboy', 'mensenhandel', NULL),
	('loverboys', 'pooierboy', NULL),
	('loverboys', 'seksuele uitbuiting', NULL),
	('pooierboy', 'loverboy', NULL),
	('grooming', 'sextortion', NULL),
	('grooming', 'online lokken', NULL),
	('grooming', 'kinderlokken', NULL),
	('weerbaarheid', 'weerbaar', NULL),
	('weerbaarheid', 'grenzen', 'grenzen aangeven is de kern van weerbaarheid'),
	('weerbaar', 'weerbaarheid', NULL),
	('mediawijsheid', 'mediawijs', NULL),
	('mediawijsheid', 'mediageletterdheid', NULL),
	('mediawijsheid', 'online veiligheid', NULL),
	('mediawijsheid', 'digitale geletterdheid', NULL),
	('mediawijs', 'mediawijsheid', NULL),
	('vlaggensysteem', 'vlaggen', NULL),
	('vlaggensysteem', 'seksueel grensoverschrijdend gedrag', 'het Vlaggensysteem beoordeelt seksueel gedrag'),
	('sextortion', 'afpersing', NULL),
	('uitbuiting', 'mensenhandel', NULL),
	('mensenhandel', 'uitbuiting', NULL);

-- The lesson finder by goal gained the unit filters (target_group, kind,
-- school): its earlier signatures go; schema/functions/lessons.sql
-- defines the new ones.
DROP FUNCTION IF EXISTS lessons_find_goal(uuid, text, text, text, text,
    text, integer, text, text, integer, integer);
DROP FUNCTION IF EXISTS lessons_find_goal_general(uuid, text, text, text,
    text, text, integer, text, text, integer, integer);
