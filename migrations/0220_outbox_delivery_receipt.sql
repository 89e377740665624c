-- What a sender reports when it hands a message over (src/notifications/senders.ts SendReceipt):
-- the provider's message id, and for SMS the number of parts billed and the encoding
-- (Devanagari goes as UCS-2: 70 characters in one SMS, 67 per part; GSM-7: 160 / 153).
ALTER TABLE notification_outbox ADD COLUMN provider_ref text;
ALTER TABLE notification_outbox ADD COLUMN segments integer;
ALTER TABLE notification_outbox ADD COLUMN encoding text CHECK (encoding IN ('gsm7','ucs2'));
