import { identityColumns, shapeRow, type WithheldMarks } from '../access/fields';
import { and, asc, eq, inArray, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import { assessment, family } from '../registry/registry.schema';
import { caseAction, caseRecord, caseReferral } from '../cases/cases.schema';
import { caseVisibleWhere } from '../cases/cases.access';
import { organisation } from '../users/users.schema';
import {
  CONVERGENCE_DOMAINS,
  DEPARTMENT_KINDS,
  type ActionLink,
  type ActionStatus,
  type AssessmentScore,
  type CasePlanNeed,
  type ConvergenceDomain,
  type DepartmentKind,
  type EnrolmentLink,
  type EnrolmentStatus,
  type FamilyServicesInput,
  type ReferralLink,
  type ReferralStatus,
} from './domain';
import { convergenceAction } from './convergence.schema';
import { SCHEME_LINKS } from './scheme-links';

/**
 * Gathers, for a set of families, what the domain's `familyCoverage` decides on: the latest
 * assessment's item scores (registry), the needs and care-plan domains of their open cases
 * and the referrals made (case module), scheme enrolments (schemes module, when present),
 * and the convergence actions with a domain. A handful of set-based queries, whatever the
 * number of families.
 *
 * Scheme enrolments come from the schemes module's applications (department and domains
 * per scheme from SCHEME_LINKS), or from a `convergence_scheme_enrolment(id, family_id,
 * child_id, scheme_id, department, domains text[], status)` view; without either, coverage
 * counts no scheme links (and says so: `sources.schemes = false`).
 */
export interface FamilyRowLite {
  id: string;
  districtCode: number;
  blockCode: number | null;
  villageId: string | null;
  headName: string;
}

const isDept = (k: string | null): k is DepartmentKind => (DEPARTMENT_KINDS as readonly string[]).includes(k ?? '');
const ENROLMENT_STATUSES: Record<string, EnrolmentStatus> = {
  identified: 'identified',
  documents: 'documents',
  documents_gathering: 'documents',
  applied: 'applied',
  sanctioned: 'sanctioned',
  receiving: 'receiving',
  rejected: 'rejected',
  stopped: 'stopped',
};

/**
 * The families of a coverage view. Under a CWC non-disclosure order of a case of the family the
 * actor may not see past, the head's name is initials (JJ Act 2015 s.74, src/access/fields.ts).
 */
export async function familiesWhere(db: Db, actor: Actor, where: SQL): Promise<(FamilyRowLite & WithheldMarks)[]> {
  const cols = {
    id: family.id,
    districtCode: family.districtCode,
    blockCode: family.blockCode,
    villageId: family.villageId,
    headName: family.headName,
  };
  const rows = await db
    .select(identityColumns(actor, 'family', { familyId: family.id }, cols, ['headName']))
    .from(family)
    .where(where)
    .orderBy(asc(family.id));
  return rows.map((r) => shapeRow(r, 'family'));
}

/**
 * Where scheme enrolments come from: the schemes module's `scheme_application` table (its
 * migration 0300), or a `convergence_scheme_enrolment` view a deployment provides instead;
 * none when neither exists (coverage then says `sources.schemes = false`).
 */
async function enrolmentSource(db: Db): Promise<'applications' | 'view' | null> {
  const res = (await db.execute(
    sql`SELECT to_regclass('scheme_application') IS NOT NULL AS apps, to_regclass('convergence_scheme_enrolment') IS NOT NULL AS view`,
  )) as unknown as {
    rows: { apps: boolean; view: boolean }[];
  };
  const r = res.rows?.[0];
  return r?.apps ? 'applications' : r?.view ? 'view' : null;
}

export async function servicesOf(
  db: Db,
  actor: Actor,
  families: FamilyRowLite[],
): Promise<{ inputs: FamilyServicesInput[]; sources: { cases: boolean; schemes: boolean; unmappedSchemes: string[] } }> {
  const ids = families.map((f) => f.id);
  const byFamily = new Map<string, FamilyServicesInput>(
    families.map((f) => [
      f.id,
      {
        familyId: f.id,
        area: {
          district: String(f.districtCode),
          ...(f.blockCode != null ? { block: String(f.blockCode) } : {}),
          ...(f.villageId ? { village: f.villageId } : {}),
        },
        assessments: [],
        casePlanNeeds: [],
        referrals: [],
        enrolments: [],
        actions: [],
      },
    ]),
  );
  if (!ids.length) return { inputs: [], sources: { cases: true, schemes: false, unmappedSchemes: [] } };
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += 5000) chunks.push(ids.slice(i, i + 5000));
  let schemes = false;
  const unmappedSchemes = new Set<string>();
  for (const chunk of chunks) {
    // The latest assessment per family and child: its item answers are the finest scores.
    const latest = await db
      .select({
        familyId: assessment.familyId,
        childId: assessment.childId,
        assessedOn: assessment.assessedOn,
        answers: assessment.answers,
        domainScores: assessment.domainScores,
      })
      .from(assessment)
      .where(
        and(
          inArray(assessment.familyId, chunk),
          sql`${assessment.assessedOn} = (SELECT max(a2.assessed_on) FROM assessment a2 WHERE a2.family_id = ${assessment.familyId} AND a2.child_id IS NOT DISTINCT FROM ${assessment.childId})`,
        ),
      );
    for (const a of latest) {
      // Item answers are finer (nutrition apart from health…); domain scores stand in when there are none.
      const source = Object.keys(a.answers ?? {}).length ? a.answers : a.domainScores;
      const scores: AssessmentScore[] = Object.entries(source).map(([key, score]) => ({
        key,
        score: Number(score),
        assessedOn: a.assessedOn,
        childId: a.childId ?? undefined,
      }));
      byFamily.get(a.familyId)!.assessments.push(...scores);
    }

    // Open cases: the latest assessment's needs and the latest care plan's domains.
    const plans = await db
      .select({ familyId: caseRecord.familyId, childId: caseRecord.childId, type: caseAction.type, payload: caseAction.payload })
      .from(caseAction)
      .innerJoin(caseRecord, eq(caseRecord.id, caseAction.caseId))
      .where(
        and(
          inArray(caseRecord.familyId, chunk),
          ne(caseRecord.status, 'closed'),
          inArray(caseAction.type, ['assessment', 'care_plan']),
          caseVisibleWhere(actor),
          sql`${caseAction.seq} = (SELECT max(x.seq) FROM case_action x WHERE x.case_id = ${caseAction.caseId} AND x.type = ${caseAction.type})`,
        ),
      );
    for (const p of plans) {
      const f = byFamily.get(p.familyId!);
      if (!f) continue;
      const payload = p.payload as { needs?: { domain: string; need?: string }[]; domains?: { domain: string }[] };
      const needs: CasePlanNeed[] = (p.type === 'assessment' ? (payload.needs ?? []) : (payload.domains ?? [])).map((n) => ({
        domain: n.domain,
        childId: p.childId,
        description: (n as { need?: string }).need,
      }));
      f.casePlanNeeds.push(...needs);
    }

    const refs = await db
      .select({
        familyId: caseRecord.familyId,
        childId: caseRecord.childId,
        id: caseReferral.referralId,
        domain: caseReferral.domain,
        status: caseReferral.status,
        kind: organisation.kind,
        toKind: caseReferral.toKind,
      })
      .from(caseReferral)
      .innerJoin(caseRecord, eq(caseRecord.id, caseReferral.caseId))
      .leftJoin(organisation, eq(organisation.id, caseReferral.toOrgId))
      .where(and(inArray(caseRecord.familyId, chunk), caseVisibleWhere(actor)));
    for (const r of refs) {
      const dept = isDept(r.kind) ? r.kind : r.toKind === 'ngo' ? 'NGO' : null;
      if (!dept) continue;
      const link: ReferralLink = { id: r.id, domain: r.domain, department: dept, status: r.status as ReferralStatus, childId: r.childId };
      byFamily.get(r.familyId!)?.referrals.push(link);
    }

    const source = await enrolmentSource(db);
    if (source) {
      schemes = true;
      const ids = sql.join(
        chunk.map((id) => sql`${id}::uuid`),
        sql`, `,
      );
      const res = (await db.execute(
        source === 'applications'
          ? sql`SELECT id::text AS id, family_id::text AS family_id, child_id::text AS child_id, scheme_id, NULL::text AS department, NULL::text[] AS domains, status
              FROM scheme_application WHERE family_id IN (${ids})`
          : sql`SELECT id::text AS id, family_id::text AS family_id, child_id::text AS child_id, scheme_id, department, domains, status
              FROM convergence_scheme_enrolment WHERE family_id IN (${ids})`,
      )) as unknown as {
        rows: {
          id: string;
          family_id: string;
          child_id: string | null;
          scheme_id: string;
          department: string | null;
          domains: string[] | null;
          status: string;
        }[];
      };
      for (const e of res.rows) {
        const status = ENROLMENT_STATUSES[e.status];
        const link = SCHEME_LINKS[e.scheme_id];
        const department = e.department ?? link?.department ?? null;
        const domains = e.domains ?? link?.domains ?? [];
        if (!status || !isDept(department)) {
          unmappedSchemes.add(e.scheme_id);
          continue;
        }
        const enrolment: EnrolmentLink = {
          id: e.id,
          schemeId: e.scheme_id,
          department,
          status,
          childId: e.child_id ?? undefined,
          domains: domains.filter((d): d is ConvergenceDomain => (CONVERGENCE_DOMAINS as readonly string[]).includes(d)),
        };
        byFamily.get(e.family_id)?.enrolments.push(enrolment);
      }
    }

    const acts = await db
      .select({
        id: convergenceAction.id,
        familyId: convergenceAction.familyId,
        domain: convergenceAction.domain,
        department: convergenceAction.department,
        status: convergenceAction.status,
      })
      .from(convergenceAction)
      .where(and(inArray(convergenceAction.familyId, chunk), isNotNull(convergenceAction.domain)));
    for (const a of acts) {
      const link: ActionLink = {
        id: a.id,
        domain: a.domain as ConvergenceDomain,
        department: a.department as DepartmentKind,
        status: a.status as ActionStatus,
      };
      byFamily.get(a.familyId!)?.actions.push(link);
    }
  }
  return {
    inputs: families.map((f) => byFamily.get(f.id)!),
    sources: { cases: true, schemes, unmappedSchemes: [...unmappedSchemes].sort() },
  };
}
