-- functions/catalogue_write.sql: the refusals of the curators' catalogue
-- writes (api/catalogue/catalogue_write_db.c), each naming its API field.
--
-- Applied again, as a whole, whenever this file changes or a numbered
-- migration runs (see docs/database.md): every statement must be
-- repeatable (CREATE OR REPLACE; a constraint trigger is dropped first).
--
-- Every write statement calls the check of its resource in its WHERE
-- clause, before the row is written: a refusal raises LL422 (the input
-- breaks a rule) or LL409 (it exists already) with the field in COLUMN
-- and a Dutch sentence for users (api_checks.sql). The constraints of the
-- tables stay as the last line of defence (two writers at the same time);
-- the API does not read their names.

-- The rule of codes (framework.code, lesson.code: CHECK in 0002).
CREATE OR REPLACE FUNCTION catalogue_code_ok(p_code text) RETURNS boolean
LANGUAGE sql IMMUTABLE
AS $$ SELECT p_code IS NULL OR p_code ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$' $$;

-- The refusals of a code and a language in d (the API's words).
CREATE OR REPLACE FUNCTION catalogue_code_language_check(d jsonb)
RETURNS boolean
LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
	PERFORM api_require(catalogue_code_ok(d->>'code'), 'code',
	    'moet beginnen met een letter of cijfer en mag verder alleen '
	    'letters, cijfers, punt, liggend streepje en streepje bevatten');
	PERFORM api_require(d->>'language' IS NULL OR
	    d->>'language' ~ '^[a-z]{2}$', 'language',
	    'moet een taalcode van twee kleine letters zijn (zoals nl)');
	RETURN true;
END
$$;

-- The refusals of a code and a language in d, and of a code that another
-- row has already (p_taken).
CREATE OR REPLACE FUNCTION catalogue_code_check(d jsonb, p_taken boolean)
RETURNS boolean
LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
	PERFORM catalogue_code_language_check(d);
	PERFORM api_require_unique(NOT p_taken, 'code', 'bestaat al');
	RETURN true;
END
$$;

-- The refusal of a goal id (field p_field) that names no goal.
CREATE OR REPLACE FUNCTION catalogue_goal_ref_check(p_goal uuid, p_field text)
RETURNS boolean
LANGUAGE sql VOLATILE
AS $$
	SELECT api_require(EXISTS (SELECT 1 FROM goal g WHERE g.id = p_goal),
	    p_field, 'verwijst naar een leerdoel dat niet bestaat')
$$;

-- A framework document d (a new framework: p_self NULL).
CREATE OR REPLACE FUNCTION catalogue_framework_check(d jsonb, p_self text)
RETURNS boolean
LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
	PERFORM catalogue_code_check(d, EXISTS (SELECT 1 FROM framework f
	    WHERE f.code = d->>'code' AND f.code IS DISTINCT FROM p_self));
	RETURN true;
END
$$;

-- A goal document d for framework p_framework (a new goal: p_self NULL).
-- That the parent is in the same framework and not below the goal is
-- checked by the trigger catalogue_goal_tree_check (catalogue.sql), for
-- every writer.
CREATE OR REPLACE FUNCTION catalogue_goal_check(d jsonb, p_framework uuid,
    p_self uuid)
RETURNS boolean
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
	parent uuid := (d->>'parent_id')::uuid;
BEGIN
	-- SLO's goals may share a code; the others may not (the unique
	-- index goal_framework_code_key).
	IF d->>'code' IS NOT NULL AND NOT EXISTS (SELECT 1 FROM goal g
	    WHERE g.id = p_self AND g.id_origin = 'slo') THEN
		PERFORM api_require_unique(NOT EXISTS (SELECT 1 FROM goal g
		    WHERE g.framework_id = p_framework
		    AND g.code = d->>'code' AND g.id_origin <> 'slo'
		    AND g.id IS DISTINCT FROM p_self),
		    'code', 'bestaat al in dit kader');
	END IF;
	IF parent IS NOT NULL THEN
		PERFORM api_require(parent IS DISTINCT FROM p_self,
		    'parent_id', 'een leerdoel kan niet boven zichzelf staan');
		PERFORM catalogue_goal_ref_check(parent, 'parent_id');
	END IF;
	RETURN true;
END
$$;

-- A relation document d from goal p_origin (to d's goal_id).
CREATE OR REPLACE FUNCTION catalogue_relation_check(d jsonb, p_origin uuid)
RETURNS boolean
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
	dest uuid := (d->>'goal_id')::uuid;
BEGIN
	PERFORM api_require(dest IS DISTINCT FROM p_origin, 'goal_id',
	    'een leerdoel kan geen relatie met zichzelf hebben');
	PERFORM catalogue_goal_ref_check(dest, 'goal_id');
	PERFORM api_require_unique(NOT EXISTS (SELECT 1 FROM goal_relation r
	    WHERE r.origin_goal_id = p_origin
	    AND r.relation_type = d->>'type'
	    AND r.destination_goal_id = dest), 'goal_id',
	    'deze relatie bestaat al');
	RETURN true;
END
$$;

-- A lesson document d (a new lesson: p_self NULL).
CREATE OR REPLACE FUNCTION catalogue_lesson_check(d jsonb, p_self uuid)
RETURNS boolean
LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
	PERFORM api_require(d->>'programme' IS NULL OR EXISTS (SELECT 1
	    FROM programme p WHERE p.code = d->>'programme'), 'programme',
	    'onbekend programma');
	PERFORM api_require(d->>'evidence_level' IS NULL OR EXISTS (SELECT 1
	    FROM evidence_level e WHERE e.code = d->>'evidence_level'),
	    'evidence_level', 'onbekend erkenningsniveau');
	PERFORM catalogue_code_check(d, EXISTS (SELECT 1 FROM lesson l
	    WHERE l.code = d->>'code' AND l.id IS DISTINCT FROM p_self));
	RETURN true;
END
$$;

-- An alignment document d of lesson p_lesson.
CREATE OR REPLACE FUNCTION catalogue_alignment_check(d jsonb, p_lesson uuid)
RETURNS boolean
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
	v_goal uuid := (d->>'goal_id')::uuid;
BEGIN
	PERFORM catalogue_goal_ref_check(v_goal, 'goal_id');
	PERFORM api_require(d->>'published_code' IS NULL OR
	    d->>'published_label' IS NOT NULL, 'published_label',
	    'is verplicht als published_code is gegeven');
	PERFORM api_require_unique(NOT EXISTS (SELECT 1 FROM alignment a
	    WHERE a.lesson_id = p_lesson AND a.programme_id IS NULL
	    AND a.goal_id = v_goal AND a.source = d->>'source'), 'goal_id',
	    'deze les is al met dit leerdoel gekoppeld (met dezelfde bron)');
	RETURN true;
END
$$;
