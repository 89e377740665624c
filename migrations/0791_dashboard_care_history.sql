-- Dashboards (issue #16): the 12-month trend of children in institutional and family-based care
-- needs past placements, which dash_care (0662, current only) leaves out. One row per stay or
-- placement with the days it began and ended, the place as in dash_care (an institution's stay in
-- the institution's district; a family placement in its district, the child's block and village
-- when the child lives there). A stay of a child who ran away ends on the day they ran away (the
-- stay's ran_away event) unless it ended otherwise; a return continues it (the gap is not split).
-- JJ Act 2015 s.2(21), s.37(1)(c) (institutional care); s.44, s.45 (foster care, sponsorship).
CREATE VIEW dash_care_history AS
SELECT s.child_id AS id, 'institution'::text AS kind, s.admitted_on AS started_on,
       COALESCE(s.ended_on,
                CASE WHEN s.status = 'absconded' THEN
                  (SELECT max(e.on_day) FROM care_stay_event e WHERE e.stay_id = s.id AND e.type = 'ran_away') END) AS ended_on,
       s.state_code, s.district_code, s.subdistrict_code, s.block_code, s.village_id
FROM care_stay s
UNION ALL
SELECT p.child_id, 'family'::text, p.started_on, p.ended_on,
       p.state_code, p.district_code,
       CASE WHEN ch.district_code = p.district_code THEN ch.subdistrict_code END,
       CASE WHEN ch.district_code = p.district_code THEN ch.block_code END,
       CASE WHEN ch.district_code = p.district_code THEN ch.village_id END
FROM care_family_placement p
JOIN child ch ON ch.id = p.child_id
WHERE p.kind IN ('kinship', 'foster', 'group_foster', 'sponsorship');
