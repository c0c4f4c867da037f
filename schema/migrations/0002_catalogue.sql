-- 0002_catalogue.sql — the global curriculum catalogue.
--
-- Frameworks and their goals (with levels and CASE-typed relations), the level
-- vocabulary grouped in stages, programmes and providers, lessons, alignments
-- lesson/programme <-> goal, and the data-quality view alignment_warning.
--
-- Applied by the migration runner inside one transaction: no BEGIN/COMMIT here.
-- Relies on 0001_foundation.sql for the extensions unaccent and pgcrypto.
-- The catalogue is global (no school_id); tenant tables reference it.
--
-- Its functions, views and triggers: schema/functions/catalogue.sql.
-- ---------------------------------------------------------------------------
-- Helper functions
-- ---------------------------------------------------------------------------

-- unaccent() is only STABLE (it reads a dictionary chosen by search_path);
-- this wrapper names the dictionary explicitly and is declared IMMUTABLE so it
-- can be used in generated columns and index expressions.
CREATE FUNCTION catalogue_unaccent(p text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, p) $$;

-- Text for comparisons of labels and titles: unaccented, lower case, without
-- punctuation, single spaces.
CREATE FUNCTION catalogue_norm(p text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	SELECT btrim(regexp_replace(
	    regexp_replace(lower(catalogue_unaccent(p)), '[^a-z0-9]+', ' ', 'g'),
	    '\s+', ' ', 'g'))
$$;

-- Deterministic identifiers for rows that have no published UUID: an RFC 4122
-- version-3 (MD5, name-based) UUID of 'urn:leerlijn:' || key in the URL
-- namespace. Keys look like 'goal:CNU-DG-2019:DG2.1'; the same key always
-- gives the same UUID, so re-imports and fresh databases agree.
CREATE FUNCTION catalogue_uuid(p_key text) RETURNS uuid
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	SELECT (substr(h, 1, 12) || '3' || substr(h, 14, 3)
	    || to_hex((('x' || substr(h, 17, 1))::bit(4)::int & 3) | 8)
	    || substr(h, 18, 15))::uuid
	FROM (SELECT md5(decode('6ba7b8119dad11d180b400c04fd430c8', 'hex')
	    || convert_to('urn:leerlijn:' || p_key, 'UTF8')) AS h) s
$$;

-- Strings of a text array joined by spaces (array_to_string is only STABLE).
CREATE FUNCTION catalogue_text_join(p text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT coalesce(string_agg(x, ' '), '') FROM unnest(p) AS x $$;

-- All string values inside a JSON document, joined by spaces.
CREATE FUNCTION catalogue_jsonb_text(p jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT coalesce(string_agg(v #>> '{}', ' '), '')
	FROM jsonb_path_query(coalesce(p, 'null'::jsonb),
	    'strict $.** ? (@.type() == "string")') AS v
$$;

-- ---------------------------------------------------------------------------
-- Vocabularies
-- ---------------------------------------------------------------------------

-- Where a piece of data was published: the two source documents and the
-- researched pages. Rows are seeded; other tables keep a free-text source too.
CREATE TABLE source_document (
	id		text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
	title		text NOT NULL CHECK (btrim(title) <> ''),
	description	text,
	urls		text[] NOT NULL DEFAULT '{}',
	note		text,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);

-- Erkenning van interventies (Samenwerkingsverband Erkenning van Interventies)
-- plus 'unknown' for "the source is silent".
CREATE TABLE evidence_level (
	code		text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9-]+$'),
	title		text NOT NULL,
	title_en	text,
	rank		smallint CHECK (rank BETWEEN 0 AND 9),
	source_url	text,
	confidence	text NOT NULL CHECK (confidence IN ('verbatim', 'paraphrase', 'inferred')),
	note		text,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);

INSERT INTO evidence_level (code, title, title_en, rank, confidence, note)
VALUES ('unknown', 'Onbekend', 'Unknown', NULL, 'verbatim',
    'De bron noemt geen erkenningsniveau (niet: "niet erkend").');

-- Stages group school years: onderbouw po, bovenbouw po, onderbouw vo, ...
CREATE TABLE stage (
	code		text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]*$'),
	title		text NOT NULL,
	sector		text NOT NULL CHECK (sector IN ('po', 'so', 'vo', 'vso', 'mbo')),
	sort_order	integer NOT NULL UNIQUE,
	description	text,
	source_url	text,
	note		text,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);

-- Levels: SLO's niveau vocabulary (SLO UUIDs kept as id) plus mbo and our
-- few own entries. year_ordinal counts school years from groep 1 (= 1) to
-- vo leerjaar 6 (= 14): groep n = n, vo leerjaar n = 8 + n. It is NULL for
-- levels that are not one school year (sectors, fases, profiles, mbo, ERK).
-- sort_order is a total display order of the plannable levels.
CREATE TABLE level (
	id		uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	id_origin	text NOT NULL CHECK (id_origin IN ('slo', 'derived', 'manual')),
	code		text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]*$'),
	title		text NOT NULL CHECK (btrim(title) <> ''),
	description	text,
	kind		text NOT NULL CHECK (kind IN ('sector', 'opleiding',
			    'leerjaar', 'fase', 'beheersingsniveau',
			    'referentieniveau', 'uitstroomprofiel',
			    'mbo-niveau', 'mbo-leerweg', 'overig')),
	slo_type	text,
	slo_prefix	text,
	stage_code	text REFERENCES stage (code),
	year_ordinal	smallint CHECK (year_ordinal BETWEEN 1 AND 14),
	sort_order	integer UNIQUE,
	plannable	boolean NOT NULL DEFAULT false,
	status		text NOT NULL DEFAULT 'current'
			    CHECK (status IN ('current', 'deprecated')),
	source		text NOT NULL,
	source_url	text,
	confidence	text NOT NULL CHECK (confidence IN ('verbatim', 'paraphrase', 'inferred')),
	note		text,
	source_record	jsonb,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	CHECK (NOT plannable OR sort_order IS NOT NULL)
);
CREATE INDEX level_year_idx ON level (year_ordinal);
CREATE INDEX level_stage_idx ON level (stage_code);

-- Which school-year (or sub-) levels an aggregate level covers:
-- po -> groep 1..8, ob vo -> vmbo 1-2 + havo/vwo 1-3, ...
CREATE TABLE level_member (
	level_id	uuid NOT NULL REFERENCES level (id) ON DELETE CASCADE,
	member_level_id	uuid NOT NULL REFERENCES level (id) ON DELETE CASCADE,
	note		text,
	PRIMARY KEY (level_id, member_level_id),
	CHECK (level_id <> member_level_id)
);

-- Level names as they appear in published sources ("fase 3: onderbouw vo
-- (klas 1-2)", "VO 2", "(v)so") mapped to levels; one alias may mean several.
CREATE TABLE level_alias (
	alias		text NOT NULL CHECK (btrim(alias) <> ''),
	level_id	uuid NOT NULL REFERENCES level (id) ON DELETE CASCADE,
	note		text,
	PRIMARY KEY (alias, level_id)
);

-- ---------------------------------------------------------------------------
-- Frameworks and goals
-- ---------------------------------------------------------------------------

CREATE TABLE framework (
	id		uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	code		text NOT NULL UNIQUE
			    CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
	kind		text NOT NULL DEFAULT 'goals'
			    CHECK (kind IN ('goals', 'vocabulary')),
	title		text NOT NULL CHECK (btrim(title) <> ''),
	title_en	text,
	publisher	text,
	year		smallint CHECK (year BETWEEN 1900 AND 2100),
	version		text,
	versions	jsonb CHECK (versions IS NULL OR jsonb_typeof(versions) = 'array'),
	legal_basis	text,
	code_scheme	text,
	language	text NOT NULL DEFAULT 'nl' CHECK (language ~ '^[a-z]{2}$'),
	status		text NOT NULL CHECK (status IN ('adopted', 'concept', 'deprecated')),
	status_note	text,
	source		text NOT NULL,
	source_url	text,
	data_source	text,
	note		text,
	source_record	jsonb,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);

-- Groups of SLO's kerndoelen data (kerndoelen.domeinen.json and
-- kerndoelen.vakleergebieden.json) as published, with SLO's UUIDs. They are
-- shared by po, vo, so and vso; the goal tree of each framework gets its own
-- grouping goals derived from them (goal.slo_group_id).
CREATE TABLE slo_group (
	id		uuid PRIMARY KEY,
	kind		text NOT NULL CHECK (kind IN ('domein', 'vakleergebied')),
	title		text NOT NULL,
	description	text,
	replaces	uuid[] NOT NULL DEFAULT '{}',
	file_position	integer NOT NULL CHECK (file_position >= 1),
	status		text NOT NULL DEFAULT 'current'
			    CHECK (status IN ('current', 'deprecated')),
	source		text NOT NULL,
	source_record	jsonb NOT NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE goal (
	id		uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	-- 'slo': id is SLO's UUID; 'derived': catalogue_uuid('goal:FW:CODE');
	-- 'manual': made by a curator.
	id_origin	text NOT NULL CHECK (id_origin IN ('slo', 'derived', 'manual')),
	framework_id	uuid NOT NULL REFERENCES framework (id),
	code		text CHECK (code IS NULL OR btrim(code) <> ''),
	kind		text NOT NULL CHECK (btrim(kind) <> ''),
	title		text NOT NULL CHECK (btrim(title) <> ''),
	title_en	text,
	description	text,
	alt_titles	text[] NOT NULL DEFAULT '{}',
	parent_id	uuid REFERENCES goal (id),
	position	integer NOT NULL DEFAULT 0 CHECK (position >= 0),
	status		text NOT NULL DEFAULT 'current'
			    CHECK (status IN ('current', 'deprecated')),
	slo_group_id	uuid REFERENCES slo_group (id),
	source		text NOT NULL CHECK (btrim(source) <> ''),
	source_url	text,
	confidence	text NOT NULL CHECK (confidence IN ('verbatim', 'paraphrase', 'inferred')),
	code_confidence	text CHECK (code_confidence IN ('verbatim', 'paraphrase', 'inferred')),
	note		text,
	source_record	jsonb,
	search		tsvector GENERATED ALWAYS AS (
			    setweight(to_tsvector('dutch'::regconfig,
				catalogue_unaccent(coalesce(code, '') || ' ' || title)), 'A') ||
			    setweight(to_tsvector('dutch'::regconfig,
				catalogue_unaccent(coalesce(description, '') || ' ' ||
				catalogue_text_join(alt_titles))), 'B')) STORED,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	CHECK (parent_id IS NULL OR parent_id <> id)
);
-- SLO's prefixes repeat inside some leerdoelenkaarten (their identity is the
-- UUID); every other framework has unique codes.
CREATE UNIQUE INDEX goal_framework_code_key ON goal (framework_id, code)
	WHERE id_origin <> 'slo';
CREATE INDEX goal_framework_code_idx ON goal (framework_id, code);
CREATE INDEX goal_code_idx ON goal (code);
CREATE INDEX goal_tree_idx ON goal (framework_id, parent_id, position);
CREATE INDEX goal_parent_idx ON goal (parent_id);
CREATE INDEX goal_source_idx ON goal (source);
CREATE INDEX goal_search_idx ON goal USING gin (search);

CREATE TABLE goal_level (
	goal_id		uuid NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
	level_id	uuid NOT NULL REFERENCES level (id),
	PRIMARY KEY (goal_id, level_id)
);
CREATE INDEX goal_level_level_idx ON goal_level (level_id);

-- Relations between goals, typed as CASE 1.0 CFAssociation associationType.
-- goal.parent_id is a goal's primary parent; isChildOf rows hold the extra
-- parents of goals that SLO files under more than one group.
CREATE TABLE goal_relation (
	id		uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	origin_goal_id	uuid NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
	relation_type	text NOT NULL CHECK (relation_type IN ('isChildOf',
			    'isPeerOf', 'isPartOf', 'exactMatchOf', 'precedes',
			    'isRelatedTo', 'replacedBy', 'exemplar',
			    'hasSkillLevel')),
	destination_goal_id uuid NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
	sequence_number	integer,
	source		text NOT NULL,
	confidence	text NOT NULL CHECK (confidence IN ('verbatim', 'paraphrase', 'inferred')),
	note		text,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	UNIQUE (origin_goal_id, relation_type, destination_goal_id),
	CHECK (origin_goal_id <> destination_goal_id)
);
CREATE INDEX goal_relation_destination_idx ON goal_relation (destination_goal_id);

-- SLO's "replaces": an old SLO UUID that a current goal replaces. Lookups by
-- an old UUID resolve through this table; when the old goal itself is in the
-- catalogue it is marked deprecated and linked with replacedBy.
CREATE TABLE goal_replaced_id (
	old_id		uuid NOT NULL,
	goal_id		uuid NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
	source		text NOT NULL,
	PRIMARY KEY (old_id, goal_id)
);
CREATE INDEX goal_replaced_id_goal_idx ON goal_replaced_id (goal_id);

-- ---------------------------------------------------------------------------
-- Programmes, providers, lessons
-- ---------------------------------------------------------------------------

CREATE TABLE provider (
	id		uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	name		text NOT NULL UNIQUE CHECK (btrim(name) <> ''),
	url		text,
	note		text,
	source		text NOT NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE programme (
	id		uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	code		text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
	parent_id	uuid REFERENCES programme (id),
	title		text NOT NULL CHECK (btrim(title) <> ''),
	subtitle	text,
	kind		text,
	description	text,
	target_group	text,
	target_group_detail jsonb,
	themes		text[] NOT NULL DEFAULT '{}',
	evidence_level_code text NOT NULL DEFAULT 'unknown'
			    REFERENCES evidence_level (code),
	evidence_note	text,
	year		smallint CHECK (year BETWEEN 1900 AND 2100),
	language	text NOT NULL DEFAULT 'nl' CHECK (language ~ '^[a-z]{2}$'),
	url		text,
	source		text NOT NULL CHECK (btrim(source) <> ''),
	source_urls	text[] NOT NULL DEFAULT '{}',
	confidence	text NOT NULL CHECK (confidence IN ('verbatim', 'paraphrase', 'inferred')),
	note		text,
	source_record	jsonb,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX programme_parent_idx ON programme (parent_id);
CREATE INDEX programme_themes_idx ON programme USING gin (themes);

CREATE TABLE programme_provider (
	programme_id	uuid NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
	provider_id	uuid NOT NULL REFERENCES provider (id),
	position	integer NOT NULL CHECK (position >= 0),
	name_as_published text NOT NULL,
	source		text NOT NULL,
	PRIMARY KEY (programme_id, provider_id)
);
CREATE INDEX programme_provider_provider_idx ON programme_provider (provider_id);

CREATE TABLE programme_level (
	programme_id	uuid NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
	level_id	uuid NOT NULL REFERENCES level (id),
	PRIMARY KEY (programme_id, level_id)
);

-- A programme named in a source document, with the passage that names it.
CREATE TABLE programme_mention (
	programme_id	uuid NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
	source_document_id text NOT NULL REFERENCES source_document (id),
	quote		text NOT NULL CHECK (btrim(quote) <> ''),
	PRIMARY KEY (programme_id, source_document_id)
);

CREATE TABLE help_resource (
	id		uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	name		text NOT NULL UNIQUE CHECK (btrim(name) <> ''),
	as_printed	text,
	url		text,
	description	text,
	source		text NOT NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE lesson (
	id		uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	code		text UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
	programme_id	uuid REFERENCES programme (id),
	position	integer CHECK (position >= 1),
	title		text NOT NULL CHECK (btrim(title) <> ''),
	-- true when the source gives no title and title is a stand-in ("Les 1")
	title_is_placeholder boolean NOT NULL DEFAULT false,
	title_note	text,
	summary		text,
	summary_note	text,
	duration_minutes integer CHECK (duration_minutes BETWEEN 1 AND 1440),
	duration_note	text,
	themes		text[] NOT NULL DEFAULT '{}',
	format		text,
	language	text NOT NULL DEFAULT 'nl' CHECK (language ~ '^[a-z]{2}$'),
	levels_as_published text,
	source		text NOT NULL CHECK (btrim(source) <> ''),
	source_url	text,
	evidence_level_code text NOT NULL DEFAULT 'unknown'
			    REFERENCES evidence_level (code),
	evidence_note	text,
	-- the kernboodschappen as published: [{number, title, text?, items?, ...}]
	key_messages	jsonb NOT NULL DEFAULT '[]'
			    CHECK (jsonb_typeof(key_messages) = 'array'),
	teacher_preparation text,
	safety_intro	text,
	safety_quote	text,
	safety_checklist text[] NOT NULL DEFAULT '{}',
	sensitive_topic	boolean NOT NULL DEFAULT false,
	status		text NOT NULL DEFAULT 'draft'
			    CHECK (status IN ('draft', 'published')),
	version		integer NOT NULL DEFAULT 1 CHECK (version >= 1),
	note		text,
	search		tsvector GENERATED ALWAYS AS (
			    setweight(to_tsvector('dutch'::regconfig,
				catalogue_unaccent(title)), 'A') ||
			    setweight(to_tsvector('dutch'::regconfig,
				catalogue_unaccent(coalesce(summary, '') || ' ' ||
				catalogue_text_join(themes))), 'B') ||
			    setweight(to_tsvector('dutch'::regconfig,
				catalogue_unaccent(catalogue_jsonb_text(key_messages) || ' ' ||
				catalogue_text_join(safety_checklist))), 'C')) STORED,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	UNIQUE (programme_id, position),
	CHECK (position IS NULL OR programme_id IS NOT NULL)
);
CREATE INDEX lesson_programme_idx ON lesson (programme_id);
CREATE INDEX lesson_search_idx ON lesson USING gin (search);
CREATE INDEX lesson_themes_idx ON lesson USING gin (themes);
CREATE INDEX lesson_status_idx ON lesson (status);

CREATE TABLE lesson_level (
	lesson_id	uuid NOT NULL REFERENCES lesson (id) ON DELETE CASCADE,
	level_id	uuid NOT NULL REFERENCES level (id),
	PRIMARY KEY (lesson_id, level_id)
);
CREATE INDEX lesson_level_level_idx ON lesson_level (level_id);

CREATE TABLE lesson_help_resource (
	lesson_id	uuid NOT NULL REFERENCES lesson (id) ON DELETE CASCADE,
	help_resource_id uuid NOT NULL REFERENCES help_resource (id),
	position	integer NOT NULL CHECK (position >= 1),
	PRIMARY KEY (lesson_id, help_resource_id),
	UNIQUE (lesson_id, position)
);

-- ---------------------------------------------------------------------------
-- Alignments
-- ---------------------------------------------------------------------------

-- A claim that a lesson (or a whole programme/pack, when the source does not
-- say which lesson) serves a goal. published_label keeps the label exactly as
-- the source printed it; published_code the code it printed (NULL when it
-- printed none). Programme-level alignments hold for each lesson of the
-- programme (view lesson_alignment).
CREATE TABLE alignment (
	id		uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	lesson_id	uuid REFERENCES lesson (id) ON DELETE CASCADE,
	programme_id	uuid REFERENCES programme (id) ON DELETE CASCADE,
	goal_id		uuid NOT NULL REFERENCES goal (id),
	emphasis	text CHECK (emphasis IN ('introduce', 'practise', 'deepen')),
	position	integer CHECK (position >= 1),
	published_label	text CHECK (published_label IS NULL OR btrim(published_label) <> ''),
	published_code	text,
	published_context text,
	source		text NOT NULL CHECK (btrim(source) <> ''),
	source_url	text,
	confidence	text NOT NULL CHECK (confidence IN ('verbatim', 'paraphrase', 'inferred')),
	note		text,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	CHECK (num_nonnulls(lesson_id, programme_id) = 1),
	CHECK (published_code IS NULL OR published_label IS NOT NULL),
	UNIQUE NULLS NOT DISTINCT (lesson_id, programme_id, goal_id, source)
);
CREATE INDEX alignment_goal_idx ON alignment (goal_id);
CREATE INDEX alignment_lesson_idx ON alignment (lesson_id) WHERE lesson_id IS NOT NULL;
CREATE INDEX alignment_programme_idx ON alignment (programme_id) WHERE programme_id IS NOT NULL;
