-- 0070 accounts that no school can capture, and throttling without lockout.
--
--   invitation          an invitation may offer a membership (school, role)
--                       under the name the coordinator gave; the token goes
--                       to the address by e-mail, never to the coordinator;
--   account_teacher_add adding an address (known or not) makes a pending
--                       membership with an invitation, and answers the same
--                       for a known and an unknown address;
--   account_invitation_accept  choosing a password ends every session of
--                       the account; a membership invitation of an account
--                       that has a password is accepted by its holder,
--                       logged in;
--   auth_login_wait     per account a delay that grows with the failures
--                       (at most a minute), never a lockout of the owner.

ALTER TABLE invitation
    ADD COLUMN school_id uuid REFERENCES school (id) ON DELETE CASCADE,
    ADD COLUMN role text CHECK (role IN ('coordinator', 'teacher')),
    ADD COLUMN display_name text CHECK (btrim(display_name) <> '' AND
	length(display_name) <= 200),
    ADD CONSTRAINT invitation_membership_ck
	CHECK ((school_id IS NULL) = (role IS NULL)),
    ADD CONSTRAINT invitation_membership_key UNIQUE (user_id, school_id, role);
CREATE INDEX invitation_school_idx ON invitation (school_id);
-- The audit trigger now sees the school of an invitation.
SELECT audit_attach('invitation');

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

-- What a mail about an invitation needs (never shown to whoever invited).
CREATE FUNCTION account_invitation_mail(p_hash bytea) RETURNS jsonb
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

-- The pending invitations of a school (names as the school gave them).
CREATE FUNCTION account_school_invitations(p_school uuid) RETURNS jsonb
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

-- Withdraw a pending invitation of a school.
CREATE FUNCTION account_school_invitation_delete(p_school uuid, p_id uuid)
RETURNS boolean
LANGUAGE sql VOLATILE AS $$
	WITH d AS (DELETE FROM invitation WHERE id = p_id AND
	    school_id = p_school RETURNING 1)
	SELECT EXISTS (SELECT 1 FROM d)
$$;

-- Every pending invitation, for an admin.
CREATE FUNCTION account_invitations_list() RETURNS jsonb
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
CREATE FUNCTION account_invitation_renew(p_id uuid, p_hash bytea)
RETURNS jsonb
LANGUAGE sql VOLATILE AS $$
	UPDATE invitation SET token_hash = p_hash,
	    expires_at = now() + account_invitation_lifetime()
	WHERE id = p_id
	RETURNING jsonb_build_object('id', id, 'expires_at', expires_at)
$$;

-- The live invitation of a token: its account and whether it needs a
-- password chosen (no password yet, or a password invitation).
CREATE FUNCTION account_invitation_lookup(p_hash bytea,
    OUT user_id uuid, OUT email text, OUT needs_password boolean)
RETURNS SETOF record
LANGUAGE sql STABLE AS $$
	SELECT u.id, u.email,
	    i.school_id IS NULL OR u.password_hash IS NULL
	FROM invitation i JOIN app_user u ON u.id = i.user_id
	WHERE i.token_hash = p_hash AND i.expires_at > now() AND
	    NOT u.disabled
$$;

-- Accept an invitation.  With a password (already hashed by the API):
-- a password invitation, or any invitation of an account without a
-- password; the password is set and every session of the account ends.
-- Without one (p_password NULL): a membership invitation, accepted by
-- p_user, who must be the account holder.  A membership offered comes
-- into being here.
DROP FUNCTION account_invitation_accept(bytea, text);
CREATE FUNCTION account_invitation_accept(p_hash bytea, p_password text,
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

-- Failed logins slow an account down instead of locking it: after the
-- fifth failure in the window each further attempt waits 2, 4, 8, ...
-- seconds after the last failure, at most auth_login_delay_max().  The
-- per-address limit stays as it was.
CREATE FUNCTION auth_login_free() RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT 5 $$;
CREATE FUNCTION auth_login_delay_max() RETURNS integer
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
