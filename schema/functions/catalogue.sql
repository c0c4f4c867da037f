-- functions/catalogue.sql: the curriculum catalogue: touch triggers, the
-- views over alignments, the goal tree check.
--
-- Applied again, as a whole, whenever this file changes or a numbered
-- migration runs (see docs/database.md): every statement must be
-- repeatable (CREATE OR REPLACE; a constraint trigger is dropped first).

-- ---------------------------------------------------------------------------
-- 0002_catalogue.sql — the global curriculum catalogue.
-- (Its tables: schema/migrations/0002_catalogue.sql.)
-- ---------------------------------------------------------------------------

-- The tsquery to use against the search columns.  A query with web-search
-- syntax ("quoted phrase", -word, OR) is read as before: Dutch stemming,
-- accent insensitive.  A plain query is read word by word (AND), and each
-- word (not a stop word) matches its stem, any word that starts with it
-- (compounds: "mediawijsheid" finds "mediawijsheidlessen") and the
-- expansions of search_synonym (as phrases).  STABLE: it reads
-- search_synonym.
CREATE OR REPLACE FUNCTION catalogue_tsquery(p_query text) RETURNS tsquery
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
AS $$
DECLARE
	w text;
	e text;
	t tsquery;
	r tsquery;
BEGIN
	IF p_query ~ '["()]|(^|\s)-\S|\s[Oo][Rr]\s' THEN
		RETURN websearch_to_tsquery('dutch'::regconfig,
		    catalogue_unaccent(p_query));
	END IF;
	FOR w IN SELECT x FROM regexp_split_to_table(
	    lower(catalogue_unaccent(p_query)), '[^a-z0-9]+') AS x
	    WHERE x <> '' LOOP
		IF to_tsvector('dutch'::regconfig, w) = ''::tsvector THEN
			CONTINUE;		-- a stop word
		END IF;
		t := to_tsquery('dutch'::regconfig, w);
		IF length(w) >= 4 THEN
			t := t || to_tsquery('dutch'::regconfig, w || ':*');
		END IF;
		FOR e IN SELECT s.expansion FROM search_synonym s
		    WHERE s.term = w ORDER BY s.expansion LOOP
			t := t || phraseto_tsquery('dutch'::regconfig,
			    catalogue_unaccent(e));
		END LOOP;
		r := CASE WHEN r IS NULL THEN t ELSE r && t END;
	END LOOP;
	IF r IS NULL THEN		-- only stop words: as before
		RETURN websearch_to_tsquery('dutch'::regconfig,
		    catalogue_unaccent(p_query));
	END IF;
	RETURN r;
END
$$;

-- The address of a unit's source: its publisher's page, else its first
-- source, else the address of the source document it comes from.
CREATE OR REPLACE FUNCTION unit_source_address(p_url text, p_urls text[], p_source text)
RETURNS text
LANGUAGE sql STABLE
AS $$
	SELECT coalesce(p_url, p_urls[1], (SELECT d.urls[1]
	    FROM source_document d WHERE d.id = p_source))
$$;

-- Did a row's content change: all of it but updated_at, version and
-- search (generated columns are not computed yet in BEFORE triggers).
CREATE OR REPLACE FUNCTION catalogue_content_changed(p_new jsonb, p_old jsonb)
RETURNS boolean
LANGUAGE sql IMMUTABLE
AS $$
	SELECT (p_new - ARRAY['updated_at', 'version', 'search'])
	    IS DISTINCT FROM (p_old - ARRAY['updated_at', 'version', 'search'])
$$;

-- BEFORE UPDATE: bump updated_at only when the content really changed, so
-- that re-imports of equal data and no-op updates leave rows as they were.
CREATE OR REPLACE FUNCTION catalogue_touch() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF catalogue_content_changed(to_jsonb(NEW), to_jsonb(OLD)) THEN
		NEW.updated_at := now();
	ELSE
		NEW.updated_at := OLD.updated_at;
	END IF;
	RETURN NEW;
END
$$;

-- The version and updated_at of a row of a table with a version in a
-- BEFORE UPDATE (p_new, p_old: the row after and before, as JSON): as
-- catalogue_touch, but a version the writer changed is kept even when
-- nothing else changed, and a change of content that left the version as
-- it was raises it by one.
CREATE OR REPLACE FUNCTION catalogue_version_touch(p_new jsonb, p_old jsonb,
    OUT version integer, OUT updated_at timestamptz)
LANGUAGE sql STABLE
AS $$
	SELECT CASE WHEN x.changed AND x.nv = x.ov THEN x.ov + 1 ELSE x.nv END,
	    CASE WHEN NOT x.changed AND x.nv = x.ov
		THEN (p_old ->> 'updated_at')::timestamptz ELSE now() END
	FROM (SELECT catalogue_content_changed(p_new, p_old) AS changed,
	    (p_new ->> 'version')::integer AS nv,
	    (p_old ->> 'version')::integer AS ov) x
$$;

-- As in 0002, but a version the writer changed is kept even when nothing
-- else changed.
CREATE OR REPLACE FUNCTION catalogue_lesson_touch() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	SELECT t.version, t.updated_at INTO NEW.version, NEW.updated_at
	FROM catalogue_version_touch(to_jsonb(NEW), to_jsonb(OLD)) t;
	RETURN NEW;
END
$$;

-- Every level with itself and the levels it covers.
CREATE OR REPLACE VIEW level_span AS
	SELECT id AS level_id, id AS covered_level_id FROM level
	UNION
	SELECT level_id, member_level_id FROM level_member;

-- ---------------------------------------------------------------------------
-- updated_at / version triggers
-- ---------------------------------------------------------------------------

CREATE OR REPLACE TRIGGER source_document_touch BEFORE UPDATE ON source_document
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();

CREATE OR REPLACE TRIGGER evidence_level_touch BEFORE UPDATE ON evidence_level
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();

CREATE OR REPLACE TRIGGER stage_touch BEFORE UPDATE ON stage
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();

CREATE OR REPLACE TRIGGER level_touch BEFORE UPDATE ON level
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();

CREATE OR REPLACE TRIGGER framework_touch BEFORE UPDATE ON framework
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();

CREATE OR REPLACE TRIGGER slo_group_touch BEFORE UPDATE ON slo_group
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();

CREATE OR REPLACE TRIGGER goal_touch BEFORE UPDATE ON goal
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();

CREATE OR REPLACE TRIGGER goal_relation_touch BEFORE UPDATE ON goal_relation
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();

CREATE OR REPLACE TRIGGER provider_touch BEFORE UPDATE ON provider
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();

CREATE OR REPLACE TRIGGER programme_touch BEFORE UPDATE ON programme
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();

CREATE OR REPLACE TRIGGER help_resource_touch BEFORE UPDATE ON help_resource
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();

CREATE OR REPLACE TRIGGER lesson_touch BEFORE UPDATE ON lesson
	FOR EACH ROW EXECUTE FUNCTION catalogue_lesson_touch();

CREATE OR REPLACE TRIGGER alignment_touch BEFORE UPDATE ON alignment
	FOR EACH ROW EXECUTE FUNCTION catalogue_touch();

-- ---------------------------------------------------------------------------
-- Views for the API
-- ---------------------------------------------------------------------------

-- Each lesson's programme and all programmes above it.
CREATE OR REPLACE VIEW lesson_programme_chain AS
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
CREATE OR REPLACE VIEW lesson_alignment AS
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

-- ---------------------------------------------------------------------------
-- 0021 catalogue writes: rules that every writer of the catalogue must keep,
-- not only the curators' API.
--
-- 1. A goal's parent is a goal of the same framework, and a goal is never
--    its own ancestor (the tree stays a tree). Refusals use SQLSTATE LL422
--    (see api_checks.sql) with the API field in COLUMN, so that the API
--    can name the field.
-- 2. The lesson version (ETag) is kept when the writer raised it itself,
--    also when no column of the lesson row changed: the API raises it when
--    only the lesson's levels change, which live in lesson_level.
-- ---------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION catalogue_goal_tree_check() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	parent_framework uuid;
	cur uuid;
	depth integer := 0;
BEGIN
	IF NEW.parent_id IS NULL THEN
		RETURN NULL;
	END IF;
	SELECT framework_id INTO parent_framework FROM goal
	WHERE id = NEW.parent_id;
	IF parent_framework IS DISTINCT FROM NEW.framework_id THEN
		RAISE EXCEPTION USING ERRCODE = 'LL422', COLUMN = 'parent_id',
		    MESSAGE = 'het bovenliggende doel bestaat niet in dit kader';
	END IF;
	IF TG_OP = 'UPDATE' THEN
		cur := NEW.parent_id;
		WHILE cur IS NOT NULL LOOP
			IF cur = NEW.id OR depth > 64 THEN
				RAISE EXCEPTION USING ERRCODE = 'LL422',
				    COLUMN = 'parent_id',
				    MESSAGE = 'het bovenliggende doel mag niet het '
					'doel zelf of een doel eronder zijn';
			END IF;
			SELECT parent_id INTO cur FROM goal WHERE id = cur;
			depth := depth + 1;
		END LOOP;
	END IF;
	RETURN NULL;
END
$$;

-- AFTER triggers run at the end of the statement, when every row of a
-- multi-row import is in place (a parent may come in the same statement).
CREATE OR REPLACE TRIGGER goal_tree_check_insert AFTER INSERT ON goal
	FOR EACH ROW WHEN (NEW.parent_id IS NOT NULL)
	EXECUTE FUNCTION catalogue_goal_tree_check();

CREATE OR REPLACE TRIGGER goal_tree_check_update AFTER UPDATE OF parent_id, framework_id
	ON goal FOR EACH ROW
	WHEN (NEW.parent_id IS DISTINCT FROM OLD.parent_id
	    OR NEW.framework_id IS DISTINCT FROM OLD.framework_id)
	EXECUTE FUNCTION catalogue_goal_tree_check();

-- A goal lies at most 64 levels deep (the goal tree of the API nests that
-- far): deeper is refused when it is written, never cut when it is read.
CREATE OR REPLACE FUNCTION goal_depth_max() RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT 64 $$;

CREATE OR REPLACE FUNCTION goal_depth_check() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	above integer;
	below integer;
BEGIN
	IF NEW.parent_id IS NULL THEN
		RETURN NEW;
	END IF;
	-- The levels above the new place, and the levels of the subtree.
	WITH RECURSIVE up (id, d) AS (
		SELECT NEW.parent_id, 1
		UNION ALL SELECT g.parent_id, up.d + 1 FROM goal g JOIN up
		    ON g.id = up.id
		WHERE g.parent_id IS NOT NULL AND up.d <= goal_depth_max())
	SELECT max(d) INTO above FROM up;
	below := 1;
	IF TG_OP = 'UPDATE' THEN
		WITH RECURSIVE down (id, d) AS (
			SELECT NEW.id, 1
			UNION ALL SELECT g.id, down.d + 1 FROM goal g JOIN down
			    ON g.parent_id = down.id
			WHERE down.d <= goal_depth_max())
		SELECT max(d) INTO below FROM down;
	END IF;
	IF above + below > goal_depth_max() THEN
		RAISE EXCEPTION USING ERRCODE = 'LL422', COLUMN = 'parent_id',
		    MESSAGE = 'een leerdoel ligt hoogstens ' ||
			goal_depth_max() || ' niveaus diep';
	END IF;
	RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER goal_depth_check BEFORE INSERT OR UPDATE OF parent_id ON goal
FOR EACH ROW EXECUTE FUNCTION goal_depth_check();
