-- Case lists at scale (measured by bench/cases over 10 lakh cases): what 0100 shipped, tuned.
--
-- 1. A list is read in disjoint parts (src/cases/cases.access.ts caseVisibleBranches): the
--    cases in the actor's jurisdiction, soonest due first, from one covering index whose
--    INCLUDE columns answer the filters and the total without visiting the table; and the few
--    cases outside it that the actor's person or unit owns or must take over by transfer,
--    from owner indexes that carry the place so "outside" is decided from the index alone.
-- 2. A task list applies the access rule to the due items themselves: case_due carries the
--    case's place and owners (copied on every recomputation, in the same transaction), and
--    its indexes are keyed on the list's full sort order.
-- 3. A retried intake (same person, same client id) finds the case it already opened.

ALTER TABLE case_due
  ADD COLUMN subdistrict_code    integer,
  ADD COLUMN block_code          integer,
  ADD COLUMN village_id          text,
  ADD COLUMN owner_user_id       uuid,
  ADD COLUMN owner_unit_id       uuid,
  ADD COLUMN transfer_to_unit_id uuid;

-- Due items written before this migration take their case's place and owners.
UPDATE case_due d
   SET state_code = c.state_code, district_code = c.district_code, subdistrict_code = c.subdistrict_code, block_code = c.block_code,
       village_id = c.village_id, owner_user_id = c.owner_user_id, owner_unit_id = c.owner_unit_id, transfer_to_unit_id = c.transfer_to_unit_id
  FROM case_record c
 WHERE c.id = d.case_id;

DROP INDEX case_due_user_idx;
DROP INDEX case_due_unit_idx;
CREATE INDEX case_due_user_idx ON case_due (assigned_user_id, due_at, case_id, kind, ref)
  INCLUDE (state_code, district_code, subdistrict_code, block_code, village_id, owner_user_id, owner_unit_id, transfer_to_unit_id)
  WHERE assigned_user_id IS NOT NULL;
CREATE INDEX case_due_unit_idx ON case_due (assigned_unit_id, due_at, case_id, kind, ref)
  INCLUDE (state_code, district_code, subdistrict_code, block_code, village_id, owner_user_id, owner_unit_id, transfer_to_unit_id);

DROP INDEX case_record_district_due_idx;
DROP INDEX case_record_district_status_idx;
DROP INDEX case_record_village_idx;
DROP INDEX case_record_block_idx;
DROP INDEX case_record_owner_unit_idx;
DROP INDEX case_record_owner_user_idx;

CREATE INDEX case_record_scope_due_idx ON case_record (state_code, district_code, next_due_at, id)
  INCLUDE (status, risk, level, subdistrict_code, block_code, village_id, owner_user_id, owner_unit_id);
-- Totals of the usual status/risk filters, counted from the matching entries only.
CREATE INDEX case_record_status_idx ON case_record (state_code, district_code, status, risk);
CREATE INDEX case_record_village_idx ON case_record (district_code, village_id, next_due_at);
-- A unit owns most of its district: these carry the place, to tell from the index alone the
-- (few) cases a person or unit owns outside the actor's jurisdiction.
CREATE INDEX case_record_owner_unit_idx ON case_record (owner_unit_id, next_due_at, id)
  INCLUDE (state_code, district_code, subdistrict_code, block_code, village_id, owner_user_id, status, risk, level);
CREATE INDEX case_record_owner_user_idx ON case_record (owner_user_id, next_due_at, id)
  INCLUDE (state_code, district_code, subdistrict_code, block_code, village_id, owner_unit_id, status, risk, level)
  WHERE owner_user_id IS NOT NULL;

CREATE INDEX case_action_intake_client_idx ON case_action (actor_user_id, client_id) WHERE seq = 1 AND client_id IS NOT NULL;
