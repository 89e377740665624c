-- Sponsorship renewal and ending as its own workflow (issue #14; JJ Act 2015 s.45; JJ Model Rules
-- 2016 R.24; Mission Vatsalya guidelines 2022, 4.1: the SFCAC sanctions a sponsorship for a period
-- and renews it after the DCPU's re-assessment). Mirrors the foster approval renewal (0910).
-- Columns are only ADDED to care_sponsorship.

-- Until when the sanction holds (null: sanctioned before this migration, no end recorded). Past it
-- without a renewal the sponsorship has lapsed: the ledger makes no month after it (ledger-due.service.ts).
ALTER TABLE care_sponsorship ADD COLUMN valid_until date;
ALTER TABLE care_sponsorship ADD CONSTRAINT care_sponsorship_valid_after_decision
  CHECK (valid_until IS NULL OR decided_on IS NULL OR valid_until > decided_on);
ALTER TABLE care_sponsorship ADD CONSTRAINT care_sponsorship_ended_after_decision
  CHECK (ended_on IS NULL OR decided_on IS NULL OR ended_on >= decided_on);

CREATE TABLE care_sponsorship_renewal (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sponsorship_id       uuid NOT NULL REFERENCES care_sponsorship(id),
  state_code           integer NOT NULL,
  district_code        integer NOT NULL,
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
-- One open re-assessment per sponsorship; state_code leads so the table can be partitioned by state.
CREATE UNIQUE INDEX care_sponsorship_renewal_open_idx ON care_sponsorship_renewal (state_code, sponsorship_id) WHERE status = 'reassessed';
CREATE INDEX care_sponsorship_renewal_of_idx ON care_sponsorship_renewal (sponsorship_id, reassessed_on);
CREATE INDEX care_sponsorship_valid_until_idx ON care_sponsorship (state_code, district_code, valid_until) WHERE status = 'sanctioned';
