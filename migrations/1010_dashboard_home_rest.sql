-- Dashboards (issue #16, speed): the last figures of the district home that were counted live
-- (missing reports, children in care now, 1098 calls) read from kept tables too, as the children's
-- figures (0840), the due items (0923) and the action items and care trend (0980) already are.
--
-- 1. Children in care now (dash_care, 0662: a stay in_care or on_leave; a current kinship, foster,
--    group foster or sponsorship placement, each child once) kept per child (dash_care_now) and
--    counted per district and kind (dash_care_now_count). "In care now" is by status, not by dates,
--    and a child's family-based row is the earliest of its current placements, so the rows are
--    recomputed per child: the writes already mark the children (dash_care_pending, dash_mark,
--    0980) and the refresh (summary.repository.ts) recomputes their care-now rows with their spans.
-- 2. Missing reports accepted for matching (dash_missing, 0660) copied per report with when they
--    were matched and restored (dash_missing_item, indexed by place): matched_at and restored_at are
--    the earliest confirmed match and restoration, from two other tables, so the writes mark the
--    report (dash_missing_pending) and the refresh recomputes it. The count, the median days to
--    restoration and both trends are one statement over the district's copies, no lateral joins.
-- 3. Submitted 1098 calls with a response target (dash_helpline, 0662) counted per district, IST
--    month received, outcome (reached in target, reached late, not reached) and, for those not
--    reached, the IST day of their target (dash_helpline_count), moved by dash_mark() in the
--    writing statement (the call carries its place and clock: nothing to join). Whether an
--    unreached call is due depends on the app's clock: the days before today are due whole, and
--    today's are compared with ctx.now() from the kept copy of the unreached calls
--    (dash_helpline_open, by place and target), as the due items are (0923).
-- dash_mark() gains the missing and helpline tables; one trigger per table and event (a
-- transition table allows one event per trigger), created in one loop.

-- 1. Children in care now.
CREATE TABLE dash_care_now (
  child_id       uuid NOT NULL,
  kind           text NOT NULL,
  state_code     integer NOT NULL,
  district_code  integer NOT NULL
);
CREATE INDEX dash_care_now_child_idx ON dash_care_now (child_id);
CREATE TABLE dash_care_now_count (
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  kind           text NOT NULL,
  n              integer NOT NULL,
  PRIMARY KEY (state_code, district_code, kind)
);
INSERT INTO dash_care_now (child_id, kind, state_code, district_code) SELECT id, kind, state_code, district_code FROM dash_care;
INSERT INTO dash_care_now_count SELECT state_code, district_code, kind, count(*)::int FROM dash_care_now GROUP BY 1, 2, 3;

-- 2. Missing reports accepted for matching.
CREATE TABLE dash_missing_item (
  id             uuid PRIMARY KEY,
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  reported_at    timestamptz NOT NULL,
  matched_at     timestamptz,
  restored_at    timestamptz
);
CREATE INDEX dash_missing_item_place_idx ON dash_missing_item (state_code, district_code);
CREATE TABLE dash_missing_pending (id uuid PRIMARY KEY);
CREATE TABLE dash_missing_claim (id uuid PRIMARY KEY);
INSERT INTO dash_missing_item SELECT id, state_code, district_code, reported_at, matched_at, restored_at FROM dash_missing;

CREATE FUNCTION dash_mark_missing(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dash_missing_pending (id)
  SELECT DISTINCT x FROM unnest(ids) AS x WHERE x IS NOT NULL
  ON CONFLICT DO NOTHING;
$$;

-- 3. 1098 calls.
CREATE TABLE dash_helpline_count (
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  received_month date NOT NULL,     -- the IST month the call was received (the trend's month)
  outcome        text NOT NULL,     -- in_target | late | open (not reached)
  target_day     date NOT NULL,     -- open: the IST day of the target; reached: 'infinity'
  n              integer NOT NULL,
  PRIMARY KEY (state_code, district_code, received_month, outcome, target_day)
);
CREATE TABLE dash_helpline_open (
  id             uuid PRIMARY KEY,
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  received_month date NOT NULL,
  target_at      timestamptz NOT NULL
);
CREATE INDEX dash_helpline_open_place_idx ON dash_helpline_open (state_code, district_code, target_at);

-- The bucket a call is counted in: none for a draft or a call without a target (never due).
CREATE FUNCTION dash_helpline_bucket(p_status text, p_state integer, p_district integer, p_received timestamptz,
                                     p_target timestamptz, p_reached timestamptz)
RETURNS TABLE (state_code integer, district_code integer, received_month date, outcome text, target_day date)
LANGUAGE sql IMMUTABLE AS $$
  SELECT p_state, p_district, date_trunc('month', p_received AT TIME ZONE 'Asia/Kolkata')::date,
         CASE WHEN p_reached IS NULL THEN 'open' WHEN p_reached <= p_target THEN 'in_target' ELSE 'late' END,
         CASE WHEN p_reached IS NULL THEN (p_target AT TIME ZONE 'Asia/Kolkata')::date ELSE 'infinity'::date END
  WHERE p_status <> 'draft' AND p_target IS NOT NULL
$$;

INSERT INTO dash_helpline_count (state_code, district_code, received_month, outcome, target_day, n)
SELECT b.state_code, b.district_code, b.received_month, b.outcome, b.target_day, count(*)::int
FROM helpline_call h CROSS JOIN LATERAL dash_helpline_bucket(h.status, h.state_code, h.district_code, h.received_at, h.target_at, h.reached_at) b
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO dash_helpline_open (id, state_code, district_code, received_month, target_at)
SELECT h.id, b.state_code, b.district_code, b.received_month, h.target_at
FROM helpline_call h CROSS JOIN LATERAL dash_helpline_bucket(h.status, h.state_code, h.district_code, h.received_at, h.target_at, h.reached_at) b
WHERE b.outcome = 'open';

-- dash_mark (0980) with the missing reports and 1098 calls.
CREATE OR REPLACE FUNCTION dash_mark() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
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

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['missing_record', 'missing_match', 'missing_restoration', 'helpline_call'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION dash_mark()', 'dash_' || t || '_ins', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION dash_mark()', 'dash_' || t || '_upd', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION dash_mark()', 'dash_' || t || '_del', t);
  END LOOP;
END $$;

-- 4. A block or village user's home (counted live over their area, the kept counts carrying
--    districts only): the children's facts with their place below the district, so that every
--    child indicator and trend of the home is one statement over the area's rows of the summary
--    (indicators.batch.ts), as the district's is over dash_child_count. Columns added at the end.
CREATE OR REPLACE VIEW dash_child_fact AS
SELECT s.id, s.state_code, s.district_code, f.fact, f.month,
  ((CASE WHEN s.assessed_on IS NOT NULL THEN 1 ELSE 0 END)
   | (CASE WHEN s.has_open_case THEN 2 ELSE 0 END)
   | (CASE WHEN s.restored_on IS NOT NULL THEN 4 ELSE 0 END)
   | (CASE WHEN s.followed_up_on IS NOT NULL THEN 8 ELSE 0 END)
   | (CASE WHEN s.scheme_linked_on IS NOT NULL THEN 16 ELSE 0 END)
   | (CASE WHEN s.documents_total > 0 THEN 32 ELSE 0 END)
   | (CASE WHEN s.documents_pending = 0 THEN 64 ELSE 0 END))::smallint AS flags,
  s.subdistrict_code, s.block_code, s.village_id
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

-- 5. A block user's due items (the decisions by tonight and the statutory figures) from the kept
--    copy, which carries the case's block (0980), by block and due instant, instead of the view's
--    join of every open case of the district (dash_case_due): home.repository.ts, indicators.batch.ts.
CREATE INDEX dash_due_item_block_idx ON dash_due_item (state_code, district_code, block_code, due_at);
-- The state comparison's items due today across the state's districts (countDueFromRollup).
CREATE INDEX dash_due_item_state_due_idx ON dash_due_item (state_code, due_at);
