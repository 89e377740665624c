import type { AppContext } from '../http/context';
import type { Actor } from '../access/policy';
import { notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { ageOn } from '../registry/age';
import { catalogueOf } from './catalogue.service';
import { familyForFacts, loadBatch, type FamilyBatch, type FamilyFactRow } from './facts.repository';
import { applicationsOfFamily } from './applications.repository';
import { notFuture, requireSchemesRecord, todayIn } from './schemes.access';
import type { EligibilityStatus } from './eligibility';
import { suggestForFamily } from './suggest';
import { factLabelIn, renderReasons, type ReasonLang } from './render';

export interface SubjectInfo {
  id: string;
  kind: 'child' | 'family' | 'caregiver';
  name: string;
  nameLocal: string | null;
  age?: number | null;
}

/** Whom each subject id stands for: a child, the household, or the primary caregiver. */
export function subjectsOf(fam: FamilyFactRow, batch: Pick<FamilyBatch, 'children' | 'members'>, today: Date): Map<string, SubjectInfo> {
  const out = new Map<string, SubjectInfo>();
  out.set(fam.id, { id: fam.id, kind: 'family', name: fam.headName, nameLocal: fam.headNameLocal });
  const members = batch.members.filter((m) => m.familyId === fam.id);
  const carer = members.find((m) => m.isPrimaryCaregiver && m.alive) ?? members.find((m) => m.relationship === 'mother' && m.alive);
  out.set(`${fam.id}:caregiver`, {
    id: `${fam.id}:caregiver`,
    kind: 'caregiver',
    name: carer?.name ?? fam.headName,
    nameLocal: carer ? carer.nameLocal : fam.headNameLocal,
  });
  for (const c of batch.children.filter((c) => c.familyId === fam.id)) {
    out.set(c.id, { id: c.id, kind: 'child', name: c.name, nameLocal: c.nameLocal, age: ageOn(c.dob, today) });
  }
  return out;
}

/**
 * What a family and each of its children may get, and why: eligible / maybe (with the
 * facts that would decide) / not eligible, the documents still to get, and any
 * application already open.
 */
export async function familySuggestions(
  ctx: AppContext,
  actor: Actor,
  familyId: string,
  q: { asOf?: string; include?: EligibilityStatus[]; lang?: ReasonLang },
) {
  const lang = q.lang ?? 'en';
  requireSchemesRecord(actor);
  const fam = await familyForFacts(ctx.db, actor, familyId);
  if (!fam) throw notFound('Family');
  const asOf = q.asOf ?? todayIn(ctx);
  if (q.asOf) notFuture(ctx, 'asOf', q.asOf);
  const [state, batch, apps] = await Promise.all([
    catalogueOf(ctx.db),
    loadBatch(ctx.db, actor, [fam]),
    applicationsOfFamily(ctx.db, familyId),
  ]);
  const all = suggestForFamily(state.compiled, batch.inputs[0], asOf);
  const subjects = subjectsOf(fam, batch, ctx.now());
  // The open application for a scheme and subject, else the latest closed one.
  const appFor = new Map<string, (typeof apps)[number]>();
  for (const a of apps) {
    const k = `${a.schemeId}|${a.subjectId}`;
    const cur = appFor.get(k);
    if (!cur || (cur.status === 'stopped' && a.status !== 'stopped')) appFor.set(k, a);
  }
  const counts: Record<EligibilityStatus, number> = { eligible: 0, maybe: 0, not_eligible: 0 };
  for (const s of all) counts[s.status]++;
  const kept = q.include?.length ? all.filter((s) => q.include!.includes(s.status)) : all;
  await audit(
    ctx.db,
    actor,
    'read',
    'family',
    familyId,
    fam,
    { view: 'scheme_suggestions', asOf, catalogue: state.seq },
    { children: [...subjects.values()].filter((s) => s.kind === 'child').map((s) => s.id) },
  );
  return {
    familyId,
    asOf,
    lang,
    catalogueSeq: state.seq,
    counts,
    subjects: [...subjects.values()],
    suggestions: kept.map((s) => {
      const a = appFor.get(`${s.schemeId}|${s.subjectId}`);
      return {
        ...s,
        // Sentences in the asked language; the engine's structured form beside them.
        reasons: renderReasons(s.reasons, lang),
        reasonDetails: s.reasons,
        missingFacts: s.missingFacts.map((m) => ({ fact: m.fact, label: factLabelIn(m.fact, lang) })),
        subjectName: subjects.get(s.subjectId)?.name ?? null,
        application: a ? { id: a.id, status: a.status, version: a.version, identifiedOn: a.identifiedOn } : null,
      };
    }),
  };
}
