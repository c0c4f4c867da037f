-- 0021 catalogue writes: rules that every writer of the catalogue must keep,
-- not only the curators' API.
--
-- 1. A goal's parent is a goal of the same framework, and a goal is never
--    its own ancestor (the tree stays a tree). Refusals use SQLSTATE LL422
--    (see 0004_api_checks.sql) with the API field in COLUMN, so that the API
--    can name the field.
-- 2. The lesson version (ETag) is kept when the writer raised it itself,
--    also when no column of the lesson row changed: the API raises it when
--    only the lesson's levels change, which live in lesson_level.

CREATE FUNCTION catalogue_goal_tree_check() RETURNS trigger
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
CREATE TRIGGER goal_tree_check_insert AFTER INSERT ON goal
	FOR EACH ROW WHEN (NEW.parent_id IS NOT NULL)
	EXECUTE FUNCTION catalogue_goal_tree_check();
CREATE TRIGGER goal_tree_check_update AFTER UPDATE OF parent_id, framework_id
	ON goal FOR EACH ROW
	WHEN (NEW.parent_id IS DISTINCT FROM OLD.parent_id
	    OR NEW.framework_id IS DISTINCT FROM OLD.framework_id)
	EXECUTE FUNCTION catalogue_goal_tree_check();

-- As in 0002, but a version the writer changed is kept even when nothing
-- else changed.
CREATE OR REPLACE FUNCTION catalogue_lesson_touch() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	skip constant text[] := ARRAY['updated_at', 'version', 'search'];
BEGIN
	IF (to_jsonb(NEW) - skip) IS NOT DISTINCT FROM (to_jsonb(OLD) - skip) THEN
		IF NEW.version = OLD.version THEN
			NEW.updated_at := OLD.updated_at;
		ELSE
			NEW.updated_at := now();
		END IF;
	ELSE
		NEW.updated_at := now();
		IF NEW.version = OLD.version THEN
			NEW.version := OLD.version + 1;
		END IF;
	END IF;
	RETURN NEW;
END
$$;
