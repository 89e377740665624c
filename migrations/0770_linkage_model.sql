-- Match models refitted for this deployment from its reviewers' decisions (issue #15): each row is a
-- versioned model (the JSON the engine reads) with what it was fitted on and its figures. One row
-- at most is active; none active means the shipped model (src/linkage/models/). Rolling back is
-- making an older row (or none) active again; rows are never edited or deleted.
CREATE TABLE linkage_model (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version text NOT NULL UNIQUE,
  base_version text NOT NULL,
  model jsonb NOT NULL,
  summary jsonb NOT NULL,
  active boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL
);
CREATE UNIQUE INDEX linkage_model_one_active ON linkage_model (active) WHERE active;
