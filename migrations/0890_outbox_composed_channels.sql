-- Partner messages (112/181) are delivered through the notification outbox (issue #13): a
-- composed channel, whose row holds ids and a kind only and whose body the channel's sender
-- builds from the call when it sends (src/notifications/senders.ts). The outbox now holds the
-- claim, attempts and backoff; helpline_partner_message keeps the contract's record (message id,
-- replay guard, acknowledgement, pending state on the call), so its own claim columns go.
ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_channel_check;
ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_channel_check
  CHECK (channel IN ('email', 'sms', 'log', 'helpline_partner'));

DROP INDEX helpline_partner_message_due;
ALTER TABLE helpline_partner_message DROP COLUMN next_attempt_at;
ALTER TABLE helpline_partner_message DROP COLUMN claimed_at;
