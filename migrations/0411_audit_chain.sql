-- The audit log without a global lock across business transactions (issue #11).
--
-- Before: every audit() took pg_advisory_xact_lock(727002) to hash-chain its entry, held to
-- the end of the caller's transaction, so every audited request waited for every other one.
-- Now: audit() appends the entry, its subjects and a queue row in the caller's transaction
-- (no hash, no lock); a short separate step (after each request, every few seconds on the
-- server, before `audit verify`) takes the lock briefly and chains what has committed, in the
-- order it picks them, recording each entry's chain position. Every entry is chained once
-- (audit_chain.event_seq is unique); `samanvay audit verify` recomputes the chain and checks
-- it against HMAC-signed checkpoints whose key is not in the database.

-- Who a disclosure was about: the children and families an entry's read, list, search or
-- export returned (ids, never names), queryable per record for its access log. Covered by the
-- entry's hash, so removing a row from a child's access log breaks the chain.
CREATE TABLE audit_subject (
  subject_type text NOT NULL CHECK (subject_type IN ('child', 'family')),
  subject_id   uuid NOT NULL,
  event_seq    bigint NOT NULL REFERENCES audit_event (seq),
  PRIMARY KEY (subject_type, subject_id, event_seq)
);
CREATE INDEX audit_subject_event_idx ON audit_subject (event_seq);

-- Entries written but not chained yet. Only the chainer deletes from it.
CREATE TABLE audit_pending (
  event_seq bigint PRIMARY KEY
);

-- The chain: position 1, 2, 3… in the order the chainer took the entries.
-- hash_version 1: entries chained before this migration (hash of the entry alone, in seq
-- order); 2: the hash also covers the position, the entry's seq and its subjects.
CREATE TABLE audit_chain (
  pos          bigint PRIMARY KEY,
  event_seq    bigint NOT NULL UNIQUE REFERENCES audit_event (seq),
  hash_version smallint NOT NULL,
  prev_hash    text NOT NULL,
  hash         text NOT NULL
);

-- Signed anchors: position and head hash at a time, HMAC-SHA256 with a key kept outside the
-- database (AUDIT_KEY / AUDIT_KEY_FILE). A deleted tail or a re-hashed chain no longer
-- matches them, and nobody without the key can sign new ones.
CREATE TABLE audit_checkpoint (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  pos       bigint NOT NULL,
  head_hash text NOT NULL,
  at        timestamptz NOT NULL,
  mac       text NOT NULL
);

-- The existing chain moves over as it is (its hashes stay valid: version 1).
INSERT INTO audit_chain (pos, event_seq, hash_version, prev_hash, hash)
  SELECT row_number() OVER (ORDER BY seq), seq, 1, prev_hash, hash FROM audit_event;
-- Subjects of the existing entries: the record itself, and the ids a list, search or export
-- of children or families returned (audit.hash.ts `legacySubjects` is the same rule).
INSERT INTO audit_subject (subject_type, subject_id, event_seq)
  SELECT DISTINCT entity_type, entity_id::uuid, seq FROM audit_event
   WHERE entity_type IN ('child', 'family')
     AND entity_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
  UNION
  SELECT DISTINCT e.entity_type, x.id::uuid, e.seq
    FROM audit_event e, jsonb_array_elements_text(CASE WHEN jsonb_typeof(e.details->'ids') = 'array' THEN e.details->'ids' ELSE '[]'::jsonb END) AS x(id)
   WHERE e.entity_type IN ('child', 'family') AND e.action IN ('list', 'search', 'export')
     AND x.id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
ALTER TABLE audit_event DROP COLUMN prev_hash, DROP COLUMN hash;

-- Everything in the log is append-only, the queue aside.
CREATE TRIGGER audit_subject_no_update BEFORE UPDATE OR DELETE ON audit_subject
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_subject_no_truncate BEFORE TRUNCATE ON audit_subject
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE OR DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
