-- 0002_catalogue.sql — the global curriculum catalogue.
--
-- Frameworks and their goals (with levels and CASE-typed relations), the level
-- vocabulary grouped in stages, programmes and providers, lessons, alignments
-- lesson/programme <-> goal, and the data-quality view alignment_warning.
--
-- Applied by the migration runner inside one transaction: no BEGIN/COMMIT here.
-- Relies on 0001_foundation.sql for the extensions unaccent and pgcrypto.
-- The catalogue is global (no school_id); tenant tables reference it.

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

-- The tsquery to use against the search columns: Dutch stemming, accent
-- insensitive, web-search syntax ("quoted phrase", -word, OR).
CREATE FUNCTION catalogue_tsquery(p_query text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT websearch_to_tsquery('dutch'::regconfig, catalogue_unaccent(p_query)) $$;

-- BEFORE UPDATE: bump updated_at only when the content really changed, so
-- that re-imports of equal data and no-op updates leave rows as they were.
-- (Generated columns are not computed yet in BEFORE triggers: 'search' is
-- left out of the comparison.)
CREATE FUNCTION catalogue_touch() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	skip constant text[] := ARRAY['updated_at', 'version', 'search'];
BEGIN
	IF (to_jsonb(NEW) - skip) IS NOT DISTINCT FROM (to_jsonb(OLD) - skip) THEN
		NEW.updated_at := OLD.updated_at;
	ELSE
		NEW.updated_at := now();
	END IF;
	RETURN NEW;
END
$$;

-- The same for lesson, which also carries a version for ETag/If-Match:
-- version goes up by one on every real change (unless the writer set it).
CREATE FUNCTION catalogue_lesson_touch() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	skip constant text[] := ARRAY['updated_at', 'version', 'search'];
BEGIN
	IF (to_jsonb(NEW) - skip) IS NOT DISTINCT FROM (to_jsonb(OLD) - skip) THEN
		NEW.updated_at := OLD.updated_at;
		NEW.version := OLD.version;
	ELSE
		NEW.updated_at := now();
		IF NEW.version = OLD.version THEN
			NEW.version := OLD.version + 1;
		END IF;
	END IF;
	RETURN NEW;
END
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

-- Every level with itself and the levels it covers.
CREATE VIEW level_span AS
	SELECT id AS level_id, id AS covered_level_id FROM level
	UNION
	SELECT level_id, member_level_id FROM level_member;

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

-- ---------------------------------------------------------------------------
-- updated_at / version triggers
-- ---------------------------------------------------------------------------

CREATE TRIGGER source_document_touch BEFORE UPDATE ON source_document
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER evidence_level_touch BEFORE UPDATE ON evidence_level
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER stage_touch BEFORE UPDATE ON stage
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER level_touch BEFORE UPDATE ON level
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER framework_touch BEFORE UPDATE ON framework
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER slo_group_touch BEFORE UPDATE ON slo_group
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER goal_touch BEFORE UPDATE ON goal
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER goal_relation_touch BEFORE UPDATE ON goal_relation
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER provider_touch BEFORE UPDATE ON provider
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER programme_touch BEFORE UPDATE ON programme
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER help_resource_touch BEFORE UPDATE ON help_resource
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER lesson_touch BEFORE UPDATE ON lesson
	FOR EACH ROW EXECUTE FUNCTION catalogue_lesson_touch();
CREATE TRIGGER alignment_touch BEFORE UPDATE ON alignment
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();

-- ---------------------------------------------------------------------------
-- Views for the API
-- ---------------------------------------------------------------------------

-- Each lesson's programme and all programmes above it.
CREATE VIEW lesson_programme_chain AS
	WITH RECURSIVE chain (lesson_id, programme_id, depth) AS (
		SELECT l.id, l.programme_id, 0 FROM lesson l
		WHERE l.programme_id IS NOT NULL
		UNION ALL
		SELECT c.lesson_id, p.parent_id, c.depth + 1
		FROM chain c JOIN programme p ON p.id = c.programme_id
		WHERE p.parent_id IS NOT NULL AND c.depth < 16
	)
	SELECT lesson_id, programme_id, depth FROM chain;

-- The alignments that hold for each lesson: its own (scope 'lesson') and
-- those made for its programme or a programme above it (scope 'programme').
-- Use this for "lessons by goal" and for a lesson's goals.
CREATE VIEW lesson_alignment AS
	SELECT a.id AS alignment_id, a.lesson_id, a.goal_id, 'lesson'::text AS scope,
	    NULL::uuid AS programme_id, a.emphasis, a.published_label,
	    a.published_code, a.published_context, a.source, a.confidence, a.note
	FROM alignment a
	WHERE a.lesson_id IS NOT NULL
	UNION ALL
	SELECT a.id, c.lesson_id, a.goal_id, 'programme', a.programme_id,
	    a.emphasis, a.published_label, a.published_code,
	    a.published_context, a.source, a.confidence, a.note
	FROM alignment a
	JOIN lesson_programme_chain c ON c.programme_id = a.programme_id;

-- Data-quality warnings, one row per finding, messages in Dutch.
--   label_code_mismatch   (warning) the published code is not the goal's code
--   label_title_mismatch  (warning) same code, but the published title is not
--                         the goal's title (e.g. "DG5.1 Digitale identiteit")
--   label_text_differs    (info)    no code published and the wording differs
--                         from the goal's title and description
--   level_mismatch        (warning) the goal's levels and the lesson's levels
--                         do not overlap (PO kerndoel on a VO 2-3 lesson)
--   level_partial         (info)    some of the lesson's levels are outside
--                         the goal's levels
--   goal_deprecated       (warning) the goal is deprecated / replaced
--   no_alignment          (warning) a published lesson without any alignment
-- lesson_id is set for every row that concerns a lesson (programme-level
-- alignments give one row per lesson of the programme).
CREATE VIEW alignment_warning AS
WITH la AS (
	SELECT la.*, g.code AS goal_code, g.title AS goal_title,
	    g.description AS goal_description, g.alt_titles, g.status AS goal_status,
	    g.framework_id, f.title AS framework_title,
	    CASE WHEN la.published_code IS NOT NULL
		AND la.published_label LIKE la.published_code || '%'
		THEN btrim(substr(la.published_label, length(la.published_code) + 1))
		ELSE la.published_label END AS label_rest
	FROM lesson_alignment la
	JOIN goal g ON g.id = la.goal_id
	JOIN framework f ON f.id = g.framework_id
),
label_check AS (
	SELECT la.*,
	    catalogue_norm(la.label_rest) IN (
		SELECT catalogue_norm(t) FROM unnest(
		    la.alt_titles || ARRAY[la.goal_title, la.goal_description]) t
		WHERE t IS NOT NULL) AS label_matches
	FROM la
),
goal_years AS (
	SELECT gl.goal_id, ls.covered_level_id
	FROM goal_level gl JOIN level_span ls ON ls.level_id = gl.level_id
),
lesson_years AS (
	SELECT ll.lesson_id, ls.covered_level_id
	FROM lesson_level ll JOIN level_span ls ON ls.level_id = ll.level_id
),
level_check AS (
	SELECT la.alignment_id, la.lesson_id, la.goal_id, la.programme_id,
	    la.goal_code, la.goal_title,
	    (SELECT string_agg(l.title, ', ' ORDER BY l.sort_order NULLS LAST, l.title)
		FROM goal_level gl JOIN level l ON l.id = gl.level_id
		WHERE gl.goal_id = la.goal_id) AS goal_levels,
	    (SELECT coalesce(max(le.levels_as_published),
		string_agg(l.title, ', ' ORDER BY l.sort_order NULLS LAST, l.title))
		FROM lesson_level ll JOIN level l ON l.id = ll.level_id
		JOIN lesson le ON le.id = ll.lesson_id
		WHERE ll.lesson_id = la.lesson_id) AS lesson_levels,
	    EXISTS (SELECT 1 FROM lesson_years ly JOIN goal_years gy
		ON gy.covered_level_id = ly.covered_level_id
		WHERE ly.lesson_id = la.lesson_id AND gy.goal_id = la.goal_id) AS overlap,
	    EXISTS (SELECT 1 FROM lesson_level ll
		WHERE ll.lesson_id = la.lesson_id
		AND NOT EXISTS (SELECT 1 FROM level_span ls
		    JOIN goal_years gy ON gy.covered_level_id = ls.covered_level_id
		    WHERE ls.level_id = ll.level_id AND gy.goal_id = la.goal_id)) AS some_outside
	FROM la
	WHERE EXISTS (SELECT 1 FROM goal_level gl WHERE gl.goal_id = la.goal_id)
	  AND EXISTS (SELECT 1 FROM lesson_level ll WHERE ll.lesson_id = la.lesson_id)
)
SELECT lc.alignment_id, lc.lesson_id, lc.programme_id, lc.goal_id,
    'label_code_mismatch'::text AS code, 'warning'::text AS severity,
    format('Het gepubliceerde label "%s" noemt code %s, maar het gekoppelde doel heeft code %s ("%s").',
	lc.published_label, lc.published_code, coalesce(lc.goal_code, '(geen)'),
	lc.goal_title) AS message
FROM label_check lc
WHERE lc.published_code IS NOT NULL
  AND catalogue_norm(lc.published_code) IS DISTINCT FROM catalogue_norm(lc.goal_code)
UNION ALL
SELECT lc.alignment_id, lc.lesson_id, lc.programme_id, lc.goal_id,
    'label_title_mismatch', 'warning',
    format('Het gepubliceerde label "%s" klopt niet met het kader: %s heet daar "%s"%s.',
	lc.published_label, lc.goal_code, lc.goal_title,
	coalesce((SELECT format('; "%s" is %s', lc.label_rest,
		string_agg(o.code, ', ' ORDER BY o.code))
	    FROM goal o
	    WHERE o.framework_id = lc.framework_id AND o.id <> lc.goal_id
	      AND catalogue_norm(o.title) = catalogue_norm(lc.label_rest)), ''))
FROM label_check lc
WHERE lc.published_code IS NOT NULL
  AND catalogue_norm(lc.published_code) = catalogue_norm(lc.goal_code)
  AND lc.label_rest <> '' AND NOT lc.label_matches
UNION ALL
SELECT lc.alignment_id, lc.lesson_id, lc.programme_id, lc.goal_id,
    'label_text_differs', 'info',
    format('De gepubliceerde formulering "%s" wijkt af van het doel %s"%s"%s.',
	lc.published_label, coalesce(lc.goal_code || ' ', ''), lc.goal_title,
	coalesce(' (tekst: "' || lc.goal_description || '")', ''))
FROM label_check lc
WHERE lc.published_code IS NULL AND lc.published_label IS NOT NULL
  AND NOT lc.label_matches
UNION ALL
SELECT lv.alignment_id, lv.lesson_id, lv.programme_id, lv.goal_id,
    'level_mismatch', 'warning',
    format('Niveau past niet: %s"%s" is bedoeld voor %s; de les is voor %s.',
	coalesce(lv.goal_code || ' ', ''), lv.goal_title, lv.goal_levels,
	lv.lesson_levels)
FROM level_check lv
WHERE NOT lv.overlap
UNION ALL
SELECT lv.alignment_id, lv.lesson_id, lv.programme_id, lv.goal_id,
    'level_partial', 'info',
    format('Niveau deels buiten het doel: %s"%s" is bedoeld voor %s; de les is voor %s.',
	coalesce(lv.goal_code || ' ', ''), lv.goal_title, lv.goal_levels,
	lv.lesson_levels)
FROM level_check lv
WHERE lv.overlap AND lv.some_outside
UNION ALL
SELECT la.alignment_id, la.lesson_id, la.programme_id, la.goal_id,
    'goal_deprecated', 'warning',
    format('Het doel %s"%s" is vervallen%s.', coalesce(la.goal_code || ' ', ''),
	la.goal_title,
	coalesce((SELECT '; vervangen door ' || string_agg(
		coalesce(n.code || ' ', '') || '"' || n.title || '"', ', ')
	    FROM goal_relation r JOIN goal n ON n.id = r.destination_goal_id
	    WHERE r.origin_goal_id = la.goal_id
	      AND r.relation_type = 'replacedBy'), ''))
FROM la
WHERE la.goal_status = 'deprecated'
UNION ALL
SELECT NULL::uuid, l.id, l.programme_id, NULL::uuid,
    'no_alignment', 'warning',
    format('De gepubliceerde les "%s" is aan geen enkel leerdoel gekoppeld.', l.title)
FROM lesson l
WHERE l.status = 'published'
  AND NOT EXISTS (SELECT 1 FROM lesson_alignment la WHERE la.lesson_id = l.id);

-- Warnings of one lesson, warnings first, in a stable order.
CREATE FUNCTION lesson_warnings(p_lesson_id uuid)
RETURNS TABLE (alignment_id uuid, lesson_id uuid, programme_id uuid,
    goal_id uuid, code text, severity text, message text)
LANGUAGE sql STABLE
AS $$
	SELECT w.alignment_id, w.lesson_id, w.programme_id, w.goal_id, w.code,
	    w.severity, w.message
	FROM alignment_warning w
	WHERE w.lesson_id = p_lesson_id
	ORDER BY w.severity = 'info', w.code, w.goal_id, w.alignment_id
$$;
