-- 0032 accounts, revised functions (0030 stays as first published):
--   audit_row          an insert has no "old" and a delete no "new" (instead
--                      of empty objects), and NULL values of a row stay in
--                      the change (no jsonb_strip_nulls);
--   audit_attach       no NOTICE when the trigger did not exist yet;
--   auth_session_open  every dead session goes at each login, and the
--                      answer says the lifetime (lifetime_seconds) that the
--                      session cookie uses as its Max-Age.

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
