import { isIP } from 'node:net';

export type TrustProxy = false | number | string[];

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY, as Fastify's `trustProxy` takes it. Unset or empty: no proxy is trusted and the
 * client address is the TCP peer, whatever X-Forwarded-For claims (anyone can send that
 * header). A number: that many proxies in front of the server (1 = one reverse proxy; the
 * address it saw, the last X-Forwarded-For entry, is the client). Otherwise a comma-separated
 * list of the proxies' addresses or CIDR ranges (`10.0.0.0/8, 192.168.1.5`; also `loopback`,
 * `linklocal`, `uniquelocal`). The rate limits, sessions and the audit log all use the address
 * derived from it (req.ip).
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = value?.trim();
  if (!v || v === '0') return false;
  if (/^\d+$/.test(v)) return Number(v);
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items) {
    if (NAMED.has(item)) continue;
    const [addr, bits, extra] = item.split('/');
    const kind = isIP(addr);
    const max = kind === 4 ? 32 : 128;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= max);
    if (!kind || !bitsOk || extra !== undefined) {
      throw new Error(
        `TRUST_PROXY: "${item}" is neither a hop count, an IP address nor a CIDR range (e.g. TRUST_PROXY=1 or TRUST_PROXY=10.0.0.0/8,127.0.0.1)`,
      );
    }
  }
  return items;
}
