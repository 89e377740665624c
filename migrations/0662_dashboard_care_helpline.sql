-- Dashboards (issue #16): read-only views over the care (src/care, migration 0620) and helpline
-- (src/helpline, migration 0600) modules, which landed after 0660. As there, the dashboards read
-- only these views, never the modules' tables, and every view carries the place columns so the
-- access policy (jurisdictionWhere) is applied in the query.

-- Children in alternative care now: one row per child per kind of care.
--   institution: a current stay in a Child Care Institution (JJ Act 2015 s.2(21), s.37(1)(c)), on
--     leave included, a child who ran away not (that child is not in care until found); the stay's
--     place is the institution's, the district that monitors it (as the care module's access).
--   family: a current family-based placement, kinship, foster, group foster or sponsorship (s.44,
--     s.45); aftercare (s.46, young persons over 18) is not family-based care. The placement carries
--     its state and district only; the child's block and village are used when the child lives in
--     that district, so a block breakdown stays within the district counting the child.
--     A child with two current placements (sponsorship and kinship) is one row: the earliest.
CREATE VIEW dash_care AS
SELECT
  x.child_id AS id,
  x.kind,
  x.since,
  x.state_code,
  x.district_code,
  x.subdistrict_code,
  x.block_code,
  x.village_id,
  c.sex,
  c.dob,
  COALESCE(f.caste_category, 'unknown') AS social_category,
  (c.disability IS NOT NULL AND btrim(c.disability) <> '' AND lower(c.disability) <> 'none') AS has_disability
FROM (
  SELECT s.child_id, 'institution'::text AS kind, s.admitted_on AS since,
         s.state_code, s.district_code, s.subdistrict_code, s.block_code, s.village_id
  FROM care_stay s
  WHERE s.status IN ('in_care', 'on_leave')
  UNION ALL
  SELECT * FROM (
    SELECT DISTINCT ON (p.child_id) p.child_id, 'family'::text AS kind, p.started_on AS since,
           p.state_code, p.district_code,
           CASE WHEN ch.district_code = p.district_code THEN ch.subdistrict_code END AS subdistrict_code,
           CASE WHEN ch.district_code = p.district_code THEN ch.block_code END AS block_code,
           CASE WHEN ch.district_code = p.district_code THEN ch.village_id END AS village_id
    FROM care_family_placement p
    JOIN child ch ON ch.id = p.child_id
    WHERE p.ended_on IS NULL AND p.kind IN ('kinship', 'foster', 'group_foster', 'sponsorship')
    ORDER BY p.child_id, p.started_on, p.id
  ) fam
) x
JOIN child c ON c.id = x.child_id
LEFT JOIN family f ON f.id = c.family_id;

-- Submitted 1098 calls (drafts left out) with their response clock: no caller, no child, no notes.
-- target_at is the triage's target copied onto the call when it was submitted.
CREATE VIEW dash_helpline AS
SELECT
  h.id,
  h.state_code,
  h.district_code,
  h.subdistrict_code,
  h.block_code,
  h.village_id,
  h.urgency,
  h.route,
  h.received_at,
  h.target_at,
  h.reached_at
FROM helpline_call h
WHERE h.status <> 'draft';
