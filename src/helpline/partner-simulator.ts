import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  CONTRACT,
  HEADERS,
  partnerMessage,
  signedHeaders,
  verify,
  type HandoverBody,
  type Partner,
  type PartnerMessage,
  type PartnerStatus,
} from './partner.contract';

/**
 * A stand-in for a state's 112 (ERSS) or 181 system, speaking the handover contract
 * (partner.contract.ts): a real HTTP server that receives 1098's signed messages (checks the
 * signature and the replay window, refuses a message id twice, can be "down"), and a client that
 * sends signed messages to Samanvay (`/api/v1/helpline/partners/:partner/messages`). Used by the
 * tests and by `samanvay helpline-simulate`. Not for production.
 */
export interface SimulatorOptions {
  partner: Partner;
  secret: string;
  /** Samanvay's base URL, e.g. http://127.0.0.1:3000. */
  serverUrl: string;
  port?: number;
  host?: string;
  now?: () => Date;
  /** Play the case back: for each handover received, send acknowledged, on the way, reached, closed (ms apart). */
  playBackMs?: number | null;
  log?: (line: string) => void;
}

export interface SentResult {
  status: number;
  body: Record<string, unknown>;
  messageId: string;
}

export interface PartnerSimulator {
  /** Where 1098 sends this partner's messages (HELPLINE_<partner>_URL). */
  url: string;
  /** Messages received and acknowledged, in order. */
  received: PartnerMessage[];
  /** While true, answers 503 (the partner's downtime). */
  down: boolean;
  handOver(h: Partial<HandoverBody> & Pick<HandoverBody, 'stateCode' | 'districtCode'>, opts?: SendOptions): Promise<SentResult>;
  sendStatus(ref: string, status: PartnerStatus, opts?: SendOptions): Promise<SentResult>;
  send(message: PartnerMessage, opts?: SendOptions): Promise<SentResult>;
  close(): Promise<void>;
}

export interface SendOptions {
  /** Sign with another secret (a forged message). */
  secret?: string;
  /** Shift the signed timestamp (a stale message). */
  timestampOffsetSeconds?: number;
  /** Change the body after signing (a tampered message). */
  tamper?: (raw: string) => string;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (s += c));
    req.on('end', () => resolve(s));
    req.on('error', reject);
  });

export async function startPartnerSimulator(o: SimulatorOptions): Promise<PartnerSimulator> {
  const now = o.now ?? (() => new Date());
  const log = o.log ?? (() => undefined);
  const seen = new Set<string>();
  const inbound = `${o.serverUrl.replace(/\/$/, '')}/api/v1/helpline/partners/${o.partner}/messages`;

  const send = async (message: PartnerMessage, opts: SendOptions = {}): Promise<SentResult> => {
    const raw = JSON.stringify(message);
    const at = new Date(now().getTime() + (opts.timestampOffsetSeconds ?? 0) * 1000);
    const headers = signedHeaders(o.partner, opts.secret ?? o.secret, raw, message.messageId, at);
    const res = await fetch(inbound, { method: 'POST', headers, body: opts.tamper ? opts.tamper(raw) : raw });
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    log(`${o.partner} → 1098 ${message.kind} ${message.messageId}: ${res.status}`);
    return { status: res.status, body, messageId: message.messageId };
  };
  const envelope = () => ({
    contract: CONTRACT,
    messageId: `${o.partner}-${randomUUID()}`,
    from: o.partner,
    to: '1098' as const,
    sentAt: now().toISOString(),
  });
  const sim: PartnerSimulator = {
    url: '',
    received: [],
    down: false,
    send,
    handOver: (h, opts) =>
      send(
        {
          ...envelope(),
          kind: 'handover',
          handover: {
            ref: `${o.partner === '112' ? 'ERSS' : 'WHL'}-${randomUUID().slice(0, 8)}`,
            categories: ['rescue'],
            urgency: 'emergency',
            atStation: false,
            location: { text: 'caller on the highway' },
            children: [{ sex: 'unknown' }],
            caller: { anonymous: true },
            receivedAt: now().toISOString(),
            ...h,
          },
        },
        opts,
      ),
    sendStatus: (ref, status, opts) => send({ ...envelope(), kind: 'status', status: { ref, status, at: now().toISOString() } }, opts),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const server: Server = createServer(async (req, res) => {
    const reply = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    try {
      const raw = await readBody(req);
      if (sim.down) return reply(503, { code: 'unavailable', message: 'the simulated partner is down' });
      const h = (n: string) => req.headers[n] as string | undefined;
      const check = verify(o.secret, { timestamp: h(HEADERS.timestamp), signature: h(HEADERS.signature) }, raw, now());
      if (h(HEADERS.partner) !== '1098' || !check.ok) return reply(401, { code: check.ok ? 'unknown_partner' : check.code });
      const parsed = partnerMessage.safeParse(JSON.parse(raw));
      if (!parsed.success) return reply(400, { code: 'validation_failed', issues: parsed.error.issues });
      const msg = parsed.data;
      if (seen.has(msg.messageId)) return reply(409, { code: 'replayed', message: 'received before' });
      seen.add(msg.messageId);
      sim.received.push(msg);
      log(`1098 → ${o.partner} ${msg.kind} ${msg.messageId}${msg.kind === 'status' ? ` ${msg.status.status}` : ''}`);
      reply(200, {
        contract: CONTRACT,
        messageId: msg.messageId,
        acknowledgedAt: now().toISOString(),
        receiverRef: `${o.partner}-${msg.messageId.slice(-8)}`,
      });
      if (msg.kind === 'handover' && o.playBackMs != null) void playBack(msg.handover.ref);
    } catch {
      reply(500, { code: 'error' });
    }
  });
  const playBack = async (ref: string) => {
    for (const s of ['acknowledged', 'on_the_way', 'reached', 'closed'] as const) {
      await new Promise((r) => setTimeout(r, o.playBackMs!));
      await sim.sendStatus(ref, s).catch((e: Error) => log(`status ${s} not sent: ${e.message}`));
    }
  };
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, o.host ?? '127.0.0.1', resolve));
  const a = server.address() as AddressInfo;
  sim.url = `http://${o.host ?? '127.0.0.1'}:${a.port}/messages`;
  return sim;
}
