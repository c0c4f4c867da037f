-- 0040_case.sql — IMS CASE 1.0: the provider's documents and the package
-- importer.
--
-- Every framework is a CFDocument (identifier = framework.id), every goal a
-- CFItem (identifier = goal.id: SLO's own UUIDs for SLO goals, our stable
-- catalogue_uuid() ones otherwise).  Associations come from four places:
--   * goal.parent_id: the isChildOf association of a goal to its primary
--     parent (or to the CFDocument for top-level goals), sequenceNumber =
--     position + 1, identifier catalogue_uuid('case:isChildOf:' || goal id)
--     unless an imported package named it (goal.case_parent_association_id);
--   * goal_relation: extra parents (isChildOf) and crosswalks;
--   * lesson_alignment: "exemplar" associations from a goal to a lesson;
--   * case_association: associations of imported packages that point at
--     something outside the catalogue (an exemplar resource).
-- Members of an imported package that have no column of their own are kept
-- in the case_* jsonb columns and served again, so that a package survives
-- an import unchanged.
--
-- The export functions take the public base URL (LEERLIJN_BASE_URL) so that
-- every uri is absolute.  Items carry a "_levels" member that the C side
-- (case_export.c) turns into CASE educationLevel values (case_level.c).
--
-- Applied inside one transaction by the migration runner: no BEGIN/COMMIT.
--
-- Its functions, views and triggers: schema/functions/case.sql.
-- ---------------------------------------------------------------------------
-- Schema
-- ---------------------------------------------------------------------------

-- 'case': the identifier came from an imported CASE package.  Such packages
-- may repeat a humanCodingScheme, as SLO does: identity is the UUID.
ALTER TABLE goal DROP CONSTRAINT goal_id_origin_check;
ALTER TABLE goal ADD CONSTRAINT goal_id_origin_check
	CHECK (id_origin IN ('slo', 'derived', 'manual', 'case'));
DROP INDEX goal_framework_code_key;
CREATE UNIQUE INDEX goal_framework_code_key ON goal (framework_id, code)
	WHERE id_origin NOT IN ('slo', 'case');

-- Members of an imported CFDocument / CFItem / CFAssociation that the
-- catalogue has no column for, exactly as the package gave them.
ALTER TABLE framework ADD COLUMN case_document jsonb
	CHECK (case_document IS NULL OR jsonb_typeof(case_document) = 'object');
ALTER TABLE goal ADD COLUMN case_item jsonb
	CHECK (case_item IS NULL OR jsonb_typeof(case_item) = 'object');
-- The identifier an imported package gave the isChildOf association to the
-- goal's primary parent (NULL: the derived one).
ALTER TABLE goal ADD COLUMN case_parent_association_id uuid UNIQUE;
-- Other members of that association (CFAssociationGroupingURI, extensions).
ALTER TABLE goal ADD COLUMN case_parent_extra jsonb
	CHECK (case_parent_extra IS NULL OR jsonb_typeof(case_parent_extra) = 'object');
ALTER TABLE goal_relation ADD COLUMN case_extra jsonb
	CHECK (case_extra IS NULL OR jsonb_typeof(case_extra) = 'object');

CREATE FUNCTION case_child_association_id(p_goal uuid) RETURNS uuid
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT catalogue_uuid('case:isChildOf:' || p_goal::text) $$;

CREATE INDEX goal_case_child_association_idx
	ON goal (case_child_association_id(id));

-- CFDefinitions (and CFRubrics) of imported packages, without uri and
-- lastChangeDateTime (which the provider sets).
CREATE TABLE case_definition (
	id		uuid PRIMARY KEY,
	framework_id	uuid NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
	kind		text NOT NULL CHECK (kind IN ('CFConcepts', 'CFSubjects',
			    'CFLicenses', 'CFItemTypes', 'CFAssociationGroupings',
			    'CFRubrics')),
	position	integer NOT NULL CHECK (position >= 0),
	doc		jsonb NOT NULL CHECK (jsonb_typeof(doc) = 'object'),
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_definition_framework_idx ON case_definition (framework_id, kind);

-- Associations of imported packages whose destination is not a goal of the
-- catalogue (exemplar resources).  destination is the LinkGenURI as given.
CREATE TABLE case_association (
	id		uuid PRIMARY KEY,
	framework_id	uuid NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
	origin_goal_id	uuid NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
	association_type text NOT NULL CHECK (association_type IN ('isChildOf',
			    'isPeerOf', 'isPartOf', 'exactMatchOf', 'precedes',
			    'isRelatedTo', 'replacedBy', 'exemplar',
			    'hasSkillLevel')),
	destination	jsonb NOT NULL CHECK (jsonb_typeof(destination) = 'object'
			    AND destination ? 'identifier' AND destination ? 'uri'
			    AND destination ? 'title'),
	sequence_number	integer,
	extra		jsonb CHECK (extra IS NULL OR jsonb_typeof(extra) = 'object'),
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_association_framework_idx ON case_association (framework_id);
CREATE INDEX case_association_origin_idx ON case_association (origin_goal_id);

-- The licences of frameworks whose data is published under one (SLO's open
-- data: MIT), served as CFLicenses and as the CFDocument's licenseURI.
CREATE TABLE case_license (
	id		uuid PRIMARY KEY,
	title		text NOT NULL CHECK (btrim(title) <> ''),
	description	text,
	license_text	text NOT NULL CHECK (btrim(license_text) <> ''),
	source		text NOT NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE framework ADD COLUMN case_license_id uuid
	REFERENCES case_license (id);
