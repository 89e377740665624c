import type { AppContext } from '../http/context';
import { requirePermission, type Actor } from '../access/policy';
import { HttpError, badRequest, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { getFamily } from './families.repository';
import { getChild } from './children.repository';
import { assessmentsOf, insertAssessment } from './assessments.repository';
import { defaultInstrument, scoreAssessment } from './instrument';
import type { AssessmentInput } from './registry.model';

export async function recordAssessment(ctx: AppContext, actor: Actor, familyId: string, input: AssessmentInput) {
  requirePermission(actor, 'assessment.write');
  const fam = await getFamily(ctx.db, actor, familyId);
  if (!fam) throw notFound('Family');
  if (input.childId) {
    const c = await getChild(ctx.db, actor, input.childId, 'full');
    if (!c || c.familyId !== familyId) throw badRequest('childId', 'is not a child of this family');
  }
  const inst = defaultInstrument();
  const scored = scoreAssessment(inst, input.answers);
  if ('error' in scored) throw new HttpError(400, 'validation_failed', `${scored.error.field}: ${scored.error.message}`, [scored.error]);
  return ctx.db.transaction(async (tx) => {
    const row = await insertAssessment(tx, {
      stateCode: fam.stateCode,
      districtCode: fam.districtCode,
      villageId: fam.villageId,
      familyId,
      childId: input.childId ?? null,
      instrumentId: inst.id,
      instrumentVersion: inst.version,
      assessedOn: input.assessedOn,
      assessedBy: actor.userId,
      answers: input.answers,
      domainScores: scored.domainScores,
      overall: scored.overall,
      notes: input.notes ?? null,
    });
    await audit(tx, actor, 'create', 'assessment', row.id, fam, { familyId });
    return row;
  });
}

export async function familyAssessments(ctx: AppContext, actor: Actor, familyId: string) {
  requirePermission(actor, 'registry.read');
  const fam = await getFamily(ctx.db, actor, familyId);
  if (!fam) throw notFound('Family');
  await audit(ctx.db, actor, 'read', 'family', familyId, fam, { part: 'assessments' });
  return assessmentsOf(ctx.db, familyId);
}
