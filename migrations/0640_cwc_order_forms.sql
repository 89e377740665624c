-- CWC order forms (issue #18).
--
-- The app offered Forms 30, 34 and 35 as CWC order forms. They are not orders: Form 30 is the
-- foster-parent home study report (JJ Model Rules 2016 R.23(9)), Form 34 the record of a child in
-- foster care (R.23(17)) and Form 35 the monthly inspection of foster families (R.23(18)). The
-- placement orders are Form 32 (foster care, R.23(15)), 36 (sponsorship, R.24(5)), 37 (aftercare,
-- R.25(2)), 18 (children's home or adoption agency) and 19 (fit person); 25 is the legally-free
-- certificate and 44 the release-cum-restoration order.
--
-- Stored orders keep working: each order recorded on a withdrawn form is rewritten to the form its
-- order type is issued on (src/cases/domain/vocabulary.ts `correctedOrderForm`), and the original
-- code is kept in cwc_order_form_correction, so the history still shows what was first recorded.
-- case_action is append-only (migration 0100); its trigger is lifted for this one statement only.

CREATE TABLE cwc_order_form_correction (
  case_id      uuid NOT NULL,
  seq          integer NOT NULL,
  old_form     text NOT NULL,
  new_form     text NOT NULL,
  corrected_at timestamptz NOT NULL DEFAULT now(),
  reason       text NOT NULL,
  PRIMARY KEY (case_id, seq)
);

INSERT INTO cwc_order_form_correction (case_id, seq, old_form, new_form, reason)
SELECT case_id, seq, payload->>'form',
  CASE payload->>'orderType'
    WHEN 'foster_care' THEN 'form32'
    WHEN 'sponsorship' THEN 'form36'
    WHEN 'aftercare' THEN 'form37'
    WHEN 'cci_placement' THEN 'form18'
    WHEN 'saa_placement' THEN 'form18'
    WHEN 'fit_facility' THEN 'form18'
    WHEN 'fit_person' THEN 'form19'
    WHEN 'lfa_declaration' THEN 'form25'
    WHEN 'restoration' THEN 'form44'
    WHEN 'kinship_care' THEN 'form44'
    ELSE 'other'
  END,
  'Forms 30, 34 and 35 are foster-care records, not orders (JJ Model Rules 2016 R.23(9), R.23(17), R.23(18)); issue #18'
FROM case_action
WHERE type = 'cwc_order' AND payload->>'form' IN ('form30', 'form34', 'form35');

ALTER TABLE case_action DISABLE TRIGGER case_action_no_update;
UPDATE case_action a
SET payload = jsonb_set(a.payload, '{form}', to_jsonb(c.new_form))
FROM cwc_order_form_correction c
WHERE a.case_id = c.case_id AND a.seq = c.seq AND a.payload->>'form' = c.old_form;
ALTER TABLE case_action ENABLE TRIGGER case_action_no_update;

CREATE FUNCTION cwc_order_form_correction_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'cwc_order_form_correction is append-only';
END $$;
CREATE TRIGGER cwc_order_form_correction_no_update BEFORE UPDATE OR DELETE ON cwc_order_form_correction
  FOR EACH ROW EXECUTE FUNCTION cwc_order_form_correction_append_only();

-- Built-in scheme rules corrected by the application (issue #18) are stored as a new revision,
-- never by editing the old one: past decisions keep the revision they were made under.
ALTER TABLE scheme_revision DROP CONSTRAINT IF EXISTS scheme_revision_change_check;
ALTER TABLE scheme_revision ADD CONSTRAINT scheme_revision_change_check
  CHECK (change IN ('seeded', 'created', 'version_added', 'rules_corrected'));
