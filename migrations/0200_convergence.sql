-- Convergence (issue #5): the Convergence Matrix, convergence groups at district and block
-- level, their monthly meetings (attendance, cases discussed, decisions), the action items
-- assigned to departments (an append-only event list with a status projection), and the
-- issues Bal Panchayats raise.
-- Every table that can point at a child, a family or a case carries state_code and
-- district_code (and block_code where it belongs to a block) so the access policy filters
-- in SQL and a national deployment can partition by state.

-- The Matrix is data an administrator edits. Each save is a new version (never an update),
-- so what the matrix said when a responsibility was assigned can always be shown.
-- state_code 0 = the national default (when a state has not edited its own).
CREATE TABLE convergence_matrix (
  state_code   integer NOT NULL,
  version      integer NOT NULL CHECK (version > 0),
  matrix       jsonb NOT NULL,
  note         text,
  created_by   uuid,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (state_code, version)
);

CREATE TABLE convergence_group (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  state_code               integer NOT NULL,
  district_code            integer NOT NULL,
  subdistrict_code         integer,
  block_code               integer,
  level                    text NOT NULL CHECK (level IN ('district','block')),
  name                     text NOT NULL,
  name_local               text,
  meeting_frequency        text NOT NULL DEFAULT 'monthly' CHECK (meeting_frequency IN ('monthly','bimonthly','quarterly')),
  meeting_day              integer CHECK (meeting_day BETWEEN 1 AND 31),
  anchor_departments       text[] NOT NULL DEFAULT '{}',
  -- A Bal Panchayat issue unresolved for this many days comes onto the agenda (N).
  bal_panchayat_after_days integer NOT NULL DEFAULT 30 CHECK (bal_panchayat_after_days BETWEEN 1 AND 365),
  created_by               uuid,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  version                  integer NOT NULL DEFAULT 1,
  CHECK (level = 'district' OR block_code IS NOT NULL)
);
-- One group per district and one per block.
CREATE UNIQUE INDEX convergence_group_district_uq ON convergence_group (district_code) WHERE level = 'district';
CREATE UNIQUE INDEX convergence_group_block_uq ON convergence_group (district_code, block_code) WHERE level = 'block';

-- A seat on the group: a person representing a department (or an NGO), optionally a user
-- of Samanvay. Seats are dated so attendance counts a department only while it sat.
CREATE TABLE convergence_member (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id         uuid NOT NULL REFERENCES convergence_group(id),
  state_code       integer NOT NULL,
  district_code    integer NOT NULL,
  department       text NOT NULL,
  organisation_id  uuid REFERENCES organisation(id),
  user_id          uuid REFERENCES app_user(id),
  name             text NOT NULL,
  designation      text,
  roles            text[] NOT NULL DEFAULT '{member}',
  email            text,
  phone            text,
  since            date,
  until            date,
  created_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1
);
CREATE INDEX convergence_member_group_idx ON convergence_member (group_id);
CREATE INDEX convergence_member_user_idx ON convergence_member (user_id) WHERE user_id IS NOT NULL;

CREATE TABLE convergence_meeting (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id         uuid NOT NULL REFERENCES convergence_group(id),
  state_code       integer NOT NULL,
  district_code    integer NOT NULL,
  subdistrict_code integer,
  block_code       integer,
  meeting_date     date NOT NULL,
  status           text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','held','cancelled')),
  chair_member_id  uuid REFERENCES convergence_member(id),
  venue            text,
  guests           jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- The agenda as it stood when the meeting was held (before that it is computed live).
  agenda           jsonb,
  minutes          text,
  held_at          timestamptz,
  minuted_at       timestamptz,
  note_sent_at     timestamptz,
  cancel_reason    text,
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1
);
CREATE INDEX convergence_meeting_group_idx ON convergence_meeting (group_id, meeting_date);
CREATE INDEX convergence_meeting_scope_idx ON convergence_meeting (state_code, district_code, meeting_date);
CREATE UNIQUE INDEX convergence_meeting_group_date_uq ON convergence_meeting (group_id, meeting_date) WHERE status <> 'cancelled';

CREATE TABLE convergence_attendance (
  meeting_id  uuid NOT NULL REFERENCES convergence_meeting(id),
  member_id   uuid NOT NULL REFERENCES convergence_member(id),
  present     boolean NOT NULL,
  PRIMARY KEY (meeting_id, member_id)
);

-- Bal Panchayat (children's council) issues: to the VCPC first, then to the group.
-- No child's name is needed; when a child is linked, JJ Act 2015 s.74 applies to it.
CREATE TABLE bal_panchayat_issue (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  state_code         integer NOT NULL,
  district_code      integer NOT NULL,
  subdistrict_code   integer,
  block_code         integer,
  village_id         text NOT NULL REFERENCES location(id),
  council_name       text,
  category           text NOT NULL,
  summary            text NOT NULL,
  raised_on          date NOT NULL,
  raised_by          uuid,
  child_id           uuid REFERENCES child(id),
  family_id          uuid REFERENCES family(id),
  status             text NOT NULL DEFAULT 'with_vcpc' CHECK (status IN ('with_vcpc','escalated','on_agenda','resolved')),
  escalated_on       date,
  escalation_reason  text,
  resolved_on        date,
  resolved_by        text CHECK (resolved_by IN ('vcpc','group')),
  outcome            text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 1
);
CREATE INDEX bal_panchayat_issue_scope_idx ON bal_panchayat_issue (district_code, block_code, status);
CREATE INDEX bal_panchayat_issue_village_idx ON bal_panchayat_issue (village_id, raised_on);

-- A case, family, child or Bal Panchayat issue discussed at a meeting, and the decision.
CREATE TABLE convergence_discussion (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id     uuid NOT NULL REFERENCES convergence_meeting(id),
  group_id       uuid NOT NULL REFERENCES convergence_group(id),
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  block_code     integer,
  case_ref       text,
  case_id        uuid REFERENCES case_record(id),
  family_id      uuid REFERENCES family(id),
  child_id       uuid REFERENCES child(id),
  issue_id       uuid REFERENCES bal_panchayat_issue(id),
  decision       text NOT NULL,
  created_by     uuid,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX convergence_discussion_meeting_idx ON convergence_discussion (meeting_id);
CREATE INDEX convergence_discussion_issue_idx ON convergence_discussion (issue_id) WHERE issue_id IS NOT NULL;

-- A responsibility assigned to a department. Its status is derived from
-- convergence_action_event by the domain's actionState and stored here as a projection
-- (status, done_on, …) in the same transaction as each event, for lists and reports.
CREATE TABLE convergence_action (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id           uuid NOT NULL REFERENCES convergence_group(id),
  meeting_id         uuid NOT NULL REFERENCES convergence_meeting(id),
  discussion_id      uuid REFERENCES convergence_discussion(id),
  state_code         integer NOT NULL,
  district_code      integer NOT NULL,
  block_code         integer,
  case_ref           text,
  case_id            uuid REFERENCES case_record(id),
  family_id          uuid REFERENCES family(id),
  child_id           uuid REFERENCES child(id),
  issue_id           uuid REFERENCES bal_panchayat_issue(id),
  domain             text,
  description        text NOT NULL,
  department         text NOT NULL,
  -- When set, only this organisation (of that department) may update it (e.g. one NGO).
  organisation_id    uuid REFERENCES organisation(id),
  officer_member_id  uuid REFERENCES convergence_member(id),
  officer            text,
  assigned_on        date NOT NULL,
  due_date           date NOT NULL,
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','blocked','reopened')),
  done_on            date,
  result             text,
  blocked_reason     text,
  last_event_on      date,
  -- How far the reminder scan has got: none → due_soon → overdue (each queued once).
  reminder_stage     text NOT NULL DEFAULT 'none' CHECK (reminder_stage IN ('none','due_soon','overdue')),
  created_by         uuid,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 1,
  CHECK (due_date >= assigned_on)
);
CREATE INDEX convergence_action_group_idx ON convergence_action (group_id, status, due_date);
CREATE INDEX convergence_action_scope_idx ON convergence_action (state_code, district_code, department, status);
CREATE INDEX convergence_action_due_idx ON convergence_action (due_date) WHERE status <> 'done';
CREATE INDEX convergence_action_family_idx ON convergence_action (family_id) WHERE family_id IS NOT NULL;
CREATE INDEX convergence_action_meeting_idx ON convergence_action (meeting_id);

CREATE TABLE convergence_action_event (
  action_id      uuid NOT NULL REFERENCES convergence_action(id),
  seq            integer NOT NULL,
  type           text NOT NULL CHECK (type IN ('complete','block','reopen')),
  event_on       date NOT NULL,
  by_person      text NOT NULL,
  by_user_id     uuid,
  text           text NOT NULL,
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (action_id, seq)
);

-- What a department reported is evidence: nothing is edited or removed; a correction is a
-- new event (reopen).
CREATE FUNCTION convergence_action_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'convergence_action_event is append-only';
END $$;
CREATE TRIGGER convergence_action_event_no_update BEFORE UPDATE OR DELETE ON convergence_action_event
  FOR EACH ROW EXECUTE FUNCTION convergence_action_event_append_only();
