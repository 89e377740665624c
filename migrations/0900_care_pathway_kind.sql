-- Issue #14: the kind of a reintegration pathway, i.e. to whom the child is to be restored
-- (JJ Act 2015 s.40: to the parents, a guardian, or a fit person). Existing pathways were opened
-- as restorations to the parents, the only kind the screens knew.
ALTER TABLE care_reintegration ADD COLUMN kind text NOT NULL DEFAULT 'parents';
ALTER TABLE care_reintegration ADD CONSTRAINT care_reintegration_kind_check CHECK (kind IN ('parents', 'kinship', 'fit_person'));
