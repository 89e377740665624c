-- Foundation: locations (LGD), organisations, users, sessions, audit log, registry.
-- Every table that holds a child's or family's data carries its location codes
-- (state_code first) so a national deployment can partition or distribute by state.

CREATE TABLE location (
  id               text PRIMARY KEY,          -- 'st:27', 'di:468', 'sd:4009', 'bl:4299', 'vi:<uuid>'
  level            text NOT NULL CHECK (level IN ('state','district','subdistrict','block','village')),
  lgd_code         integer,
  name             text NOT NULL,
  name_local       text,
  parent_id        text REFERENCES location(id),
  state_code       integer NOT NULL,
  district_code    integer,
  subdistrict_code integer,
  block_code       integer
);
CREATE INDEX location_parent_idx ON location (parent_id);
CREATE INDEX location_district_idx ON location (district_code, level);

CREATE TABLE organisation (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text NOT NULL,
  kind          text NOT NULL,
  state_code    integer,
  district_code integer,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username         text NOT NULL UNIQUE,
  display_name     text NOT NULL,
  password_hash    text NOT NULL,
  role             text NOT NULL,
  organisation_id  uuid REFERENCES organisation(id),
  scope_level      text NOT NULL CHECK (scope_level IN ('national','state','district','subdistrict','block','village')),
  jurisdiction_id  text REFERENCES location(id),
  state_code       integer,
  district_code    integer,
  subdistrict_code integer,
  block_code       integer,
  village_id       text,
  language         text NOT NULL DEFAULT 'en',
  failed_logins    integer NOT NULL DEFAULT 0,
  locked_until     timestamptz,
  active           boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_session (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash   text NOT NULL UNIQUE,
  user_id      uuid NOT NULL REFERENCES app_user(id),
  kind         text NOT NULL CHECK (kind IN ('cookie','api')),
  label        text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

-- Append-only, hash-chained. The trigger stops ordinary edits; `samanvay audit verify`
-- detects the rest (a superuser who disables the trigger still breaks the chain).
CREATE TABLE audit_event (
  seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           timestamptz NOT NULL,
  actor_id     uuid,
  actor_role   text,
  action       text NOT NULL,
  entity_type  text NOT NULL,
  entity_id    text,
  state_code   integer,
  district_code integer,
  ip           text,
  details      jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash    text NOT NULL,
  hash         text NOT NULL
);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, seq);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, seq);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END $$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

CREATE TABLE family (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  state_code            integer NOT NULL,
  district_code         integer NOT NULL,
  subdistrict_code      integer,
  block_code            integer,
  village_id            text REFERENCES location(id),
  address               text,
  head_name             text NOT NULL,
  head_name_local       text,
  name_keys             text[] NOT NULL DEFAULT '{}',
  caregiver_type        text NOT NULL,
  area_type             text NOT NULL DEFAULT 'rural',
  annual_income         integer,
  ration_card           text,
  bpl                   boolean,
  occupation            text,
  migration             text,
  caste_category        text,
  social_group          text,
  vulnerability_factors text[] NOT NULL DEFAULT '{}',
  notes                 text,
  created_by            uuid,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  version               integer NOT NULL DEFAULT 1
);
CREATE INDEX family_scope_idx ON family (district_code, village_id);
CREATE INDEX family_state_idx ON family (state_code);
CREATE INDEX family_name_keys_idx ON family USING gin (name_keys) WITH (fastupdate = off);
CREATE INDEX family_factors_idx ON family USING gin (vulnerability_factors);

CREATE TABLE family_member (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  family_id            uuid NOT NULL REFERENCES family(id),
  name                 text NOT NULL,
  name_local           text,
  relationship         text NOT NULL,
  sex                  text,
  age                  integer,
  alive                boolean NOT NULL DEFAULT true,
  death_date           date,
  death_cause          text,
  is_primary_caregiver boolean NOT NULL DEFAULT false,
  occupation           text,
  disability           text,
  chronic_illness      text,
  imprisoned           boolean NOT NULL DEFAULT false,
  created_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 1
);
CREATE INDEX family_member_family_idx ON family_member (family_id);

CREATE TABLE child (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  family_id        uuid REFERENCES family(id),
  state_code       integer NOT NULL,
  district_code    integer NOT NULL,
  subdistrict_code integer,
  block_code       integer,
  village_id       text REFERENCES location(id),
  name             text NOT NULL,
  name_local       text,
  other_names      text[] NOT NULL DEFAULT '{}',
  name_keys        text[] NOT NULL DEFAULT '{}',
  sex              text NOT NULL,
  dob              date,
  dob_estimated    boolean NOT NULL DEFAULT false,
  care_status      text NOT NULL,
  school_status    text,
  school           text,
  health_notes     text,
  disability       text,
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1
);
CREATE INDEX child_scope_idx ON child (district_code, village_id);
CREATE INDEX child_state_idx ON child (state_code);
CREATE INDEX child_family_idx ON child (family_id);
-- fastupdate off: a search must not scan a pending list after bulk loads (registry writes are few).
CREATE INDEX child_name_keys_idx ON child USING gin (name_keys) WITH (fastupdate = off);

CREATE TABLE document (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  state_code      integer NOT NULL,
  district_code   integer NOT NULL,
  family_id       uuid REFERENCES family(id),
  child_id        uuid REFERENCES child(id),
  member_id       uuid REFERENCES family_member(id),
  doc_type        text NOT NULL,
  status          text NOT NULL,
  issuing_office  text,
  applied_on      date,
  issued_on       date,
  notes           text,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  CHECK (family_id IS NOT NULL OR child_id IS NOT NULL)
);
CREATE INDEX document_family_idx ON document (family_id);
CREATE INDEX document_child_idx ON document (child_id);

CREATE TABLE assessment (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  state_code         integer NOT NULL,
  district_code      integer NOT NULL,
  village_id         text,
  family_id          uuid NOT NULL REFERENCES family(id),
  child_id           uuid REFERENCES child(id),
  instrument_id      text NOT NULL,
  instrument_version integer NOT NULL,
  assessed_on        date NOT NULL,
  assessed_by        uuid,
  answers            jsonb NOT NULL,
  domain_scores      jsonb NOT NULL,
  overall            numeric(4,2) NOT NULL,
  notes              text,
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessment_family_idx ON assessment (family_id, assessed_on);

CREATE TABLE village_survey (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  state_code         integer NOT NULL,
  district_code      integer NOT NULL,
  subdistrict_code   integer,
  village_id         text NOT NULL REFERENCES location(id),
  surveyed_on        date NOT NULL,
  surveyed_by        uuid,
  households_visited integer NOT NULL,
  notes              text,
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE survey_visit (
  survey_id  uuid NOT NULL REFERENCES village_survey(id),
  family_id  uuid NOT NULL REFERENCES family(id),
  at_risk    boolean NOT NULL,
  reasons    text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (survey_id, family_id)
);

-- Import rows that look like someone already registered wait here for a person to decide.
CREATE TABLE possible_duplicate (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  state_code        integer NOT NULL,
  district_code     integer NOT NULL,
  source            text NOT NULL,
  source_line       integer,
  incoming          jsonb NOT NULL,
  existing_child_id uuid REFERENCES child(id),
  score             numeric(5,4) NOT NULL,
  status            text NOT NULL DEFAULT 'open',
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX possible_duplicate_scope_idx ON possible_duplicate (district_code, status);
