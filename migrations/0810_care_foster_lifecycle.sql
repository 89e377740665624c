-- The foster care lifecycle (issue #14, src/care/foster-life.*): what the matching of a child to
-- an approved family reads, the ending of a placement on the CWC's order, and the Form 35 visit's
-- own questions (JJ Act 2015 s.44; JJ Model Rules 2016 r.23). Columns are only ADDED: the
-- dashboard views on care_family_placement (0662, 0791) stay valid.

-- What the home study found the family can take (Form 30, r.23(9)) and how long the committee's
-- approval holds (review_due, added in 0750, is the approval's end: null means no end recorded).
ALTER TABLE care_foster_carer ADD COLUMN capacity integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 10);
ALTER TABLE care_foster_carer ADD COLUMN prefers_sex text NOT NULL DEFAULT 'any' CHECK (prefers_sex IN ('any','female','male'));
ALTER TABLE care_foster_carer ADD COLUMN age_min integer CHECK (age_min BETWEEN 0 AND 17);
ALTER TABLE care_foster_carer ADD COLUMN age_max integer CHECK (age_max BETWEEN 0 AND 17);
ALTER TABLE care_foster_carer ADD COLUMN languages text[] NOT NULL DEFAULT '{}';
ALTER TABLE care_foster_carer ADD COLUMN takes_siblings boolean NOT NULL DEFAULT false;
ALTER TABLE care_foster_carer ADD CONSTRAINT care_foster_carer_age_range CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max);
CREATE INDEX care_family_placement_carer_idx ON care_family_placement (carer_id) WHERE ended_on IS NULL;

-- Ending a placement: the CWC's order that ends it, who recorded it, when.
ALTER TABLE care_family_placement ADD COLUMN end_order_ref text;
ALTER TABLE care_family_placement ADD COLUMN ended_by uuid;
ALTER TABLE care_family_placement ADD COLUMN updated_at timestamptz;

-- The Form 35 visit: whether the child was seen alone, and the concerns raised (null: not asked,
-- as for the visits recorded before this migration).
ALTER TABLE care_foster_inspection ADD COLUMN child_seen_alone boolean;
ALTER TABLE care_foster_inspection ADD COLUMN concerns text;
