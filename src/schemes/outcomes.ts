// Outcome figures computed from application steps and documents (pure): the
// "62 of 149 families linked to schemes, 64 children on Bal Sangopan, documents
// secured" of the Amravati–Akola model, per place and per month.
//
// - A family is *linked* from the first day one of its applications was
//   sanctioned (the link was made, even if a once-only benefit was then paid out
//   and closed). Counted cumulatively at each month's end.
// - A child is *receiving* a scheme on a date when the last step of that child's
//   application on or before that date is "receiving".
// - A document is *secured* in the month of its date of issue, when it is now
//   held or issued.

import type { ApplicationStatus } from './application-workflow';

/** Certificates issued by an office (the story's "death, caste and orphan certificates"), as against photos or passbooks. */
export const CERTIFICATES: ReadonlySet<string> = new Set([
  'birth_certificate',
  'parent_death_certificate',
  'caste_certificate',
  'orphan_certificate',
  'income_certificate',
  'domicile',
  'disability_certificate',
]);

export interface StepFact {
  id: string;
  familyId: string;
  childId: string | null;
  subject: string;
  schemeId: string;
  key: string | null;
  status: ApplicationStatus;
  on: string;
}

export interface SecuredFact {
  key: string | null;
  month: string;
  docType: string;
  n: number;
}

export interface MonthFigures {
  month: string;
  familiesLinked: number;
  newlyLinked: number;
  childrenReceiving: Record<string, number>;
  childrenReceivingAny: number;
  documentsSecured: number;
  certificatesSecured: number;
  documentsSecuredByType: Record<string, number>;
}

export interface AreaFigures {
  key: string;
  families: number;
  familiesLinked: number;
  newlyLinked: number;
  childrenReceiving: Record<string, number>;
  childrenReceivingAny: number;
  documentsSecured: number;
  certificatesSecured: number;
  documentsSecuredByType: Record<string, number>;
  applicationsByStatus: Record<string, number>;
  months: MonthFigures[];
}

/** 'YYYY-MM' for every month from `from` to `to` (dates), inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** Last day of a 'YYYY-MM' month, capped at `cap` (the report's end date). */
export function monthEnd(month: string, cap: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return last < cap ? last : cap;
}

interface AppTimeline {
  familyId: string;
  childId: string | null;
  subject: string;
  schemeId: string;
  key: string | null;
  steps: { status: ApplicationStatus; on: string }[];
  sanctionedOn: string | null;
}

function timelines(steps: readonly StepFact[]): AppTimeline[] {
  const byId = new Map<string, AppTimeline>();
  for (const s of steps) {
    let t = byId.get(s.id);
    if (!t) {
      t = { familyId: s.familyId, childId: s.childId, subject: s.subject, schemeId: s.schemeId, key: s.key, steps: [], sanctionedOn: null };
      byId.set(s.id, t);
    }
    t.steps.push({ status: s.status, on: s.on });
    if (s.status === 'sanctioned' && t.sanctionedOn === null) t.sanctionedOn = s.on;
  }
  return [...byId.values()];
}

function statusOn(t: AppTimeline, date: string): ApplicationStatus | null {
  let st: ApplicationStatus | null = null;
  for (const s of t.steps) {
    if (s.on > date) break;
    st = s.status;
  }
  return st;
}

/**
 * Figures for each place (`key`) and for all of them together (key '*'), at the end of
 * each month from `from` to `to` and over the whole period.
 */
export function computeOutcomes(input: {
  from: string;
  to: string;
  families: ReadonlyArray<{ key: string | null; n: number }>;
  steps: readonly StepFact[];
  secured: readonly SecuredFact[];
}): { all: AreaFigures; areas: AreaFigures[]; schemes: string[] } {
  const months = monthsBetween(input.from, input.to);
  const apps = timelines(input.steps);
  const schemes = [...new Set(apps.filter((a) => a.subject === 'child').map((a) => a.schemeId))].sort();

  // The day each family was first linked (its earliest sanction).
  const firstLinked = new Map<string, { on: string; key: string | null }>();
  for (const a of apps) {
    if (!a.sanctionedOn) continue;
    const cur = firstLinked.get(a.familyId);
    if (!cur || a.sanctionedOn < cur.on) firstLinked.set(a.familyId, { on: a.sanctionedOn, key: a.key });
  }

  interface Bucket {
    families: number;
    apps: AppTimeline[];
    linked: { on: string; key: string | null }[];
    secured: SecuredFact[];
  }
  const empty = (): Bucket => ({ families: 0, apps: [], linked: [], secured: [] });
  const all = empty();
  const buckets = new Map<string, Bucket>();
  const bucket = (k: string | null) => {
    if (!k) return null;
    let b = buckets.get(k);
    if (!b) buckets.set(k, (b = empty()));
    return b;
  };
  for (const f of input.families) {
    all.families += Number(f.n);
    const b = bucket(f.key);
    if (b) b.families += Number(f.n);
  }
  for (const a of apps) {
    all.apps.push(a);
    bucket(a.key)?.apps.push(a);
  }
  for (const l of firstLinked.values()) {
    all.linked.push(l);
    bucket(l.key)?.linked.push(l);
  }
  for (const d of input.secured) {
    all.secured.push(d);
    bucket(d.key)?.secured.push(d);
  }

  const figures = (b: Bucket, key: string): AreaFigures => {
    const famCount = b.families;
    const areaApps = b.apps;
    const linked = b.linked;
    const secured = b.secured;
    const receivingAt = (date: string) => {
      const perScheme: Record<string, Set<string>> = {};
      const any = new Set<string>();
      for (const a of areaApps) {
        if (a.subject !== 'child' || !a.childId || statusOn(a, date) !== 'receiving') continue;
        (perScheme[a.schemeId] ??= new Set()).add(a.childId);
        any.add(a.childId);
      }
      return { perScheme: Object.fromEntries(schemes.map((s) => [s, perScheme[s]?.size ?? 0])), any: any.size };
    };
    const monthRows: MonthFigures[] = months.map((month) => {
      const end = monthEnd(month, input.to);
      const r = receivingAt(end);
      const byType: Record<string, number> = {};
      let docs = 0;
      let certs = 0;
      for (const d of secured) {
        if (d.month !== month) continue;
        byType[d.docType] = (byType[d.docType] ?? 0) + d.n;
        docs += d.n;
        if (CERTIFICATES.has(d.docType)) certs += d.n;
      }
      return {
        month,
        familiesLinked: linked.filter((l) => l.on <= end).length,
        newlyLinked: linked.filter((l) => l.on.slice(0, 7) === month && l.on <= end).length,
        childrenReceiving: r.perScheme,
        childrenReceivingAny: r.any,
        documentsSecured: docs,
        certificatesSecured: certs,
        documentsSecuredByType: byType,
      };
    });
    const last = receivingAt(input.to);
    const byType: Record<string, number> = {};
    for (const m of monthRows) for (const [t, n] of Object.entries(m.documentsSecuredByType)) byType[t] = (byType[t] ?? 0) + n;
    const byStatus: Record<string, number> = {};
    for (const a of areaApps) {
      const st = statusOn(a, input.to);
      if (st) byStatus[st] = (byStatus[st] ?? 0) + 1;
    }
    return {
      key,
      families: famCount,
      familiesLinked: linked.filter((l) => l.on <= input.to).length,
      newlyLinked: linked.filter((l) => l.on >= input.from && l.on <= input.to).length,
      childrenReceiving: last.perScheme,
      childrenReceivingAny: last.any,
      documentsSecured: monthRows.reduce((n, m) => n + m.documentsSecured, 0),
      certificatesSecured: monthRows.reduce((n, m) => n + m.certificatesSecured, 0),
      documentsSecuredByType: byType,
      applicationsByStatus: byStatus,
      months: monthRows,
    };
  };

  return {
    all: figures(all, '*'),
    areas: [...buckets.keys()].sort().map((k) => figures(buckets.get(k)!, k)),
    schemes,
  };
}
