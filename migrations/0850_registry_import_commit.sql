-- Issue #17: two commits of one CSV at the same moment both loaded it (each transaction's
-- duplicate check could not see the other's uncommitted rows). A commit first inserts the file's
-- digest here, in its own transaction: the second commit's insert waits on the unique key and then
-- fails (409), and a commit that wrote nothing deletes its row so the file can be loaded later.
-- Ids and counts only, never a name or the file's name (JJ Act 2015 s.74).
CREATE TABLE registry_import_commit (
  digest text PRIMARY KEY,
  state text NOT NULL DEFAULT 'committed',
  imported_by uuid NOT NULL,
  state_code integer,
  district_code integer,
  children integer NOT NULL DEFAULT 0,
  families integer NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL,
  CONSTRAINT registry_import_commit_state CHECK (state IN ('running', 'committed'))
);
