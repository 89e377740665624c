-- Dashboards (issue #16, speed): the statutory due items (dash_case_due, 0660) joined to the child
-- and family by LEFT JOIN on their primary keys, so that PostgreSQL leaves both joins out of a query
-- that reads none of their columns (the counts of the district home and of the state comparison,
-- the CWC pendency, what needs a decision today). The rows are the same: every case has its child
-- (case_record.child_id NOT NULL REFERENCES child), so the LEFT JOIN finds it as the JOIN did.
CREATE OR REPLACE VIEW dash_case_due AS
SELECT
  d.case_id,
  cr.number AS case_number,
  cr.child_id,
  d.kind,
  d.due_at,
  d.statutory,
  d.assigned_user_id,
  d.assigned_unit_id,
  cr.owner_user_id,
  d.state_code,
  d.district_code,
  cr.subdistrict_code,
  cr.block_code,
  cr.village_id,
  cr.status AS case_status,
  cr.risk,
  c.sex,
  c.dob,
  COALESCE(f.caste_category, 'unknown') AS social_category,
  (c.disability IS NOT NULL AND btrim(c.disability) <> '' AND lower(c.disability) <> 'none') AS has_disability
FROM case_due d
JOIN case_record cr ON cr.id = d.case_id
LEFT JOIN child c ON c.id = cr.child_id
LEFT JOIN family f ON f.id = c.family_id
WHERE cr.status <> 'closed';
