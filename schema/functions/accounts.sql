-- functions/accounts.sql: schools, users, roles, sessions, invitations and
-- the audit log.
--
-- Applied again, as a whole, whenever this file changes or a numbered
-- migration runs (see docs/database.md): every statement must be
-- repeatable (CREATE OR REPLACE; a constraint trigger is dropped first).

-- ---------------------------------------------------------------------------
-- 0030 accounts: schools, people, roles, sessions, login throttling and the
-- (Its tables: schema/migrations/0030_accounts.sql.)
-- ---------------------------------------------------------------------------

-- The lifetime of a session: absolute expiry and idle timeout.
CREATE OR REPLACE FUNCTION auth_session_lifetime() RETURNS interval
LANGUAGE sql IMMUTABLE AS $$ SELECT interval '12 hours' $$;

CREATE OR REPLACE FUNCTION auth_session_idle() RETURNS interval
LANGUAGE sql IMMUTABLE AS $$ SELECT interval '30 minutes' $$;

CREATE OR REPLACE FUNCTION auth_login_window() RETURNS interval
LANGUAGE sql IMMUTABLE AS $$ SELECT interval '15 minutes' $$;

CREATE OR REPLACE FUNCTION auth_login_max_account() RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT 5 $$;

CREATE OR REPLACE FUNCTION auth_login_max_address() RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT 20 $$;

-- Failed logins slow an account down instead of locking it: after the
-- fifth failure in the window each further attempt waits 2, 4, 8, ...
-- seconds after the last failure, at most auth_login_delay_max().  The
-- per-address limit stays as it was.
CREATE OR REPLACE FUNCTION auth_login_free() RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT 5 $$;
CREATE OR REPLACE FUNCTION auth_login_delay_max() RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT 60 $$;

CREATE OR REPLACE FUNCTION auth_login_wait(p_email text, p_address inet)
RETURNS integer
LANGUAGE plpgsql STABLE AS $$
DECLARE
	w interval := auth_login_window();
	n integer;
	last timestamptz;
	t_adr timestamptz;
	until timestamptz;
BEGIN
	SELECT count(*), max(at) INTO n, last FROM login_failure
	WHERE email = p_email AND at > now() - w;
	IF n >= auth_login_free() THEN
		until := last + make_interval(secs => least(
		    auth_login_delay_max(),
		    2 ^ least(n - auth_login_free() + 1, 16)));
	END IF;
	IF p_address IS NOT NULL THEN
		SELECT at INTO t_adr FROM login_failure
		WHERE address = p_address AND at > now() - w
		ORDER BY at DESC OFFSET auth_login_max_address() - 1 LIMIT 1;
		until := greatest(until, t_adr + w);
	END IF;
	IF until IS NULL OR until <= now() THEN
		RETURN 0;
	END IF;
	RETURN greatest(1, ceil(extract(epoch FROM until - now())))::integer;
END
$$;

CREATE OR REPLACE FUNCTION auth_login_failed(p_email text, p_address inet)
RETURNS void
LANGUAGE sql VOLATILE AS $$
	DELETE FROM login_failure WHERE at < now() - auth_login_window();
	INSERT INTO login_failure (email, address) VALUES (p_email, p_address);
$$;

-- Authorization ------------------------------------------------------------

-- Is p_user a member with p_role of p_school, or (p_school NULL) does the
-- user hold the global role p_role?
CREATE OR REPLACE FUNCTION auth_has_role(p_user uuid, p_school uuid, p_role text)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN p_school IS NULL THEN
		EXISTS (SELECT 1 FROM user_role r JOIN app_user u ON u.id = r.user_id
		    WHERE r.user_id = p_user AND r.role = p_role AND NOT u.disabled)
	ELSE
		EXISTS (SELECT 1 FROM membership m JOIN app_user u ON u.id = m.user_id
		    WHERE m.user_id = p_user AND m.school_id = p_school
		    AND m.role = p_role AND NOT u.disabled)
	END
$$;

-- Does the inspector p_user have p_school in scope (no scope rows: all)?
CREATE OR REPLACE FUNCTION auth_inspector_sees(p_user uuid, p_school uuid)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT auth_has_role(p_user, NULL, 'inspector') AND EXISTS (
		SELECT 1 FROM school s WHERE s.id = p_school AND (
		    NOT EXISTS (SELECT 1 FROM inspector_scope i
			WHERE i.user_id = p_user) OR
		    EXISTS (SELECT 1 FROM inspector_scope i
			WHERE i.user_id = p_user AND
			(i.school_id = s.id OR i.region = s.region))))
$$;

CREATE OR REPLACE FUNCTION auth_can_edit_school(p_user uuid, p_school uuid)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM school WHERE id = p_school) AND (
	    auth_has_role(p_user, NULL, 'admin') OR
	    auth_has_role(p_user, p_school, 'coordinator'))
$$;

-- Those who may edit the school, its inspectors and its teachers.
CREATE OR REPLACE FUNCTION auth_can_read_school(p_user uuid, p_school uuid)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT auth_can_edit_school(p_user, p_school) OR (
	    EXISTS (SELECT 1 FROM school WHERE id = p_school) AND (
	    auth_inspector_sees(p_user, p_school) OR
	    auth_has_role(p_user, p_school, 'teacher')))
$$;

-- The role bits of api/src/authz.h.
CREATE OR REPLACE FUNCTION auth_role_bit(p_role text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE p_role WHEN 'admin' THEN 1 WHEN 'curator' THEN 2
	    WHEN 'coordinator' THEN 4 WHEN 'teacher' THEN 8
	    WHEN 'inspector' THEN 16 ELSE 0 END
$$;

-- Every role bit p_user holds: global roles and memberships anywhere.
CREATE OR REPLACE FUNCTION auth_role_bits(p_user uuid) RETURNS integer
LANGUAGE sql STABLE AS $$
	SELECT coalesce(bit_or(auth_role_bit(role)), 0) FROM (
		SELECT role FROM user_role WHERE user_id = p_user
		UNION SELECT role FROM membership WHERE user_id = p_user) r
$$;

-- What the API needs to decide on one school: does it exist, which
-- membership role bits the user holds there, and is it in the scope of
-- the user (when an inspector).
CREATE OR REPLACE FUNCTION auth_school_facts(p_user uuid, p_school uuid,
    OUT school_exists boolean, OUT member_bits integer,
    OUT inspector_in_scope boolean)
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM school WHERE id = p_school),
	    (SELECT coalesce(bit_or(auth_role_bit(m.role)), 0)
		FROM membership m WHERE m.user_id = p_user AND
		m.school_id = p_school),
	    auth_inspector_sees(p_user, p_school)
$$;

-- The log is append-only.
CREATE OR REPLACE FUNCTION audit_log_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_log is append-only';
END
$$;

CREATE OR REPLACE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable();

-- Who acts: the API sets leerlijn.actor per transaction (db_begin()).
CREATE OR REPLACE FUNCTION audit_actor() RETURNS uuid
LANGUAGE sql STABLE AS $$
	SELECT nullif(current_setting('leerlijn.actor', true), '')::uuid
$$;

-- Columns whose values never reach the audit log (only that they changed).
CREATE OR REPLACE FUNCTION audit_secret_columns() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
	SELECT ARRAY['password_hash', 'token_hash']
$$;

CREATE OR REPLACE FUNCTION audit_mask(p jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
	SELECT coalesce(jsonb_object_agg(k, CASE
	    WHEN k = ANY (audit_secret_columns()) AND v <> 'null'::jsonb
	    THEN to_jsonb('[verborgen]'::text) ELSE v END), '{}'::jsonb)
	FROM jsonb_each(p) AS e (k, v)
$$;

CREATE OR REPLACE FUNCTION audit_row() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	o jsonb;
	n jsonb;
	rec jsonb;
	k text;
	d_old jsonb := '{}';
	d_new jsonb := '{}';
	eid text;
	sid text;
BEGIN
	-- The seed runner loads reference data with the audit switched off.
	IF current_setting('leerlijn.audit', true) = 'off' THEN
		RETURN NULL;
	END IF;
	IF TG_OP <> 'INSERT' THEN
		o := to_jsonb(OLD);
	END IF;
	IF TG_OP <> 'DELETE' THEN
		n := to_jsonb(NEW);
	END IF;
	rec := coalesce(n, o);
	IF TG_OP = 'UPDATE' THEN
		FOR k IN SELECT jsonb_object_keys(n) LOOP
			CONTINUE WHEN k IN ('updated_at', 'version');
			IF o -> k IS DISTINCT FROM n -> k THEN
				d_old := d_old || jsonb_build_object(k, o -> k);
				d_new := d_new || jsonb_build_object(k, n -> k);
			END IF;
		END LOOP;
		IF d_new = '{}' THEN
			RETURN NULL;
		END IF;
		o := d_old;
		n := d_new;
	END IF;
	SELECT string_agg(rec ->> c, '/') INTO eid
	FROM unnest(string_to_array(TG_ARGV[0], ',')) AS c;
	sid := CASE WHEN TG_ARGV[1] <> '' THEN rec ->> TG_ARGV[1] END;
	INSERT INTO audit_log (actor_id, action, entity, entity_id, school_id,
	    change)
	VALUES (audit_actor(), lower(TG_OP), TG_TABLE_NAME, eid, sid::uuid,
	    CASE WHEN o IS NULL THEN '{}'::jsonb
		ELSE jsonb_build_object('old', audit_mask(o)) END ||
	    CASE WHEN n IS NULL THEN '{}'::jsonb
		ELSE jsonb_build_object('new', audit_mask(n)) END);
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION audit_attach(p_table regclass) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	pk text;
	sc text := '';
BEGIN
	SELECT string_agg(a.attname, ',' ORDER BY
	    array_position(i.indkey::int2[], a.attnum)) INTO pk
	FROM pg_index i
	JOIN pg_attribute a ON a.attrelid = i.indrelid AND
	    a.attnum = ANY (i.indkey::int2[])
	WHERE i.indrelid = p_table AND i.indisprimary;
	IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = p_table AND
	    attname = 'school_id' AND NOT attisdropped) THEN
		sc := 'school_id';
	ELSIF p_table = 'school'::regclass THEN
		sc := 'id';
	END IF;
	IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = p_table AND
	    tgname = 'audit_row') THEN
		EXECUTE format('DROP TRIGGER audit_row ON %s', p_table);
	END IF;
	EXECUTE format('CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR '
	    'DELETE ON %s FOR EACH ROW EXECUTE FUNCTION audit_row(%L, %L)',
	    p_table, coalesce(pk, ''), sc);
END
$$;

-- An event that is not a row change of an audited table (login, logout).
CREATE OR REPLACE FUNCTION audit_event(p_action text, p_entity text, p_entity_id text,
    p_school uuid, p_change jsonb)
RETURNS void
LANGUAGE sql VOLATILE AS $$
	INSERT INTO audit_log (actor_id, action, entity, entity_id, school_id,
	    change)
	VALUES (audit_actor(), p_action, p_entity, p_entity_id, p_school,
	    p_change);
$$;

SELECT audit_attach('school');

SELECT audit_attach('app_user');

SELECT audit_attach('user_role');

SELECT audit_attach('membership');

SELECT audit_attach('inspector_scope');

SELECT audit_attach('invitation');

-- The catalogue (curators' writes).
SELECT audit_attach('framework');

SELECT audit_attach('goal');

SELECT audit_attach('goal_level');

SELECT audit_attach('goal_relation');

SELECT audit_attach('lesson');

SELECT audit_attach('lesson_level');

SELECT audit_attach('lesson_help_resource');

SELECT audit_attach('alignment');

-- Production refuses to start while any of these exist.
CREATE OR REPLACE FUNCTION auth_production_blockers() RETURNS TABLE (email text, why text)
LANGUAGE sql STABLE AS $$
	SELECT email, CASE WHEN demo THEN 'demo account'
	    ELSE 'default password' END
	FROM app_user WHERE demo OR default_password
	ORDER BY email
$$;

-- Sessions for the API ------------------------------------------------------

-- What GET /api/v1/me says about a user.
CREATE OR REPLACE FUNCTION auth_me(p_user uuid) RETURNS jsonb
LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object(
	    'id', u.id, 'email', u.email, 'display_name', u.display_name,
	    'roles', (SELECT coalesce(jsonb_agg(r.role ORDER BY
		auth_role_bit(r.role)), '[]') FROM (SELECT role FROM user_role
		WHERE user_id = u.id UNION SELECT role FROM membership
		WHERE user_id = u.id) r),
	    'memberships', (SELECT coalesce(jsonb_agg(jsonb_build_object(
		'school_id', s.id, 'school_name', s.name, 'role', m.role)
		ORDER BY s.name, m.role), '[]')
		FROM membership m JOIN school s ON s.id = m.school_id
		WHERE m.user_id = u.id),
	    'inspector_scope', CASE WHEN auth_has_role(u.id, NULL,
		'inspector') THEN (SELECT jsonb_build_object(
		'all_schools', count(*) = 0,
		'schools', coalesce(jsonb_agg(i.school_id ORDER BY i.school_id)
		    FILTER (WHERE i.school_id IS NOT NULL), '[]'),
		'regions', coalesce(jsonb_agg(i.region ORDER BY i.region)
		    FILTER (WHERE i.region IS NOT NULL), '[]'))
		FROM inspector_scope i WHERE i.user_id = u.id) END,
	    'demo', u.demo)
	FROM app_user u WHERE u.id = p_user
$$;

CREATE OR REPLACE FUNCTION auth_session_open(p_user uuid, p_hash bytea, p_address inet)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	sid uuid;
	exp timestamptz := now() + auth_session_lifetime();
BEGIN
	-- Dead sessions of anyone go at every login (they never work again).
	DELETE FROM user_session WHERE expires_at <= now() OR
	    last_seen <= now() - auth_session_idle();
	DELETE FROM login_failure WHERE email =
	    (SELECT email FROM app_user WHERE id = p_user);
	INSERT INTO user_session (user_id, token_hash, expires_at, address)
	VALUES (p_user, p_hash, exp, p_address) RETURNING id INTO sid;
	PERFORM audit_event('login', 'user_session', sid::text, NULL,
	    jsonb_strip_nulls(jsonb_build_object('user_id', p_user,
		'address', host(p_address))));
	RETURN jsonb_build_object('session_id', sid, 'expires_at', exp,
	    'lifetime_seconds',
	    extract(epoch FROM auth_session_lifetime())::integer,
	    'idle_timeout_seconds', extract(epoch FROM auth_session_idle())::integer,
	    'user', auth_me(p_user));
END
$$;

-- The live session of a token hash: refreshes last_seen (at most once a
-- minute) and returns nothing for an unknown, expired or idle session or a
-- disabled user.
CREATE OR REPLACE FUNCTION auth_session_touch(p_hash bytea,
    OUT session_id uuid, OUT user_id uuid, OUT roles integer)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	seen timestamptz;
BEGIN
	SELECT s.id, s.user_id, s.last_seen INTO session_id, user_id, seen
	FROM user_session s JOIN app_user u ON u.id = s.user_id
	WHERE s.token_hash = p_hash AND s.expires_at > now() AND
	    s.last_seen > now() - auth_session_idle() AND NOT u.disabled;
	IF NOT FOUND THEN
		RETURN;
	END IF;
	IF seen < now() - interval '1 minute' THEN
		UPDATE user_session SET last_seen = now()
		WHERE id = auth_session_touch.session_id;
	END IF;
	roles := auth_role_bits(user_id);
	RETURN NEXT;
END
$$;

CREATE OR REPLACE FUNCTION auth_session_close(p_session uuid) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	uid uuid;
BEGIN
	DELETE FROM user_session WHERE id = p_session RETURNING user_id INTO uid;
	IF NOT FOUND THEN
		RETURN false;
	END IF;
	PERFORM audit_event('logout', 'user_session', p_session::text, NULL,
	    jsonb_build_object('user_id', uid));
	RETURN true;
END
$$;

-- ---------------------------------------------------------------------------
-- 0031 accounts API: the documents and the writes behind the schools,
-- users, invitations and audit endpoints.
--
-- Every write function checks its input with api_require() (LL422 with
-- the API field and a Dutch message) before it changes anything; unique
-- keys are left to the constraints (23505, answered 409).  Who may call
-- them is decided by the API's authorization table, not here.
-- ---------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION account_uuid_ok(p text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT p ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
$$;

CREATE OR REPLACE FUNCTION account_email_ok(p text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT p IS NOT NULL AND length(p) <= 254 AND
	    p ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'
$$;

-- A date "YYYY-MM-DD" or NULL; refuses anything else for field.
CREATE OR REPLACE FUNCTION account_date(p text, field text) RETURNS date
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
	IF p IS NULL THEN
		RETURN NULL;
	END IF;
	PERFORM api_require(p ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', field,
	    'Geef een datum als JJJJ-MM-DD.');
	RETURN p::date;
EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN
	PERFORM api_require(false, field, 'Deze datum bestaat niet.');
	RETURN NULL;
END
$$;

-- Schools -----------------------------------------------------------------

CREATE OR REPLACE FUNCTION account_school_doc(p_id uuid) RETURNS jsonb
LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object('id', s.id, 'brin', s.brin,
	    'vestiging', s.vestiging, 'name', s.name, 'type', s.type,
	    'municipality', s.municipality, 'region', s.region,
	    'first_level', s.first_level, 'last_level', s.last_level,
	    'demo', s.demo, 'version', s.version,
	    'created_at', s.created_at, 'updated_at', s.updated_at)
	FROM school s WHERE s.id = p_id
$$;

-- The schools p_user may read, by name.
CREATE OR REPLACE FUNCTION account_schools_list(p_user uuid, p_region text,
    p_limit integer, p_offset integer)
RETURNS jsonb
LANGUAGE sql STABLE AS $$
	WITH vis AS (
		SELECT s.id, s.name FROM school s
		WHERE auth_can_read_school(p_user, s.id) AND
		    (p_region IS NULL OR s.region = p_region))
	SELECT jsonb_build_object('total', (SELECT count(*) FROM vis),
	    'limit', p_limit, 'offset', p_offset,
	    'items', coalesce((SELECT jsonb_agg(account_school_doc(v.id)
		ORDER BY v.name, v.id) FROM (SELECT * FROM vis
		ORDER BY name, id LIMIT p_limit OFFSET p_offset) v), '[]'))
$$;

-- The place in the order of levels of the plannable level p_code (NULL:
-- NULL); an unknown code is refused, naming field p_field.
CREATE OR REPLACE FUNCTION account_level_order(p_code text, p_field text)
RETURNS integer
LANGUAGE plpgsql STABLE AS $$
DECLARE
	o integer;
BEGIN
	IF p_code IS NULL THEN
		RETURN NULL;
	END IF;
	SELECT sort_order INTO o FROM level WHERE code = p_code AND plannable;
	PERFORM api_require(o IS NOT NULL, p_field,
	    'onbekend niveau: ' || p_code);
	RETURN o;
END
$$;

-- Check the school fields present in p (create: all required ones).
CREATE OR REPLACE FUNCTION account_school_check(p jsonb, p_first text, p_last text)
RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
	fo integer;
	lo integer;
BEGIN
	IF p ? 'brin' THEN
		PERFORM api_require(p ->> 'brin' ~ '^[0-9]{2}[A-Z0-9]{2}$',
		    'brin', 'Een BRIN-code is twee cijfers en twee hoofdletters '
		    'of cijfers, bijvoorbeeld 12AB.');
	END IF;
	IF p ? 'vestiging' AND p ->> 'vestiging' IS NOT NULL THEN
		PERFORM api_require(p ->> 'vestiging' ~ '^[0-9]{2}$',
		    'vestiging', 'Een vestigingsnummer is twee cijfers, '
		    'bijvoorbeeld 01.');
	END IF;
	fo := account_level_order(p_first, 'first_level');
	lo := account_level_order(p_last, 'last_level');
	PERFORM api_require(fo IS NULL OR lo IS NULL OR fo <= lo,
	    'last_level', 'Het laatste niveau ligt vóór het eerste.');
END
$$;

CREATE OR REPLACE FUNCTION account_school_create(p jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	sid uuid;
BEGIN
	PERFORM account_school_check(p, p ->> 'first_level',
	    p ->> 'last_level');
	INSERT INTO school (brin, vestiging, name, type, municipality, region,
	    first_level, last_level)
	VALUES (p ->> 'brin', p ->> 'vestiging', btrim(p ->> 'name'),
	    p ->> 'type', btrim(p ->> 'municipality'), p ->> 'region',
	    p ->> 'first_level', p ->> 'last_level')
	RETURNING id INTO sid;
	RETURN account_school_doc(sid);
END
$$;

-- PATCH: the fields present in p; NULL when the school does not exist.
CREATE OR REPLACE FUNCTION account_school_update(p_id uuid, p jsonb, p_version integer)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	s school;
BEGIN
	SELECT * INTO s FROM school WHERE id = p_id FOR UPDATE;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	PERFORM api_require_version(s.version, coalesce(p_version, s.version));
	PERFORM account_school_check(p,
	    CASE WHEN p ? 'first_level' THEN p ->> 'first_level'
		ELSE s.first_level END,
	    CASE WHEN p ? 'last_level' THEN p ->> 'last_level'
		ELSE s.last_level END);
	UPDATE school SET
	    brin = CASE WHEN p ? 'brin' THEN p ->> 'brin' ELSE brin END,
	    vestiging = CASE WHEN p ? 'vestiging' THEN p ->> 'vestiging'
		ELSE vestiging END,
	    name = CASE WHEN p ? 'name' THEN btrim(p ->> 'name') ELSE name END,
	    type = CASE WHEN p ? 'type' THEN p ->> 'type' ELSE type END,
	    municipality = CASE WHEN p ? 'municipality' THEN
		btrim(p ->> 'municipality') ELSE municipality END,
	    region = CASE WHEN p ? 'region' THEN p ->> 'region' ELSE region END,
	    first_level = CASE WHEN p ? 'first_level' THEN p ->> 'first_level'
		ELSE first_level END,
	    last_level = CASE WHEN p ? 'last_level' THEN p ->> 'last_level'
		ELSE last_level END
	WHERE id = p_id;
	-- The version counts real changes only.
	UPDATE school SET version = version + 1, updated_at = now()
	WHERE id = p_id AND (brin, vestiging, name, type, municipality, region,
	    first_level, last_level) IS DISTINCT FROM (s.brin, s.vestiging,
	    s.name, s.type, s.municipality, s.region, s.first_level,
	    s.last_level);
	RETURN account_school_doc(p_id);
END
$$;

-- The pending invitations of a school (names as the school gave them).
CREATE OR REPLACE FUNCTION account_school_invitations(p_school uuid) RETURNS jsonb
LANGUAGE sql STABLE AS $$
	SELECT coalesce(jsonb_agg(jsonb_build_object('id', i.id,
	    'email', u.email, 'display_name', i.display_name,
	    'role', i.role, 'expires_at', i.expires_at)
	    ORDER BY i.display_name, i.id), '[]')
	FROM invitation i JOIN app_user u ON u.id = i.user_id
	WHERE i.school_id = p_school AND i.expires_at > now()
$$;

CREATE OR REPLACE FUNCTION account_school_members(p_school uuid)
RETURNS jsonb
LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object('items', coalesce(jsonb_agg(
	    jsonb_build_object('user_id', u.id, 'email', u.email,
		'display_name', u.display_name, 'role', m.role,
		'has_password', u.password_hash IS NOT NULL,
		'disabled', u.disabled)
	    ORDER BY m.role, u.display_name, u.id), '[]'),
	    'invitations', account_school_invitations(p_school))
	FROM membership m JOIN app_user u ON u.id = m.user_id
	WHERE m.school_id = p_school
$$;

-- People -------------------------------------------------------------------

CREATE OR REPLACE FUNCTION account_invitation_lifetime() RETURNS interval
LANGUAGE sql IMMUTABLE AS $$ SELECT interval '7 days' $$;

CREATE OR REPLACE FUNCTION account_user_doc(p_id uuid) RETURNS jsonb
LANGUAGE sql STABLE AS $$
	SELECT auth_me(u.id) || jsonb_build_object(
	    'disabled', u.disabled,
	    'has_password', u.password_hash IS NOT NULL,
	    'password_changed_at', u.password_changed_at,
	    'invitation_expires_at', (SELECT max(i.expires_at)
		FROM invitation i WHERE i.user_id = u.id AND
		i.expires_at > now()),
	    'version', u.version,
	    'created_at', u.created_at, 'updated_at', u.updated_at)
	FROM app_user u WHERE u.id = p_id
$$;

CREATE OR REPLACE FUNCTION account_users_list(p_q text, p_role text, p_school uuid,
    p_limit integer, p_offset integer)
RETURNS jsonb
LANGUAGE sql STABLE AS $$
	WITH hit AS (
		SELECT u.id, u.display_name, u.email FROM app_user u
		WHERE (p_q IS NULL OR position(lower(p_q) IN
			lower(u.email || ' ' || u.display_name)) > 0) AND
		    (p_role IS NULL OR EXISTS (SELECT 1 FROM user_role r
			WHERE r.user_id = u.id AND r.role = p_role) OR
			EXISTS (SELECT 1 FROM membership m
			WHERE m.user_id = u.id AND m.role = p_role)) AND
		    (p_school IS NULL OR EXISTS (SELECT 1 FROM membership m
			WHERE m.user_id = u.id AND m.school_id = p_school)))
	SELECT jsonb_build_object('total', (SELECT count(*) FROM hit),
	    'limit', p_limit, 'offset', p_offset,
	    'items', coalesce((SELECT jsonb_agg(account_user_doc(h.id)
		ORDER BY h.display_name, h.email) FROM (SELECT * FROM hit
		ORDER BY display_name, email LIMIT p_limit OFFSET p_offset) h),
		'[]'))
$$;

-- The strings of the JSON array p that are not in p_known, as "a, b"
-- (NULL: none).
CREATE OR REPLACE FUNCTION account_unknown_values(p jsonb, p_known text[])
RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT string_agg(x, ', ') FROM jsonb_array_elements_text(p) AS t (x)
	WHERE x <> ALL (p_known)
$$;

-- Make the values of column p_column (of type p_type) in p_user's rows
-- of p_table exactly the strings of the JSON array p, which the caller
-- checked (lower case, as the API writes them); p_user's rows with
-- p_column NULL are of another kind and stay.
CREATE OR REPLACE FUNCTION account_set_user_values(p_user uuid,
    p_table regclass, p_column text, p_type regtype, p jsonb)
RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
	EXECUTE format('DELETE FROM %s WHERE user_id = $1 AND %I IS NOT NULL '
	    'AND %I::text NOT IN (SELECT lower(x) '
	    'FROM jsonb_array_elements_text($2) AS t (x))',
	    p_table, p_column, p_column) USING p_user, p;
	EXECUTE format('INSERT INTO %s (user_id, %I) SELECT DISTINCT $1, x::%s '
	    'FROM jsonb_array_elements_text($2) AS t (x) ON CONFLICT DO NOTHING',
	    p_table, p_column, p_type) USING p_user, p;
END
$$;

-- Set the roles, memberships and inspector scope of p_user to what p
-- says (only the keys present), changing only what differs.
CREATE OR REPLACE FUNCTION account_set_access(p_user uuid, p jsonb) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	e jsonb;
	bad text;
BEGIN
	IF p ? 'roles' THEN
		bad := account_unknown_values(p -> 'roles',
		    '{admin,curator,inspector}');
		PERFORM api_require(bad IS NULL, 'roles', 'onbekende globale '
		    'rol: ' || bad || ' (admin, curator of inspector; '
		    'coördinator en leerkracht gaan via memberships)');
		PERFORM account_set_user_values(p_user, 'user_role', 'role',
		    'text', p -> 'roles');
	END IF;
	IF p ? 'memberships' THEN
		FOR e IN SELECT * FROM jsonb_array_elements(p -> 'memberships')
		LOOP
			PERFORM api_require(jsonb_typeof(e) = 'object' AND
			    (SELECT count(*) FROM jsonb_object_keys(e)) = 2 AND
			    account_uuid_ok(e ->> 'school_id') AND
			    e ->> 'role' IN ('coordinator', 'teacher'),
			    'memberships', 'Elk lidmaatschap is '
			    '{"school_id": <uuid>, "role": "coordinator" of '
			    '"teacher"}.');
			PERFORM api_require(EXISTS (SELECT 1 FROM school
			    WHERE id = (e ->> 'school_id')::uuid),
			    'memberships', 'onbekende school: ' ||
			    (e ->> 'school_id'));
		END LOOP;
		DELETE FROM membership m WHERE m.user_id = p_user AND
		    NOT EXISTS (SELECT 1 FROM jsonb_array_elements(
			p -> 'memberships') AS t (x)
			WHERE (x ->> 'school_id')::uuid = m.school_id AND
			x ->> 'role' = m.role);
		INSERT INTO membership (user_id, school_id, role)
		SELECT DISTINCT p_user, (x ->> 'school_id')::uuid, x ->> 'role'
		FROM jsonb_array_elements(p -> 'memberships') AS t (x)
		ON CONFLICT DO NOTHING;
	END IF;
	IF p ? 'inspector_schools' THEN
		SELECT string_agg(x, ', ') INTO bad
		FROM jsonb_array_elements_text(p -> 'inspector_schools') AS t (x)
		WHERE NOT account_uuid_ok(x) OR NOT EXISTS
		    (SELECT 1 FROM school WHERE id = x::uuid);
		PERFORM api_require(bad IS NULL, 'inspector_schools',
		    'onbekende school: ' || bad);
		PERFORM account_set_user_values(p_user, 'inspector_scope',
		    'school_id', 'uuid', p -> 'inspector_schools');
	END IF;
	IF p ? 'inspector_regions' THEN
		bad := account_unknown_values(p -> 'inspector_regions',
		    '{noord,midden,zuid}');
		PERFORM api_require(bad IS NULL, 'inspector_regions',
		    'onbekende regio: ' || bad || ' (noord, midden of zuid)');
		PERFORM account_set_user_values(p_user, 'inspector_scope',
		    'region', 'text', p -> 'inspector_regions');
	END IF;
END
$$;

-- A new password invitation for p_user (older password invitations end;
-- membership invitations stay).
CREATE OR REPLACE FUNCTION account_invite(p_user uuid, p_hash bytea)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	exp timestamptz := now() + account_invitation_lifetime();
BEGIN
	DELETE FROM invitation WHERE user_id = p_user AND school_id IS NULL;
	INSERT INTO invitation (token_hash, user_id, created_by, expires_at)
	VALUES (p_hash, p_user, audit_actor(), exp);
	RETURN jsonb_build_object('expires_at', exp);
END
$$;

-- A new account (no password yet) and its invitation.
CREATE OR REPLACE FUNCTION account_user_create(p jsonb, p_hash bytea) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	uid uuid;
	inv jsonb;
BEGIN
	PERFORM api_require(account_email_ok(lower(p ->> 'email')), 'email',
	    'Geen geldig e-mailadres.');
	INSERT INTO app_user (email, display_name)
	VALUES (lower(p ->> 'email'), btrim(p ->> 'display_name'))
	RETURNING id INTO uid;
	PERFORM account_set_access(uid, p);
	inv := account_invite(uid, p_hash);
	RETURN jsonb_build_object('user', account_user_doc(uid),
	    'invitation', inv);
END
$$;

-- PATCH a user; NULL when there is none.  An admin cannot lock itself
-- out (disable itself or drop its own admin role).
CREATE OR REPLACE FUNCTION account_user_update(p_id uuid, p jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	u app_user;
BEGIN
	SELECT * INTO u FROM app_user WHERE id = p_id FOR UPDATE;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	IF p ? 'email' THEN
		PERFORM api_require(account_email_ok(lower(p ->> 'email')),
		    'email', 'Geen geldig e-mailadres.');
	END IF;
	IF p_id = audit_actor() THEN
		PERFORM api_require(NOT coalesce((p ->> 'disabled')::boolean,
		    false), 'disabled', 'Je kunt je eigen account niet '
		    'uitschakelen.');
		PERFORM api_require(NOT (p ? 'roles') OR
		    p -> 'roles' ? 'admin', 'roles', 'Je kunt je eigen '
		    'beheerdersrol niet intrekken.');
	END IF;
	UPDATE app_user SET
	    email = CASE WHEN p ? 'email' THEN lower(p ->> 'email')
		ELSE email END,
	    display_name = CASE WHEN p ? 'display_name' THEN
		btrim(p ->> 'display_name') ELSE display_name END,
	    disabled = CASE WHEN p ? 'disabled' THEN
		(p ->> 'disabled')::boolean ELSE disabled END
	WHERE id = p_id;
	UPDATE app_user SET version = version + 1, updated_at = now()
	WHERE id = p_id AND (email, display_name, disabled) IS DISTINCT FROM
	    (u.email, u.display_name, u.disabled);
	PERFORM account_set_access(p_id, p);
	-- A disabled account has no live sessions.
	DELETE FROM user_session s USING app_user a
	WHERE s.user_id = p_id AND a.id = p_id AND a.disabled;
	RETURN account_user_doc(p_id);
END
$$;

CREATE OR REPLACE FUNCTION account_user_delete(p_id uuid) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
	PERFORM api_require(p_id IS DISTINCT FROM audit_actor(), 'id',
	    'Je kunt je eigen account niet verwijderen.');
	DELETE FROM app_user WHERE id = p_id;
	RETURN FOUND;
END
$$;

-- Add a teacher to a school: always an invitation to the address, with
-- the membership pending until the account holder accepts it.  For an
-- unknown address the account is made (without a password); the answer
-- is the same either way, so that no coordinator learns whether an
-- address has an account elsewhere.
CREATE OR REPLACE FUNCTION account_teacher_add(p_school uuid, p jsonb,
    p_hash bytea)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	uid uuid;
	iid uuid;
	exp timestamptz := now() + account_invitation_lifetime();
	addr text := lower(p ->> 'email');
	nm text := btrim(p ->> 'display_name');
BEGIN
	PERFORM api_require(account_email_ok(addr), 'email',
	    'Geen geldig e-mailadres.');
	PERFORM api_require(coalesce(nm, '') <> '', 'display_name',
	    'Geef de naam van de leerkracht.');
	SELECT id INTO uid FROM app_user WHERE email = addr;
	IF uid IS NULL THEN
		INSERT INTO app_user (email, display_name)
		VALUES (addr, nm) RETURNING id INTO uid;
	END IF;
	PERFORM api_require(NOT EXISTS (SELECT 1 FROM membership
	    WHERE user_id = uid AND school_id = p_school AND
	    role = 'teacher'), 'email',
	    'Deze persoon is al leerkracht van deze school.');
	DELETE FROM invitation WHERE user_id = uid AND school_id = p_school AND
	    role = 'teacher';
	INSERT INTO invitation (token_hash, user_id, created_by, expires_at,
	    school_id, role, display_name)
	VALUES (p_hash, uid, audit_actor(), exp, p_school, 'teacher', nm)
	RETURNING id INTO iid;
	RETURN jsonb_build_object('id', iid, 'email', addr,
	    'display_name', nm, 'role', 'teacher', 'school_id', p_school,
	    'status', 'invited', 'expires_at', exp);
END
$$;

CREATE OR REPLACE FUNCTION account_teacher_remove(p_school uuid, p_user uuid)
RETURNS boolean
LANGUAGE sql VOLATILE AS $$
	WITH d AS (DELETE FROM membership WHERE school_id = p_school AND
	    user_id = p_user AND role = 'teacher' RETURNING 1)
	SELECT EXISTS (SELECT 1 FROM d)
$$;

-- Accept an invitation.  With a password (already hashed by the API):
-- a password invitation, or any invitation of an account without a
-- password; the password is set and every session of the account ends.
-- Without one (p_password NULL): a membership invitation, accepted by
-- p_user, who must be the account holder.  A membership offered comes
-- into being here.
CREATE OR REPLACE FUNCTION account_invitation_accept(p_hash bytea, p_password text,
    p_user uuid)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	inv invitation;
	has_pw boolean;
BEGIN
	SELECT i.* INTO inv FROM invitation i JOIN app_user u
	    ON u.id = i.user_id
	WHERE i.token_hash = p_hash AND i.expires_at > now() AND
	    NOT u.disabled
	FOR UPDATE OF i;
	PERFORM api_require(FOUND, 'token', 'Deze uitnodiging '
	    'bestaat niet (meer) of is verlopen.');
	SELECT password_hash IS NOT NULL INTO has_pw FROM app_user
	WHERE id = inv.user_id;
	-- The invited person is the one acting.
	PERFORM set_config('leerlijn.actor', inv.user_id::text, true);
	IF p_password IS NOT NULL THEN
		PERFORM api_require(inv.school_id IS NULL OR NOT has_pw,
		    'password', 'Dit account heeft al een wachtwoord: log in '
		    'en neem de uitnodiging aan zonder wachtwoord.');
		UPDATE app_user SET password_hash = p_password,
		    password_changed_at = now(), default_password = false,
		    version = version + 1, updated_at = now()
		WHERE id = inv.user_id;
		-- A new password ends every session of the account.
		DELETE FROM user_session WHERE user_id = inv.user_id;
		DELETE FROM invitation WHERE user_id = inv.user_id AND
		    school_id IS NULL;
	ELSE
		PERFORM api_require(has_pw, 'password',
		    'Kies eerst een wachtwoord.');
		PERFORM api_require(p_user IS NOT DISTINCT FROM inv.user_id,
		    'token', 'Deze uitnodiging is voor een ander account: log '
		    'in met het account van het uitgenodigde e-mailadres.');
	END IF;
	IF inv.school_id IS NOT NULL THEN
		INSERT INTO membership (user_id, school_id, role)
		VALUES (inv.user_id, inv.school_id, inv.role)
		ON CONFLICT DO NOTHING;
		DELETE FROM invitation WHERE id = inv.id;
	END IF;
	RETURN account_user_doc(inv.user_id);
END
$$;

-- A user's own new password; every other session of the user ends.
CREATE OR REPLACE FUNCTION account_password_set(p_user uuid, p_keep_session uuid,
    p_password text)
RETURNS integer
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	n integer;
BEGIN
	UPDATE app_user SET password_hash = p_password,
	    password_changed_at = now(), default_password = false,
	    version = version + 1, updated_at = now()
	WHERE id = p_user;
	DELETE FROM user_session WHERE user_id = p_user AND
	    id IS DISTINCT FROM p_keep_session;
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END
$$;

-- The audit log --------------------------------------------------------------

-- What p_user may read of the log: everything for an admin, the rows of
-- the schools in scope for an inspector.  Newest first.
CREATE OR REPLACE FUNCTION account_audit_list(p_user uuid, p_entity text,
    p_entity_id text, p_school text, p_actor text, p_action text,
    p_from text, p_to text, p_limit integer, p_offset integer)
RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
	admin boolean := auth_has_role(p_user, NULL, 'admin');
	d_from date := account_date(p_from, 'from');
	d_to date := account_date(p_to, 'to');
	res jsonb;
BEGIN
	PERFORM api_require(p_school IS NULL OR account_uuid_ok(p_school),
	    'school', 'Een school-id is een UUID.');
	PERFORM api_require(p_actor IS NULL OR account_uuid_ok(p_actor),
	    'actor', 'Een gebruikers-id is een UUID.');
	WITH hit AS (
		SELECT a.* FROM audit_log a
		WHERE (admin OR (a.school_id IS NOT NULL AND
			auth_inspector_sees(p_user, a.school_id))) AND
		    (p_entity IS NULL OR a.entity = p_entity) AND
		    (p_entity_id IS NULL OR a.entity_id = p_entity_id) AND
		    (p_school IS NULL OR a.school_id = p_school::uuid) AND
		    (p_actor IS NULL OR a.actor_id = p_actor::uuid) AND
		    (p_action IS NULL OR a.action = p_action) AND
		    (d_from IS NULL OR a.at >= d_from) AND
		    (d_to IS NULL OR a.at < d_to + 1))
	SELECT jsonb_build_object('total', (SELECT count(*) FROM hit),
	    'limit', p_limit, 'offset', p_offset,
	    'items', coalesce((SELECT jsonb_agg(jsonb_build_object(
		'id', h.id, 'at', h.at, 'actor_id', h.actor_id,
		'actor', u.display_name, 'action', h.action,
		'entity', h.entity, 'entity_id', h.entity_id,
		'school_id', h.school_id, 'change', h.change)
		ORDER BY h.at DESC, h.id DESC)
		FROM (SELECT * FROM hit ORDER BY at DESC, id DESC
		    LIMIT p_limit OFFSET p_offset) h
		LEFT JOIN app_user u ON u.id = h.actor_id), '[]'))
	INTO res;
	RETURN res;
END
$$;

-- Operations (leerlijn-db) -------------------------------------------------------

-- The first admin of a production installation: an account with the
-- admin role and a new invitation (no password is ever set here).
CREATE OR REPLACE FUNCTION account_bootstrap_admin(p_email text, p_name text,
    p_hash bytea)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	uid uuid;
BEGIN
	PERFORM api_require(account_email_ok(lower(p_email)), 'email',
	    'Geen geldig e-mailadres.');
	INSERT INTO app_user (email, display_name)
	VALUES (lower(p_email), btrim(p_name))
	ON CONFLICT (email) DO NOTHING;
	SELECT id INTO uid FROM app_user WHERE email = lower(p_email);
	INSERT INTO user_role (user_id, role) VALUES (uid, 'admin')
	ON CONFLICT DO NOTHING;
	RETURN jsonb_build_object('user_id', uid) || account_invite(uid, p_hash);
END
$$;

-- The demo accounts, for `make run` to print.
CREATE OR REPLACE FUNCTION account_demo_list() RETURNS TABLE (email text, roles text)
LANGUAGE sql STABLE AS $$
	SELECT u.email, coalesce((SELECT string_agg(x, ', ' ORDER BY x) FROM (
		SELECT r.role AS x FROM user_role r WHERE r.user_id = u.id
		UNION ALL SELECT m.role || ' ' || s.name FROM membership m
		JOIN school s ON s.id = m.school_id WHERE m.user_id = u.id) t), '')
	FROM app_user u WHERE u.demo ORDER BY u.email
$$;

-- What a mail about an invitation needs (never shown to whoever invited).
CREATE OR REPLACE FUNCTION account_invitation_mail(p_hash bytea) RETURNS jsonb
LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object('to', u.email,
	    'display_name', coalesce(i.display_name, u.display_name),
	    'has_password', u.password_hash IS NOT NULL,
	    'school_name', s.name, 'role', i.role,
	    'expires_at', i.expires_at)
	FROM invitation i JOIN app_user u ON u.id = i.user_id
	LEFT JOIN school s ON s.id = i.school_id
	WHERE i.token_hash = p_hash
$$;

-- Withdraw a pending invitation of a school.
CREATE OR REPLACE FUNCTION account_school_invitation_delete(p_school uuid, p_id uuid)
RETURNS boolean
LANGUAGE sql VOLATILE AS $$
	WITH d AS (DELETE FROM invitation WHERE id = p_id AND
	    school_id = p_school RETURNING 1)
	SELECT EXISTS (SELECT 1 FROM d)
$$;

-- Every pending invitation, for an admin.
CREATE OR REPLACE FUNCTION account_invitations_list() RETURNS jsonb
LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object('items', coalesce(jsonb_agg(
	    jsonb_build_object('id', i.id, 'user_id', i.user_id,
		'email', u.email, 'display_name', coalesce(i.display_name,
		u.display_name), 'school_id', i.school_id,
		'school_name', s.name, 'role', i.role,
		'has_password', u.password_hash IS NOT NULL,
		'created_by', i.created_by, 'created_at', i.created_at,
		'expires_at', i.expires_at)
	    ORDER BY i.created_at DESC, i.id), '[]'))
	FROM invitation i JOIN app_user u ON u.id = i.user_id
	LEFT JOIN school s ON s.id = i.school_id
	WHERE i.expires_at > now()
$$;

-- A new token (and lifetime) for a pending invitation; NULL when there is
-- none.
CREATE OR REPLACE FUNCTION account_invitation_renew(p_id uuid, p_hash bytea)
RETURNS jsonb
LANGUAGE sql VOLATILE AS $$
	UPDATE invitation SET token_hash = p_hash,
	    expires_at = now() + account_invitation_lifetime()
	WHERE id = p_id
	RETURNING jsonb_build_object('id', id, 'expires_at', expires_at)
$$;

-- The live invitation of a token: its account and whether it needs a
-- password chosen (no password yet, or a password invitation).
CREATE OR REPLACE FUNCTION account_invitation_lookup(p_hash bytea,
    OUT user_id uuid, OUT email text, OUT needs_password boolean)
RETURNS SETOF record
LANGUAGE sql STABLE AS $$
	SELECT u.id, u.email,
	    i.school_id IS NULL OR u.password_hash IS NULL
	FROM invitation i JOIN app_user u ON u.id = i.user_id
	WHERE i.token_hash = p_hash AND i.expires_at > now() AND
	    NOT u.disabled
$$;
