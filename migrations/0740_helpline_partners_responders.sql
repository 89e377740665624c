-- Child helpline 1098 (issue #13), second part: the signed handover contract with 112 (ERSS) and
-- 181 (women's helpline), named responders and the response steps, the railway-station flag.
-- Columns are only added to helpline_call: the dashboard view dash_helpline (0662) names its
-- columns and is not affected.

-- The call is at (or the child was found at) a railway station: found/sighting calls go to the
-- railway child help desk (triage.data.ts, rule `found-railway`, stationOnly).
ALTER TABLE helpline_call ADD COLUMN at_station boolean NOT NULL DEFAULT false;
-- The named field responder of the district child helpline unit (a user; the team is assigned_unit_id).
ALTER TABLE helpline_call ADD COLUMN responder_user_id uuid;
ALTER TABLE helpline_call ADD COLUMN on_the_way_at timestamptz;
-- Whom the child was handed to, and when (JJ Act 2015 s.31: production before the CWC; a CCI; the family; the police).
ALTER TABLE helpline_call ADD COLUMN handed_to_kind text CHECK (handed_to_kind IN ('police_station', 'cwc', 'cci', 'family', 'partner_112', 'partner_181'));
ALTER TABLE helpline_call ADD COLUMN handed_to_name text;
ALTER TABLE helpline_call ADD COLUMN handed_to_at timestamptz;
-- The partner system the call was handed to or came from, and its reference for the call.
ALTER TABLE helpline_call ADD COLUMN partner text CHECK (partner IN ('112', '181'));
ALTER TABLE helpline_call ADD COLUMN partner_ref text;
CREATE UNIQUE INDEX helpline_call_partner_ref ON helpline_call (partner, partner_ref) WHERE partner_ref IS NOT NULL;

-- The call's timeline: every step with its time (dispatch, on the way, reached, handed to, closed,
-- messages to and from 112/181). Codes and ids only; no names of the child or caller.
CREATE TABLE helpline_call_step (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq           bigint GENERATED ALWAYS AS IDENTITY,
  call_id       uuid NOT NULL REFERENCES helpline_call(id),
  step          text NOT NULL,
  at            timestamptz NOT NULL,
  by_user_id    uuid,
  by_partner    text,
  detail        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX helpline_call_step_call ON helpline_call_step (call_id, at, seq);

-- Messages of the handover contract (docs/HELPLINE-CONTRACT.md), both directions. Outbound rows are
-- retried (as the notification outbox: claimed FOR UPDATE SKIP LOCKED, backoff) until the partner
-- acknowledges; inbound rows are the replay guard (one message id per partner, ever). The message
-- body is composed from the call when it is sent: this table holds ids and codes only.
CREATE TABLE helpline_partner_message (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  direction        text NOT NULL CHECK (direction IN ('out', 'in')),
  partner          text NOT NULL CHECK (partner IN ('112', '181')),
  message_id       text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('handover', 'status')),
  status_value     text,
  call_id          uuid REFERENCES helpline_call(id),
  state_code       integer NOT NULL,
  district_code    integer NOT NULL,
  delivery         text NOT NULL CHECK (delivery IN ('pending', 'sending', 'acknowledged')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  claimed_at       timestamptz,
  acknowledged_at  timestamptz,
  last_error       text,
  body_sha256      text,
  created_at       timestamptz NOT NULL,
  UNIQUE (direction, partner, message_id)
);
CREATE INDEX helpline_partner_message_due ON helpline_partner_message (next_attempt_at) WHERE direction = 'out' AND delivery <> 'acknowledged';
CREATE INDEX helpline_partner_message_call ON helpline_partner_message (call_id);
