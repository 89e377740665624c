-- Mission Vatsalya reports, frozen (issue #16): a monthly report once submitted (or sent on the
-- schedule) is stored with its figures, the instant of the data they show, a sha256 of the
-- figures, who and when. Later edits to records do not change it; a re-run shows the
-- difference (src/reports/mission-vatsalya/snapshots.service.ts). Rows are never updated.
CREATE TABLE report_snapshot (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                  text NOT NULL CHECK (kind IN ('monthly')),
  -- submitted: by the district's officer; scheduled: the copy mailed on the 5th.
  origin                text NOT NULL CHECK (origin IN ('submitted', 'scheduled')),
  state_code            integer NOT NULL,
  district_code         integer NOT NULL,
  period                text NOT NULL,
  indicator_set_version integer NOT NULL,
  figures_at            timestamptz NOT NULL,
  report                jsonb NOT NULL,
  sha256                text NOT NULL,
  submitted_by          uuid,
  submitted_at          timestamptz NOT NULL
);
-- One submitted report and one scheduled copy per district and month.
CREATE UNIQUE INDEX report_snapshot_once_idx ON report_snapshot (kind, district_code, period, origin);
CREATE INDEX report_snapshot_scope_idx ON report_snapshot (state_code, district_code, submitted_at DESC);

CREATE FUNCTION report_snapshot_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'report_snapshot is frozen: a submitted report is never changed';
END;
$$;
CREATE TRIGGER report_snapshot_no_update BEFORE UPDATE OR DELETE ON report_snapshot
  FOR EACH ROW EXECUTE FUNCTION report_snapshot_frozen();

-- Who receives a district's monthly report on the 5th of each month (through the outbox).
CREATE TABLE report_recipient (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  address        text NOT NULL,
  lang           text NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'hi', 'mr')),
  added_by       uuid,
  added_at       timestamptz NOT NULL
);
CREATE UNIQUE INDEX report_recipient_once_idx ON report_recipient (district_code, lower(address));
