// Scheme-level eligibility: picks the version in force on `asOf`, adds the
// scheme's state restriction, and turns the three-valued rule outcome into
// eligible / maybe / not_eligible with reasons a field worker can read out.

import { prepareFacts } from './derive-facts';
import type { FactName, Facts, IsoDate } from './facts';
import { isIsoDate } from './format';
import type { Reason } from './reasons';
import { factLabelIn } from './render';
import { compileRule, F, T, U, type CompiledRule, type Tri } from './rule-engine';
import { versionInForce, type Benefit, type Scheme, type SchemeVersion, type Source } from './scheme';

export type EligibilityStatus = 'eligible' | 'maybe' | 'not_eligible';
export const STATUS_ORDER: Record<EligibilityStatus, number> = { eligible: 0, maybe: 1, not_eligible: 2 };

export interface MissingFact {
  fact: FactName;
  label: string;
}

export interface SchemeResult {
  schemeId: string;
  status: EligibilityStatus;
  /** Structured reasons; `renderReasons(reasons, lang)` (render.ts) gives the sentences. */
  reasons: Reason[];
  /** For "maybe": the facts that would decide it, once recorded. */
  missingFacts: MissingFact[];
  /** The version the case was judged by; null when none was in force. */
  version: { validFrom: IsoDate; validTo: IsoDate | null } | null;
  benefit: Benefit | null;
  /** The order or guideline the version rests on (issue #18: every verdict shows its source). */
  source: Source | null;
}

/** 'full' explains; 'status' only decides (the fast path for dashboards and counts). */
export type Detail = 'full' | 'status';

export interface CompiledVersion {
  version: SchemeVersion;
  rule: CompiledRule;
  /** Shared, frozen { validFrom, validTo } handed out with every result. */
  span: SchemeResult['version'];
}

export interface CompiledScheme {
  scheme: Scheme;
  versions: readonly CompiledVersion[];
  versionAt(asOf: IsoDate): CompiledVersion | null;
  /** Judges facts that already went through prepareFacts for the same asOf. */
  evaluatePrepared(facts: Facts, asOf: IsoDate, detail?: Detail): SchemeResult;
}

const STATUS: Record<Tri, EligibilityStatus> = { [F]: 'not_eligible', [T]: 'eligible', [U]: 'maybe' };

function and(a: Tri, b: Tri): Tri {
  return a === F || b === F ? F : a === U || b === U ? U : T;
}

export function compileScheme(scheme: Scheme): CompiledScheme {
  const versions: CompiledVersion[] = scheme.versions.map((version) => ({
    version,
    rule: compileRule(version.rules),
    span: Object.freeze({ validFrom: version.validFrom, validTo: version.validTo }),
  }));
  const versionAt = (asOf: IsoDate): CompiledVersion | null => {
    const v = versionInForce(scheme, asOf);
    return v ? (versions.find((c) => c.version === v) ?? null) : null;
  };
  const evaluatePrepared = (facts: Facts, asOf: IsoDate, detail: Detail = 'full'): SchemeResult =>
    judge(scheme, versionAt(asOf), facts, asOf, detail);
  return { scheme, versions, versionAt, evaluatePrepared };
}

/**
 * Judges prepared facts by one compiled version (null: none in force). The
 * batch path calls this directly with the version picked once per run.
 */
export function judge(scheme: Scheme, cv: CompiledVersion | null, facts: Facts, asOf: IsoDate, detail: Detail): SchemeResult {
  if (!cv) return notInForce(scheme, asOf, detail);
  const st = scheme.state === null ? T : facts.stateCode === undefined ? U : facts.stateCode === scheme.state ? T : F;
  const rv = st === F ? F : cv.rule.test(facts);
  const value = st === F ? F : and(st, rv);
  const reasons: Reason[] = [];
  const missing: FactName[] = [];
  if (detail === 'full') {
    if (st === F) {
      reasons.push({ code: 'other_state', state: scheme.state!, stateName: scheme.stateName ?? null, actualState: facts.stateCode! });
    } else {
      // Not eligible: only what failed; otherwise everything that was checked.
      if (st === T && value !== F && scheme.state !== null)
        reasons.push({ code: 'lives_in', state: scheme.state, stateName: scheme.stateName ?? null });
      if (st === U) missing.push('stateCode');
      cv.rule.explainInto(facts, rv, reasons, missing);
    }
    if (value !== U) missing.length = 0;
    else if (missing.length) reasons.push({ code: 'missing_facts', facts: [...missing] });
  }
  return {
    schemeId: scheme.id,
    status: STATUS[value],
    reasons,
    missingFacts: missing.map(missingFact),
    version: cv.span,
    benefit: cv.version.benefit,
    source: cv.version.source ?? scheme.sources[0] ?? null,
  };
}

function missingFact(fact: FactName): MissingFact {
  return { fact, label: factLabelIn(fact, 'en') };
}

function notInForce(scheme: Scheme, asOf: string, detail: Detail = 'full'): SchemeResult {
  if (detail === 'status')
    return { schemeId: scheme.id, status: 'not_eligible', reasons: [], missingFacts: [], version: null, benefit: null, source: null };
  const reason: Reason = isIsoDate(asOf)
    ? { code: 'not_in_force', scheme: scheme.name, asOf, spans: scheme.versions.map((v) => ({ from: v.validFrom, to: v.validTo ?? null })) }
    : { code: 'bad_date', asOf: String(asOf) };
  return { schemeId: scheme.id, status: 'not_eligible', reasons: [reason], missingFacts: [], version: null, benefit: null, source: null };
}

const compiledCache = new WeakMap<Scheme, CompiledScheme>();

/** compileScheme, memoised per scheme object. */
export function compiled(scheme: Scheme): CompiledScheme {
  let c = compiledCache.get(scheme);
  if (!c) {
    c = compileScheme(scheme);
    compiledCache.set(scheme, c);
  }
  return c;
}

/**
 * Judges one subject against one validated scheme on `asOf`. `facts` may be
 * anything: unknown, mistyped or implausible values count as not recorded.
 */
export function evaluateScheme(scheme: Scheme, facts: unknown, asOf: IsoDate): SchemeResult {
  return compiled(scheme).evaluatePrepared(prepareFacts(facts, asOf), asOf, 'full');
}
