-- 0030 accounts: schools, people, roles, sessions, login throttling and the
-- audit log.
--
-- Roles: admin, curator and inspector are global (user_role); coordinator
-- and teacher hold per school (membership).  An inspector sees the schools
-- of inspector_scope (a school or a whole holiday region); no scope rows
-- means every school.  Passwords are argon2id strings made by libsodium;
-- session tokens are stored only as their SHA-256.

-- Schools ------------------------------------------------------------------

CREATE TABLE school (
	id		uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	-- BRIN: two digits and two letters or digits (DUO's instellingscode).
	brin		text NOT NULL CHECK (brin ~ '^[0-9]{2}[A-Z0-9]{2}$'),
	vestiging	text CHECK (vestiging ~ '^[0-9]{2}$'),
	name		text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
	type		text NOT NULL CHECK (type IN ('PO', 'SO', 'VO', 'VSO', 'MBO')),
	municipality	text CHECK (btrim(municipality) <> '' AND length(municipality) <= 100),
	region		text NOT NULL CHECK (region IN ('noord', 'midden', 'zuid')),
	first_level	text REFERENCES level (code),
	last_level	text REFERENCES level (code),
	demo		boolean NOT NULL DEFAULT false,
	version		integer NOT NULL DEFAULT 1,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	UNIQUE NULLS NOT DISTINCT (brin, vestiging)
);

-- People -------------------------------------------------------------------

CREATE TABLE app_user (
	id		uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	email		text NOT NULL UNIQUE CHECK (email = lower(email) AND
			    length(email) <= 254 AND
			    email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
	display_name	text NOT NULL CHECK (btrim(display_name) <> '' AND
			    length(display_name) <= 200),
	-- NULL until the person accepted the invitation and chose a password.
	password_hash	text CHECK (password_hash LIKE '$argon2id$%'),
	password_changed_at timestamptz,
	-- Demo accounts exist only in the development seed; production
	-- refuses to start while one exists.
	demo		boolean NOT NULL DEFAULT false,
	-- Set for a password that nobody chose (seeded); production refuses
	-- to start while one exists.
	default_password boolean NOT NULL DEFAULT false,
	disabled	boolean NOT NULL DEFAULT false,
	version		integer NOT NULL DEFAULT 1,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_role (
	user_id		uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
	role		text NOT NULL CHECK (role IN ('admin', 'curator', 'inspector')),
	PRIMARY KEY (user_id, role)
);

CREATE TABLE membership (
	user_id		uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
	school_id	uuid NOT NULL REFERENCES school (id) ON DELETE CASCADE,
	role		text NOT NULL CHECK (role IN ('coordinator', 'teacher')),
	created_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (user_id, school_id, role)
);
CREATE INDEX membership_school_idx ON membership (school_id);

CREATE TABLE inspector_scope (
	id		uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	user_id		uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
	school_id	uuid REFERENCES school (id) ON DELETE CASCADE,
	region		text CHECK (region IN ('noord', 'midden', 'zuid')),
	CHECK (num_nonnulls(school_id, region) = 1),
	UNIQUE NULLS NOT DISTINCT (user_id, school_id, region)
);

-- An invitation: a one-time token (stored as SHA-256) with which a new
-- person chooses a password.
CREATE TABLE invitation (
	id		uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	token_hash	bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
	user_id		uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
	created_by	uuid REFERENCES app_user (id) ON DELETE SET NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	expires_at	timestamptz NOT NULL
);
CREATE INDEX invitation_user_idx ON invitation (user_id);

-- Sessions -----------------------------------------------------------------

CREATE TABLE user_session (
	id		uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	user_id		uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
	token_hash	bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
	created_at	timestamptz NOT NULL DEFAULT now(),
	last_seen	timestamptz NOT NULL DEFAULT now(),
	expires_at	timestamptz NOT NULL,
	address		inet
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

-- The lifetime of a session: absolute expiry and idle timeout.
CREATE FUNCTION auth_session_lifetime() RETURNS interval
LANGUAGE sql IMMUTABLE AS $$ SELECT interval '12 hours' $$;
CREATE FUNCTION auth_session_idle() RETURNS interval
LANGUAGE sql IMMUTABLE AS $$ SELECT interval '30 minutes' $$;

-- Failed logins, per account (the e-mail address as typed, whether or not
-- it exists) and per client address.  Kept here so that the limits hold
-- across workers and nodes.
CREATE TABLE login_failure (
	id		bigserial PRIMARY KEY,
	at		timestamptz NOT NULL DEFAULT now(),
	email		text NOT NULL,
	address		inet
);
CREATE INDEX login_failure_email_idx ON login_failure (email, at);
CREATE INDEX login_failure_address_idx ON login_failure (address, at);

CREATE FUNCTION auth_login_window() RETURNS interval
LANGUAGE sql IMMUTABLE AS $$ SELECT interval '15 minutes' $$;
CREATE FUNCTION auth_login_max_account() RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT 5 $$;
CREATE FUNCTION auth_login_max_address() RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT 20 $$;

-- Seconds until the next login attempt for email from address may be
-- tried; 0 when it may be tried now.
CREATE FUNCTION auth_login_wait(p_email text, p_address inet)
RETURNS integer
LANGUAGE plpgsql STABLE AS $$
DECLARE
	w interval := auth_login_window();
	t_acc timestamptz;
	t_adr timestamptz;
	until timestamptz;
BEGIN
	-- The failure whose expiry makes room again: the n-th newest.
	SELECT at INTO t_acc FROM login_failure
	WHERE email = p_email AND at > now() - w
	ORDER BY at DESC OFFSET auth_login_max_account() - 1 LIMIT 1;
	IF p_address IS NOT NULL THEN
		SELECT at INTO t_adr FROM login_failure
		WHERE address = p_address AND at > now() - w
		ORDER BY at DESC OFFSET auth_login_max_address() - 1 LIMIT 1;
	END IF;
	until := greatest(t_acc, t_adr) + w;
	IF until IS NULL OR until <= now() THEN
		RETURN 0;
	END IF;
	RETURN greatest(1, ceil(extract(epoch FROM until - now())))::integer;
END
$$;

CREATE FUNCTION auth_login_failed(p_email text, p_address inet)
RETURNS void
LANGUAGE sql VOLATILE AS $$
	DELETE FROM login_failure WHERE at < now() - auth_login_window();
	INSERT INTO login_failure (email, address) VALUES (p_email, p_address);
$$;

-- Authorization ------------------------------------------------------------

-- Is p_user a member with p_role of p_school, or (p_school NULL) does the
-- user hold the global role p_role?
CREATE FUNCTION auth_has_role(p_user uuid, p_school uuid, p_role text)
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
CREATE FUNCTION auth_inspector_sees(p_user uuid, p_school uuid)
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

CREATE FUNCTION auth_can_read_school(p_user uuid, p_school uuid)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM school WHERE id = p_school) AND (
	    auth_has_role(p_user, NULL, 'admin') OR
	    auth_inspector_sees(p_user, p_school) OR
	    auth_has_role(p_user, p_school, 'coordinator') OR
	    auth_has_role(p_user, p_school, 'teacher'))
$$;

CREATE FUNCTION auth_can_edit_school(p_user uuid, p_school uuid)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM school WHERE id = p_school) AND (
	    auth_has_role(p_user, NULL, 'admin') OR
	    auth_has_role(p_user, p_school, 'coordinator'))
$$;

-- The role bits of api/src/authz.h.
CREATE FUNCTION auth_role_bit(p_role text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE p_role WHEN 'admin' THEN 1 WHEN 'curator' THEN 2
	    WHEN 'coordinator' THEN 4 WHEN 'teacher' THEN 8
	    WHEN 'inspector' THEN 16 ELSE 0 END
$$;

-- Every role bit p_user holds: global roles and memberships anywhere.
CREATE FUNCTION auth_role_bits(p_user uuid) RETURNS integer
LANGUAGE sql STABLE AS $$
	SELECT coalesce(bit_or(auth_role_bit(role)), 0) FROM (
		SELECT role FROM user_role WHERE user_id = p_user
		UNION SELECT role FROM membership WHERE user_id = p_user) r
$$;

-- What the API needs to decide on one school: does it exist, which
-- membership role bits the user holds there, and is it in the scope of
-- the user (when an inspector).
CREATE FUNCTION auth_school_facts(p_user uuid, p_school uuid,
    OUT school_exists boolean, OUT member_bits integer,
    OUT inspector_in_scope boolean)
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM school WHERE id = p_school),
	    (SELECT coalesce(bit_or(auth_role_bit(m.role)), 0)
		FROM membership m WHERE m.user_id = p_user AND
		m.school_id = p_school),
	    auth_inspector_sees(p_user, p_school)
$$;

-- The audit log ------------------------------------------------------------

CREATE TABLE audit_log (
	id		bigserial PRIMARY KEY,
	at		timestamptz NOT NULL DEFAULT now(),
	actor_id	uuid,		-- NULL: not done through the API
	action		text NOT NULL CHECK (action IN ('insert', 'update',
			    'delete', 'login', 'logout')),
	entity		text NOT NULL,
	entity_id	text,
	school_id	uuid,		-- no foreign key: history outlives rows
	change		jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at, id);
CREATE INDEX audit_log_school_idx ON audit_log (school_id, at);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);

-- The log is append-only.
CREATE FUNCTION audit_log_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable();

-- Who acts: the API sets leerlijn.actor per transaction (db_begin()).
CREATE FUNCTION audit_actor() RETURNS uuid
LANGUAGE sql STABLE AS $$
	SELECT nullif(current_setting('leerlijn.actor', true), '')::uuid
$$;

-- Columns whose values never reach the audit log (only that they changed).
CREATE FUNCTION audit_secret_columns() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
	SELECT ARRAY['password_hash', 'token_hash']
$$;

CREATE FUNCTION audit_mask(p jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
	SELECT coalesce(jsonb_object_agg(k, CASE
	    WHEN k = ANY (audit_secret_columns()) AND v <> 'null'::jsonb
	    THEN to_jsonb('[verborgen]'::text) ELSE v END), '{}'::jsonb)
	FROM jsonb_each(p) AS e (k, v)
$$;

-- A row-level change.  TG_ARGV[0]: the primary key columns ("a,b"),
-- TG_ARGV[1]: the column holding the school id ('' when none).
CREATE FUNCTION audit_row() RETURNS trigger
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
	    jsonb_strip_nulls(jsonb_build_object('old', audit_mask(o),
		'new', audit_mask(n))));
	RETURN NULL;
END
$$;

-- Attach the audit trigger to a table (idempotent).
CREATE FUNCTION audit_attach(p_table regclass) RETURNS void
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
	EXECUTE format('DROP TRIGGER IF EXISTS audit_row ON %s', p_table);
	EXECUTE format('CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR '
	    'DELETE ON %s FOR EACH ROW EXECUTE FUNCTION audit_row(%L, %L)',
	    p_table, coalesce(pk, ''), sc);
END
$$;

-- An event that is not a row change of an audited table (login, logout).
CREATE FUNCTION audit_event(p_action text, p_entity text, p_entity_id text,
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
CREATE FUNCTION auth_production_blockers() RETURNS TABLE (email text, why text)
LANGUAGE sql STABLE AS $$
	SELECT email, CASE WHEN demo THEN 'demo account'
	    ELSE 'default password' END
	FROM app_user WHERE demo OR default_password
	ORDER BY email
$$;

-- Sessions for the API ------------------------------------------------------

-- What GET /api/v1/me says about a user.
CREATE FUNCTION auth_me(p_user uuid) RETURNS jsonb
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

-- Open a session for p_user (after the password was verified): forget the
-- account's failed logins and the user's dead sessions, record the login.
CREATE FUNCTION auth_session_open(p_user uuid, p_hash bytea, p_address inet)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	sid uuid;
	exp timestamptz := now() + auth_session_lifetime();
BEGIN
	DELETE FROM user_session WHERE user_id = p_user AND
	    (expires_at <= now() OR last_seen <= now() - auth_session_idle());
	DELETE FROM login_failure WHERE email =
	    (SELECT email FROM app_user WHERE id = p_user);
	INSERT INTO user_session (user_id, token_hash, expires_at, address)
	VALUES (p_user, p_hash, exp, p_address) RETURNING id INTO sid;
	PERFORM audit_event('login', 'user_session', sid::text, NULL,
	    jsonb_strip_nulls(jsonb_build_object('user_id', p_user,
		'address', host(p_address))));
	RETURN jsonb_build_object('session_id', sid, 'expires_at', exp,
	    'idle_timeout_seconds', extract(epoch FROM auth_session_idle())::integer,
	    'user', auth_me(p_user));
END
$$;

-- The live session of a token hash: refreshes last_seen (at most once a
-- minute) and returns nothing for an unknown, expired or idle session or a
-- disabled user.
CREATE FUNCTION auth_session_touch(p_hash bytea,
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

CREATE FUNCTION auth_session_close(p_session uuid) RETURNS boolean
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
