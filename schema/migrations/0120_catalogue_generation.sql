-- 0120 the catalogue generation: one number that changes with the catalogue.
--
-- Every transaction that changes a catalogue table (the API's writes, CASE
-- imports, the seeds, bench generators, a curator adopting a school's
-- unit: whatever the writer) bumps catalogue_generation.generation once,
-- by the statement-level triggers of schema/functions/catalogue_generation.sql,
-- and announces the new number with NOTIFY leerlijn_catalogue (delivered
-- when it commits; nothing when it rolls back). The API's workers LISTEN
-- and drop their cached catalogue answers when the number moves
-- (api/db/catalogue_gen.c, api/http/cache_http.c); the number is also the
-- catalogue answers' ETag.
CREATE TABLE catalogue_generation (
	one		boolean PRIMARY KEY DEFAULT true CHECK (one),
	generation	bigint NOT NULL
);
INSERT INTO catalogue_generation VALUES (true, 1);
