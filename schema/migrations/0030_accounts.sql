-- 0030 accounts: schools, people, roles, sessions, login throttling and the
-- audit log.
--
-- Roles: admin, curator and inspector are global (user_role); coordinator
-- and teacher hold per school (membership).  An inspector sees the schools
-- of inspector_scope (a school or a whole holiday region); no scope rows
-- means every school.  Passwords are argon2id strings made by libsodium;
-- session tokens are stored only as their SHA-256.
--
-- Its functions, views and triggers: schema/functions/accounts.sql.
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
