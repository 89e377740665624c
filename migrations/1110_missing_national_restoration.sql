-- A restoration after a national (cross-state) match (issue #19, docs/SCALE.md §4): opened in the
-- database of the state that holds the found child, at the found child's district, when both
-- states have confirmed the nation's proposal. It names the national proposal (national_match,
-- a federation table outside the migrations: no key to it) instead of a missing_match, and the
-- missing report only when this database holds it (on a federated state database the report is
-- the other state's: NULL). A same-state restoration still names its missing_match and report.
ALTER TABLE missing_restoration ADD COLUMN national_match_id uuid;
ALTER TABLE missing_restoration ALTER COLUMN match_id DROP NOT NULL;
ALTER TABLE missing_restoration ALTER COLUMN missing_id DROP NOT NULL;
ALTER TABLE missing_restoration ADD CONSTRAINT missing_restoration_one_match
  CHECK ((match_id IS NULL) <> (national_match_id IS NULL));
ALTER TABLE missing_restoration ADD CONSTRAINT missing_restoration_local_report
  CHECK (match_id IS NULL OR missing_id IS NOT NULL);
-- One restoration per national proposal in a state (state_code: the table may be partitioned by it).
CREATE UNIQUE INDEX missing_restoration_national_match_idx ON missing_restoration (national_match_id, state_code);
