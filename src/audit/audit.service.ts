import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { AppContext } from '../http/context';
import { requirePermission, type Actor, type Placement } from '../access/policy';
import { notFound } from '../http/errors';
import { getChild } from '../registry/children.repository';
import { getFamily } from '../registry/families.repository';
import { appUser } from '../users/users.schema';
import { appendAudit, listAuditEvents, subjectAccessLog } from './audit.repository';
import { auditEvent } from './audit.schema';
import { UUID_RE, type SubjectType } from './audit.hash';
import { noteAuditWritten } from './audit.chain';
import { auditDisabledForBench } from './audit.bench-switch';

export { verifyAuditChain, type VerifyResult } from './audit.verify';

export type AuditAction =
  'read' | 'list' | 'search' | 'export' | 'create' | 'update' | 'delete' | 'login' | 'login_failed' | 'logout' | string;

/**
 * The children and families whose records an action disclosed or changed (ids, never names):
 * every child a search returned, the child of a case that was read, the families on a meeting
 * agenda. Each child's and family's access log is built from these.
 */
export interface AuditSubjects {
  children?: readonly (string | null | undefined)[];
  families?: readonly (string | null | undefined)[];
}

/**
 * Records who touched which record. `details` carries ids and counts, never names:
 * the audit log is read by auditors who may not see the child (JJ Act 2015 s.74).
 * Runs inside the caller's transaction when given one; takes no lock (chaining is separate).
 * A child or family as the entity is a subject without being listed in `subjects`.
 */
export async function audit(
  db: Db,
  actor: Actor | null,
  action: AuditAction,
  entityType: string,
  entityId: string | null,
  place?: Partial<Placement> | null,
  details: Record<string, unknown> = {},
  subjects: AuditSubjects = {},
): Promise<void> {
  if (auditDisabledForBench()) return;
  const list = subjectList(entityType, entityId, subjects);
  await appendAudit(
    db,
    {
      at: new Date(),
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? null,
      action,
      entityType,
      entityId,
      stateCode: place?.stateCode ?? null,
      districtCode: place?.districtCode ?? null,
      // Only the address the server resolved for the request (req.ip, which honours
      // TRUST_PROXY), never a header the client wrote.
      ip: actor?.ip ?? null,
      details,
    },
    list,
  );
  noteAuditWritten();
}

function subjectList(entityType: string, entityId: string | null, s: AuditSubjects) {
  const seen = new Set<string>();
  const out: { type: SubjectType; id: string }[] = [];
  const add = (type: SubjectType, id: string | null | undefined) => {
    if (!id) return;
    // A caller passing something else than a record id is a bug, not user input.
    if (!UUID_RE.test(id)) throw new Error(`audit subject ${type} is not a uuid`);
    const key = `${type}:${id.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ type, id: id.toLowerCase() });
  };
  if ((entityType === 'child' || entityType === 'family') && entityId && UUID_RE.test(entityId)) add(entityType, entityId);
  for (const id of s.children ?? []) add('child', id);
  for (const id of s.families ?? []) add('family', id);
  return out;
}

/**
 * A child's or family's access log, newest first, `limit` entries at a time: pass the
 * `nextCursor` of one page as `cursor` for the next. For audit.read roles, and only for records
 * they can see (the jurisdiction rule, applied in the query).
 */
export async function accessLog(ctx: AppContext, actor: Actor, type: SubjectType, id: string, page: { limit: number; cursor?: number }) {
  requirePermission(actor, 'audit.read');
  const visible = type === 'child' ? await getChild(ctx.db, actor, id, 'minimal') : await getFamily(ctx.db, actor, id);
  if (!visible) throw notFound(type === 'child' ? 'Child' : 'Family');
  const { items, total } = await subjectAccessLog(ctx.db, type, id, { limit: page.limit, before: page.cursor });
  const ids = [...new Set(items.map((r) => r.actorId).filter((x): x is string => !!x))];
  const users = ids.length
    ? await ctx.db
        .select({ id: appUser.id, displayName: appUser.displayName, username: appUser.username })
        .from(appUser)
        .where(inArray(appUser.id, ids))
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    items: items.map((r) => ({ ...r, actor: r.actorId ? (byId.get(r.actorId) ?? null) : null })),
    total,
    nextCursor: items.length === page.limit ? items[items.length - 1].seq : null,
  };
}

/** Display names of the users who made entries (the log keeps ids only). */
async function actorsOf(ctx: AppContext, ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  const users = unique.length
    ? await ctx.db
        .select({ id: appUser.id, displayName: appUser.displayName, username: appUser.username })
        .from(appUser)
        .where(inArray(appUser.id, unique))
    : [];
  return new Map(users.map((u) => [u.id, u]));
}

/**
 * The audit log for the auditor (audit.read): every entry whose place is inside the reader's
 * jurisdiction (a state auditor: the state; a district officer: the district), newest first.
 * Entries without a place (sign-ins) are shown only to national readers. Reading the log
 * discloses no child's data (entries hold ids, never names), so it adds no entry of its own.
 */
export async function auditEvents(
  ctx: AppContext,
  actor: Actor,
  q: { limit: number; cursor?: number; action?: string; entityType?: string; actorId?: string },
) {
  requirePermission(actor, 'audit.read');
  const s = actor.scope;
  const place =
    s.level === 'national'
      ? sql`true`
      : s.level === 'state'
        ? s.stateCode == null
          ? sql`false`
          : eq(auditEvent.stateCode, s.stateCode)
        : s.districtCode == null
          ? sql`false`
          : eq(auditEvent.districtCode, s.districtCode);
  const where = and(
    place,
    q.action ? eq(auditEvent.action, q.action) : undefined,
    q.actorId ? eq(auditEvent.actorId, q.actorId) : undefined,
    q.entityType ? eq(auditEvent.entityType, q.entityType) : undefined,
  )!;
  const { items, total } = await listAuditEvents(ctx.db, where, { limit: q.limit, before: q.cursor });
  const byId = await actorsOf(
    ctx,
    items.map((r) => r.actorId),
  );
  return {
    items: items.map((r) => ({ ...r, actor: r.actorId ? (byId.get(r.actorId) ?? null) : null })),
    total,
    nextCursor: items.length === q.limit ? items[items.length - 1].seq : null,
  };
}
