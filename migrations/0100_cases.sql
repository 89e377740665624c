-- Case management for children in need of care and protection (issue #4).
--
-- A case is an append-only list of actions (case_action); everything else here is a
-- projection of that list, recomputed by the pure `deriveCase` (src/cases/domain) in the
-- same transaction as every append: the summary row (case_record), the due items
-- (case_due: the task lists and overdue alerts read it), the referrals (case_referral:
-- what a referred-to department may see) and the convergence flags.
-- Every table carries state_code, district_code first so the access policy can filter and
-- a national deployment can partition by state.

CREATE TABLE case_record (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number              bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  child_id            uuid NOT NULL REFERENCES child(id),
  family_id           uuid REFERENCES family(id),
  state_code          integer NOT NULL,
  district_code       integer NOT NULL,
  subdistrict_code    integer,
  block_code          integer,
  village_id          text,
  status              text NOT NULL,
  phase               text NOT NULL,
  level               text NOT NULL CHECK (level IN ('village','block','district','state')),
  risk                text NOT NULL CHECK (risk IN ('low','medium','high','critical')),
  source              text NOT NULL,
  reported_on         date NOT NULL,
  owner_user_id       uuid,
  owner_unit_id       uuid NOT NULL,
  -- The receiving unit of a pending transfer sees the case to decide on it (JJ Act 2015 s.95).
  transfer_to_unit_id uuid,
  next_due_at         timestamptz,
  next_due_kind       text,
  flags               text[] NOT NULL DEFAULT '{}',
  opened_at           timestamptz NOT NULL,
  last_action_at      timestamptz NOT NULL,
  closed_at           timestamptz,
  -- Number of actions on the record: the optimistic version a client edits at.
  version             integer NOT NULL DEFAULT 1,
  created_by          uuid,
  updated_at          timestamptz NOT NULL DEFAULT now()
);
-- The lists: a district's cases by what is due first, a unit's and a person's queue.
CREATE INDEX case_record_district_due_idx ON case_record (state_code, district_code, next_due_at, id);
CREATE INDEX case_record_district_status_idx ON case_record (district_code, status, risk, level);
CREATE INDEX case_record_village_idx ON case_record (district_code, village_id);
CREATE INDEX case_record_block_idx ON case_record (district_code, block_code);
CREATE INDEX case_record_owner_unit_idx ON case_record (owner_unit_id, status, next_due_at);
CREATE INDEX case_record_owner_user_idx ON case_record (owner_user_id, next_due_at) WHERE owner_user_id IS NOT NULL;
CREATE INDEX case_record_transfer_idx ON case_record (transfer_to_unit_id) WHERE transfer_to_unit_id IS NOT NULL;
CREATE INDEX case_record_child_idx ON case_record (child_id);

CREATE TABLE case_action (
  case_id        uuid NOT NULL REFERENCES case_record(id),
  seq            integer NOT NULL,
  type           text NOT NULL,
  at             timestamptz NOT NULL,
  actor_user_id  uuid,
  actor_unit_id  uuid,
  -- Client-generated id (offline retry): the same id is never recorded twice on a case.
  client_id      text,
  -- The action exactly as validated by the domain's zod schema (caseActionSchema).
  payload        jsonb NOT NULL,
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, seq)
);
CREATE UNIQUE INDEX case_action_client_idx ON case_action (case_id, client_id) WHERE client_id IS NOT NULL;

-- The history is evidence: nothing is edited or removed, a correction is a new action.
CREATE FUNCTION case_action_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_action is append-only';
END $$;
CREATE TRIGGER case_action_no_update BEFORE UPDATE OR DELETE ON case_action
  FOR EACH ROW EXECUTE FUNCTION case_action_append_only();

-- What is due on a case, by whom (projection of deriveCase's due items).
CREATE TABLE case_due (
  case_id           uuid NOT NULL REFERENCES case_record(id),
  kind              text NOT NULL,
  ref               text NOT NULL DEFAULT '',
  due_at            timestamptz NOT NULL,
  assigned_user_id  uuid,
  assigned_unit_id  uuid NOT NULL,
  statutory         boolean NOT NULL,
  source            text NOT NULL,
  state_code        integer NOT NULL,
  district_code     integer NOT NULL,
  -- Set by the overdue sweep when it raised the alert; reset when the due date moves.
  alerted_at        timestamptz,
  PRIMARY KEY (case_id, kind, ref)
);
CREATE INDEX case_due_user_idx ON case_due (assigned_user_id, due_at) WHERE assigned_user_id IS NOT NULL;
CREATE INDEX case_due_unit_idx ON case_due (assigned_unit_id, due_at);
CREATE INDEX case_due_unalerted_idx ON case_due (due_at) WHERE alerted_at IS NULL;

-- Referrals of a service need to a department or NGO (projection). A referred-to
-- organisation sees the child's name, its referral and the need, nothing else.
CREATE TABLE case_referral (
  case_id        uuid NOT NULL REFERENCES case_record(id),
  referral_id    text NOT NULL,
  to_org_id      uuid NOT NULL,
  to_kind        text NOT NULL,
  domain         text NOT NULL,
  need           text NOT NULL,
  status         text NOT NULL,
  referred_at    timestamptz NOT NULL,
  due_date       date,
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  PRIMARY KEY (case_id, referral_id)
);
CREATE INDEX case_referral_org_idx ON case_referral (to_org_id, status);

-- Cases flagged for the district convergence group (read by the convergence module).
CREATE TABLE case_convergence_flag (
  case_id          uuid NOT NULL REFERENCES case_record(id),
  n                integer NOT NULL,
  group_id         text,
  reason           text NOT NULL,
  flagged_at       timestamptz NOT NULL,
  flagged_by_unit  text NOT NULL,
  state_code       integer NOT NULL,
  district_code    integer NOT NULL,
  PRIMARY KEY (case_id, n)
);
CREATE INDEX case_convergence_flag_district_idx ON case_convergence_flag (state_code, district_code, flagged_at);

-- Documents and photos attached to a case; the bytes live under filesDir with a random name.
CREATE TABLE case_attachment (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id        uuid NOT NULL REFERENCES case_record(id),
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  kind           text NOT NULL,
  content_type   text NOT NULL,
  original_name  text,
  description    text,
  size_bytes     integer NOT NULL,
  sha256         text NOT NULL,
  stored_name    text NOT NULL UNIQUE,
  uploaded_by    uuid,
  uploaded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_attachment_case_idx ON case_attachment (case_id, uploaded_at);

-- Alerts, addressed to a person or to a unit (organisation); read state is per person.
CREATE TABLE notification (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid,
  unit_id     uuid,
  kind        text NOT NULL,
  case_id     uuid REFERENCES case_record(id),
  ref         text,
  due_at      timestamptz,
  message     text NOT NULL,
  created_at  timestamptz NOT NULL,
  CHECK (user_id IS NOT NULL OR unit_id IS NOT NULL)
);
CREATE INDEX notification_user_idx ON notification (user_id, created_at) WHERE user_id IS NOT NULL;
CREATE INDEX notification_unit_idx ON notification (unit_id, created_at) WHERE unit_id IS NOT NULL;

CREATE TABLE notification_read (
  notification_id uuid NOT NULL REFERENCES notification(id),
  user_id         uuid NOT NULL,
  read_at         timestamptz NOT NULL,
  PRIMARY KEY (notification_id, user_id)
);
