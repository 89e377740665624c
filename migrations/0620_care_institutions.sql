-- Children in institutions and family-based care (issue #14, src/care/).
-- An institution is an organisation of kind CCI or SAA (src/users/organisation-kinds.ts) with its
-- registration under JJ Act 2015 s.41 (s.65 for an SAA), type, management, sanctioned capacity by
-- sex and age band, specialisation and staff. Every row about a child carries the place columns
-- the access policy filters on: the institution's place for a stay (the district that monitors
-- the institution sees its children), the child's place for a gatekeeping decision.

CREATE TABLE care_institution (
  organisation_id   uuid PRIMARY KEY REFERENCES organisation(id),
  type              text NOT NULL CHECK (type IN ('childrens_home','open_shelter','observation_home','special_home',
                                                   'place_of_safety','saa','fit_facility')),
  management        text NOT NULL CHECK (management IN ('government','ngo')),
  registration_no   text NOT NULL,
  registered_on     date,
  valid_until       date NOT NULL,
  capacity          jsonb NOT NULL DEFAULT '[]',
  specialisations   text[] NOT NULL DEFAULT '{}',
  staff_sanctioned  integer NOT NULL DEFAULT 0 CHECK (staff_sanctioned >= 0),
  staff_in_post     integer NOT NULL DEFAULT 0 CHECK (staff_in_post >= 0),
  state_code        integer NOT NULL,
  district_code     integer NOT NULL,
  subdistrict_code  integer,
  block_code        integer,
  village_id        text,
  created_by        uuid,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 1,
  CHECK (registered_on IS NULL OR registered_on <= valid_until)
);
CREATE INDEX care_institution_place_idx ON care_institution (state_code, district_code);

-- Inspection committee visits (JJ Act 2015 s.54): findings and the follow-up actions raised
-- as convergence action items (their ids kept here; the convergence module owns the items).
CREATE TABLE care_inspection (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id    uuid NOT NULL REFERENCES care_institution(organisation_id),
  inspected_on      date NOT NULL,
  committee         text NOT NULL,
  findings          jsonb NOT NULL DEFAULT '[]',
  follow_ups        jsonb NOT NULL DEFAULT '[]',
  state_code        integer NOT NULL,
  district_code     integer NOT NULL,
  created_by        uuid,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX care_inspection_institution_idx ON care_inspection (institution_id, inspected_on DESC);

-- Gatekeeping (JJ Act 2015 s.3(xii), institutionalisation as a last resort): before a CWC
-- orders institutional care, the family-based options considered and why each was or was not
-- suitable; the decision is institution or a family-based option (a diverted admission).
CREATE TABLE care_gatekeeping (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id          uuid NOT NULL REFERENCES child(id),
  case_id           uuid,
  state_code        integer NOT NULL,
  district_code     integer NOT NULL,
  subdistrict_code  integer,
  block_code        integer,
  village_id        text,
  assessed_on       date NOT NULL,
  options           jsonb NOT NULL,
  decision          text NOT NULL CHECK (decision IN ('institution','own_family','kinship','foster_care','sponsorship')),
  reason            text NOT NULL,
  created_by        uuid,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX care_gatekeeping_child_idx ON care_gatekeeping (child_id, assessed_on DESC);
CREATE INDEX care_gatekeeping_place_idx ON care_gatekeeping (state_code, district_code, assessed_on);

-- A child's stay in an institution, from admission on an order to leaving it. One open stay per
-- child (the partial unique index): two members recording the same placement at once give one
-- stay and a 409, not two. A transfer ends one stay ('left', reason transferred) and opens the next.
CREATE TABLE care_stay (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id             uuid NOT NULL REFERENCES child(id),
  institution_id       uuid NOT NULL REFERENCES care_institution(organisation_id),
  state_code           integer NOT NULL,
  district_code        integer NOT NULL,
  subdistrict_code     integer,
  block_code           integer,
  village_id           text,
  -- CWC (child in need of care and protection) or JJB (child in conflict with law): kept apart.
  order_by             text NOT NULL CHECK (order_by IN ('cwc','jjb')),
  case_id              uuid,
  order_type           text NOT NULL,
  order_ref            text,
  order_form           text,
  ordered_on           date NOT NULL,
  gatekeeping_id       uuid REFERENCES care_gatekeeping(id),
  admitted_on          date NOT NULL,
  sex                  text NOT NULL,
  age_band             text NOT NULL,
  status               text NOT NULL CHECK (status IN ('in_care','on_leave','absconded','left')),
  ended_on             date,
  end_reason           text,
  over_capacity_reason text,
  transferred_from     uuid REFERENCES care_stay(id),
  missing_report_id    uuid,
  created_by           uuid,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 1,
  CHECK (ordered_on <= admitted_on),
  CHECK (ended_on IS NULL OR ended_on >= admitted_on)
);
CREATE UNIQUE INDEX care_stay_one_open_idx ON care_stay (child_id) WHERE status <> 'left';
CREATE INDEX care_stay_institution_idx ON care_stay (institution_id) WHERE status <> 'left';
CREATE INDEX care_stay_place_idx ON care_stay (state_code, district_code, status);

-- What happened during a stay, append-only: leave, return, running away, found, transfer, discharge.
CREATE TABLE care_stay_event (
  id          bigserial PRIMARY KEY,
  stay_id     uuid NOT NULL REFERENCES care_stay(id),
  type        text NOT NULL,
  on_day      date NOT NULL,
  detail      jsonb NOT NULL DEFAULT '{}',
  by_user     uuid,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX care_stay_event_stay_idx ON care_stay_event (stay_id, id);

-- The Individual Care Plan (JJ Model Rules 2016 Form 7) of a child in care and its reviews.
CREATE TABLE care_plan (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  stay_id           uuid NOT NULL REFERENCES care_stay(id),
  child_id          uuid NOT NULL REFERENCES child(id),
  state_code        integer NOT NULL,
  district_code     integer NOT NULL,
  prepared_on       date NOT NULL,
  preferred_option  text NOT NULL,
  goals             jsonb NOT NULL,
  next_review_due   date NOT NULL,
  created_by        uuid,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX care_plan_stay_idx ON care_plan (stay_id);

CREATE TABLE care_plan_review (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id          uuid NOT NULL REFERENCES care_plan(id),
  reviewed_on      date NOT NULL,
  outcome          text NOT NULL,
  notes            text,
  next_review_due  date,
  by_user          uuid,
  at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX care_plan_review_plan_idx ON care_plan_review (plan_id, reviewed_on);

-- The way home (reintegration pathway) per child in care, and its follow-up visits after the move.
CREATE TABLE care_reintegration (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id          uuid NOT NULL REFERENCES child(id),
  stay_id           uuid REFERENCES care_stay(id),
  state_code        integer NOT NULL,
  district_code     integer NOT NULL,
  ngo_id            uuid REFERENCES organisation(id),
  stage             text NOT NULL,
  stage_on          date NOT NULL,
  history           jsonb NOT NULL DEFAULT '[]',
  restored_on       date,
  created_by        uuid,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX care_reintegration_child_open_idx ON care_reintegration (child_id) WHERE stage NOT IN ('closed','re_entered');

CREATE TABLE care_follow_up (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reintegration_id  uuid NOT NULL REFERENCES care_reintegration(id),
  due_on            date NOT NULL,
  visited_on        date,
  findings          text,
  risk              text,
  UNIQUE (reintegration_id, due_on)
);

-- Family-based alternative care placements: kinship and foster (JJ Act 2015 s.44), sponsorship (s.45).
CREATE TABLE care_family_placement (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id          uuid NOT NULL REFERENCES child(id),
  kind              text NOT NULL CHECK (kind IN ('kinship','foster','group_foster','sponsorship','aftercare')),
  state_code        integer NOT NULL,
  district_code     integer NOT NULL,
  carer             text,
  case_id           uuid,
  order_ref         text,
  approved_on       date,
  started_on        date NOT NULL,
  ended_on          date,
  end_reason        text,
  created_by        uuid,
  created_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 1,
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX care_family_placement_place_idx ON care_family_placement (state_code, district_code, kind);
