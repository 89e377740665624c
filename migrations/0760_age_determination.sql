-- Issue #18: the age a Child Welfare Committee (or Board) determined under JJ Act 2015 s.94(2),
-- deemed the child's true age (s.94(3)), is written to the child's record with its basis: the
-- school or matriculation certificate, the birth certificate of a corporation, municipality or
-- panchayat, or (only without both) the medical test the Committee ordered. Written by the
-- registry's handler of the case event `case.age_determined`; NULL until a Committee determines it.
ALTER TABLE child ADD COLUMN IF NOT EXISTS age_basis text
  CHECK (age_basis IN ('school_certificate', 'matriculation_certificate', 'birth_certificate', 'medical_test'));
ALTER TABLE child ADD COLUMN IF NOT EXISTS age_determined_on date;
