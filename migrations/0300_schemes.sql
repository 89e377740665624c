-- Schemes and documents (issue #6).
--
-- The catalogue is data: every scheme is stored as the JSON the pure engine validates
-- (src/schemes/scheme.ts), one row per revision; the catalogue in force is each scheme's
-- latest revision. An administrator changes a scheme by adding a version (a new
-- revision), never by editing a row, so an application is always judged by the rules
-- that were in force on its date.
--
-- An application is an append-only list of steps (scheme_application_step); the row in
-- scheme_application is a projection of it (status derived by the engine's `replay`),
-- rewritten in the same transaction as every append. Tables holding a family's or a
-- child's data carry state_code, district_code (and the village codes) for the access
-- policy and for partitioning by state.

CREATE TABLE scheme_revision (
  seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  scheme_id    text NOT NULL,
  revision     integer NOT NULL,
  definition   jsonb NOT NULL,
  change       text NOT NULL CHECK (change IN ('seeded', 'created', 'version_added')),
  note         text,
  created_by   uuid,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (scheme_id, revision)
);

CREATE FUNCTION scheme_revision_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'scheme_revision is append-only: add a revision instead';
END $$;
CREATE TRIGGER scheme_revision_no_update BEFORE UPDATE OR DELETE ON scheme_revision
  FOR EACH ROW EXECUTE FUNCTION scheme_revision_append_only();

CREATE TABLE scheme_application (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scheme_id         text NOT NULL,
  subject           text NOT NULL CHECK (subject IN ('child', 'family', 'caregiver')),
  -- Child id, family id, or '<family id>:caregiver' (the engine's subject id).
  subject_id        text NOT NULL,
  family_id         uuid NOT NULL REFERENCES family(id),
  child_id          uuid REFERENCES child(id),
  state_code        integer NOT NULL,
  district_code     integer NOT NULL,
  subdistrict_code  integer,
  block_code        integer,
  village_id        text,
  status            text NOT NULL CHECK (status IN ('identified', 'documents_gathering', 'applied', 'sanctioned', 'rejected', 'receiving', 'stopped')),
  identified_on     date NOT NULL,
  applied_on        date,
  sanctioned_on     date,
  last_step_on      date NOT NULL,
  -- Latest sanctioned or received amount (rupees per the benefit's period), when known.
  amount            numeric(14, 2) CHECK (amount IS NULL OR amount >= 0),
  reference         text,
  officer_name      text,
  officer_user_id   uuid,
  created_by        uuid,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  -- Number of steps: the optimistic version a client edits at.
  version           integer NOT NULL DEFAULT 1,
  CHECK (subject <> 'child' OR child_id IS NOT NULL)
);
-- One open application per scheme and subject; a stopped one may be followed by a new one.
CREATE UNIQUE INDEX scheme_application_open_idx ON scheme_application (scheme_id, subject_id) WHERE status <> 'stopped';
CREATE INDEX scheme_application_family_idx ON scheme_application (family_id);
CREATE INDEX scheme_application_scope_idx ON scheme_application (state_code, district_code, village_id);
CREATE INDEX scheme_application_district_scheme_idx ON scheme_application (district_code, scheme_id, status);

CREATE TABLE scheme_application_step (
  application_id  uuid NOT NULL REFERENCES scheme_application(id),
  seq             integer NOT NULL,
  status          text NOT NULL,
  on_date         date NOT NULL,
  reason          text,
  amount          numeric(14, 2) CHECK (amount IS NULL OR amount >= 0),
  reference       text,
  note            text,
  officer_name    text,
  recorded_by     uuid,
  state_code      integer NOT NULL,
  district_code   integer NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (application_id, seq)
);

CREATE FUNCTION scheme_application_step_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'scheme_application_step is append-only';
END $$;
CREATE TRIGGER scheme_application_step_no_update BEFORE UPDATE OR DELETE ON scheme_application_step
  FOR EACH ROW EXECUTE FUNCTION scheme_application_step_append_only();

-- History of a document's status (the registry's `document` row holds the latest):
-- missing → applied for → issued → held, with dates and the issuing office.
CREATE TABLE document_event (
  seq              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id      uuid NOT NULL REFERENCES document(id),
  family_id        uuid,
  child_id         uuid,
  doc_type         text NOT NULL,
  from_status      text,
  to_status        text NOT NULL,
  event_on         date NOT NULL,
  issuing_office   text,
  note             text,
  recorded_by      uuid,
  state_code       integer NOT NULL,
  district_code    integer NOT NULL,
  subdistrict_code integer,
  block_code       integer,
  village_id       text,
  recorded_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_event_document_idx ON document_event (document_id, seq);
CREATE INDEX document_event_scope_idx ON document_event (district_code, event_on);

CREATE FUNCTION document_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'document_event is append-only';
END $$;
CREATE TRIGGER document_event_no_update BEFORE UPDATE OR DELETE ON document_event
  FOR EACH ROW EXECUTE FUNCTION document_event_append_only();

-- Getting a missing document, as work assigned to a department (death certificate →
-- Gram Panchayat registrar, caste certificate → SDO/Tahsildar, orphan certificate → DWCD).
-- convergence_action_id links it to a convergence action item once that module takes it
-- on the agenda.
CREATE TABLE document_request (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  state_code            integer NOT NULL,
  district_code         integer NOT NULL,
  subdistrict_code      integer,
  block_code            integer,
  village_id            text,
  family_id             uuid NOT NULL REFERENCES family(id),
  child_id              uuid REFERENCES child(id),
  application_id        uuid REFERENCES scheme_application(id),
  doc_type              text NOT NULL,
  department            text NOT NULL,
  officer               text,
  requested_on          date NOT NULL,
  due_on                date NOT NULL,
  status                text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  closed_on             date,
  result                text,
  note                  text,
  convergence_action_id uuid,
  created_by            uuid,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  version               integer NOT NULL DEFAULT 1,
  CHECK (due_on >= requested_on),
  CHECK (closed_on IS NULL OR closed_on >= requested_on)
);
CREATE INDEX document_request_family_idx ON document_request (family_id);
CREATE INDEX document_request_scope_idx ON document_request (district_code, department, status, due_on);
CREATE INDEX document_request_application_idx ON document_request (application_id);

-- Outcome queries count documents secured by month per place.
CREATE INDEX document_issued_idx ON document (district_code, issued_on) WHERE issued_on IS NOT NULL;
