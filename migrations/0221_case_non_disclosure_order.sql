-- A CWC order restricting a child's identity (JJ Act 2015 s.74(1): nothing that identifies a
-- child in need of care and protection is disclosed except by the Committee's leave). One per
-- case; set or lifted only by a CWC member through the API (permission cases.cwc), every
-- change audited. While it stands, every division-of-labour note shows the case reference and
-- the child's initials only (src/convergence/domain/division-of-labour.ts).
CREATE TABLE case_non_disclosure_order (
  case_id          uuid PRIMARY KEY REFERENCES case_record(id),
  state_code       integer NOT NULL,
  district_code    integer NOT NULL,
  subdistrict_code integer,
  block_code       integer,
  village_id       text,
  order_ref        text NOT NULL CHECK (length(order_ref) BETWEEN 1 AND 100),
  ordered_on       date NOT NULL,
  set_by           uuid NOT NULL,
  set_at           timestamptz NOT NULL,
  version          integer NOT NULL DEFAULT 1
);
CREATE INDEX case_non_disclosure_order_scope_idx ON case_non_disclosure_order (district_code);
