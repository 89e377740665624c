import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { registryView, requirePermission, type Actor } from '../access/policy';
import { requireWritable, shapeRow } from '../access/fields';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { getChild } from '../registry/children.repository';
import { getFamily } from '../registry/families.repository';
import { documentMoveRefusal } from '../registry/document-status';
import { refusedMove } from '../registry/documents.service';
import { DOCUMENT_LABELS, USABLE_DOCUMENT_STATUSES, type DocumentStatus, type DocumentType } from './documents';
import {
  closeRequestsFor,
  countRequests,
  getRequest,
  insertRequest,
  listRequests,
  openRequestFor,
  readPermittedRequest,
  requestConditions,
  updateRequest,
} from './document-tracking.repository';
import { documentOf, insertDocument, insertDocumentHistory, updateDocument } from '../registry/documents.repository';
import { getApplication } from './applications.repository';
import type { DepartmentKind } from '../convergence/domain';
import { caseSeenIn, createDocumentAction, createDocumentTask, followUpsOf } from './document-followup.service';
import type { FollowUp } from './document-followup';
import { areaWhere, resolveArea } from './area';
import { documentRequest } from './schemes.schema';
import { notFuture, todayIn } from './schemes.access';

type LinkedRequest = {
  id: string;
  followUp: string;
  convergenceActionId: string | null;
  caseId: string | null;
  caseReferralId: string | null;
};

/**
 * Requests as this reader may see them: how the follow-up stands (`followUpsOf`), and the linked
 * action item's id and case's ids only when the convergence and case rules let the reader see
 * them (a nodal officer sees the request, not necessarily the case it is a task in).
 */
async function asSeenBy<T extends LinkedRequest & Record<string, unknown>>(db: Db, actor: Actor, rows: T[]) {
  const followUps = await followUpsOf(db, actor, rows);
  return rows.map((row) => {
    const r = shapeRow(row, 'documentRequest');
    const followUpStatus = followUps.get(r.id) ?? null;
    const caseSeen = caseSeenIn(followUpStatus, r.caseId);
    return {
      ...r,
      convergenceActionId: r.convergenceActionId && followUpStatus?.id === r.convergenceActionId ? r.convergenceActionId : null,
      caseId: caseSeen ? r.caseId : null,
      caseReferralId: caseSeen ? r.caseReferralId : null,
      followUpStatus,
    };
  });
}

export interface DocumentStatusInput {
  /** The document record's version (0 or absent when nothing is recorded yet). */
  version?: number;
  status: DocumentStatus;
  on: string;
  issuingOffice?: string | null;
  note?: string | null;
}

interface Owner {
  familyId: string;
  childId: string | null;
  place: { stateCode: number; districtCode: number; subdistrictCode: number | null; blockCode: number | null; villageId: string | null };
}

async function ownerOf(ctx: AppContext, actor: Actor, kind: 'family' | 'child', id: string): Promise<Owner> {
  if (kind === 'child') {
    const c = await getChild(ctx.db, actor, id, 'full');
    if (!c) throw notFound('Child');
    if (!c.familyId) throw badRequest('childId', 'the child is not linked to a family; link the family first');
    return { familyId: c.familyId, childId: c.id, place: placeOf(c) };
  }
  const f = await getFamily(ctx.db, actor, id);
  if (!f) throw notFound('Family');
  return { familyId: f.id, childId: null, place: placeOf(f) };
}

const placeOf = (p: Owner['place']): Owner['place'] => ({
  stateCode: p.stateCode,
  districtCode: p.districtCode,
  subdistrictCode: p.subdistrictCode,
  blockCode: p.blockCode,
  villageId: p.villageId,
});

/**
 * Moves one document along (missing → applied for → issued → held, or not possible),
 * checked by the engine's document moves, with the date, the issuing office and a history
 * row. A document in hand closes the open requests for it.
 */
export async function changeDocumentStatus(
  ctx: AppContext,
  actor: Actor,
  kind: 'family' | 'child',
  ownerId: string,
  docType: DocumentType,
  input: DocumentStatusInput,
) {
  requirePermission(actor, 'registry.write', 'schemes.write');
  if (registryView(actor) !== 'full')
    throw new HttpError(403, 'forbidden', `Your role (${actor.role}) may not change a family's documents`);
  const owner = await ownerOf(ctx, actor, kind, ownerId);
  notFuture(ctx, 'on', input.on);
  const current = await documentOf(ctx.db, owner, docType);
  const from = (current?.status ?? 'missing') as DocumentStatus;
  const seen = input.version ?? 0;
  if (seen !== (current?.version ?? 0)) {
    throw conflict(
      `Someone else changed this document (now ${from}, version ${current?.version ?? 0}; you edited version ${seen})`,
      current ?? { status: 'missing', version: 0 },
    );
  }
  if (from === input.status) throw badRequest('status', `the ${DOCUMENT_LABELS[docType]} is already ${from}`);
  // The same rule and refusal as the registry's PUT …/documents/:docType.
  const refusal = documentMoveRefusal(from, input.status);
  if (refusal) throw refusedMove(refusal);
  const usable = USABLE_DOCUMENT_STATUSES.has(input.status);
  if (usable && current?.appliedOn && input.on < current.appliedOn) {
    throw badRequest('on', `${input.on} is before the date it was applied for (${current.appliedOn})`);
  }
  const set = {
    status: input.status,
    ...(input.status === 'applied_for' ? { appliedOn: input.on, issuedOn: null } : {}),
    ...(usable && !USABLE_DOCUMENT_STATUSES.has(from) ? { issuedOn: input.on } : {}),
    ...(input.issuingOffice !== undefined ? { issuingOffice: input.issuingOffice } : {}),
    ...(input.note !== undefined ? { notes: input.note } : {}),
  };
  return ctx.db.transaction(async (tx) => {
    let row;
    if (current) {
      row = await updateDocument(tx, current.id, current.version, set);
      if (!row) throw conflict('Someone else changed this document at the same time; reload and try again');
    } else {
      row = await insertDocument(tx, {
        familyId: owner.familyId,
        childId: owner.childId,
        docType,
        stateCode: owner.place.stateCode,
        districtCode: owner.place.districtCode,
        ...set,
      });
    }
    await insertDocumentHistory(tx, {
      documentId: row.id,
      familyId: owner.familyId,
      childId: owner.childId,
      docType,
      fromStatus: current ? from : null,
      toStatus: input.status,
      eventOn: input.on,
      issuingOffice: input.issuingOffice ?? row.issuingOffice,
      note: input.note ?? null,
      recordedBy: actor.userId,
      ...owner.place,
    });
    const closed = usable
      ? await closeRequestsFor(
          tx,
          owner,
          docType,
          input.on,
          `${DOCUMENT_LABELS[docType]} ${input.status === 'held' ? 'in hand' : 'issued'}`,
        )
      : [];
    await audit(tx, actor, 'update', kind, ownerId, owner.place, { document: docType, from, to: input.status, closedRequests: closed });
    return { ...row, closedRequests: closed };
  });
}

export interface RequestInput {
  familyId: string;
  childId?: string | null;
  applicationId?: string | null;
  docType: DocumentType;
  department: string;
  officer?: string | null;
  requestedOn: string;
  dueOn: string;
  note?: string | null;
  /** request (default): the department is asked; convergence_action: an action item for it; case_task: a task in the open case. */
  followUp?: FollowUp;
}

/**
 * Asks a department for a missing document, with the department responsible and a due date.
 * `followUp` makes it, in the same transaction, a convergence action item for that department
 * (`convergenceActionId` links it) or a task in the child's or family's open case (`caseId`,
 * `caseReferralId`); see document-followup.service.ts.
 */
export async function requestDocument(ctx: AppContext, actor: Actor, input: RequestInput) {
  requirePermission(actor, 'schemes.write', 'registry.write');
  if (registryView(actor) !== 'full')
    throw new HttpError(403, 'forbidden', `Your role (${actor.role}) may not request documents for a family`);
  notFuture(ctx, 'requestedOn', input.requestedOn);
  if (input.dueOn < input.requestedOn) throw badRequest('dueOn', `is before the request date (${input.requestedOn})`);
  const fam = await getFamily(ctx.db, actor, input.familyId);
  if (!fam) throw badRequest('familyId', 'no such family in your jurisdiction');
  let childId: string | null = null;
  if (input.childId) {
    const c = await getChild(ctx.db, actor, input.childId, 'full');
    if (!c || c.familyId !== fam.id) throw badRequest('childId', 'no such child in this family');
    childId = c.id;
  }
  if (input.applicationId) {
    const a = await getApplication(ctx.db, actor, input.applicationId);
    if (!a || a.familyId !== fam.id) throw badRequest('applicationId', 'no such application for this family');
  }
  const owner = { familyId: fam.id, childId };
  const doc = await documentOf(ctx.db, owner, input.docType);
  if (doc && USABLE_DOCUMENT_STATUSES.has(doc.status as DocumentStatus))
    throw new HttpError(409, 'already_held', `The ${DOCUMENT_LABELS[input.docType]} is already ${doc.status}`);
  const open = await openRequestFor(ctx.db, owner, input.docType);
  if (open) {
    const current = await readPermittedRequest(ctx.db, actor, open.id, todayIn(ctx));
    throw new HttpError(
      409,
      'already_requested',
      `The ${DOCUMENT_LABELS[input.docType]} was already requested from ${open.department} on ${open.requestedOn}`,
      undefined,
      { current: current ? (await asSeenBy(ctx.db, actor, [current]))[0] : null },
    );
  }
  const followUp = input.followUp ?? 'request';
  return ctx.db.transaction(async (tx) => {
    // The action item or case task first: a refusal there writes nothing at all.
    const subject = {
      familyId: fam.id,
      childId,
      place: { stateCode: fam.stateCode, districtCode: fam.districtCode, blockCode: fam.blockCode },
      docType: input.docType,
      department: input.department as DepartmentKind,
      officer: input.officer ?? null,
      dueOn: input.dueOn,
      today: todayIn(ctx),
    };
    const action = followUp === 'convergence_action' ? await createDocumentAction(tx, actor, subject) : null;
    const task = followUp === 'case_task' ? await createDocumentTask({ ...ctx, db: tx }, actor, subject) : null;
    const row = await insertRequest(tx, {
      stateCode: fam.stateCode,
      districtCode: fam.districtCode,
      subdistrictCode: fam.subdistrictCode,
      blockCode: fam.blockCode,
      villageId: fam.villageId,
      familyId: fam.id,
      childId,
      applicationId: input.applicationId ?? null,
      docType: input.docType,
      department: input.department,
      officer: input.officer ?? null,
      requestedOn: input.requestedOn,
      dueOn: input.dueOn,
      note: input.note ?? null,
      createdBy: actor.userId,
      followUp,
      convergenceActionId: action?.id ?? null,
      caseId: task?.caseId ?? null,
      caseReferralId: task?.referralId ?? null,
    });
    await audit(
      tx,
      actor,
      'create',
      'document_request',
      row.id,
      fam,
      {
        familyId: fam.id,
        childId,
        document: input.docType,
        department: input.department,
        followUp,
        actionId: action?.id,
        caseId: task?.caseId,
      },
      { families: [fam.id], children: [childId] },
    );
    const [seen] = await asSeenBy(tx, actor, [(await readPermittedRequest(tx, actor, row.id, todayIn(ctx)))!]);
    return seen;
  });
}

export async function closeDocumentRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { version: number; status: 'done' | 'cancelled'; on: string; result?: string | null },
) {
  requirePermission(actor, 'schemes.write', 'registry.write', 'convergence.act');
  requireWritable(actor, 'documentRequest', Object.keys(input));
  const req = await getRequest(ctx.db, actor, id);
  if (!req) throw notFound('Document request');
  const asRead = async (db: Db) => (await asSeenBy(db, actor, [(await readPermittedRequest(db, actor, id, todayIn(ctx)))!]))[0];
  if (input.version !== req.version)
    throw conflict(`Someone else changed this request (now version ${req.version}, ${req.status})`, await asRead(ctx.db));
  if (req.status !== 'open')
    throw new HttpError(409, 'transition_refused', `the request is already ${req.status}`, [
      { field: 'status', message: `already ${req.status}` },
    ]);
  notFuture(ctx, 'on', input.on);
  if (input.on < req.requestedOn) throw badRequest('on', `is before the request date (${req.requestedOn})`);
  if (input.status === 'cancelled' && !input.result?.trim()) throw badRequest('result', 'say why the request is cancelled');
  return ctx.db.transaction(async (tx) => {
    const row = await updateRequest(tx, actor, id, input.version, {
      status: input.status,
      closedOn: input.on,
      result: input.result ?? null,
    });
    if (!row) throw conflict('Someone else changed this request at the same time; reload and try again');
    await audit(
      tx,
      actor,
      'update',
      'document_request',
      id,
      req,
      { status: input.status, familyId: req.familyId },
      { families: [req.familyId], children: [req.childId] },
    );
    return asRead(tx);
  });
}

export interface RequestListQuery {
  department?: string;
  status?: 'open' | 'done' | 'cancelled';
  overdue?: boolean;
  locationId?: string;
  page: number;
  pageSize: number;
}

/**
 * The requests a department has to act on. A department nodal officer sees only those addressed
 * to their department, with the fields a department needs (src/access/fields/policy.data.ts).
 */
export async function listDocumentRequests(ctx: AppContext, actor: Actor, q: RequestListQuery) {
  requirePermission(actor, 'schemes.read', 'convergence.act');
  if (!registryView(actor)) throw new HttpError(403, 'forbidden', `Your role (${actor.role}) may not see the registry`);
  const area = await resolveArea(ctx.db, actor, q.locationId);
  const today = todayIn(ctx);
  const where = requestConditions(actor, {
    department: q.department,
    status: q.status,
    overdueOn: q.overdue ? today : undefined,
    area: areaWhere(area, documentRequest),
  });
  const [items, total] = await Promise.all([
    listRequests(ctx.db, actor, where, q.pageSize, (q.page - 1) * q.pageSize, today),
    countRequests(ctx.db, where),
  ]);
  await audit(
    ctx.db,
    actor,
    'list',
    'document_request',
    null,
    null,
    { ids: items.map((i) => i.id), total },
    {
      families: items.map((i) => (i as { familyId?: string | null }).familyId),
      children: items.map((i) => (i as { childId?: string | null }).childId),
    },
  );
  return {
    items: (await asSeenBy(ctx.db, actor, items)).map((i) => ({
      ...i,
      label: DOCUMENT_LABELS[i.docType as DocumentType] ?? i.docType,
      overdue: i.status === 'open' && i.dueOn < today,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
