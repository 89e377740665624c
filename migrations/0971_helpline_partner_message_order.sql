-- Child helpline 1098 (issue #13): a call's messages to one partner leave in the order they were
-- queued, each once the one before it is acknowledged (partner.service.ts, PartnerSender). created_at
-- is the request's clock and ties within a minute's steps; seq is the order of queueing.
ALTER TABLE helpline_partner_message ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
-- "Is an earlier message of this call to this partner still unacknowledged?", asked before each send.
CREATE INDEX helpline_partner_message_out_order ON helpline_partner_message (call_id, partner, seq)
  WHERE direction = 'out' AND delivery <> 'acknowledged';
