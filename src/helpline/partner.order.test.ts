import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/support/db';
import type { ScratchDatabase } from '../db/scratch';
import { markFailed } from '../notifications/outbox.repository';
import { deliverPartnerMessages, queuePartnerMessage, setPartnerConfig } from './partner.service';
import { messagesOf } from './partner.repository';

/**
 * A call's messages to one partner leave in the order queued (migration 0971), each held while an
 * earlier one is unacknowledged. An earlier one whose outbox row ended `failed` is given up: it
 * must not hold the later ones for ever. The later one is released; the failure stays on the call.
 */
let d: ScratchDatabase;
let partner: Server;
/** Message ids the partner acknowledged (the demo's own queued messages may reach it too). */
const received: string[] = [];
const T0 = new Date('2026-12-01T04:30:00.000Z');
/** A demo call with no partner message yet (so no earlier message of the demo's holds the test's). */
const QUIET_CALL = `SELECT id, state_code, district_code FROM helpline_call c
  WHERE NOT EXISTS (SELECT 1 FROM helpline_partner_message m WHERE m.call_id = c.id) ORDER BY id LIMIT 1`;

beforeAll(async () => {
  d = await createTestDatabase({ demo: true });
  partner = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push((JSON.parse(body) as { messageId: string }).messageId);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => partner.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(partner.address() as AddressInfo).port}/`;
  setPartnerConfig({ '181': { url, secret: 'x'.repeat(40) } });
});

afterAll(async () => {
  setPartnerConfig(null);
  await new Promise((r) => partner.close(r));
  await d.drop();
});

/** The call's outbound messages as its read shows them (both queued at T0: keyed by kind, not listed in order). */
async function shownByKind(callId: string) {
  const out = (await messagesOf(d.db, callId)).filter((x) => x.direction === 'out');
  expect(out).toHaveLength(2);
  return Object.fromEntries(out.map((x) => [x.kind, x]));
}

describe('a held partner message after an earlier one failed for good', () => {
  it('is released and acknowledged; the earlier one reads `failed` with its error on the call', async () => {
    const [call] = await d.query<{ id: string; state_code: number; district_code: number }>(QUIET_CALL + ' OFFSET 0');
    const queued = { id: call.id, stateCode: call.state_code, districtCode: call.district_code };
    await d.db.transaction((tx) => queuePartnerMessage(tx, queued, '181', 'handover', T0));
    await d.db.transaction((tx) => queuePartnerMessage(tx, queued, '181', 'status', T0, 'acknowledged'));
    const outbox = () =>
      d.query<{ id: string; kind: string; status: string; message_id: string }>(
        `SELECT o.id, m.kind, o.status, m.message_id FROM helpline_partner_message m
           JOIN notification_outbox o ON o.dedupe_key = 'helpline-partner:' || m.message_id
          WHERE m.call_id = $1 AND m.direction = 'out' ORDER BY m.seq`,
        [call.id],
      );
    const [handover, status] = await outbox();
    expect([handover.kind, status.kind]).toEqual(['handover', 'status']);
    // The handover's outbox row ends failed, with no retry (as the outbox does when no sender takes the channel).
    await markFailed(d.db, handover.id, 'no sender for channel helpline_partner', null);

    await deliverPartnerMessages(d.db, T0);
    expect(received).toContain(status.message_id);
    expect(received).not.toContain(handover.message_id);
    expect((await outbox()).map((r) => r.status)).toEqual(['failed', 'sent']);
    expect(await shownByKind(call.id)).toMatchObject({
      handover: { delivery: 'failed', lastError: 'no sender for channel helpline_partner' },
      status: { delivery: 'acknowledged', lastError: null },
    });
  });

  it('a retrying (not failed) earlier message still holds the later one', async () => {
    const [call] = await d.query<{ id: string; state_code: number; district_code: number }>(QUIET_CALL + ' OFFSET 1');
    const queued = { id: call.id, stateCode: call.state_code, districtCode: call.district_code };
    await d.db.transaction((tx) => queuePartnerMessage(tx, queued, '181', 'handover', T0));
    await d.db.transaction((tx) => queuePartnerMessage(tx, queued, '181', 'status', T0, 'acknowledged'));
    const [handover] = await d.query<{ id: string }>(
      `SELECT o.id FROM helpline_partner_message m JOIN notification_outbox o ON o.dedupe_key = 'helpline-partner:' || m.message_id
        WHERE m.call_id = $1 AND m.direction = 'out' AND m.kind = 'handover' AND m.partner = '181'`,
      [call.id],
    );
    // Waiting for its retry in a minute: the status behind it is held, nothing is sent.
    await markFailed(d.db, handover.id, 'HTTP 503', new Date(T0.getTime() + 60_000));
    await deliverPartnerMessages(d.db, T0);
    const shown = await shownByKind(call.id);
    expect(shown).toMatchObject({
      handover: { delivery: 'pending', lastError: 'HTTP 503' },
      status: { delivery: 'pending', lastError: 'held: the handover queued before it is not acknowledged' },
    });
    expect(received).not.toContain(shown.status.messageId);
  });
});
