-- Dashboards (issue #16, speed): the statutory due items counted incrementally too, and the
-- triggers of 0840 consolidated into one function.
--
-- 1. The due items of open cases (dash_case_due, 0660/0841) are counted per district, kind and
--    IST day they fall due (dash_due_count), so that "overdue" and "due today" by the app's IST
--    day are a sum over a few hundred rows: the days before today are overdue whole, and only
--    today's items are compared with the app's clock (ctx.now(), never the database's now()),
--    from the kept copy of the items (dash_due_item, indexed by district and due instant).
--    Kept as the children's summary is (0840): the writes mark the cases they touch
--    (dash_case_pending, same transaction); src/dashboards/summary.repository.ts recomputes those
--    cases' items from dash_case_due and moves the count by the difference.
-- 2. One trigger function, dash_mark(), for every table the summaries read (0840 had one per
--    kind of table, each repeating the INSERT/UPDATE/DELETE branches). PostgreSQL allows a
--    transition table only on a trigger of one event, so each table keeps one trigger per event,
--    all statement-level: a bulk import marks its rows in one INSERT ... SELECT per statement.
--    case_action is append-only (0100 refuses UPDATE and DELETE before any row changes), so its
--    update and delete triggers could never fire and are dropped.

CREATE TABLE dash_due_item (
  case_id        uuid NOT NULL,
  kind           text NOT NULL,
  due_at         timestamptz NOT NULL,
  state_code     integer NOT NULL,
  district_code  integer NOT NULL
);
CREATE INDEX dash_due_item_case_idx ON dash_due_item (case_id);
CREATE INDEX dash_due_item_scope_idx ON dash_due_item (state_code, district_code, due_at);

-- Due items of open cases per district, kind and IST day of the due instant (src/kernel/clock.ts).
CREATE TABLE dash_due_count (
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  kind           text NOT NULL,
  due_day        date NOT NULL,
  n              integer NOT NULL,
  PRIMARY KEY (state_code, district_code, kind, due_day)
);

CREATE TABLE dash_case_pending (case_id uuid PRIMARY KEY);
CREATE TABLE dash_case_claim (case_id uuid PRIMARY KEY);
-- Every case with a due item is pending, so the first refresh builds the copy and the count.
INSERT INTO dash_case_pending (case_id) SELECT DISTINCT case_id FROM case_due;

CREATE FUNCTION dash_mark_cases(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dash_case_pending (case_id)
  SELECT DISTINCT x FROM unnest(ids) AS x WHERE x IS NOT NULL
  ON CONFLICT DO NOTHING;
$$;

-- Which children (dash_child_pending) and cases (dash_case_pending) a statement touched, by table.
-- A branch reads only the transition tables its trigger declares (new_rows unless DELETE,
-- old_rows unless INSERT); PL/pgSQL plans a statement when it first runs, so the others are never
-- planned.
CREATE FUNCTION dash_mark() RETURNS trigger LANGUAGE plpgsql AS $$
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
    -- A case closed or reopened takes its due items out of dash_case_due or back.
    IF TG_OP = 'UPDATE' THEN
      PERFORM dash_mark_cases(ARRAY(
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.status = 'closed') IS DISTINCT FROM (o.status = 'closed')));
    END IF;
  WHEN 'case_action' THEN
    -- Only the actions dash_child reads: restoration orders and follow-up visits.
    PERFORM dash_mark_children(ARRAY(SELECT cr.child_id FROM new_rows a JOIN case_record cr ON cr.id = a.case_id
                                     WHERE a.type IN ('cwc_order', 'follow_up_visit')));
  WHEN 'case_due' THEN
    IF TG_OP <> 'DELETE' THEN PERFORM dash_mark_cases(ARRAY(SELECT case_id FROM new_rows)); END IF;
    IF TG_OP <> 'INSERT' THEN PERFORM dash_mark_cases(ARRAY(SELECT case_id FROM old_rows)); END IF;
  END CASE;
  RETURN NULL;
END $$;

DROP TRIGGER dash_child_ins ON child;
DROP TRIGGER dash_child_upd ON child;
DROP TRIGGER dash_child_del ON child;
DROP TRIGGER dash_family_upd ON family;
DROP TRIGGER dash_assessment_ins ON assessment;
DROP TRIGGER dash_assessment_upd ON assessment;
DROP TRIGGER dash_assessment_del ON assessment;
DROP TRIGGER dash_scheme_ins ON scheme_application;
DROP TRIGGER dash_scheme_upd ON scheme_application;
DROP TRIGGER dash_scheme_del ON scheme_application;
DROP TRIGGER dash_document_ins ON document;
DROP TRIGGER dash_document_upd ON document;
DROP TRIGGER dash_document_del ON document;
DROP TRIGGER dash_case_ins ON case_record;
DROP TRIGGER dash_case_upd ON case_record;
DROP TRIGGER dash_case_del ON case_record;
DROP TRIGGER dash_case_action_ins ON case_action;
DROP TRIGGER dash_case_action_upd ON case_action;
DROP TRIGGER dash_case_action_del ON case_action;
DROP FUNCTION dash_mark_child();
DROP FUNCTION dash_mark_family();
DROP FUNCTION dash_mark_by_family();
DROP FUNCTION dash_mark_case();
DROP FUNCTION dash_mark_case_action();

CREATE TRIGGER dash_child_ins AFTER INSERT ON child REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();
CREATE TRIGGER dash_child_upd AFTER UPDATE ON child REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();
CREATE TRIGGER dash_child_del AFTER DELETE ON child REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();

CREATE TRIGGER dash_family_upd AFTER UPDATE ON family REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();

CREATE TRIGGER dash_assessment_ins AFTER INSERT ON assessment REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();
CREATE TRIGGER dash_assessment_upd AFTER UPDATE ON assessment REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();
CREATE TRIGGER dash_assessment_del AFTER DELETE ON assessment REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();

CREATE TRIGGER dash_scheme_ins AFTER INSERT ON scheme_application REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();
CREATE TRIGGER dash_scheme_upd AFTER UPDATE ON scheme_application REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();
CREATE TRIGGER dash_scheme_del AFTER DELETE ON scheme_application REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();

CREATE TRIGGER dash_document_ins AFTER INSERT ON document REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();
CREATE TRIGGER dash_document_upd AFTER UPDATE ON document REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();
CREATE TRIGGER dash_document_del AFTER DELETE ON document REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();

CREATE TRIGGER dash_case_ins AFTER INSERT ON case_record REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();
CREATE TRIGGER dash_case_upd AFTER UPDATE ON case_record REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();
CREATE TRIGGER dash_case_del AFTER DELETE ON case_record REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();

CREATE TRIGGER dash_case_action_ins AFTER INSERT ON case_action REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();

CREATE TRIGGER dash_case_due_ins AFTER INSERT ON case_due REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();
CREATE TRIGGER dash_case_due_upd AFTER UPDATE ON case_due REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();
CREATE TRIGGER dash_case_due_del AFTER DELETE ON case_due REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_mark();
