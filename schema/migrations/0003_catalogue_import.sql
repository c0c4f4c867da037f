-- 0003_catalogue_import.sql — importers for the catalogue, in PL/pgSQL.
--
-- Each catalogue_import_* function takes one published JSON document as it is
-- (seeds/manifest: `json FUNCTION FILE`) and upserts it. Re-running an import
-- with equal data changes nothing: rows are only updated when their content
-- differs (and catalogue_touch() keeps updated_at then). Rows that a source
-- no longer contains are marked deprecated, never deleted (alignments may
-- point at them). Every row records its source: the seeds-relative file name
-- (e.g. 'slo/kerndoelen.kerndoelen.json') or a source document id.
--
-- Applied inside one transaction by the migration runner: no BEGIN/COMMIT.
--
-- Its functions, views and triggers: schema/functions/catalogue_import.sql.


-- The row shape the goal merge takes (jsonb_populate_recordset).
CREATE TYPE catalogue_goal_in AS (
	id		uuid,
	id_origin	text,
	framework_code	text,
	code		text,
	kind		text,
	title		text,
	title_en	text,
	description	text,
	alt_titles	text[],
	parent_id	uuid,
	position	integer,
	status		text,
	slo_group_id	uuid,
	source_url	text,
	confidence	text,
	code_confidence	text,
	note		text,
	source_record	jsonb
);
