-- Children in institutions and family-based care, part 2 (issue #14, src/care/): the
-- institution's own staff (role cci_staff), foster carers (JJ Act 2015 s.44; JJ Model Rules 2016
-- r.23), the monthly grant ledger (s.45; Mission Vatsalya guidelines 2022), aftercare plans
-- (s.46, r.25) and the hand-off of a child legally free for adoption (s.38) to an SAA/CARINGS.
-- Columns are only ADDED to care_family_placement: the dashboard views (0662) stay valid.

-- A plan belongs to the institution of its stay (the row rule own_organisation for CCI staff).
ALTER TABLE care_plan ADD COLUMN institution_id uuid REFERENCES care_institution(organisation_id);
UPDATE care_plan p SET institution_id = s.institution_id FROM care_stay s WHERE s.id = p.stay_id;
CREATE INDEX care_plan_institution_idx ON care_plan (institution_id);

-- Progress notes on the Individual Care Plan by the institution's staff (Form 7).
CREATE TABLE care_plan_progress (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id     uuid NOT NULL REFERENCES care_plan(id),
  on_day      date NOT NULL,
  domain      text,
  note        text NOT NULL,
  by_user     uuid,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX care_plan_progress_plan_idx ON care_plan_progress (plan_id, on_day);

-- What an institution asks about a child's stay (leave, transfer, discharge…): the CWC or the
-- DCPU decides and, if granted, records the move itself (an order is never the institution's).
CREATE TABLE care_movement_request (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  stay_id        uuid NOT NULL REFERENCES care_stay(id),
  child_id       uuid NOT NULL REFERENCES child(id),
  institution_id uuid NOT NULL REFERENCES care_institution(organisation_id),
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('leave','transfer','discharge','medical','other')),
  requested_on   date NOT NULL,
  wanted_from    date,
  reason         text NOT NULL,
  status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open','granted','refused')),
  decided_by     uuid,
  decided_on     date,
  decision_note  text,
  created_by     uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1,
  CHECK (decided_on IS NULL OR decided_on >= requested_on)
);
CREATE INDEX care_movement_request_stay_idx ON care_movement_request (stay_id);
CREATE INDEX care_movement_request_place_idx ON care_movement_request (state_code, district_code, status);

-- Foster carers (JJ Act 2015 s.44; JJ Model Rules 2016 r.23): the application, the home study
-- report (Form 30, r.23(9)) and the Sponsorship and Foster Care Approval Committee's decision.
CREATE TABLE care_foster_carer (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind              text NOT NULL CHECK (kind IN ('foster','group_foster','kinship')),
  name              text NOT NULL,
  address           text,
  state_code        integer NOT NULL,
  district_code     integer NOT NULL,
  subdistrict_code  integer,
  block_code        integer,
  village_id        text,
  applied_on        date NOT NULL,
  status            text NOT NULL CHECK (status IN ('applied','home_study_done','approved','rejected','ended')),
  home_study        jsonb,
  decision          jsonb,
  approved_on       date,
  review_due        date,
  created_by        uuid,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 1,
  CHECK (approved_on IS NULL OR approved_on >= applied_on)
);
CREATE INDEX care_foster_carer_place_idx ON care_foster_carer (state_code, district_code, status);

ALTER TABLE care_family_placement ADD COLUMN carer_id uuid REFERENCES care_foster_carer(id);
ALTER TABLE care_family_placement ADD COLUMN order_form text;

-- Monthly inspection of a foster family (JJ Model Rules 2016 r.23(18), Form 35).
CREATE TABLE care_foster_inspection (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  placement_id   uuid NOT NULL REFERENCES care_family_placement(id),
  visited_on     date NOT NULL,
  wellbeing      text NOT NULL CHECK (wellbeing IN ('good','concern','at_risk')),
  findings       text NOT NULL,
  by_user        uuid,
  at             timestamptz NOT NULL DEFAULT now(),
  UNIQUE (placement_id, visited_on)
);

-- The monthly grant ledger per child (sponsorship s.45, foster care, aftercare): one row per
-- placement and month (a payment recorded twice is refused by the unique key); the amount is
-- copied from the rate in force (src/care/domain/grants.json) with the rate's version.
CREATE TABLE care_payment (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  placement_id   uuid NOT NULL REFERENCES care_family_placement(id),
  child_id       uuid NOT NULL REFERENCES child(id),
  kind           text NOT NULL,
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  month          date NOT NULL CHECK (extract(day FROM month) = 1),
  amount         integer NOT NULL CHECK (amount > 0),
  rate_version   text NOT NULL,
  status         text NOT NULL CHECK (status IN ('due','paid','withheld')),
  paid_on        date,
  reason         text,
  created_by     uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1,
  UNIQUE (placement_id, month),
  CHECK (status <> 'paid' OR paid_on IS NOT NULL),
  CHECK (status <> 'withheld' OR reason IS NOT NULL)
);
CREATE INDEX care_payment_place_idx ON care_payment (state_code, district_code, month);

-- Aftercare plans for care leavers 18-21 (JJ Act 2015 s.46; JJ Model Rules 2016 r.25; Form 37 order).
CREATE TABLE care_aftercare_plan (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id         uuid NOT NULL REFERENCES child(id),
  state_code       integer NOT NULL,
  district_code    integer NOT NULL,
  order_ref        text NOT NULL,
  plan_on          date NOT NULL,
  turns18_on       date,
  ends_on          date,
  needs            jsonb NOT NULL,
  next_review_due  date NOT NULL,
  reviews          jsonb NOT NULL DEFAULT '[]',
  status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active','ended')),
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX care_aftercare_one_active_idx ON care_aftercare_plan (child_id) WHERE status = 'active';

-- Hand-off of a child declared legally free for adoption (s.38, Form 25) to a Specialised
-- Adoption Agency and CARINGS (the adoption itself is CARA's: Adoption Regulations 2022).
CREATE TABLE care_adoption_handoff (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id         uuid NOT NULL REFERENCES child(id),
  case_id          uuid NOT NULL,
  state_code       integer NOT NULL,
  district_code    integer NOT NULL,
  declared_free_on date NOT NULL,
  order_ref        text,
  saa_id           uuid NOT NULL REFERENCES care_institution(organisation_id),
  carings_ref      text,
  handed_over_on   date NOT NULL,
  status           text NOT NULL CHECK (status IN ('handed_over','referred','adopted','returned')),
  status_on        date NOT NULL,
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1,
  CHECK (handed_over_on >= declared_free_on)
);
CREATE UNIQUE INDEX care_adoption_open_idx ON care_adoption_handoff (child_id) WHERE status IN ('handed_over','referred');
