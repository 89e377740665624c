-- One display name per place (issue #17): location.name is the name shown on screens, PDFs and
-- CSVs (reference/place-names/display-names.json); lgd_name keeps the official LGD spelling for
-- exports that must match LGD. NULL until the LGD files are (re)loaded, which
-- ensureReferenceData does when it finds such rows; villages are not LGD units and keep NULL.
ALTER TABLE location ADD COLUMN lgd_name text;
