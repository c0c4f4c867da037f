-- 0052 plan feeds: a secret calendar address with which a calendar app
-- subscribes to a plan (all its items, or one teacher's), so that the
-- lessons stay up to date there without a login.  Only the SHA-256 of the
-- token is stored (like user_session).  A feed acts for the person who
-- made it and only while that person may still read the school; it goes
-- with the plan, the person, or when its maker revokes it.
CREATE TABLE plan_feed (
	id		uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	plan_id		uuid NOT NULL,
	school_id	uuid NOT NULL,
	user_id		uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
	-- only this teacher's items (NULL: every item)
	teacher_id	uuid REFERENCES app_user (id) ON DELETE CASCADE,
	token_hash	bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
	created_at	timestamptz NOT NULL DEFAULT now(),
	FOREIGN KEY (plan_id, school_id) REFERENCES plan (id, school_id)
	    ON DELETE CASCADE
);
CREATE INDEX plan_feed_plan_idx ON plan_feed (plan_id, user_id);
SELECT audit_attach('plan_feed');

CREATE FUNCTION plan_feed_create(p_plan uuid, p_user uuid, p_teacher uuid,
    p_hash bytea)
RETURNS uuid
LANGUAGE sql
AS $$
	INSERT INTO plan_feed (plan_id, school_id, user_id, teacher_id,
	    token_hash)
	SELECT p.id, p.school_id, p_user, p_teacher, p_hash
	FROM plan p WHERE p.id = p_plan
	RETURNING id
$$;

-- The plan and teacher of a feed, while its maker may read the school.
CREATE FUNCTION plan_feed_open(p_hash bytea)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT jsonb_build_object('plan_id', f.plan_id,
	    'teacher_id', f.teacher_id)
	FROM plan_feed f JOIN app_user u ON u.id = f.user_id
	WHERE f.token_hash = p_hash AND NOT u.disabled
	AND auth_can_read_school(f.user_id, f.school_id)
$$;

-- Revoke every feed p_user made of p_plan; returns how many.
CREATE FUNCTION plan_feed_revoke(p_plan uuid, p_user uuid)
RETURNS integer
LANGUAGE sql
AS $$
	WITH d AS (DELETE FROM plan_feed WHERE plan_id = p_plan
	    AND user_id = p_user RETURNING 1)
	SELECT count(*)::integer FROM d
$$;
