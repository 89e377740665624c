-- Dashboards (issue #16, speed): the rest of the district home read from kept tables, as the child
-- figures (0840) and the statutory due items (0923) already are.
--
-- 1. What needs a decision today: the kept due items (dash_due_item, 0923) carry the case number
--    and block, so the home's 25 earliest items come from that copy by its (state, district,
--    due_at) index instead of joining every due item of the district to its case. A case moved to
--    another block is marked like a case closed (dash_mark, case_record branch).
-- 2. Departments behind and the action items' indicator: convergence_action counted per district,
--    department, due day, done and done-on-time (dash_action_count), moved by the trigger itself
--    in the writing statement (old rows taken away, new rows added): the table has its place on
--    every row and nothing else to join, so no pending list and refresh are needed and the count is
--    always current. Action items are written a few at a time (a meeting's minutes), so the count
--    rows that two writers share are locked only for that.
-- 3. The care trend (children in institutional and family-based care at each month's end, 0791):
--    a child's stays or placements of one kind are merged into the spans of days they cover
--    (dash_care_span), each child counted once per kind per area as count(DISTINCT) does, and the
--    spans kept as a running count: +1 on the day a span starts, -1 on the day it ends
--    (dash_care_count). Those in care on day D = the sum of the changes on or before D. The spans
--    are merged per district (district 0: per state, state 0: the nation), so that a child in
--    care in two districts at once counts once in the state, as live. A stay's end can come from a
--    care_stay_event (ran away), so the spans are recomputed per child: the writes mark the children
--    (dash_care_pending, same transaction) and the refresh (summary.repository.ts) recomputes them,
--    as for the children's summary.
-- The new triggers go through dash_mark(), created in one loop over the tables.

-- 1. The due items' case number and block.
ALTER TABLE dash_due_item ADD COLUMN case_number bigint;
ALTER TABLE dash_due_item ADD COLUMN block_code integer;
UPDATE dash_due_item i SET case_number = cr.number, block_code = cr.block_code FROM case_record cr WHERE cr.id = i.case_id;
ALTER TABLE dash_due_item ALTER COLUMN case_number SET NOT NULL;

-- 2. Action items per district, department, due day and outcome.
CREATE TABLE dash_action_count (
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  department     text NOT NULL,
  due_date       date NOT NULL,
  done           boolean NOT NULL,
  on_time        boolean NOT NULL,
  n              integer NOT NULL,
  PRIMARY KEY (state_code, district_code, department, due_date, done, on_time)
);
INSERT INTO dash_action_count
SELECT state_code, district_code, department, due_date, status = 'done', COALESCE(status = 'done' AND done_on <= due_date, false), count(*)::int
FROM convergence_action GROUP BY 1, 2, 3, 4, 5, 6;

-- 3. The care spans and their running count.
CREATE TABLE dash_care_span (
  child_id       uuid NOT NULL,
  kind           text NOT NULL,
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  started_on     date NOT NULL,
  ended_on       date NOT NULL  -- 'infinity' while it lasts
);
CREATE INDEX dash_care_span_child_idx ON dash_care_span (child_id);
CREATE TABLE dash_care_count (
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  kind           text NOT NULL,
  day            date NOT NULL,
  n              integer NOT NULL,
  PRIMARY KEY (state_code, district_code, kind, day)
);
CREATE TABLE dash_care_pending (child_id uuid PRIMARY KEY);
CREATE TABLE dash_care_claim (child_id uuid PRIMARY KEY);
-- The refresh reads a few children's stays and placements by child.
CREATE INDEX IF NOT EXISTS care_stay_child_idx ON care_stay (child_id);
CREATE INDEX IF NOT EXISTS care_family_placement_child_idx ON care_family_placement (child_id);
-- Every child with a stay or placement is pending, so the first refresh builds the spans.
INSERT INTO dash_care_pending (child_id) SELECT child_id FROM care_stay UNION SELECT child_id FROM care_family_placement;

CREATE FUNCTION dash_mark_care(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dash_care_pending (child_id)
  SELECT DISTINCT x FROM unnest(ids) AS x WHERE x IS NOT NULL
  ON CONFLICT DO NOTHING;
$$;

-- dash_mark (0923) with the case's block, the action items and the care records.
CREATE OR REPLACE FUNCTION dash_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  CASE TG_TABLE_NAME
  WHEN 'child' THEN
    IF TG_OP = 'DELETE' THEN PERFORM dash_mark_children(ARRAY(SELECT id FROM old_rows));
    ELSE PERFORM dash_mark_children(ARRAY(SELECT id FROM new_rows)); END IF;
  WHEN 'family' THEN
    -- A family's social category is every child's of the family.
    PERFORM dash_mark_children(ARRAY(
      SELECT c.id FROM child c JOIN new_rows n ON n.id = c.family_id JOIN old_rows o ON o.id = n.id
      WHERE o.caste_category IS DISTINCT FROM n.caste_category));
  WHEN 'assessment', 'scheme_application', 'document' THEN
    -- Filed by child and/or family: the child named, and every child of the family (dash_child, 0660).
    IF TG_OP <> 'DELETE' THEN
      PERFORM dash_mark_children(ARRAY(
        SELECT child_id FROM new_rows UNION SELECT c.id FROM child c JOIN new_rows r ON r.family_id = c.family_id));
    END IF;
    IF TG_OP <> 'INSERT' THEN
      PERFORM dash_mark_children(ARRAY(
        SELECT child_id FROM old_rows UNION SELECT c.id FROM child c JOIN old_rows r ON r.family_id = c.family_id));
    END IF;
  WHEN 'case_record' THEN
    IF TG_OP <> 'DELETE' THEN PERFORM dash_mark_children(ARRAY(SELECT child_id FROM new_rows)); END IF;
    IF TG_OP <> 'INSERT' THEN PERFORM dash_mark_children(ARRAY(SELECT child_id FROM old_rows)); END IF;
    -- A case closed or reopened takes its due items out of dash_case_due or back; a case moved to
    -- another block moves its kept items (0980).
    IF TG_OP = 'UPDATE' THEN
      PERFORM dash_mark_cases(ARRAY(
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.status = 'closed') IS DISTINCT FROM (o.status = 'closed') OR n.block_code IS DISTINCT FROM o.block_code));
    END IF;
  WHEN 'case_action' THEN
    -- Only the actions dash_child reads: restoration orders and follow-up visits.
    PERFORM dash_mark_children(ARRAY(SELECT cr.child_id FROM new_rows a JOIN case_record cr ON cr.id = a.case_id
                                     WHERE a.type IN ('cwc_order', 'follow_up_visit')));
  WHEN 'case_due' THEN
    IF TG_OP <> 'DELETE' THEN PERFORM dash_mark_cases(ARRAY(SELECT case_id FROM new_rows)); END IF;
    IF TG_OP <> 'INSERT' THEN PERFORM dash_mark_cases(ARRAY(SELECT case_id FROM old_rows)); END IF;
  WHEN 'convergence_action' THEN
    -- Counted out as they were, then in as they are (an update does both).
    IF TG_OP <> 'INSERT' THEN
      INSERT INTO dash_action_count AS c (state_code, district_code, department, due_date, done, on_time, n)
      SELECT state_code, district_code, department, due_date, status = 'done', COALESCE(status = 'done' AND done_on <= due_date, false), -count(*)::int
      FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6
      ON CONFLICT (state_code, district_code, department, due_date, done, on_time) DO UPDATE SET n = c.n + excluded.n;
    END IF;
    IF TG_OP <> 'DELETE' THEN
      INSERT INTO dash_action_count AS c (state_code, district_code, department, due_date, done, on_time, n)
      SELECT state_code, district_code, department, due_date, status = 'done', COALESCE(status = 'done' AND done_on <= due_date, false), count(*)::int
      FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6
      ON CONFLICT (state_code, district_code, department, due_date, done, on_time) DO UPDATE SET n = c.n + excluded.n;
    END IF;
    IF TG_OP <> 'INSERT' THEN
      DELETE FROM dash_action_count c USING old_rows o
      WHERE c.n = 0 AND c.state_code = o.state_code AND c.district_code = o.district_code
        AND c.department = o.department AND c.due_date = o.due_date;
    END IF;
  WHEN 'care_stay', 'care_family_placement' THEN
    IF TG_OP <> 'DELETE' THEN PERFORM dash_mark_care(ARRAY(SELECT child_id FROM new_rows)); END IF;
    IF TG_OP <> 'INSERT' THEN PERFORM dash_mark_care(ARRAY(SELECT child_id FROM old_rows)); END IF;
  WHEN 'care_stay_event' THEN
    -- A stay of a child who ran away ends on the day of its ran_away event (dash_care_history, 0791).
    IF TG_OP <> 'DELETE' THEN
      PERFORM dash_mark_care(ARRAY(SELECT s.child_id FROM new_rows e JOIN care_stay s ON s.id = e.stay_id WHERE e.type = 'ran_away'));
    END IF;
    IF TG_OP <> 'INSERT' THEN
      PERFORM dash_mark_care(ARRAY(SELECT s.child_id FROM old_rows e JOIN care_stay s ON s.id = e.stay_id WHERE e.type = 'ran_away'));
    END IF;
  END CASE;
  RETURN NULL;
END $$;

-- One statement-level trigger per table and event (a transition table allows one event per trigger).
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['convergence_action', 'care_stay', 'care_family_placement', 'care_stay_event'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION dash_mark()', 'dash_' || t || '_ins', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION dash_mark()', 'dash_' || t || '_upd', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION dash_mark()', 'dash_' || t || '_del', t);
  END LOOP;
END $$;
