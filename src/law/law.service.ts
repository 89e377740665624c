/**
 * The rules and sources a state officer can inspect (issue #18): every timeline with its source
 * and, for the chosen state, the override and whose decision it is; every CWC order form with its
 * rule (and the forms that are not orders); every scheme version with its order or guideline, the
 * dates it applies between, how far its text was checked and the clauses its reasons cite.
 * Read-only and public law: no child's data, so any signed-in user may read it.
 */
import type { AppContext } from '../http/context';
import type { Actor } from '../access/policy';
import { istToday } from '../kernel/clock';
import { caseTimelineConfig } from '../cases/timelines.config';
import { CWC_ORDER_FORM_RULES, TIMELINE_KEYS, describeDuration, resolveTimelines } from '../cases/domain';
import { catalogueOf } from '../schemes/catalogue.service';
import type { Rule } from '../schemes/rules';
import { inForceOn } from './source';
import type { RulesOut } from './law.model';

/** Forms the app once offered as orders: listed so a reader sees why they are gone. */
const NOT_ORDERS = [
  { form: 'form30', title: 'Home study report of prospective foster parents', citation: 'JJ Model Rules 2016 R.23(9), Form 30' },
  { form: 'form34', title: 'Record of a child in foster care', citation: 'JJ Model Rules 2016 R.23(17), Form 34' },
  { form: 'form35', title: 'Monthly inspection of foster families', citation: 'JJ Model Rules 2016 R.23(18), Form 35' },
];

/**
 * Clocks that are not computed on a case but elsewhere: the foster and sponsorship monitoring
 * clocks by `src/law/care-clocks.ts` for the care module's records, the CWC's quarterly report by
 * `GET /api/v1/reports/cwc-quarterly`.
 */
const TRACKED_ELSEWHERE: Partial<Record<string, 'care' | 'report'>> = {
  fosterMonthlyInspection: 'care',
  sponsorshipAnnualReview: 'care',
  sponsorshipApplicationDecision: 'care',
  sponsorshipSchoolAbsence: 'care',
  cwcQuarterlyReport: 'report',
};

function clausesOf(rule: Rule, out = new Set<string>()): Set<string> {
  if ('all' in rule) rule.all.forEach((r) => clausesOf(r, out));
  else if ('any' in rule) rule.any.forEach((r) => clausesOf(r, out));
  else if ('not' in rule) clausesOf(rule.not, out);
  else if (rule.source) out.add(rule.source);
  return out;
}

export async function rulesAndSources(ctx: AppContext, actor: Actor, q: { state?: string }): Promise<RulesOut> {
  const asOf = istToday(ctx.now());
  const scopeState = 'stateCode' in actor.scope && actor.scope.stateCode != null ? String(actor.scope.stateCode) : null;
  const stateCode = q.state ?? scopeState;
  const config = caseTimelineConfig();
  const resolved = resolveTimelines(config, stateCode);

  const timelines: RulesOut['timelines'] = [];
  for (const key of [...TIMELINE_KEYS, 'escalationResponse' as const]) {
    const base = config.timelines[key];
    const r = resolved[key];
    const within =
      'withinByLevel' in r
        ? Object.entries(r.withinByLevel)
            .map(([level, d]) => `${level}: ${describeDuration(d)}`)
            .join(', ')
        : describeDuration(r.within);
    timelines.push({
      key,
      within,
      statutory: base.statutory,
      fixed: !!base.fixed,
      trackedOnCases: base.trackedOnCases,
      trackedBy: base.trackedOnCases ? 'cases' : (TRACKED_ELSEWHERE[key] ?? null),
      appliesTo: base.appliesTo,
      basis: r.basis,
      source: r.ruleSource,
      setBy: r.source,
      decidedBy: r.decidedBy,
      inForce: inForceOn(r.ruleSource, asOf),
    });
  }

  const orderForms: RulesOut['orderForms'] = [
    ...CWC_ORDER_FORM_RULES.map((f) => ({ ...f, orderTypes: [...f.orderTypes], isOrder: true })),
    ...NOT_ORDERS.map((f) => ({ ...f, orderTypes: [], isOrder: false })),
  ];

  const state = await catalogueOf(ctx.db);
  const schemes: RulesOut['schemes'] = state.schemes.map((s) => {
    const rev = state.revisions.get(s.id);
    return {
      id: s.id,
      name: s.name,
      level: s.level,
      state: s.state,
      revision: rev?.revision ?? 1,
      change: rev?.change ?? 'seeded',
      changedAt: (rev?.createdAt ?? new Date(0)).toISOString(),
      versions: s.versions.map((v) => {
        const src = v.source ?? s.sources[0] ?? null;
        return {
          validFrom: v.validFrom,
          validTo: v.validTo,
          inForce: v.validFrom <= asOf && (v.validTo === null || asOf <= v.validTo),
          source: src
            ? {
                title: src.title,
                url: src.url,
                reference: src.reference,
                date: src.date,
                citation: src.citation ?? null,
                // A stored scheme without a verification was never checked: say so.
                verification: src.verification ?? 'unverified',
              }
            : null,
          clauses: [...clausesOf(v.rules)],
          note: v.note ?? null,
        };
      }),
    };
  });

  return { asOf, stateCode, timelines, orderForms, schemes };
}
