-- Duplicates at the door: a child or family entered through a form that looks like one already
-- registered is held as a pair for review (like an import row), and a reviewer may merge the
-- two records. A merge hides the duplicate from lists and search and points it at the record
-- that survives; both keep their own history and audit trail, and the merge can be undone.
ALTER TABLE possible_duplicate ADD COLUMN subject_type text NOT NULL DEFAULT 'child' CHECK (subject_type IN ('child', 'family'));
ALTER TABLE possible_duplicate ADD COLUMN incoming_id uuid;
ALTER TABLE possible_duplicate ADD COLUMN existing_family_id uuid REFERENCES family(id);
ALTER TABLE possible_duplicate ADD COLUMN reason text;
ALTER TABLE possible_duplicate ADD COLUMN created_by uuid;
ALTER TABLE possible_duplicate ADD COLUMN resolved_by uuid;
ALTER TABLE possible_duplicate ADD COLUMN resolved_at timestamptz;

ALTER TABLE child ADD COLUMN merged_into uuid REFERENCES child(id);
ALTER TABLE family ADD COLUMN merged_into uuid REFERENCES family(id);

CREATE TABLE record_merge (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_type  text NOT NULL CHECK (subject_type IN ('child', 'family')),
  survivor_id   uuid NOT NULL,
  merged_id     uuid NOT NULL,
  duplicate_id  uuid REFERENCES possible_duplicate(id),
  state_code    integer NOT NULL,
  district_code integer NOT NULL,
  merged_by     uuid NOT NULL,
  merged_at     timestamptz NOT NULL,
  undone_by     uuid,
  undone_at     timestamptz
);
CREATE INDEX record_merge_survivor_idx ON record_merge (subject_type, survivor_id);
CREATE UNIQUE INDEX record_merge_live_idx ON record_merge (subject_type, merged_id) WHERE undone_at IS NULL;
