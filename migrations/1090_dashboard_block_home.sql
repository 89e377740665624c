-- Dashboards (issue #16, speed): the block-level home (a block or village worker) read from kept
-- tables too. The kept counts of 0980 and 1010 carried a state and a district only, so a block's
-- children in care now, care trend and action items were computed live over the views (the care-now
-- view sorts every current placement of the state before the block filter).
--
-- 1. Children in care now: the per-child rows (dash_care_now, 1010) carry the block and village
--    dash_care gives them (the stay's; for a family placement the child's, when the child lives in
--    the placement's district), read by a block or village index: a block's few hundred rows are
--    counted, no count per block is kept.
-- 2. The care trend: the spans of days in care (dash_care_span) and their running count
--    (dash_care_count, 0980) gain a block and a village: besides the district's, the state's and the
--    nation's rows, a child's records are merged per block (block_code <> 0, village_id '') and per
--    village (block_code 0, village_id <> ''), each child once per kind and area as count(DISTINCT)
--    does live. The district, state and nation read the rows with block 0 and village ''.
-- 3. Action items: dash_action_count (0980) per block too (0 when an item names none; a block code
--    is never 0), moved by dash_mark() in the writing statement as before. convergence_action has no
--    village: a village's action figures are none, live and kept.
-- A child with a family placement who moves (block, village) is marked for the care refresh: the
-- placement's place is the child's. The stays and placements of every child are marked, so the next
-- refresh rebuilds the spans and care-now rows with their blocks and villages.

-- 1. Children in care now, by block and village.
ALTER TABLE dash_care_now ADD COLUMN block_code integer;
ALTER TABLE dash_care_now ADD COLUMN village_id text;
CREATE INDEX dash_care_now_block_idx ON dash_care_now (state_code, district_code, block_code);
CREATE INDEX dash_care_now_village_idx ON dash_care_now (state_code, district_code, village_id);

-- 2. The care spans and their count per block and village.
ALTER TABLE dash_care_span ADD COLUMN block_code integer NOT NULL DEFAULT 0;
ALTER TABLE dash_care_span ADD COLUMN village_id text NOT NULL DEFAULT '';
ALTER TABLE dash_care_count ADD COLUMN block_code integer NOT NULL DEFAULT 0;
ALTER TABLE dash_care_count ADD COLUMN village_id text NOT NULL DEFAULT '';
ALTER TABLE dash_care_count DROP CONSTRAINT dash_care_count_pkey;
ALTER TABLE dash_care_count ADD PRIMARY KEY (state_code, district_code, block_code, village_id, kind, day);
INSERT INTO dash_care_pending (child_id)
SELECT child_id FROM care_stay UNION SELECT child_id FROM care_family_placement
ON CONFLICT DO NOTHING;

-- 3. Action items per block.
ALTER TABLE dash_action_count ADD COLUMN block_code integer NOT NULL DEFAULT 0;
ALTER TABLE dash_action_count DROP CONSTRAINT dash_action_count_pkey;
DELETE FROM dash_action_count;
INSERT INTO dash_action_count (state_code, district_code, block_code, department, due_date, done, on_time, n)
SELECT state_code, district_code, COALESCE(block_code, 0), department, due_date, status = 'done',
       COALESCE(status = 'done' AND done_on <= due_date, false), count(*)::int
FROM convergence_action GROUP BY 1, 2, 3, 4, 5, 6, 7;
ALTER TABLE dash_action_count ADD PRIMARY KEY (state_code, district_code, block_code, department, due_date, done, on_time);

-- dash_mark (1010) with the action items per block and the care of a child who moves.
CREATE OR REPLACE FUNCTION dash_mark() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  CASE TG_TABLE_NAME
  WHEN 'child' THEN
    IF TG_OP = 'DELETE' THEN PERFORM dash_mark_children(ARRAY(SELECT id FROM old_rows));
    ELSE PERFORM dash_mark_children(ARRAY(SELECT id FROM new_rows)); END IF;
    -- A family placement is counted in the child's block and village (dash_care, dash_care_history):
    -- a child with a placement who moves has their care rows recomputed (1090).
    IF TG_OP = 'UPDATE' THEN
      PERFORM dash_mark_care(ARRAY(
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.district_code, n.subdistrict_code, n.block_code, n.village_id)
              IS DISTINCT FROM (o.district_code, o.subdistrict_code, o.block_code, o.village_id)
          AND EXISTS (SELECT 1 FROM care_family_placement p WHERE p.child_id = n.id)));
    END IF;
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
    -- Counted out as they were, then in as they are (an update does both), per block (1090; 0 when
    -- the item names none).
    IF TG_OP <> 'INSERT' THEN
      INSERT INTO dash_action_count AS c (state_code, district_code, block_code, department, due_date, done, on_time, n)
      SELECT state_code, district_code, COALESCE(block_code, 0), department, due_date, status = 'done',
             COALESCE(status = 'done' AND done_on <= due_date, false), -count(*)::int
      FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT (state_code, district_code, block_code, department, due_date, done, on_time) DO UPDATE SET n = c.n + excluded.n;
    END IF;
    IF TG_OP <> 'DELETE' THEN
      INSERT INTO dash_action_count AS c (state_code, district_code, block_code, department, due_date, done, on_time, n)
      SELECT state_code, district_code, COALESCE(block_code, 0), department, due_date, status = 'done',
             COALESCE(status = 'done' AND done_on <= due_date, false), count(*)::int
      FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT (state_code, district_code, block_code, department, due_date, done, on_time) DO UPDATE SET n = c.n + excluded.n;
    END IF;
    IF TG_OP <> 'INSERT' THEN
      DELETE FROM dash_action_count c USING old_rows o
      WHERE c.n = 0 AND c.state_code = o.state_code AND c.district_code = o.district_code
        AND c.block_code = COALESCE(o.block_code, 0) AND c.department = o.department AND c.due_date = o.due_date;
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
  WHEN 'missing_record' THEN
    -- A report's place, kind and status (accepted for matching or not) are copied (1010).
    IF TG_OP <> 'DELETE' THEN PERFORM dash_mark_missing(ARRAY(SELECT id FROM new_rows)); END IF;
    IF TG_OP <> 'INSERT' THEN PERFORM dash_mark_missing(ARRAY(SELECT id FROM old_rows)); END IF;
  WHEN 'missing_match', 'missing_restoration' THEN
    -- A confirmed match gives the report its matched_at, a restoration its restored_at (dash_missing, 0660).
    IF TG_OP <> 'DELETE' THEN PERFORM dash_mark_missing(ARRAY(SELECT missing_id FROM new_rows)); END IF;
    IF TG_OP <> 'INSERT' THEN PERFORM dash_mark_missing(ARRAY(SELECT missing_id FROM old_rows)); END IF;
  WHEN 'helpline_call' THEN
    -- Moved in the writing statement, as the action items (the call carries its place and its
    -- clock, nothing to join). An update moves only the calls whose counted columns changed: calls
    -- are updated often (queue rank, dispatch, steps) and most updates leave the count as it was.
    IF TG_OP = 'INSERT' THEN ids := ARRAY(SELECT id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN ids := ARRAY(SELECT id FROM old_rows);
    ELSE
      ids := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                   WHERE (n.status = 'draft', n.state_code, n.district_code, n.received_at, n.target_at, n.reached_at)
                         IS DISTINCT FROM (o.status = 'draft', o.state_code, o.district_code, o.received_at, o.target_at, o.reached_at));
    END IF;
    IF cardinality(ids) > 0 THEN
      IF TG_OP <> 'INSERT' THEN
        INSERT INTO dash_helpline_count AS c (state_code, district_code, received_month, outcome, target_day, n)
        SELECT b.state_code, b.district_code, b.received_month, b.outcome, b.target_day, -count(*)::int
        FROM old_rows r CROSS JOIN LATERAL dash_helpline_bucket(r.status, r.state_code, r.district_code, r.received_at, r.target_at, r.reached_at) b
        WHERE r.id = ANY(ids) GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (state_code, district_code, received_month, outcome, target_day) DO UPDATE SET n = c.n + excluded.n;
        DELETE FROM dash_helpline_open WHERE id = ANY(ids);
      END IF;
      IF TG_OP <> 'DELETE' THEN
        INSERT INTO dash_helpline_count AS c (state_code, district_code, received_month, outcome, target_day, n)
        SELECT b.state_code, b.district_code, b.received_month, b.outcome, b.target_day, count(*)::int
        FROM new_rows r CROSS JOIN LATERAL dash_helpline_bucket(r.status, r.state_code, r.district_code, r.received_at, r.target_at, r.reached_at) b
        WHERE r.id = ANY(ids) GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (state_code, district_code, received_month, outcome, target_day) DO UPDATE SET n = c.n + excluded.n;
        INSERT INTO dash_helpline_open (id, state_code, district_code, received_month, target_at)
        SELECT r.id, b.state_code, b.district_code, b.received_month, r.target_at
        FROM new_rows r CROSS JOIN LATERAL dash_helpline_bucket(r.status, r.state_code, r.district_code, r.received_at, r.target_at, r.reached_at) b
        WHERE r.id = ANY(ids) AND b.outcome = 'open';
      END IF;
      IF TG_OP <> 'INSERT' THEN
        DELETE FROM dash_helpline_count c
        WHERE c.n = 0 AND (c.state_code, c.district_code) IN (SELECT state_code, district_code FROM old_rows WHERE id = ANY(ids));
      END IF;
    END IF;
  END CASE;
  RETURN NULL;
END $$;
