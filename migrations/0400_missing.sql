-- Missing and found children (issue #7): reports, match candidates, the review decision and
-- restoration.
--
-- missing_record holds both kinds: a missing-child report ('missing', placed at the child's
-- home district) and a found-child record ('found', placed where the child was found). The
-- access policy filters on the place columns; a record in another district is seen only
-- through a proposed or confirmed match that reaches into the reader's district.
--
-- block_keys are the linkage model's blocking keys for the record's side (src/missing/
-- blocking-keys.ts): a new record fetches candidates of the other kind by overlap (&&) on a
-- partial GIN index holding only the open records of that kind. missing_block_key counts the
-- open records per key (kept by statement-level triggers), so a key shared by too many
-- records is left out of the query, as the engine skips oversized blocks.

CREATE TABLE missing_record (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number              bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  kind                text NOT NULL CHECK (kind IN ('missing', 'found')),
  status              text NOT NULL CHECK (status IN ('pending_moderation', 'open', 'matched', 'rejected', 'closed')),
  channel             text NOT NULL CHECK (channel IN ('public', 'official')),
  source              text NOT NULL,
  state_code          integer NOT NULL,
  district_code       integer NOT NULL,
  subdistrict_code    integer,
  block_code          integer,
  village_id          text REFERENCES location(id),
  place               text,
  address             text,
  name                text,
  name_local          text,
  aliases             text[] NOT NULL DEFAULT '{}',
  sex                 text NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
  age_years           numeric(4, 1),
  age_estimated       boolean NOT NULL DEFAULT true,
  father_name         text,
  mother_name         text,
  guardian_name       text,
  language            text,
  height_cm           integer,
  weight_kg           integer,
  marks               text,
  clothing            text,
  description         text,
  -- When the child was last seen (missing) or found (found), and where.
  event_date          date,
  event_place         text,
  event_district_code integer,
  -- Found children: where the child is now.
  current_care        text,
  current_place       text,
  child_id            uuid REFERENCES child(id),
  reporter_name       text,
  reporter_relation   text,
  reporter_phone      text,
  reporter_email      text,
  police_station      text,
  fir_number          text,
  moderation_reason   text,
  moderated_by        uuid,
  moderated_at        timestamptz,
  block_keys          text[] NOT NULL DEFAULT '{}',
  -- 'pending' until the record has been matched against the other kind (after acceptance,
  -- and again after an edit); a sweep retries what a crash left pending.
  match_state         text NOT NULL DEFAULT 'pending' CHECK (match_state IN ('pending', 'done', 'not_applicable')),
  matched_at          timestamptz,
  photo_stored_name   text,
  photo_content_type  text,
  photo_size          integer,
  photo_sha256        text,
  created_by          uuid,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  version             integer NOT NULL DEFAULT 1
);
CREATE INDEX missing_record_scope_idx ON missing_record (state_code, district_code, kind, status, created_at DESC);
CREATE INDEX missing_record_village_idx ON missing_record (district_code, village_id) WHERE village_id IS NOT NULL;
CREATE INDEX missing_record_child_idx ON missing_record (child_id) WHERE child_id IS NOT NULL;
CREATE INDEX missing_record_pending_idx ON missing_record (created_at) WHERE match_state = 'pending' AND status = 'open';
CREATE INDEX missing_record_keys_missing_idx ON missing_record USING gin (block_keys) WITH (fastupdate = off)
  WHERE kind = 'missing' AND status = 'open';
CREATE INDEX missing_record_keys_found_idx ON missing_record USING gin (block_keys) WITH (fastupdate = off)
  WHERE kind = 'found' AND status = 'open';

-- Open records per (kind, blocking key); key '*' counts all open records of the kind (the
-- population a new record is matched against, which sets the prior).
CREATE TABLE missing_block_key (
  kind text NOT NULL,
  key  text NOT NULL,
  n    integer NOT NULL,
  PRIMARY KEY (kind, key)
);

CREATE FUNCTION missing_block_key_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO missing_block_key (kind, key, n)
  SELECT r.kind, k, count(*)::int FROM new_rows r, unnest(r.block_keys || '{*}'::text[]) AS k
  WHERE r.status = 'open' GROUP BY r.kind, k ORDER BY r.kind, k
  ON CONFLICT (kind, key) DO UPDATE SET n = missing_block_key.n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE FUNCTION missing_block_key_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO missing_block_key (kind, key, n)
  SELECT kind, k, sum(c)::int FROM (
    SELECT r.kind, k, 1 AS c FROM new_rows r, unnest(r.block_keys || '{*}'::text[]) AS k WHERE r.status = 'open'
    UNION ALL
    SELECT r.kind, k, -1 AS c FROM old_rows r, unnest(r.block_keys || '{*}'::text[]) AS k WHERE r.status = 'open'
  ) d GROUP BY kind, k HAVING sum(c) <> 0 ORDER BY kind, k
  ON CONFLICT (kind, key) DO UPDATE SET n = missing_block_key.n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE FUNCTION missing_block_key_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO missing_block_key (kind, key, n)
  SELECT r.kind, k, -count(*)::int FROM old_rows r, unnest(r.block_keys || '{*}'::text[]) AS k
  WHERE r.status = 'open' GROUP BY r.kind, k ORDER BY r.kind, k
  ON CONFLICT (kind, key) DO UPDATE SET n = missing_block_key.n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE TRIGGER missing_record_keys_ins AFTER INSERT ON missing_record
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION missing_block_key_added();
CREATE TRIGGER missing_record_keys_upd AFTER UPDATE ON missing_record
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION missing_block_key_changed();
CREATE TRIGGER missing_record_keys_del AFTER DELETE ON missing_record
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION missing_block_key_removed();

-- A candidate pair (left = the missing report, right = the found child) with the engine's
-- probability and per-field weights. Both sides' places are copied here so the review queue
-- can be filtered by either district from this table alone.
CREATE TABLE missing_match (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  missing_id            uuid NOT NULL REFERENCES missing_record(id),
  found_id              uuid NOT NULL REFERENCES missing_record(id),
  missing_state_code    integer NOT NULL,
  missing_district_code integer NOT NULL,
  found_state_code      integer NOT NULL,
  found_district_code   integer NOT NULL,
  probability           double precision NOT NULL CHECK (probability >= 0 AND probability <= 1),
  weight                double precision NOT NULL,
  fields                jsonb NOT NULL,
  explanation           text NOT NULL,
  model_version         text NOT NULL,
  status                text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'rejected', 'superseded')),
  note                  text,
  decided_by            uuid,
  decided_at            timestamptz,
  -- The two person records as the reviewer saw them: the labelled pair for re-fitting the model.
  decided_left          jsonb,
  decided_right         jsonb,
  proposed_at           timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  version               integer NOT NULL DEFAULT 1,
  UNIQUE (missing_id, found_id)
);
CREATE INDEX missing_match_missing_side_idx ON missing_match (missing_state_code, missing_district_code, status, probability DESC);
CREATE INDEX missing_match_found_side_idx ON missing_match (found_state_code, found_district_code, status, probability DESC);
CREATE INDEX missing_match_found_idx ON missing_match (found_id);
CREATE INDEX missing_match_decided_idx ON missing_match (decided_at) WHERE status IN ('confirmed', 'rejected');

-- Restoration after a confirmed match: a case in the case module when one could be opened,
-- else waiting for the home district to open it. Placed at the child's home district; the
-- district where the child was found sees it too.
CREATE TABLE missing_restoration (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  match_id            uuid NOT NULL UNIQUE REFERENCES missing_match(id),
  missing_id          uuid NOT NULL REFERENCES missing_record(id),
  found_id            uuid NOT NULL REFERENCES missing_record(id),
  state_code          integer NOT NULL,
  district_code       integer NOT NULL,
  found_state_code    integer NOT NULL,
  found_district_code integer NOT NULL,
  child_id            uuid REFERENCES child(id),
  case_id             uuid REFERENCES case_record(id),
  status              text NOT NULL CHECK (status IN ('awaiting_case', 'case_opened', 'restored', 'closed')),
  note                text,
  created_by          uuid,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  version             integer NOT NULL DEFAULT 1
);
CREATE INDEX missing_restoration_home_idx ON missing_restoration (state_code, district_code, status);
CREATE INDEX missing_restoration_found_idx ON missing_restoration (found_state_code, found_district_code, status);
