-- Foster care, part 3 (issue #14, src/care/foster-renewal.service.ts, leaving.service.ts).
-- Columns are only ADDED to existing tables: the dashboard views (0662, 0791) stay valid.

-- Renewal of a foster family's approval. The committee's approval ends on care_foster_carer.review_due
-- (0750/0810). Before it ends the DCPU re-assesses the family (an update of the home study, Form 30,
-- JJ Model Rules 2016 r.23(9)) and the Sponsorship and Foster Care Approval Committee renews the
-- approval with a new end, or refuses it (r.23; the renewal period itself: unverified, see
-- src/care/domain/approval-renewal.json). One open re-assessment per family at a time.
CREATE TABLE care_foster_renewal (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  carer_id             uuid NOT NULL REFERENCES care_foster_carer(id),
  state_code           integer NOT NULL,
  district_code        integer NOT NULL,
  -- The approval's end when the re-assessment was recorded (null: no end was set).
  previous_valid_until date,
  reassessed_on        date NOT NULL,
  reassessment         jsonb NOT NULL,
  status               text NOT NULL DEFAULT 'reassessed' CHECK (status IN ('reassessed','renewed','refused')),
  meeting_on           date,
  valid_until          date,
  reasons              text,
  decision_ref         text,
  decided_by           uuid,
  created_by           uuid,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'reassessed' OR (meeting_on IS NOT NULL AND reasons IS NOT NULL)),
  CHECK (status <> 'renewed' OR valid_until IS NOT NULL),
  CHECK (meeting_on IS NULL OR meeting_on >= reassessed_on),
  CHECK (valid_until IS NULL OR meeting_on IS NULL OR valid_until > meeting_on)
);
CREATE UNIQUE INDEX care_foster_renewal_open_idx ON care_foster_renewal (carer_id) WHERE status = 'reassessed';
CREATE INDEX care_foster_renewal_carer_idx ON care_foster_renewal (carer_id, reassessed_on);
CREATE INDEX care_foster_carer_review_due_idx ON care_foster_carer (state_code, district_code, review_due) WHERE status = 'approved';

-- What an aftercare plan (JJ Act 2015 s.46; Form 37) follows: the stay's discharge with reason
-- 'aftercare', or the foster placement that ended because the young person turned 18 (or the
-- placement of a foster child of 17 years 6 months, proposed for aftercare). Null: not recorded
-- (plans made before this migration, or a care leaver from elsewhere).
ALTER TABLE care_aftercare_plan ADD COLUMN follows_stay_id uuid REFERENCES care_stay(id);
ALTER TABLE care_aftercare_plan ADD COLUMN follows_placement_id uuid REFERENCES care_family_placement(id);
ALTER TABLE care_aftercare_plan ADD CONSTRAINT care_aftercare_plan_follows_one
  CHECK (follows_stay_id IS NULL OR follows_placement_id IS NULL);
-- state_code leads each unique index so that `samanvay partition` can still convert this table (a
-- partitioned table's unique index must hold its partition key); a stay and its plan share the state.
CREATE UNIQUE INDEX care_aftercare_follows_stay_idx ON care_aftercare_plan (state_code, follows_stay_id) WHERE follows_stay_id IS NOT NULL;
CREATE UNIQUE INDEX care_aftercare_follows_placement_idx ON care_aftercare_plan (state_code, follows_placement_id) WHERE follows_placement_id IS NOT NULL;
