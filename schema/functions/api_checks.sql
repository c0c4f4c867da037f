-- functions/api_checks.sql: the refusals that SQL write functions raise and
-- the API turns into problem documents (SQLSTATE class LL).
--
-- Applied again, as a whole, whenever this file changes or a numbered
-- migration runs (see docs/database.md): every statement must be
-- repeatable (CREATE OR REPLACE; a constraint trigger is dropped first).

-- ---------------------------------------------------------------------------
-- 0004 api checks: refusals that the API turns into problem documents.
--
-- Write statements call these inside their WHERE clauses so that a
-- refused write changes nothing.  The SQLSTATEs are our own (class LL):
--   LL422  input refused; COLUMN carries the API field name and MESSAGE a
--          sentence in Dutch written for users (it is shown to them);
--   LL412  the version the client sent (If-Match) is not the current one;
--   LL409  it exists already (409 Conflict); COLUMN and MESSAGE as for LL422.
-- ---------------------------------------------------------------------------

-- Unless ok is true, raise the refusal p_code (LL422, LL409) of field
-- with message.  Returns true.
CREATE OR REPLACE FUNCTION api_refuse_unless(ok boolean, p_code text,
    field text, message text)
RETURNS boolean
LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
	IF ok IS NOT TRUE THEN
		RAISE EXCEPTION USING ERRCODE = p_code, COLUMN = field,
		    MESSAGE = message;
	END IF;
	RETURN true;
END
$$;

CREATE OR REPLACE FUNCTION api_require(ok boolean, field text, message text)
RETURNS boolean
LANGUAGE sql VOLATILE
AS $$
	SELECT api_refuse_unless(ok, 'LL422', field, message)
$$;

CREATE OR REPLACE FUNCTION api_require_version(current_version integer,
    expected_version integer)
RETURNS boolean
LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
	IF current_version IS DISTINCT FROM expected_version THEN
		RAISE EXCEPTION USING ERRCODE = 'LL412',
		    MESSAGE = format('De versie is %s, niet %s.',
			current_version, expected_version);
	END IF;
	RETURN true;
END
$$;

-- The ids of level codes, refusing unknown ones (field names the API field).
CREATE OR REPLACE FUNCTION api_level_ids(codes jsonb, field text)
RETURNS uuid[]
LANGUAGE plpgsql STABLE
AS $$
DECLARE
	missing text;
	ids uuid[];
BEGIN
	SELECT string_agg(t.code, ', ' ORDER BY t.code) INTO missing
	FROM jsonb_array_elements_text(coalesce(codes, '[]')) AS t (code)
	WHERE NOT EXISTS (SELECT 1 FROM level l WHERE l.code = t.code);
	PERFORM api_require(missing IS NULL, field,
	    'onbekend niveau: ' || missing);
	SELECT coalesce(array_agg(DISTINCT l.id), '{}') INTO ids
	FROM jsonb_array_elements_text(coalesce(codes, '[]')) AS t (code)
	JOIN level l ON l.code = t.code;
	RETURN ids;
END
$$;

-- LL409: the input names something that exists already (the API answers
-- 409 Conflict); COLUMN and MESSAGE as for LL422.
CREATE OR REPLACE FUNCTION api_require_unique(ok boolean, field text,
    message text)
RETURNS boolean
LANGUAGE sql VOLATILE
AS $$
	SELECT api_refuse_unless(ok, 'LL409', field, message)
$$;
