-- The notification outbox: messages (email, SMS, log) are written here in the same
-- transaction as the change that causes them, and a worker delivers them afterwards
-- (claiming rows with FOR UPDATE SKIP LOCKED, so several servers never send one twice).
-- dedupe_key makes "enqueue once" a constraint: a reminder for an action is queued once
-- however often the scan runs.
-- Payloads hold ids, department codes and dates only: never a child's name or particulars
-- (JJ Act 2015 s.74).

CREATE TABLE notification_outbox (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dedupe_key           text NOT NULL UNIQUE,
  kind                 text NOT NULL,
  channel              text NOT NULL CHECK (channel IN ('email','sms','log')),
  recipient_user_id    uuid,
  recipient_member_id  uuid,
  recipient_address    text,
  subject              text NOT NULL,
  body                 text NOT NULL,
  payload              jsonb NOT NULL DEFAULT '{}'::jsonb,
  state_code           integer,
  district_code        integer,
  status               text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','sent','failed')),
  attempts             integer NOT NULL DEFAULT 0,
  next_attempt_at      timestamptz NOT NULL,
  claimed_at           timestamptz,
  sent_at              timestamptz,
  sent_via             text,
  last_error           text,
  created_at           timestamptz NOT NULL
);
CREATE INDEX notification_outbox_due_idx ON notification_outbox (next_attempt_at) WHERE status IN ('pending','sending');
CREATE INDEX notification_outbox_scope_idx ON notification_outbox (district_code, created_at);
