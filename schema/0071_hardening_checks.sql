-- 0071 checks to the leaf (issue 16):
--   plan_feed_create    a feed filters only on a teacher of the plan's
--                       school (never on someone of another school);

CREATE OR REPLACE FUNCTION plan_feed_create(p_plan uuid, p_user uuid,
    p_teacher uuid, p_hash bytea)
RETURNS uuid
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	fid uuid;
BEGIN
	PERFORM api_require(p_teacher IS NULL OR EXISTS (SELECT 1
	    FROM plan p JOIN membership m ON m.school_id = p.school_id
	    WHERE p.id = p_plan AND m.user_id = p_teacher), 'teacher',
	    'Deze leraar hoort niet bij de school van dit jaarplan.');
	INSERT INTO plan_feed (plan_id, school_id, user_id, teacher_id,
	    token_hash)
	SELECT p.id, p.school_id, p_user, p_teacher, p_hash
	FROM plan p WHERE p.id = p_plan
	RETURNING id INTO fid;
	RETURN fid;
END
$$;

-- A goal lies at most 64 levels deep (the goal tree of the API nests that
-- far): deeper is refused when it is written, never cut when it is read.
CREATE FUNCTION goal_depth_max() RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT 64 $$;

CREATE FUNCTION goal_depth_check() RETURNS trigger
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

CREATE TRIGGER goal_depth_check BEFORE INSERT OR UPDATE OF parent_id ON goal
FOR EACH ROW EXECUTE FUNCTION goal_depth_check();

-- CASE import: an association identifier that the provider already serves
-- for another framework (the derived isChildOf identifiers of goals that
-- never came from a package included) is a conflict (409), like any other
-- identifier of another framework.  case_import() checks that first and
-- then runs the import as before (case_import_package()).
ALTER FUNCTION case_import(text, jsonb) RENAME TO case_import_package;

CREATE FUNCTION case_import(p_base text, p jsonb) RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
	fid constant uuid := (p -> 'CFDocument' ->> 'identifier')::uuid;
	conflicts jsonb;
BEGIN
	SELECT jsonb_agg(case_err('CFAssociations[' || (a.ord - 1) ||
	    '].identifier', 'De identifier ' || (a.x ->> 'identifier') ||
	    ' hoort bij een associatie van een ander kader (' || f.code ||
	    ').') ORDER BY a.ord)
	INTO conflicts
	FROM jsonb_array_elements(CASE WHEN jsonb_typeof(
	    p -> 'CFAssociations') = 'array' THEN p -> 'CFAssociations'
	    ELSE '[]'::jsonb END) WITH ORDINALITY AS a (x, ord)
	JOIN goal g ON g.case_parent_association_id IS NULL AND
	    case_child_association_id(g.id) = (a.x ->> 'identifier')::uuid
	JOIN framework f ON f.id = g.framework_id
	WHERE g.framework_id IS DISTINCT FROM fid;
	IF conflicts IS NOT NULL THEN
		RETURN jsonb_build_object('status', 'conflict', 'errors',
		    conflicts);
	END IF;
	RETURN case_import_package(p_base, p);
END
$$;
