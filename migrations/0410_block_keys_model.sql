-- The match model version each open record's blocking keys were computed with. When the shipped
-- model's blocking rules change (a new version), the matching sweep re-keys records whose version
-- differs and matches them again. Existing rows have none recorded, so they are re-keyed once.
ALTER TABLE missing_record ADD COLUMN block_keys_model text;
