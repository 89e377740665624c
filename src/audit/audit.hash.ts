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

export function auditHash(prevHash: string, e: AuditFields): string {
  const body = [
    prevHash,
    e.at.toISOString(),
    e.actorId ?? '',
    e.actorRole ?? '',
    e.action,
    e.entityType,
    e.entityId ?? '',
    e.stateCode ?? '',
    e.districtCode ?? '',
    e.ip ?? '',
    stableJson(e.details),
  ].join('|');
  return createHash('sha256').update(body).digest('hex');
}
