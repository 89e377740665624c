-- The child protection hierarchy as organisations (issue #12): every organisation sits at one
-- LGD place (state, district, sub-district/taluka, block or village), has a validated kind
-- (src/users/organisation-kinds.ts: SCPS, DCPU, CWC, BCPC/TCPC, VCPC, CCI, SAA, NGO, the
-- departments), can be deactivated, and is edited with a version (a stale edit gets 409).
ALTER TABLE organisation ADD COLUMN level text NOT NULL DEFAULT 'district'
  CHECK (level IN ('national','state','district','subdistrict','block','village'));
ALTER TABLE organisation ADD COLUMN place_id text REFERENCES location(id);
ALTER TABLE organisation ADD COLUMN subdistrict_code integer;
ALTER TABLE organisation ADD COLUMN block_code integer;
ALTER TABLE organisation ADD COLUMN village_id text REFERENCES location(id);
ALTER TABLE organisation ADD COLUMN name_local text;
-- A child care institution's registration under JJ Act 2015 s.41, an SAA's recognition (s.65).
ALTER TABLE organisation ADD COLUMN registration text;
ALTER TABLE organisation ADD COLUMN active boolean NOT NULL DEFAULT true;
ALTER TABLE organisation ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE organisation ADD COLUMN updated_at timestamptz;

-- Organisations made before this migration sit at their district, else their state.
UPDATE organisation SET level = CASE
  WHEN district_code IS NOT NULL THEN 'district' WHEN state_code IS NOT NULL THEN 'state' ELSE 'national' END;
UPDATE organisation o SET place_id = l.id FROM location l
  WHERE l.id = CASE WHEN o.district_code IS NOT NULL THEN 'di:' || o.district_code ELSE 'st:' || o.state_code END;

-- The receiving unit of an escalation (a kind in a district or state) and the lists by place.
CREATE INDEX organisation_kind_place_idx ON organisation (kind, state_code, district_code);
CREATE INDEX organisation_place_idx ON organisation (state_code, district_code, level);
CREATE INDEX app_user_organisation_idx ON app_user (organisation_id);

-- A user's role, organisation and jurisdiction are assigned with a version (409 when stale).
ALTER TABLE app_user ADD COLUMN version integer NOT NULL DEFAULT 1;
