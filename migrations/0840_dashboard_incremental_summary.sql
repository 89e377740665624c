-- Dashboards (issue #16, speed): the children's summary kept current incrementally, and a
-- per-district, per-month count of the children's facts so that a district home or a state
-- comparison adds up a few thousand counts instead of reading every child of the area.
--
-- 0661 refreshed dash_child_summary whole (REFRESH MATERIALIZED VIEW: the whole registry every
-- few minutes). Now:
--   1. Triggers on the tables dash_child reads (the same tables as the view in 0660, declared
--      here beside it) note which children changed, in dash_child_pending, in the writing
--      transaction itself: a write and its mark commit or roll back together.
--   2. src/dashboards/summary.repository.ts claims the pending children, recomputes only their
--      rows of the summary from dash_child, and moves dash_child_count by the difference
--      (old rows subtracted, new rows added) in one transaction.
-- The summary becomes a plain table with the same columns (the dashboards' schema reads it by
-- the same name); every child already registered is pending, so the first refresh builds it.

DROP MATERIALIZED VIEW dash_child_summary;
CREATE TABLE dash_child_summary AS SELECT * FROM dash_child WITH NO DATA;
ALTER TABLE dash_child_summary ADD PRIMARY KEY (id);
CREATE INDEX dash_child_summary_scope_idx ON dash_child_summary (state_code, district_code, block_code);

CREATE TABLE dash_child_pending (child_id uuid PRIMARY KEY);
-- The children being recomputed by the refresh that holds the lock (emptied before it commits).
CREATE TABLE dash_child_claim (child_id uuid PRIMARY KEY);
INSERT INTO dash_child_pending (child_id) SELECT id FROM child;
UPDATE dash_refresh SET refreshed_at = '-infinity' WHERE name = 'child';

-- The count: children of a district per fact and per IST month of that fact's date, with the
-- conditions they meet as bits (src/dashboards/indicators.rollup.ts reads them):
--   1 assessed, 2 open case, 4 restored, 8 followed up, 16 linked to a scheme,
--   32 a document recorded, 64 no document still needed.
-- fact '' with month '-infinity' counts every child once (the totals); fact 'assessed_on' etc.
-- counts the children with that date, in the month of the date (the 12-month trends).
CREATE TABLE dash_child_count (
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  fact           text NOT NULL,
  month          date NOT NULL,
  flags          smallint NOT NULL,
  n              integer NOT NULL,
  PRIMARY KEY (state_code, district_code, fact, month, flags)
);

-- The rows of dash_child_count one summary row contributes (one per fact with a date).
CREATE VIEW dash_child_fact AS
SELECT s.id, s.state_code, s.district_code, f.fact, f.month,
  ((CASE WHEN s.assessed_on IS NOT NULL THEN 1 ELSE 0 END)
   | (CASE WHEN s.has_open_case THEN 2 ELSE 0 END)
   | (CASE WHEN s.restored_on IS NOT NULL THEN 4 ELSE 0 END)
   | (CASE WHEN s.followed_up_on IS NOT NULL THEN 8 ELSE 0 END)
   | (CASE WHEN s.scheme_linked_on IS NOT NULL THEN 16 ELSE 0 END)
   | (CASE WHEN s.documents_total > 0 THEN 32 ELSE 0 END)
   | (CASE WHEN s.documents_pending = 0 THEN 64 ELSE 0 END))::smallint AS flags
FROM dash_child_summary s
CROSS JOIN LATERAL (VALUES
  ('', '-infinity'::date),
  -- Instants by their IST day (src/kernel/clock.ts); dates are already calendar days.
  ('identified_at', date_trunc('month', s.identified_at AT TIME ZONE 'Asia/Kolkata')::date),
  ('open_case_since', date_trunc('month', s.open_case_since AT TIME ZONE 'Asia/Kolkata')::date),
  ('assessed_on', date_trunc('month', s.assessed_on)::date),
  ('restored_on', date_trunc('month', s.restored_on)::date),
  ('followed_up_on', date_trunc('month', s.followed_up_on)::date),
  ('scheme_linked_on', date_trunc('month', s.scheme_linked_on)::date)
) AS f(fact, month)
WHERE f.month IS NOT NULL;

-- ---------------------------------------------------------------- which children changed
-- Statement-level, over the transition tables: a bulk import marks its children in one insert.

CREATE FUNCTION dash_mark_children(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dash_child_pending (child_id)
  SELECT DISTINCT x FROM unnest(ids) AS x WHERE x IS NOT NULL
  ON CONFLICT DO NOTHING;
$$;

CREATE FUNCTION dash_mark_child() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM dash_mark_children(ARRAY(SELECT id FROM new_rows)); END IF;
  IF TG_OP = 'DELETE' THEN PERFORM dash_mark_children(ARRAY(SELECT id FROM old_rows)); END IF;
  RETURN NULL;
END $$;

-- A family's social category is every child's of the family.
CREATE FUNCTION dash_mark_family() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dash_mark_children(ARRAY(
    SELECT c.id FROM child c JOIN new_rows n ON n.id = c.family_id JOIN old_rows o ON o.id = n.id
    WHERE o.caste_category IS DISTINCT FROM n.caste_category));
  RETURN NULL;
END $$;

-- Rows filed by child and/or family (assessment, scheme_application, document): the child named,
-- and every child of the family (a family-wide row counts for each; dash_child in 0660).
CREATE FUNCTION dash_mark_by_family() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM dash_mark_children(ARRAY(
      SELECT child_id FROM new_rows UNION SELECT c.id FROM child c JOIN new_rows r ON r.family_id = c.family_id));
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM dash_mark_children(ARRAY(
      SELECT child_id FROM old_rows UNION SELECT c.id FROM child c JOIN old_rows r ON r.family_id = c.family_id));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION dash_mark_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM dash_mark_children(ARRAY(SELECT child_id FROM new_rows)); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM dash_mark_children(ARRAY(SELECT child_id FROM old_rows)); END IF;
  RETURN NULL;
END $$;

-- Only the actions dash_child reads: restoration orders and follow-up visits.
CREATE FUNCTION dash_mark_case_action() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM dash_mark_children(ARRAY(SELECT cr.child_id FROM new_rows a JOIN case_record cr ON cr.id = a.case_id
                                     WHERE a.type IN ('cwc_order', 'follow_up_visit')));
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM dash_mark_children(ARRAY(SELECT cr.child_id FROM old_rows a JOIN case_record cr ON cr.id = a.case_id
                                     WHERE a.type IN ('cwc_order', 'follow_up_visit')));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER dash_child_ins AFTER INSERT ON child REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark_child();
CREATE TRIGGER dash_child_upd AFTER UPDATE ON child REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark_child();
CREATE TRIGGER dash_child_del AFTER DELETE ON child REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark_child();

CREATE TRIGGER dash_family_upd AFTER UPDATE ON family REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark_family();

CREATE TRIGGER dash_assessment_ins AFTER INSERT ON assessment REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark_by_family();
CREATE TRIGGER dash_assessment_upd AFTER UPDATE ON assessment REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark_by_family();
CREATE TRIGGER dash_assessment_del AFTER DELETE ON assessment REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark_by_family();

CREATE TRIGGER dash_scheme_ins AFTER INSERT ON scheme_application REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark_by_family();
CREATE TRIGGER dash_scheme_upd AFTER UPDATE ON scheme_application REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark_by_family();
CREATE TRIGGER dash_scheme_del AFTER DELETE ON scheme_application REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark_by_family();

CREATE TRIGGER dash_document_ins AFTER INSERT ON document REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark_by_family();
CREATE TRIGGER dash_document_upd AFTER UPDATE ON document REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark_by_family();
CREATE TRIGGER dash_document_del AFTER DELETE ON document REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark_by_family();

CREATE TRIGGER dash_case_ins AFTER INSERT ON case_record REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark_case();
CREATE TRIGGER dash_case_upd AFTER UPDATE ON case_record REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark_case();
CREATE TRIGGER dash_case_del AFTER DELETE ON case_record REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark_case();

CREATE TRIGGER dash_case_action_ins AFTER INSERT ON case_action REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark_case_action();
CREATE TRIGGER dash_case_action_upd AFTER UPDATE ON case_action REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark_case_action();
CREATE TRIGGER dash_case_action_del AFTER DELETE ON case_action REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark_case_action();
