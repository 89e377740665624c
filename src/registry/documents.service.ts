import type { AppContext } from '../http/context';
import { requirePermission, type Actor } from '../access/policy';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { getChild } from './children.repository';
import { getFamily } from './families.repository';
import { insertDocumentHistory, lockDocumentOf, upsertDocument } from './documents.repository';
import { USABLE_STATUSES, documentMoveRefusal, type DocumentMoveRefusal, type DocumentStatusValue } from './document-status';
import type { DocumentInput } from './registry.model';
import { istToday } from '../kernel/clock';

/**
 * Records a document's status from the registry (`PUT …/documents/:docType`), by the same
 * moves as the schemes module's document tracking (document-status.ts), with a history row
 * per move. A PUT that states an issued document with the date it was applied for, from
 * missing or not possible, is the two moves it stands for (applied for, then issued), each
 * recorded. Any other move the rule does not allow is a 409 naming the field and the reason,
 * and nothing is written. Repeating the status only updates the office, dates and notes.
 * With `version` (the document's as read, 0 when none was recorded; like the schemes endpoint)
 * a document changed since — by either path — is a 409 `version_conflict` with the document as
 * it stands, checked under the row lock, and nothing is written.
 */
export async function setDocument(
  ctx: AppContext,
  actor: Actor,
  owner: { familyId?: string; childId?: string },
  docType: string,
  input: DocumentInput,
) {
  requirePermission(actor, 'registry.write');
  let familyId: string | null = null;
  let place;
  if (owner.childId) {
    const c = await getChild(ctx.db, actor, owner.childId, 'full');
    if (!c) throw notFound('Child');
    familyId = c.familyId;
    place = c;
  } else {
    const fam = await getFamily(ctx.db, actor, owner.familyId!);
    if (!fam) throw notFound('Family');
    familyId = fam.id;
    place = fam;
  }
  if (input.status === 'issued' && !input.issuedOn) throw badRequest('issuedOn', 'give the date the document was issued');
  const today = istToday(ctx.now());
  const to = input.status as DocumentStatusValue;
  const childId = owner.childId ?? null;
  return ctx.db.transaction(async (tx) => {
    const current = await lockDocumentOf(tx, { familyId, childId, docType });
    if (input.version !== undefined && input.version !== (current?.version ?? 0)) {
      throw conflict(
        `Someone else changed this document (now ${current?.status ?? 'missing'}, version ${current?.version ?? 0}; you edited version ${input.version})`,
        current ?? { docType, status: 'missing', version: 0 },
      );
    }
    const from = (current?.status ?? 'missing') as DocumentStatusValue;
    // The moves this PUT stands for, each with its date.
    let moves: { to: DocumentStatusValue; on: string }[] = [];
    if (from !== to) {
      const refusal = documentMoveRefusal(from, to);
      if (!refusal) moves = [{ to, on: dateOf(to, input, today) }];
      else if (to === 'issued' && input.appliedOn && !documentMoveRefusal(from, 'applied_for')) {
        moves = [
          { to: 'applied_for', on: input.appliedOn },
          { to, on: input.issuedOn! },
        ];
      } else throw refusedMove(refusal);
    }
    const appliedOn = input.appliedOn ?? current?.appliedOn ?? null;
    if (USABLE_STATUSES.has(to) && input.issuedOn && appliedOn && input.issuedOn < appliedOn) {
      throw badRequest('issuedOn', `${input.issuedOn} is before the date it was applied for (${appliedOn})`);
    }
    const { version: _seen, ...values } = input;
    void _seen;
    const row = await upsertDocument(
      tx,
      { familyId, childId, docType, stateCode: place.stateCode, districtCode: place.districtCode },
      values,
    );
    let prev: DocumentStatusValue | null = current ? from : null;
    for (const m of moves) {
      await insertDocumentHistory(tx, {
        documentId: row.id,
        familyId,
        childId,
        docType,
        fromStatus: prev,
        toStatus: m.to,
        eventOn: m.on,
        issuingOffice: input.issuingOffice ?? row.issuingOffice,
        note: input.notes ?? null,
        recordedBy: actor.userId,
        stateCode: place.stateCode,
        districtCode: place.districtCode,
        subdistrictCode: place.subdistrictCode ?? null,
        blockCode: place.blockCode ?? null,
        villageId: place.villageId ?? null,
      });
      prev = m.to;
    }
    await audit(tx, actor, 'update', owner.childId ? 'child' : 'family', owner.childId ?? owner.familyId!, place, {
      document: docType,
      from,
      to,
      moves: moves.length,
    });
    return row;
  });
}

function dateOf(to: DocumentStatusValue, input: DocumentInput, today: string): string {
  if (to === 'applied_for') return input.appliedOn ?? today;
  if (to === 'issued' || to === 'held') return input.issuedOn ?? today;
  return today;
}

/** 409 with `code: transition_refused`, `issues[{ field: 'status' }]` and `{ field, reason, from, to, allowedNext }`. */
export function refusedMove(r: DocumentMoveRefusal): HttpError {
  return new HttpError(409, r.reason, r.message, [{ field: r.field, message: `allowed next: ${r.allowedNext.join(', ')}` }], {
    field: r.field,
    reason: r.reason,
    from: r.from,
    to: r.to,
    allowedNext: r.allowedNext,
  });
}
