import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  stateCode: number | null;
  districtCode: number | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export type SubjectType = 'child' | 'family';
/** `child:<uuid>` / `family:<uuid>`, lower case: the form subjects are hashed and compared in. */
export type SubjectKey = `${SubjectType}:${string}`;

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Key order is fixed so the same event always hashes the same, whatever jsonb did to it. */
export function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
    .join(',')}}`;
}

function fieldParts(e: AuditFields): string[] {
  return [
    e.at.toISOString(),
    e.actorId ?? '',
    e.actorRole ?? '',
    e.action,
    e.entityType,
    e.entityId ?? '',
    String(e.stateCode ?? ''),
    String(e.districtCode ?? ''),
    e.ip ?? '',
    stableJson(e.details),
  ];
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Version 1: entries chained before the queue existed (in seq order, subjects not covered). */
export function auditHashV1(prevHash: string, e: AuditFields): string {
  return sha256([prevHash, ...fieldParts(e)].join('|'));
}

/**
 * Version 2: the hash also binds the chain position, the entry's seq and the children and
 * families it disclosed, so a row removed from (or added to) a child's access log shows.
 */
export function auditHashV2(prevHash: string, pos: number, seq: number, e: AuditFields, subjects: readonly string[]): string {
  return sha256([prevHash, 'v2', String(pos), String(seq), ...fieldParts(e), [...subjects].sort().join(',')].join('|'));
}

/**
 * What the migration recorded as subjects of an entry written before audit_subject existed
 * (migrations/0411_audit_chain.sql does the same in SQL): the record itself, and the ids a
 * list, search or export of children or families returned.
 */
export function legacySubjects(e: Pick<AuditFields, 'action' | 'entityType' | 'entityId' | 'details'>): SubjectKey[] {
  if (e.entityType !== 'child' && e.entityType !== 'family') return [];
  const t = e.entityType;
  const out = new Set<SubjectKey>();
  if (e.entityId && UUID_RE.test(e.entityId)) out.add(`${t}:${e.entityId.toLowerCase()}`);
  const ids = e.details?.ids;
  if (['list', 'search', 'export'].includes(e.action) && Array.isArray(ids)) {
    for (const id of ids) if (typeof id === 'string' && UUID_RE.test(id)) out.add(`${t}:${id.toLowerCase()}`);
  }
  return [...out].sort();
}
