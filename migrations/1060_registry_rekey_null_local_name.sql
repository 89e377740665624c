-- The registry's re-key sweep (0950, name-keys.repository.ts) read a child's names as
-- ARRAY[name, name_local] || other_names; on PGlite a missing local name came back as the string
-- 'NULL' and was keyed as a name ("nl"), so a search for Neel or Nila found those children. The sweep
-- now drops NULLs in SQL. Rows that may carry the bad key go back to the sweep (a real "nl" name is
-- simply keyed again); the record's own version is not touched. `@>` uses the name_keys GIN index.
UPDATE child SET name_keys_version = 1 WHERE name_local IS NULL AND name_keys @> ARRAY['nl'];
UPDATE family SET name_keys_version = 1 WHERE head_name_local IS NULL AND name_keys @> ARRAY['nl'];
