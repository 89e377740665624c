-- A CWC non-disclosure order carries what the identity check needs of its case (issue #19,
-- docs/SCALE.md §3): the case's place (state_code… already there, now kept equal to the case's
-- when the case moves, e.g. an inter-state transfer, JJ Model Rules 2016 r.28), the child and
-- family it is about, and the case team who may still identify the child. The check
-- (src/access/fields/identity.ts) then reads this table alone instead of joining every
-- state's case_record partition for the ordered case. Kept by triggers, so every writer of a
-- case (transfers, assignments, merges, move-district) keeps it without knowing of it.
ALTER TABLE case_non_disclosure_order ADD COLUMN child_id uuid;
ALTER TABLE case_non_disclosure_order ADD COLUMN family_id uuid;
ALTER TABLE case_non_disclosure_order ADD COLUMN owner_user_id uuid;
ALTER TABLE case_non_disclosure_order ADD COLUMN owner_unit_id uuid;
ALTER TABLE case_non_disclosure_order ADD COLUMN transfer_to_unit_id uuid;

UPDATE case_non_disclosure_order o
   SET state_code = c.state_code, district_code = c.district_code, subdistrict_code = c.subdistrict_code,
       block_code = c.block_code, village_id = c.village_id, child_id = c.child_id, family_id = c.family_id,
       owner_user_id = c.owner_user_id, owner_unit_id = c.owner_unit_id, transfer_to_unit_id = c.transfer_to_unit_id
  FROM case_record c
 WHERE c.id = o.case_id;

CREATE INDEX case_non_disclosure_order_child_idx ON case_non_disclosure_order (child_id);
CREATE INDEX case_non_disclosure_order_family_idx ON case_non_disclosure_order (family_id);

-- A new order takes its case's current values, whatever the writer passed.
CREATE FUNCTION case_non_disclosure_from_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.state_code, c.district_code, c.subdistrict_code, c.block_code, c.village_id, c.child_id, c.family_id,
         c.owner_user_id, c.owner_unit_id, c.transfer_to_unit_id
    INTO NEW.state_code, NEW.district_code, NEW.subdistrict_code, NEW.block_code, NEW.village_id, NEW.child_id,
         NEW.family_id, NEW.owner_user_id, NEW.owner_unit_id, NEW.transfer_to_unit_id
    FROM public.case_record c WHERE c.id = NEW.case_id;
  RETURN NEW;
END $$;
CREATE TRIGGER case_non_disclosure_from_case BEFORE INSERT ON case_non_disclosure_order
  FOR EACH ROW EXECUTE FUNCTION case_non_disclosure_from_case();

-- A case that changes place, child, family or team: its order follows (one index probe; most
-- case updates change none of these and write nothing). INSERT too: on a state-partitioned
-- case_record a transfer to another state moves the row, which PostgreSQL runs as a delete and
-- an insert, firing AFTER INSERT, not AFTER UPDATE, row triggers.
CREATE FUNCTION case_non_disclosure_follow_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.case_non_disclosure_order o
     SET state_code = NEW.state_code, district_code = NEW.district_code, subdistrict_code = NEW.subdistrict_code,
         block_code = NEW.block_code, village_id = NEW.village_id, child_id = NEW.child_id, family_id = NEW.family_id,
         owner_user_id = NEW.owner_user_id, owner_unit_id = NEW.owner_unit_id, transfer_to_unit_id = NEW.transfer_to_unit_id
   WHERE o.case_id = NEW.id
     AND (o.state_code, o.district_code, o.subdistrict_code, o.block_code, o.village_id, o.child_id, o.family_id,
          o.owner_user_id, o.owner_unit_id, o.transfer_to_unit_id)
         IS DISTINCT FROM
         (NEW.state_code, NEW.district_code, NEW.subdistrict_code, NEW.block_code, NEW.village_id, NEW.child_id,
          NEW.family_id, NEW.owner_user_id, NEW.owner_unit_id, NEW.transfer_to_unit_id);
  RETURN NULL;
END $$;
CREATE TRIGGER case_non_disclosure_follow_case AFTER INSERT OR UPDATE ON case_record
  FOR EACH ROW EXECUTE FUNCTION case_non_disclosure_follow_case();
