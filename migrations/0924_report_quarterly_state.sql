-- Quarterly state report delivery (issue #16): after each quarter ends, the quarterly state
-- report is frozen like the monthly district report (0790) and mailed through the outbox to the
-- state's recipients (src/reports/mission-vatsalya/schedule.ts). Mission Vatsalya Guidelines 2022:
-- the SCPS reports to the State Child Protection Society's governing body and the Ministry.
--
-- A frozen quarterly report is the state's: it has no district. A recipient of the state's
-- report has none either (a district's recipient receives the district's monthly report).
ALTER TABLE report_snapshot DROP CONSTRAINT report_snapshot_kind_check;
ALTER TABLE report_snapshot ADD CONSTRAINT report_snapshot_kind_check CHECK (kind IN ('monthly', 'quarterly'));
ALTER TABLE report_snapshot ALTER COLUMN district_code DROP NOT NULL;
ALTER TABLE report_snapshot ADD CONSTRAINT report_snapshot_area_check CHECK ((kind = 'monthly') = (district_code IS NOT NULL));
-- One scheduled (and one submitted) copy per state and quarter.
CREATE UNIQUE INDEX report_snapshot_state_once_idx ON report_snapshot (kind, state_code, period, origin) WHERE district_code IS NULL;

ALTER TABLE report_recipient ALTER COLUMN district_code DROP NOT NULL;
CREATE UNIQUE INDEX report_recipient_state_once_idx ON report_recipient (state_code, lower(address)) WHERE district_code IS NULL;
