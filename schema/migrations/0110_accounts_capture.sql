-- 0110 accounts that no school can capture (the functions:
-- schema/functions/accounts.sql).
--
--   invitation          an invitation may offer a membership (school, role)
--                       under the name the coordinator gave; the token goes
--                       to the address by e-mail, never to the coordinator;
--   account_invitation_accept  takes the account holder who accepts a
--                       membership while logged in (a third argument): the
--                       old two-argument function goes.

ALTER TABLE invitation
    ADD COLUMN school_id uuid REFERENCES school (id) ON DELETE CASCADE,
    ADD COLUMN role text CHECK (role IN ('coordinator', 'teacher')),
    ADD COLUMN display_name text CHECK (btrim(display_name) <> '' AND
	length(display_name) <= 200),
    ADD CONSTRAINT invitation_membership_ck
	CHECK ((school_id IS NULL) = (role IS NULL)),
    ADD CONSTRAINT invitation_membership_key UNIQUE (user_id, school_id, role);
CREATE INDEX invitation_school_idx ON invitation (school_id);

-- (On a fresh database the function files have not run yet: IF EXISTS.)
DROP FUNCTION IF EXISTS account_invitation_accept(bytea, text);
