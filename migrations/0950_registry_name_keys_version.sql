-- Which rules computed each registry row's name_keys (src/registry/name-index.ts NAME_KEYS_VERSION).
-- The name-key rules changed with the linkage model v1.3 (issue #15: "Kr." = Kumar, ow/au, Bengali য়,
-- Tamil voicing): rows written before carry 1 and are re-keyed in the background by the registry's
-- sweep (registry.jobs.ts), so a search finds them under the new keys. Rows written from now on get
-- the column default; a later change of the rules raises it, and the partial index, in a migration
-- like this one (a test checks the default equals NAME_KEYS_VERSION).
ALTER TABLE child ADD COLUMN name_keys_version smallint NOT NULL DEFAULT 1;
ALTER TABLE family ADD COLUMN name_keys_version smallint NOT NULL DEFAULT 1;
ALTER TABLE child ALTER COLUMN name_keys_version SET DEFAULT 2;
ALTER TABLE family ALTER COLUMN name_keys_version SET DEFAULT 2;
CREATE INDEX child_name_keys_stale ON child (id) WHERE name_keys_version < 2;
CREATE INDEX family_name_keys_stale ON family (id) WHERE name_keys_version < 2;
