--
-- Its functions, views and triggers: schema/functions/planning.sql.
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
