-- case_due's key gains state_code (issue #19, docs/SCALE.md §3): on a state-partitioned
-- PostgreSQL server (`samanvay partition convert`) a partitioned table's primary key must contain
-- the partition key, and the due-item upsert's ON CONFLICT arbiter must match a unique index
-- exactly, so the key is the same on both databases: (case_id, kind, ref, state_code).
-- One row per (case, kind, ref) is still kept by the code: saveDue (src/cases/cases.repository.ts)
-- deletes a case's due rows of any other state before it upserts, in the case's transaction.
ALTER TABLE case_due DROP CONSTRAINT case_due_pkey;
ALTER TABLE case_due ADD CONSTRAINT case_due_pkey PRIMARY KEY (case_id, kind, ref, state_code);
