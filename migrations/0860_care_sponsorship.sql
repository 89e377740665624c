-- Issue #18: a sponsorship (JJ Act 2015 s.45; JJ Model Rules 2016 R.24, the CWC's order on Form 36;
-- Mission Vatsalya guidelines 2022, 4.1) as an application the Sponsorship and Foster Care Approval
-- Committee (SFCAC) decides: applied -> sanctioned (with the Form 36 order, the family placement of
-- kind 'sponsorship' that the grant ledger pays monthly) or refused; a sanctioned sponsorship is
-- reviewed every year and ends (the placement ends with it). The absence of a school-going child
-- is kept so the pause after 30 days (src/law/care-clocks.ts) is computed, never typed in.
CREATE TABLE care_sponsorship (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id          uuid NOT NULL REFERENCES child(id),
  case_id           uuid,
  state_code        integer NOT NULL,
  district_code     integer NOT NULL,
  subdistrict_code  integer,
  block_code        integer,
  village_id        text,
  applied_on        date NOT NULL,
  applicant         text NOT NULL,
  ground            text NOT NULL,
  status            text NOT NULL CHECK (status IN ('applied','sanctioned','refused','ended')),
  decision          jsonb,
  decided_on        date,
  order_ref         text,
  placement_id      uuid REFERENCES care_family_placement(id),
  monthly_amount    integer,
  rate_version      text,
  reviews           jsonb NOT NULL DEFAULT '[]'::jsonb,
  last_review_on    date,
  absent_since      date,
  absences          jsonb NOT NULL DEFAULT '[]'::jsonb,
  ended_on          date,
  end_reason        text,
  created_by        uuid,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 1,
  CHECK (decided_on IS NULL OR decided_on >= applied_on),
  CHECK (status <> 'sanctioned' OR (placement_id IS NOT NULL AND order_ref IS NOT NULL))
);
-- One open application or sponsorship per child: two officers applying at once get one and a 409.
CREATE UNIQUE INDEX care_sponsorship_open_child_idx ON care_sponsorship (child_id) WHERE status IN ('applied','sanctioned');
CREATE INDEX care_sponsorship_place_idx ON care_sponsorship (state_code, district_code, status);
