-- The children's facts as a summary table (issue #16, speed): dash_child computes five lookups
-- per child, which a district home repeats for every indicator and a state comparison for every
-- child of the state. The summary holds the same rows; src/dashboards/summary.repository.ts
-- refreshes it when it is older than the dashboards' freshness limit (and always before a
-- report), recording when in dash_refresh so every figure says how current it is.
CREATE MATERIALIZED VIEW dash_child_summary AS SELECT * FROM dash_child;
CREATE UNIQUE INDEX dash_child_summary_id_idx ON dash_child_summary (id);
CREATE INDEX dash_child_summary_scope_idx ON dash_child_summary (state_code, district_code, block_code);

CREATE TABLE dash_refresh (
  name          text PRIMARY KEY,
  refreshed_at  timestamptz NOT NULL
);
INSERT INTO dash_refresh (name, refreshed_at) VALUES ('child', '-infinity');

-- A district's statutory due items without scanning every district's (dash_case_due, CWC pendency).
CREATE INDEX case_due_scope_kind_idx ON case_due (state_code, district_code, kind);
