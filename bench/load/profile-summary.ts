/**
 * Summarises a V8 .cpuprofile (the JSON that `--cpu-prof` or the inspector writes): the functions
 * and modules with the most self and inclusive time, and the time by part of a request (docs/SCALE.md
 * §2, "Where the CPU goes"). No dependencies: the profile is a tree of nodes, each sample names one.
 *
 *   npx tsx bench/load/profile-summary.ts file.cpuprofile [requests] [top=25]
 */
import { readFileSync } from 'node:fs';

interface Frame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface Node {
  id: number;
  callFrame: Frame;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a frame's code lives: `zod`, `pg`, `src/cases`, `node:internal/…`, `(garbage collector)`. */
export function moduleOf(f: Frame): string {
  const u = f.url;
  if (!u) return f.functionName.startsWith('(') ? f.functionName : '(native)';
  const nm = u.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = u.slice(nm + 14).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (u.startsWith('node:'))
    return u
      .replace(/^node:(internal\/)?/, 'node:')
      .split('/')
      .slice(0, 2)
      .join('/');
  const src = u.indexOf('/src/');
  if (src >= 0) return `src/${u.slice(src + 5).split('/')[0]}`;
  const bench = u.indexOf('/bench/');
  if (bench >= 0) return 'bench';
  return u;
}

/** The part of a request a module's time belongs to; null: ask the caller (node internals, natives). */
export function partOf(mod: string, fn: string): string | null {
  if (mod === '(garbage collector)') return 'GC';
  if (mod === '(idle)' || mod === '(program)' || mod === '(root)') return mod;
  if (
    [
      'fastify',
      'find-my-way',
      'avvio',
      'light-my-request',
      '@fastify/error',
      'fast-querystring',
      'process-warning',
      'toad-cache',
      'fastify-plugin',
      'content-type',
      'fast-decode-uri-component',
      'safe-regex2',
      'ret',
      'proxy-addr',
      'forwarded',
      'ipaddr.js',
      'secure-json-parse',
      '@fastify/ajv-compiler',
      'fast-uri',
    ].includes(mod)
  )
    return 'HTTP/Fastify';
  if (mod === '@fastify/cookie' || mod === 'cookie' || mod === 'src/auth' || mod === 'src/users') return 'auth/session';
  if (mod === 'fastify-type-provider-zod' || mod === 'zod') return 'validation/schema (zod)';
  if (mod === 'fast-json-stringify' || (mod === '(native)' && /^(stringify|parse)$/.test(fn))) return 'JSON';
  if (mod === 'drizzle-orm') return 'SQL building (drizzle)';
  if (
    [
      'pg',
      'pg-protocol',
      'pg-types',
      'pg-pool',
      'postgres-date',
      'postgres-array',
      'postgres-interval',
      'postgres-bytea',
      'pg-connection-string',
      'buffer-writer',
      'packet-reader',
    ].includes(mod)
  )
    return 'pg driver';
  if (mod === 'src/audit') return 'audit';
  if (
    [
      'pino',
      'pino-std-serializers',
      'fast-redact',
      'sonic-boom',
      'thread-stream',
      'on-exit-leak-free',
      'quick-format-unescaped',
      'atomic-sleep',
      'safe-stable-stringify',
      'abstract-logging',
    ].includes(mod)
  )
    return 'logging';
  if (mod === 'node:zlib' || (mod === 'src/http' && fn.includes('ompress'))) return 'compression';
  if (mod === 'src/access') return 'access policy';
  if (mod === 'src/names') return 'names';
  if (mod === 'src/http') return 'HTTP (app hooks)';
  if (mod === 'src/db') return 'pg driver';
  if (mod.startsWith('src/')) return `domain (${mod})`;
  if (mod === 'bench' || mod === 'autocannon') return 'bench';
  return null;
}

export function summarise(p: Profile, requests: number, top = 25): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const modSelf = new Map<string, number>();
  const modIncl = new Map<string, number>();
  const parts = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const key = (f: Frame) => `${f.functionName || '(anonymous)'} ${moduleOf(f)}:${f.lineNumber + 1}`;
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000; // ms: a sample lasts until the next one
    const leaf = byId.get(p.samples[i])!;
    total += dt;
    add(self, key(leaf.callFrame), dt);
    add(modSelf, moduleOf(leaf.callFrame), dt);
    const seenF = new Set<string>();
    const seenM = new Set<string>();
    let part: string | null = null;
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      const k = key(f);
      const m = moduleOf(f);
      if (!seenF.has(k)) {
        seenF.add(k);
        add(incl, k, dt);
      }
      if (!seenM.has(m)) {
        seenM.add(m);
        add(modIncl, m, dt);
      }
      part ??= partOf(m, f.functionName);
    }
    add(parts, part ?? 'node runtime (sockets, timers, other)', dt);
  }
  const busy = total - (parts.get('(idle)') ?? 0);
  const table = (title: string, m: Map<string, number>, n = top) =>
    [
      `\n${title}`,
      ...[...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(
          ([k, v]) =>
            `${v.toFixed(0).padStart(8)} ms ${((100 * v) / busy).toFixed(1).padStart(5)}%  ${(v / requests).toFixed(3)} ms/req  ${k}`,
        ),
    ].join('\n');
  return [
    `profile: ${(total / 1000).toFixed(1)} s, busy (not idle) ${(busy / 1000).toFixed(1)} s = ${(busy / requests).toFixed(3)} ms per request over ${requests}`,
    table('by part of the request (each sample to the leaf-most frame with a known part)', parts, 30),
    table('modules by self time', modSelf),
    table('modules by inclusive time', modIncl),
    table('functions by self time', self),
    table('functions by inclusive time', incl, top + 15),
  ].join('\n');
}

if (process.argv[1]?.endsWith('profile-summary.ts')) {
  const [file, requests = '1', top = '25'] = process.argv.slice(2);
  console.log(summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(requests), Number(top)));
}
