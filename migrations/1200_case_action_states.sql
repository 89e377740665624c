-- The states a case's history lives in (issue #19, docs/SCALE.md §3). case_action (and the
-- case's due items, referrals and convergence flags) are partitioned by state_code on a
-- state-partitioned PostgreSQL server, and each action keeps the state it was written in when the
-- case is transferred to another state (JJ Model Rules 2016 r.28), so a case's history may span
-- states. Reading it by case_id alone planned and probed every state's partition on every case
-- read and every action. The case now carries every state it has been in; the history is read
-- with `state_code IN (those)`, which the planner prunes to those partitions (one for a case that
-- never moved). Kept by a trigger, so every writer of a case (the app's transfers, move-district,
-- the national generator's COPY) keeps it without knowing of it: an action is always written with
-- its case's place of the moment (src/cases/cases.service.ts recordAction, saveProjection), so
-- the states a case has been in hold every state of its actions. A superset is harmless (a
-- district moved to another state leaves its old state in the list: one more partition probed).
ALTER TABLE case_record ADD COLUMN action_states integer[] NOT NULL DEFAULT '{}';

UPDATE case_record c
   SET action_states = ARRAY(
         SELECT s FROM (SELECT c.state_code AS s UNION SELECT a.state_code FROM case_action a WHERE a.case_id = c.id) x
          ORDER BY s);

CREATE FUNCTION case_record_action_states() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.action_states := coalesce(NEW.action_states, '{}');
  IF NOT (NEW.state_code = ANY (NEW.action_states)) THEN
    NEW.action_states := NEW.action_states || NEW.state_code;
  END IF;
  RETURN NEW;
END $$;
-- BEFORE INSERT too: on a state-partitioned case_record a move to another state runs the
-- destination partition's BEFORE INSERT triggers (and this one on UPDATE before it: idempotent).
CREATE TRIGGER case_record_action_states BEFORE INSERT OR UPDATE ON case_record
  FOR EACH ROW EXECUTE FUNCTION case_record_action_states();
