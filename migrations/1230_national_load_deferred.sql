-- The secondary indexes and foreign keys `samanvay generate-national --defer-indexes` took off
-- the tables it loads (issue #19, docs/SCALE.md §1), with the definition each is rebuilt from
-- (pg_get_indexdef / pg_get_constraintdef as they were). Written in the transaction that drops
-- them and each row deleted in the transaction that rebuilds it, so a load stopped halfway leaves
-- here exactly what is missing, and the next `generate-national` run rebuilds it first
-- (src/demo/national/defer.ts). Empty except during such a load.
CREATE TABLE national_load_deferred (
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('index', 'foreign_key')),
  table_name text NOT NULL,
  definition text NOT NULL,
  position integer NOT NULL,
  deferred_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (table_name, name)
);
