-- functions/catalogue_generation.sql: the catalogue generation's bump and
-- the triggers that bump it on every table a cached catalogue read
-- depends on (the table: schema/migrations/0120_catalogue_generation.sql).
--
-- Applied again, as a whole, whenever this file changes or a numbered
-- migration runs (see docs/database.md): every statement is repeatable.
--
-- A new table that catalogue reads depend on is added to the list at the
-- end of this file; a catalogue read that depends on anything else must
-- not be in the response cache's route list (api/http/cache_http.c).
-- Concurrent catalogue writers queue on the one row until the first
-- commits: the catalogue changes a few times a day.

CREATE OR REPLACE FUNCTION catalogue_generation_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	g	bigint;
BEGIN
	-- Once per transaction (the setting is local to it, and to a
	-- savepoint that is rolled back with the bump).
	IF current_setting('leerlijn.catalogue_bumped', true) = 'on' THEN
		RETURN NULL;
	END IF;
	UPDATE catalogue_generation SET generation = generation + 1
	    RETURNING generation INTO g;
	PERFORM set_config('leerlijn.catalogue_bumped', 'on', true);
	PERFORM pg_notify('leerlijn_catalogue', g::text);
	RETURN NULL;
END
$$;

-- The two statement-level triggers of table t (replaced when there).
CREATE OR REPLACE FUNCTION catalogue_watch(t regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('CREATE OR REPLACE TRIGGER catalogue_generation_bump '
	    'AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH STATEMENT '
	    'EXECUTE FUNCTION catalogue_generation_bump()', t);
	PERFORM statement_triggers_attach(t, '{TRUNCATE}',
	    '{catalogue_generation_truncate}', 'catalogue_generation_bump');
END
$$;

-- Every table a public catalogue, calendar or CASE read depends on.
SELECT catalogue_watch(t) FROM unnest(ARRAY[
	'source_document', 'evidence_level', 'stage', 'level', 'level_member',
	'level_alias', 'framework', 'slo_group', 'goal', 'goal_level',
	'goal_relation', 'goal_replaced_id', 'provider', 'programme',
	'programme_provider', 'programme_level', 'programme_mention',
	'help_resource', 'lesson', 'lesson_level', 'lesson_help_resource',
	'alignment', 'lesson_warning', 'lesson_goal_reach', 'school_year',
	'school_holiday', 'case_definition', 'case_association',
	'case_license', 'search_synonym'
]::regclass[]) AS t;
