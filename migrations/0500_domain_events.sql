-- Domain events: a transactional outbox. A module writes its event in the same transaction
-- as the change it describes, so an event exists exactly when the change committed; handlers
-- in other modules (run by pg-boss) keep the shared record true without reading each other's
-- tables. Payloads carry ids and codes, never names (JJ Act 2015 s.74).
CREATE TABLE domain_event (
  seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type           text NOT NULL,
  aggregate_type text NOT NULL,
  aggregate_id   uuid NOT NULL,
  payload        jsonb NOT NULL,
  actor_user_id  uuid,
  state_code     integer,
  district_code  integer,
  created_at     timestamptz NOT NULL,
  -- Set once every handler of the event has finished (or given up): the dispatcher's work list.
  completed_at   timestamptz
);
CREATE INDEX domain_event_pending_idx ON domain_event (seq) WHERE completed_at IS NULL;
CREATE INDEX domain_event_aggregate_idx ON domain_event (aggregate_type, aggregate_id);

-- One row per (event, handler) once the handler's effects committed (in the same transaction),
-- so a retried or concurrently dispatched event is never handled twice.
CREATE TABLE domain_event_handling (
  event_seq  bigint NOT NULL REFERENCES domain_event(seq),
  handler    text NOT NULL,
  status     text NOT NULL CHECK (status IN ('done', 'retrying', 'failed')),
  attempts   integer NOT NULL DEFAULT 1,
  error_code text,
  at         timestamptz NOT NULL,
  PRIMARY KEY (event_seq, handler)
);

-- Where a child's or family's record moved (a case transfer accepted in another district), kept
-- so the earlier jurisdiction can still be answered for (JJ Act 2015 s.95 transfers).
CREATE TABLE registry_move (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_type       text NOT NULL CHECK (subject_type IN ('child', 'family')),
  subject_id         uuid NOT NULL,
  from_state_code    integer NOT NULL,
  from_district_code integer NOT NULL,
  from_village_id    text,
  to_state_code      integer NOT NULL,
  to_district_code   integer NOT NULL,
  case_id            uuid,
  event_seq          bigint REFERENCES domain_event(seq),
  moved_at           timestamptz NOT NULL
);
CREATE INDEX registry_move_subject_idx ON registry_move (subject_type, subject_id);

-- Scheme facts that come from orders rather than from the registry's own fields: a CWC
-- sponsorship or foster care order is the CWC's recommendation the schemes' rules ask for
-- (Mission Vatsalya guidelines: sponsorship on the CWC's recommendation; JJ Act 2015 s.44, s.45).
CREATE TABLE scheme_child_fact (
  child_id    uuid NOT NULL REFERENCES child(id),
  fact        text NOT NULL,
  value       jsonb NOT NULL,
  source      text NOT NULL,
  source_ref  text,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (child_id, fact)
);
