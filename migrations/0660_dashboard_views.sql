-- Dashboards and reports (issue #16): read-only views over the records of the registry,
-- cases, convergence, schemes and missing modules. The dashboards module reads only these
-- views (src/dashboards/dashboards.schema.ts), never the modules' tables, so a module can
-- change its tables as long as it keeps its view true (the chosen alternative to a read
-- model fed by domain events; see docs/ARCHITECTURE.md). Every view carries the place
-- columns (state_code, district_code, block_code, village_id) so the access policy
-- (jurisdictionWhere) is applied in the query on the view, as on the tables.

-- One row per child in the registry (merged duplicates left out), with the facts the
-- indicators count and the date each fact became true (for the 12-month trends).
CREATE VIEW dash_child AS
SELECT
  c.id,
  c.state_code,
  c.district_code,
  c.subdistrict_code,
  c.block_code,
  c.village_id,
  c.sex,
  c.dob,
  COALESCE(f.caste_category, 'unknown') AS social_category,
  (c.disability IS NOT NULL AND btrim(c.disability) <> '' AND lower(c.disability) <> 'none') AS has_disability,
  c.care_status,
  c.created_at AS identified_at,
  ass.first_on AS assessed_on,
  cs.open_count > 0 AS has_open_case,
  cs.first_open_at AS open_case_since,
  rs.restored_on,
  fu.followed_up_on,
  sa.linked_on AS scheme_linked_on,
  COALESCE(dc.total, 0) AS documents_total,
  COALESCE(dc.pending, 0) AS documents_pending
FROM child c
LEFT JOIN family f ON f.id = c.family_id
LEFT JOIN LATERAL (
  -- An assessment of the child, or of its family as a whole (no child named).
  -- Through the family index: a child's own assessment is filed under its family too.
  SELECT min(a.assessed_on) AS first_on FROM assessment a
  WHERE a.family_id = c.family_id AND (a.child_id = c.id OR a.child_id IS NULL)
) ass ON true
LEFT JOIN LATERAL (
  SELECT count(*) FILTER (WHERE cr.status <> 'closed') AS open_count,
         min(cr.opened_at) FILTER (WHERE cr.status <> 'closed') AS first_open_at
  FROM case_record cr WHERE cr.child_id = c.id
) cs ON true
LEFT JOIN LATERAL (
  -- Restored on a CWC restoration order (JJ Act 2015 s.37(1), Model Rules 2016 Form 44).
  SELECT min((o.payload->>'orderedOn')::date) AS restored_on
  FROM case_action o JOIN case_record orr ON orr.id = o.case_id
  WHERE orr.child_id = c.id AND o.type = 'cwc_order' AND o.payload->>'orderType' = 'restoration'
) rs ON true
LEFT JOIN LATERAL (
  -- Visited on or after the restoration (Form 7: follow-up after restoration).
  SELECT min((v.payload->>'visitedOn')::date) AS followed_up_on
  FROM case_action v JOIN case_record vr ON vr.id = v.case_id
  WHERE vr.child_id = c.id AND v.type = 'follow_up_visit' AND (v.payload->>'visitedOn')::date >= rs.restored_on
) fu ON true
LEFT JOIN LATERAL (
  -- Linked = a benefit sanctioned or being received, for the child or for its family.
  -- Every application carries its family (a child's too), so the family index finds them.
  SELECT min(COALESCE(s.sanctioned_on, s.last_step_on)) AS linked_on FROM scheme_application s
  WHERE s.family_id = c.family_id AND s.status IN ('sanctioned', 'receiving')
    AND (s.child_id = c.id OR s.subject <> 'child')
) sa ON true
LEFT JOIN LATERAL (
  -- The child's own documents and its family's (parents' death certificates, ration card…);
  -- still needed = missing or applied for.
  -- Two index lookups (child, family) rather than one OR that would scan.
  SELECT count(*) AS total, count(*) FILTER (WHERE x.status IN ('missing', 'applied_for')) AS pending
  FROM (SELECT d.status FROM document d WHERE d.child_id = c.id
        UNION ALL
        SELECT d.status FROM document d WHERE d.family_id = c.family_id AND d.child_id IS NULL) x
) dc ON true
WHERE c.merged_into IS NULL;

-- Statutory due items of open cases (JJ Act 2015 s.31 production, s.36 SIR and final order),
-- with the child's facts for disaggregation. A projection of the case module's due list.
CREATE VIEW dash_case_due AS
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
  -- The due item's own place columns (kept with the case's), so the scope index below serves.
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
JOIN child c ON c.id = cr.child_id
LEFT JOIN family f ON f.id = c.family_id
WHERE cr.status <> 'closed';

-- Convergence action items assigned to departments (department-level, no child facts).
CREATE VIEW dash_action AS
SELECT id, state_code, district_code, block_code, NULL::integer AS subdistrict_code, NULL::text AS village_id,
       department, assigned_on, due_date, done_on, status
FROM convergence_action;

-- Missing-child reports accepted for matching, whether matched and restored, and when.
CREATE VIEW dash_missing AS
SELECT
  m.id,
  m.state_code,
  m.district_code,
  m.subdistrict_code,
  m.block_code,
  m.village_id,
  m.sex,
  m.age_years,
  m.created_at AS reported_at,
  mm.matched_at,
  r.restored_at
FROM missing_record m
LEFT JOIN LATERAL (
  SELECT min(x.decided_at) AS matched_at FROM missing_match x WHERE x.missing_id = m.id AND x.status = 'confirmed'
) mm ON true
LEFT JOIN LATERAL (
  SELECT min(y.updated_at) AS restored_at FROM missing_restoration y WHERE y.missing_id = m.id AND y.status IN ('restored', 'closed')
) r ON true
WHERE m.kind = 'missing' AND m.status NOT IN ('pending_moderation', 'rejected');
