-- Sign-in hardening (issue #11): sessions that can be listed and revoked, tokens tied to the
-- session that made them, passwords an administrator can reset, and a per-address sign-in
-- throttle counted in the database so several servers share it.

-- Where and with what a session was opened (shown to its owner on the Account screen), and
-- the session a bearer token was made from: revoking that session revokes the token.
ALTER TABLE user_session ADD COLUMN parent_id uuid REFERENCES user_session(id);
ALTER TABLE user_session ADD COLUMN ip text;
ALTER TABLE user_session ADD COLUMN user_agent text;
CREATE INDEX user_session_parent_idx ON user_session (parent_id) WHERE parent_id IS NOT NULL;

-- After an administrator's reset the user signs in with a one-time password and must choose
-- a new one before anything else.
ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz;

-- Failed sign-ins per client address per fixed window. One row per (address, window); the
-- count is raised by a single INSERT … ON CONFLICT DO UPDATE … RETURNING, so concurrent
-- attempts on any server see one count.
CREATE TABLE login_throttle (
  address      text NOT NULL,
  window_start timestamptz NOT NULL,
  failures     integer NOT NULL DEFAULT 0,
  PRIMARY KEY (address, window_start)
);
CREATE INDEX login_throttle_window_idx ON login_throttle (window_start);
