-- SMS short links (TRAI TCCCPR 2018, DLT content templates): the operators' scrutiny refuses a
-- {#var#} value over 30 characters, and the SMS link (the site's address and a path with a 36-character
-- id) was always longer. An SMS now carries `<site>/s/<code>`: the site's address is fixed text in the
-- registered template and the code (10 random characters, no personal data, nothing derived from a
-- record) is the only variable. The server resolves the code to the app's path (src/notifications/
-- short-link.ts, GET /s/:code) until it expires. One code per outbox message (a retry sends the same).
-- No foreign key to a record: entity_id names the record the path opens (e.g. a convergence meeting),
-- for the audit entry written when the link is followed.
CREATE TABLE IF NOT EXISTS sms_short_link (
  code text PRIMARY KEY,
  target text NOT NULL,
  entity_type text,
  entity_id uuid,
  outbox_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  CONSTRAINT sms_short_link_code_shape CHECK (code ~ '^[a-z2-9]{10}$'),
  CONSTRAINT sms_short_link_target_path CHECK (target ~ '^/[A-Za-z0-9/_-]*$')
);
CREATE UNIQUE INDEX IF NOT EXISTS sms_short_link_outbox ON sms_short_link (outbox_id);
CREATE INDEX IF NOT EXISTS sms_short_link_expiry ON sms_short_link (expires_at);
