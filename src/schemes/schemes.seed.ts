import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import { audit } from '../audit/audit.service';
import { appUser } from '../users/users.schema';
import { document } from '../registry/registry.schema';
import { rng, type Rng } from '../demo/random';
import { ensureCatalogue } from './catalogue.service';
import { scanFamilies, type FamilyBatch, type FamilyFactRow } from './facts.repository';
import { familyInputFromRows, type DocumentFactsRow } from './registry-facts';
import { documentRequest, schemeApplication, schemeApplicationStep } from './schemes.schema';
import { documentEvent } from '../registry/registry.schema';
import { replay, type ApplicationStatus, type ApplicationStep } from './application-workflow';
import { projectionOf } from './applications.service';
import { DOCUMENT_OFFICES } from './document-offices';
import { documentOwner } from './checklist';
import { versionInForce, type Scheme } from './scheme';
import { suggestForFamily, type Suggestion } from './suggest';
import type { DocumentType } from './documents';

/**
 * Demo application and document histories on the seeded Amravati–Akola families, from the
 * first convergence meeting after the June 2025 vulnerability mapping to November 2026.
 *
 * Nothing here writes a figure. The engine picks who is eligible on the day each case
 * was taken up; each application then goes identified → documents gathered (every missing
 * document requested from its department, applied for, issued) → applied → sanctioned →
 * receiving, through the same state machine as the API. The selection aims at the story
 * of seed document 000 (about 64 children on Bal Sangopan, about 62 of 149 families linked
 * to a scheme, death, caste and orphan certificates secured over the months); the
 * outcome screen then counts what the records say.
 *
 * Deterministic: families are taken in a stable order and every choice comes from a
 * seeded PRNG. Runs once (does nothing when applications exist).
 */
export const SCHEMES_DEMO = {
  /** Children aimed to be receiving Bal Sangopan at the end. */
  balSangopanChildren: 64,
  /** Families aimed to be linked (an application sanctioned) at the end. */
  familiesLinked: 62,
  /** No demo step is dated after this day. */
  end: '2026-11-20',
} as const;

/** Monthly convergence meetings, where cases are taken up. */
const MEETINGS = [
  '2025-07-18',
  '2025-08-22',
  '2025-09-19',
  '2025-10-17',
  '2025-11-21',
  '2025-12-19',
  '2026-01-16',
  '2026-02-20',
  '2026-03-20',
  '2026-04-17',
  '2026-05-15',
  '2026-06-19',
  '2026-07-17',
  '2026-08-21',
  '2026-09-18',
  '2026-10-16',
  '2026-11-13',
];
const END = SCHEMES_DEMO.end;
const BSY = 'mh-bal-sangopan';
const HOUSEHOLD_SCHEMES = ['mh-sanjay-gandhi-niradhar-caregiver', 'nsap-nfbs', 'mh-nfsa-priority-ration-card', 'ab-pmjay'];

const DAY = 86_400_000;
const addDays = (iso: string, n: number) => new Date(Date.parse(iso + 'T00:00:00Z') + n * DAY).toISOString().slice(0, 10);
const maxDate = (...d: string[]) => d.reduce((a, b) => (a > b ? a : b));

type Stage = 'identified' | 'documents_gathering' | 'applied' | 'sanctioned' | 'receiving' | 'rejected_reapplied' | 'paid_once' | 'age_out';

interface DocPlan {
  key: string;
  id: string | null;
  familyId: string;
  childId: string | null;
  docType: DocumentType;
  baseline: string;
  version: number;
  stateCode: number;
  districtCode: number;
  place: Pick<FamilyFactRow, 'subdistrictCode' | 'blockCode' | 'villageId'>;
  issuingOffice: string | null;
  appliedOn: string | null;
  issuedOn: string | null;
  events: { from: string | null; to: string; on: string; office: string | null }[];
  request: { department: string; officer: string; requestedOn: string; dueOn: string; applicationIdx: number } | null;
}

interface AppPlan {
  scheme: Scheme;
  fam: FamilyFactRow;
  subjectId: string;
  childId: string | null;
  steps: ApplicationStep[];
  officer: { name: string; userId: string | null };
}

const docKey = (familyId: string, childId: string | null, docType: string) => `${familyId}|${childId ?? ''}|${docType}`;

const DOC_DAYS: Partial<Record<DocumentType, [number, number]>> = {
  parent_death_certificate: [20, 60],
  caste_certificate: [30, 90],
  orphan_certificate: [20, 55],
  income_certificate: [10, 30],
  domicile: [10, 30],
  birth_certificate: [15, 45],
  aadhaar: [10, 35],
};

class Planner {
  readonly apps: AppPlan[] = [];
  readonly docs = new Map<string, DocPlan>();
  private refSeq = 0;

  constructor(
    private r: Rng,
    private families: Map<string, { fam: FamilyFactRow; batch: FamilyBatch }>,
    baselineDocs: (typeof document.$inferSelect)[],
    private officers: Map<number, { name: string; userId: string | null }>,
  ) {
    for (const d of baselineDocs) {
      if (!d.familyId) continue;
      const f = families.get(d.familyId);
      if (!f) continue;
      const key = docKey(d.familyId, d.childId, d.docType);
      this.docs.set(key, {
        key,
        id: d.id,
        familyId: d.familyId,
        childId: d.childId,
        docType: d.docType as DocumentType,
        baseline: d.status,
        version: d.version,
        stateCode: d.stateCode,
        districtCode: d.districtCode,
        place: f.fam,
        issuingOffice: d.issuingOffice,
        appliedOn: d.appliedOn,
        issuedOn: d.issuedOn,
        events: [],
        request: null,
      });
    }
  }

  private statusOn(p: DocPlan | undefined, date: string): string {
    if (!p) return 'missing';
    let s = p.baseline;
    for (const e of p.events) if (e.on <= date) s = e.to;
    return s;
  }

  /** The day the document is (planned to be) in hand, or null when it will not be by the end. */
  private readyOn(p: DocPlan | undefined): string | null {
    if (!p) return null;
    if (p.baseline === 'held' || p.baseline === 'issued') return '2025-01-01';
    const e = p.events.find((x) => x.to === 'held' || x.to === 'issued');
    return e ? e.on : null;
  }

  /** The engine's view of a family on a date: its facts, and its documents as they stood that day. */
  judge(familyId: string, scheme: Scheme, on: string): Suggestion[] {
    const { fam, batch } = this.families.get(familyId)!;
    const rows: DocumentFactsRow[] = [];
    for (const p of this.docs.values())
      if (p.familyId === familyId) rows.push({ familyId, childId: p.childId, docType: p.docType, status: this.statusOn(p, on) });
    const input = familyInputFromRows(
      fam,
      batch.members.filter((m) => m.familyId === familyId),
      batch.children.filter((c) => c.familyId === familyId),
      rows,
    );
    return suggestForFamily([scheme], input, on);
  }

  /** Requests, applies for and obtains a missing document; returns the day it is in hand (may be after the end). */
  private secure(fam: FamilyFactRow, childId: string | null, doc: DocumentType, from: string, appIdx: number): string {
    const key = docKey(fam.id, childId, doc);
    let p = this.docs.get(key);
    const ready = this.readyOn(p);
    if (ready) return ready;
    if (p?.events.length) {
      // Already being obtained for another application: wait for it.
      return p.events.find((e) => e.to === 'held')?.on ?? addDays(END, 1);
    }
    if (!p) {
      p = {
        key,
        id: null,
        familyId: fam.id,
        childId,
        docType: doc,
        baseline: 'missing',
        version: 0,
        stateCode: fam.stateCode,
        districtCode: fam.districtCode,
        place: fam,
        issuingOffice: null,
        appliedOn: null,
        issuedOn: null,
        events: [],
        request: null,
      };
      this.docs.set(key, p);
    }
    const office = DOCUMENT_OFFICES[doc];
    const requestedOn = addDays(from, this.r.int(0, 4));
    // A photograph the outreach worker takes is not asked of a department.
    if (doc !== 'photo')
      p.request = {
        department: office.department,
        officer: office.office,
        requestedOn,
        dueOn: addDays(requestedOn, 30),
        applicationIdx: appIdx,
      };
    let on = requestedOn;
    let status = p.baseline;
    if (status !== 'applied_for') {
      on = addDays(requestedOn, this.r.int(1, 6));
      if (on <= END) {
        p.events.push({ from: status, to: 'applied_for', on, office: office.office });
        status = 'applied_for';
      }
    }
    const [lo, hi] = DOC_DAYS[doc] ?? [5, 25];
    const heldOn = addDays(on, this.r.int(lo, hi));
    if (heldOn <= END && status === 'applied_for') p.events.push({ from: status, to: 'held', on: heldOn, office: office.office });
    return heldOn;
  }

  private amount(scheme: Scheme, on: string): number | undefined {
    const b = versionInForce(scheme, on)?.benefit;
    return b && b.kind === 'cash' ? b.amount : undefined;
  }

  private reference(scheme: Scheme, fam: FamilyFactRow, on: string) {
    const code = scheme.id
      .split('-')
      .map((w) => w[0])
      .join('')
      .toUpperCase();
    return `${code}/${fam.districtCode === 468 ? 'AMT' : 'AKL'}/${on.slice(0, 4)}/${String(++this.refSeq).padStart(4, '0')}`;
  }

  /**
   * Plans one application from the day it was identified up to `stage`, cut at the end
   * date. Returns null when the engine does not find the subject eligible that day.
   */
  plan(
    familyId: string,
    scheme: Scheme,
    subjectId: string,
    identifiedOn: string,
    stage: Stage,
    opts: { birthday18?: string } = {},
  ): AppPlan | null {
    const { fam, batch } = this.families.get(familyId)!;
    const judged = this.judge(familyId, scheme, identifiedOn).find((s) => s.subjectId === subjectId);
    if (!judged || judged.status !== 'eligible') return null;
    const r = this.r;
    const childId = scheme.subject === 'child' ? subjectId : null;
    const idx = this.apps.length;
    const steps: ApplicationStep[] = [{ status: 'identified', on: identifiedOn, note: 'Taken up at the convergence meeting' }];
    const push = (status: ApplicationStatus, on: string, extra: Partial<ApplicationStep> = {}) => steps.push({ status, on, ...extra });
    const missing = judged.missingDocuments.filter((m) => !m.conditional).map((m) => m.doc);
    // Orphans get an orphan certificate too (seed 000: "documents secured for orphans").
    const orphan =
      batch.members.filter((m) => m.familyId === familyId && (m.relationship === 'father' || m.relationship === 'mother') && !m.alive)
        .length === 2;
    const extra: DocumentType[] = childId && orphan && scheme.id === BSY ? ['orphan_certificate'] : [];
    let ready = identifiedOn;
    if (missing.length || extra.length) {
      const gathering = addDays(identifiedOn, r.int(1, 5));
      push('documents_gathering', gathering, { note: `Documents to get: ${missing.join(', ')}` });
      for (const doc of [...missing, ...extra]) {
        const owner = documentOwner(scheme.subject, doc) === 'child' ? childId : null;
        ready = maxDate(ready, this.secure(fam, owner, doc, gathering, idx));
      }
    }
    if (stage === 'identified' || stage === 'documents_gathering') return this.keep(fam, scheme, subjectId, childId, steps, stage);
    let applied = addDays(ready, r.int(2, 10));
    push('applied', applied, { reference: this.reference(scheme, fam, applied) });
    if (stage === 'rejected_reapplied') {
      const rejected = addDays(applied, r.int(20, 45));
      push('rejected', rejected, { reason: 'Income certificate older than one year; a fresh certificate is required' });
      push('documents_gathering', addDays(rejected, r.int(1, 4)), { note: 'Fresh income certificate applied for at the Tahsil' });
      applied = addDays(rejected, r.int(15, 30));
      push('applied', applied, { reference: this.reference(scheme, fam, applied) });
      return this.keep(fam, scheme, subjectId, childId, steps, stage);
    }
    if (stage === 'applied') return this.keep(fam, scheme, subjectId, childId, steps, stage);
    const sanctioned = addDays(applied, r.int(25, 70));
    push('sanctioned', sanctioned, {
      amount: this.amount(scheme, sanctioned),
      reference: this.reference(scheme, fam, sanctioned),
      note: 'Sanction order received',
    });
    if (stage === 'sanctioned') return this.keep(fam, scheme, subjectId, childId, steps, stage);
    const receiving = addDays(sanctioned, r.int(10, 35));
    push('receiving', receiving, { amount: this.amount(scheme, receiving), note: 'First payment credited to the bank account' });
    if (stage === 'paid_once') push('stopped', addDays(receiving, r.int(1, 5)), { reason: 'One-time benefit paid in full' });
    if (stage === 'age_out' && opts.birthday18) {
      // The grant ends on the 18th birthday (and never starts if that came first).
      if (opts.birthday18 <= receiving) steps.pop();
      push('stopped', maxDate(opts.birthday18, addDays(sanctioned, 1)), { reason: 'The child turned 18; the grant ends' });
    }
    return this.keep(fam, scheme, subjectId, childId, steps, stage);
  }

  private keep(
    fam: FamilyFactRow,
    scheme: Scheme,
    subjectId: string,
    childId: string | null,
    steps: ApplicationStep[],
    _stage: Stage,
  ): AppPlan | null {
    const inWindow = steps.filter((s) => s.on <= END);
    const checked = replay(scheme.id, subjectId, inWindow);
    if (!checked.ok) throw new Error(`demo application for ${scheme.id} does not replay: ${checked.error.message}`);
    const plan: AppPlan = {
      scheme,
      fam,
      subjectId,
      childId,
      steps: inWindow,
      officer: this.officers.get(fam.districtCode) ?? { name: 'DCPU Social Worker', userId: null },
    };
    this.apps.push(plan);
    return plan;
  }

  linkedFamilies(): Set<string> {
    const out = new Set<string>();
    for (const a of this.apps) if (a.steps.some((s) => s.status === 'sanctioned')) out.add(a.fam.id);
    return out;
  }

  receivingChildren(schemeId: string): number {
    return this.apps.filter((a) => a.scheme.id === schemeId && a.childId && a.steps[a.steps.length - 1].status === 'receiving').length;
  }
}

/** A stable order for families whose ids are random: place, names, then the rest of the record. */
function stableKey(fam: FamilyFactRow, batch: FamilyBatch): string {
  const kids = batch.children
    .filter((c) => c.familyId === fam.id)
    .map((c) => `${c.dob}:${c.name}`)
    .sort()
    .join(',');
  const members = batch.members
    .filter((m) => m.familyId === fam.id)
    .map((m) => `${m.relationship}:${m.name}:${m.age}`)
    .sort()
    .join(',');
  return [fam.villageId, fam.headName, fam.headNameLocal, fam.annualIncome, fam.casteCategory, kids, members].join('|');
}

const SYSTEM: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: 'Demo seed',
  role: 'admin',
  organisationId: null,
  organisationKind: null,
  scope: { level: 'national' },
};

export interface SchemesSeedSummary {
  applications: number;
  steps: number;
  documentsSecured: number;
  documentRequests: number;
  familiesLinked: number;
  balSangopanChildren: number;
}

export async function seedSchemes(db: Db, seed = 2606): Promise<SchemesSeedSummary | null> {
  const [{ n }] = await db.select({ n: count() }).from(schemeApplication);
  if (Number(n) > 0) return null;
  const state = await ensureCatalogue(db);
  const r = rng(seed);

  // Every family with its members, children and documents, in a stable order.
  const families = new Map<string, { fam: FamilyFactRow; batch: FamilyBatch }>();
  for await (const batch of scanFamilies(db, SYSTEM, sql`true`, 500))
    for (const fam of batch.families) families.set(fam.id, { fam, batch });
  const ordered = [...families.values()]
    .sort((a, b) => (stableKey(a.fam, a.batch) < stableKey(b.fam, b.batch) ? -1 : 1))
    .map((x) => x.fam.id);
  const ids = [...families.keys()];
  const baselineDocs = ids.length ? await db.select().from(document).where(inArray(document.familyId, ids)).orderBy(asc(document.id)) : [];
  const users = await db.select({ id: appUser.id, username: appUser.username, displayName: appUser.displayName }).from(appUser);
  const user = (u: string) => users.find((x) => x.username === u);
  const officers = new Map<number, { name: string; userId: string | null }>();
  for (const [district, username] of [
    [468, 'caseworker.amravati'],
    [467, 'caseworker.akola'],
  ] as const) {
    const u = user(username);
    officers.set(district, { name: u?.displayName ?? 'DCPU Social Worker', userId: u?.id ?? null });
  }
  const p = new Planner(r, families, baselineDocs, officers);
  const bsy = state.byId.get(BSY)!;
  const meeting = (lo: number, hi: number) => MEETINGS[r.int(lo, Math.min(hi, MEETINGS.length - 1))];

  // 1. Bal Sangopan: children the engine finds eligible at the first meeting, family by family.
  const shuffled = r.shuffle([...ordered]);
  const pool: { familyId: string; children: { id: string; turns18: string | null }[] }[] = [];
  for (const familyId of shuffled) {
    const { batch } = families.get(familyId)!;
    const eligible = p.judge(familyId, bsy, MEETINGS[0]).filter((s) => s.status === 'eligible');
    if (!eligible.length) continue;
    // Children in a stable order (their ids are random): eldest first, then by name.
    const kids = eligible
      .map((s) => batch.children.find((x) => x.id === s.subjectId)!)
      .sort((a, b) => `${a.dob}|${a.name}`.localeCompare(`${b.dob}|${b.name}`));
    pool.push({
      familyId,
      children: kids.map((c) => {
        const b18 = c.dob ? `${Number(c.dob.slice(0, 4)) + 18}${c.dob.slice(4)}` : null;
        return { id: c.id, turns18: b18 && b18 <= END ? b18 : null };
      }),
    });
  }
  let receivers = 0;
  let next = 0;
  let ageOuts = 0;
  for (; next < pool.length && receivers < SCHEMES_DEMO.balSangopanChildren; next++) {
    const f = pool[next];
    const when = meeting(0, 7);
    for (const c of f.children) {
      if (c.turns18) {
        // Aged out during the period: received until the 18th birthday.
        if (ageOuts < 3 && p.plan(f.familyId, bsy, c.id, MEETINGS[0], 'age_out', { birthday18: c.turns18 })) ageOuts++;
        continue;
      }
      const stage: Stage = receivers < SCHEMES_DEMO.balSangopanChildren ? 'receiving' : 'applied';
      if (p.plan(f.familyId, bsy, c.id, when, stage) && stage === 'receiving') receivers++;
    }
  }
  // Still in the pipeline at the end: recent cases, two rejected and re-applied.
  const pending: Stage[] = [
    'rejected_reapplied',
    'rejected_reapplied',
    'applied',
    'applied',
    'documents_gathering',
    'documents_gathering',
    'identified',
    'applied',
    'documents_gathering',
    'identified',
  ];
  for (let k = 0; next < pool.length && k < pending.length; next++, k++) {
    const f = pool[next];
    const c = f.children.find((x) => !x.turns18);
    if (c) p.plan(f.familyId, bsy, c.id, meeting(pending[k] === 'rejected_reapplied' ? 8 : 12, 16), pending[k]);
  }

  // 2. Widowed and deserted mothers of Bal Sangopan children: Sanjay Gandhi Niradhar.
  const household = HOUSEHOLD_SCHEMES.map((id) => state.byId.get(id)!).filter(Boolean);
  const sgnay = household[0];
  const rank = new Map(ordered.map((id, i) => [id, i]));
  const byRank = (ids: Iterable<string>) => [...ids].sort((a, b) => rank.get(a)! - rank.get(b)!);
  for (const familyId of byRank(p.linkedFamilies())) {
    if (!r.chance(0.5)) continue;
    p.plan(familyId, sgnay, `${familyId}:caregiver`, meeting(2, 9), 'receiving');
  }

  // 3. Other families linked through a household scheme, until the story's figure.
  const linked = p.linkedFamilies();
  for (const familyId of r.shuffle(ordered.filter((id) => !linked.has(id)))) {
    if (p.linkedFamilies().size >= SCHEMES_DEMO.familiesLinked) break;
    const when = meeting(0, 8);
    const start = r.int(0, household.length - 1);
    for (let k = 0; k < household.length; k++) {
      const s = household[(start + k) % household.length];
      const subjectId = s.subject === 'caregiver' ? `${familyId}:caregiver` : familyId;
      if (p.plan(familyId, s, subjectId, when, s.id === 'nsap-nfbs' ? 'paid_once' : 'receiving')) break;
    }
  }
  // A few household applications still open at the end, for families not yet linked.
  const open: Stage[] = ['applied', 'documents_gathering', 'identified', 'applied', 'documents_gathering', 'applied'];
  const now = p.linkedFamilies();
  let k = 0;
  for (const familyId of ordered) {
    if (k >= open.length) break;
    if (now.has(familyId) || p.apps.some((a) => a.fam.id === familyId)) continue;
    for (const s of household) {
      const subjectId = s.subject === 'caregiver' ? `${familyId}:caregiver` : familyId;
      if (p.plan(familyId, s, subjectId, meeting(13, 16), open[k])) {
        k++;
        break;
      }
    }
  }

  await write(db, p);
  await audit(db, null, 'seed', 'system', null, null, { dataset: 'amravati-akola-schemes', applications: p.apps.length });
  return {
    applications: p.apps.length,
    steps: p.apps.reduce((n, a) => n + a.steps.length, 0),
    documentsSecured: [...p.docs.values()].filter((d) => d.events.some((e) => e.to === 'held')).length,
    documentRequests: [...p.docs.values()].filter((d) => d.request && d.request.requestedOn <= END).length,
    familiesLinked: p.linkedFamilies().size,
    balSangopanChildren: p.receivingChildren(BSY),
  };
}

async function write(db: Db, p: Planner) {
  await db.transaction(async (tx) => {
    const appIds: string[] = [];
    for (const a of p.apps) {
      const app = replay(a.scheme.id, a.subjectId, a.steps);
      if (!app.ok) throw new Error(app.error.message);
      const [row] = await tx
        .insert(schemeApplication)
        .values({
          schemeId: a.scheme.id,
          subject: a.scheme.subject,
          subjectId: a.subjectId,
          familyId: a.fam.id,
          childId: a.childId,
          stateCode: a.fam.stateCode,
          districtCode: a.fam.districtCode,
          subdistrictCode: a.fam.subdistrictCode,
          blockCode: a.fam.blockCode,
          villageId: a.fam.villageId,
          ...projectionOf(app.application),
          officerName: a.officer.name,
          officerUserId: a.officer.userId,
          createdBy: a.officer.userId,
          version: a.steps.length,
          createdAt: new Date(a.steps[0].on + 'T12:00:00+05:30'),
          updatedAt: new Date(a.steps[a.steps.length - 1].on + 'T12:00:00+05:30'),
        })
        .returning({ id: schemeApplication.id });
      appIds.push(row.id);
      await tx.insert(schemeApplicationStep).values(
        a.steps.map((s, i) => ({
          applicationId: row.id,
          seq: i + 1,
          status: s.status,
          onDate: s.on,
          reason: s.reason ?? null,
          amount: s.amount ?? null,
          reference: s.reference ?? null,
          note: s.note ?? null,
          officerName: a.officer.name,
          recordedBy: a.officer.userId,
          stateCode: a.fam.stateCode,
          districtCode: a.fam.districtCode,
          recordedAt: new Date(s.on + 'T17:00:00+05:30'),
        })),
      );
    }
    for (const d of p.docs.values()) {
      if (!d.events.length && !(d.request && d.request.requestedOn <= END)) continue;
      const last = d.events[d.events.length - 1];
      const applied = d.events.find((e) => e.to === 'applied_for')?.on ?? d.appliedOn;
      const issued = d.events.find((e) => e.to === 'held')?.on ?? null;
      const values = {
        status: last?.to ?? d.baseline,
        issuingOffice: last?.office ?? d.issuingOffice,
        appliedOn: applied,
        issuedOn: issued ?? d.issuedOn,
      };
      let id = d.id;
      if (id) {
        if (d.events.length) {
          await tx
            .update(document)
            .set({ ...values, version: d.version + d.events.length, updatedAt: new Date(last.on + 'T17:00:00+05:30') })
            .where(eq(document.id, id));
        }
      } else if (d.events.length) {
        const [row] = await tx
          .insert(document)
          .values({
            familyId: d.familyId,
            childId: d.childId,
            docType: d.docType,
            stateCode: d.stateCode,
            districtCode: d.districtCode,
            ...values,
            version: d.events.length,
            updatedAt: new Date(last.on + 'T17:00:00+05:30'),
          })
          .returning({ id: document.id });
        id = row.id;
      }
      if (id && d.events.length) {
        await tx.insert(documentEvent).values(
          d.events.map((e) => ({
            documentId: id!,
            familyId: d.familyId,
            childId: d.childId,
            docType: d.docType,
            fromStatus: e.from,
            toStatus: e.to,
            eventOn: e.on,
            issuingOffice: e.office,
            note: null,
            recordedBy: p.apps[d.request?.applicationIdx ?? 0]?.officer.userId ?? null,
            stateCode: d.stateCode,
            districtCode: d.districtCode,
            subdistrictCode: d.place.subdistrictCode,
            blockCode: d.place.blockCode,
            villageId: d.place.villageId,
            recordedAt: new Date(e.on + 'T17:00:00+05:30'),
          })),
        );
      }
      const rq = d.request;
      if (rq && rq.requestedOn <= END) {
        const done = issued && issued <= END ? issued : null;
        await tx.insert(documentRequest).values({
          stateCode: d.stateCode,
          districtCode: d.districtCode,
          subdistrictCode: d.place.subdistrictCode,
          blockCode: d.place.blockCode,
          villageId: d.place.villageId,
          familyId: d.familyId,
          childId: d.childId,
          applicationId: appIds[rq.applicationIdx] ?? null,
          docType: d.docType,
          department: rq.department,
          officer: rq.officer,
          requestedOn: rq.requestedOn,
          dueOn: rq.dueOn,
          status: done ? 'done' : 'open',
          closedOn: done,
          result: done ? 'Document in hand' : null,
          createdBy: p.apps[rq.applicationIdx]?.officer.userId ?? null,
          createdAt: new Date(rq.requestedOn + 'T12:00:00+05:30'),
        });
      }
    }
  });
}
