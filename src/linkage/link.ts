// The linkage API used by the server and the CLI.
import { searchKeys } from '../names';
import { explain, LinkEngine, type EngineOptions, type FieldWeight, type Progress } from './engine';
import { defaultModel, type Model } from './model';
import { personTable, type PersonRecord, type Table } from './record';
import type { RuleStats } from './blocking';
import { train } from './training';

export interface MatchCandidate {
  leftId: string;
  rightId: string;
  /** Calibrated: ≥ 0.5 means "proposed match". */
  probability: number;
  /** log2 Bayes factor, the sum of the field weights. */
  weight: number;
  fields: FieldWeight[];
  /** e.g. "name: close variant (+6.1), father: exact (+7.0), age: within 1.5y (+1.2)" */
  explanation: string;
}

export interface LinkResult {
  rightId: string;
  candidates: MatchCandidate[];
}

export interface LinkOptions extends EngineOptions {
  topK?: number;
  /** Leave out candidates below this probability (default 0: always the best topK). */
  threshold?: number;
  /** A right record matches at most one left record (default true), so its candidates share one unit of probability. */
  oneToOne?: boolean;
}

export interface LinkSummary {
  leftRecords: number;
  rightRecords: number;
  pairUpperBound: number;
  pairsCompared: number;
  rules: RuleStats[];
  warnings: string[];
  matchRate: number;
  emIterations: number;
  /** The model as used, with parameters re-estimated on this data. */
  model: Model;
}

/** Runs blocking, comparison and training; the engine then answers top-k queries. */
export function runLinkage(left: Table, right: Table, model: Model, opts: EngineOptions = {}): LinkEngine {
  const engine = new LinkEngine(model, left, right, opts);
  engine.compare();
  train(engine);
  opts.onProgress?.({ phase: 'scoring', done: 0, total: right.ids.length });
  return engine;
}

export function summarize(e: LinkEngine): LinkSummary {
  return {
    leftRecords: e.left.ids.length,
    rightRecords: e.right.ids.length,
    pairUpperBound: e.block.pairUpperBound,
    pairsCompared: e.pairCount,
    rules: e.ruleStats,
    warnings: [...e.block.warnings(), ...e.trainingNotes],
    matchRate: e.model.matchRate,
    emIterations: e.emIterations,
    model: e.model,
  };
}

export function candidateOf(e: LinkEngine, p: number, j: number, probability: number): MatchCandidate {
  const weight = e.weight(p, j);
  const fields = e.fields(p, j);
  return { leftId: e.left.ids[e.leftOf[p]], rightId: e.right.ids[j], probability, weight, fields, explanation: explain(fields) };
}

/** Calls back with each right record's best candidates, in right-record order, without holding them all. */
export function forEachLink(e: LinkEngine, opts: LinkOptions, cb: (j: number, candidates: MatchCandidate[]) => void): void {
  const nR = e.right.ids.length;
  const step = Math.max(1, Math.floor(nR / 100));
  for (let j = 0; j < nR; j++) {
    const { pairs, probs } = e.topPairs(j, opts.topK ?? 5, opts.threshold ?? 0, opts.oneToOne !== false);
    cb(
      j,
      pairs.map((p, x) => candidateOf(e, p, j, probs[x])),
    );
    if (j % step === 0) opts.onProgress?.({ phase: 'scoring', done: j, total: nR });
  }
  opts.onProgress?.({ phase: 'scoring', done: nR, total: nR });
}

/** For each right record (e.g. found children), its best left candidates (e.g. missing children). */
export function linkRecords(
  left: readonly PersonRecord[],
  right: readonly PersonRecord[],
  model: Model = defaultModel(),
  opts: LinkOptions = {},
): LinkResult[] {
  const e = runLinkage(personTable(left), personTable(right), model, opts);
  const out: LinkResult[] = [];
  forEachLink(e, opts, (j, candidates) => out.push({ rightId: right[j].id, candidates }));
  return out;
}

/** Scores one pair directly, for a review queue. Left is the missing report, right the found one. */
export function scorePair(left: PersonRecord, right: PersonRecord, model: Model = defaultModel(), populationSize = 10_000): MatchCandidate {
  const e = new LinkEngine(model, personTable([left]), personTable([right]), { train: 'none', populationSize });
  e.setWeights();
  const { weight, fields } = e.scoreDirect(0, 0);
  return { leftId: left.id, rightId: right.id, probability: e.probability(weight), weight, fields, explanation: explain(fields) };
}

/** What a candidate provider can use to find records (e.g. overlap on a text[] GIN index of searchKeys). */
export interface CandidateQuery {
  record: PersonRecord;
  nameKeys: string[];
  fatherKeys: string[];
  motherKeys: string[];
}

export type CandidatesProvider = (q: CandidateQuery) => Promise<readonly PersonRecord[]> | readonly PersonRecord[];

export interface MatchOneOptions {
  model?: Model;
  topK?: number;
  /** 'found' (default): the new record is a found child and candidates are missing reports; 'missing': the reverse. */
  recordIs?: 'found' | 'missing';
  /** How many records the new one could match (sets the prior); default 10,000. */
  populationSize?: number;
}

/** Matches a single new report against candidates fetched by the provider; best first. */
export async function matchOne(
  record: PersonRecord,
  candidatesProvider: CandidatesProvider,
  opts: MatchOneOptions = {},
): Promise<MatchCandidate[]> {
  const model = opts.model ?? defaultModel();
  const cands = await candidatesProvider({
    record,
    nameKeys: searchKeys(record.name),
    fatherKeys: searchKeys(record.father_name),
    motherKeys: searchKeys(record.mother_name),
  });
  if (cands.length === 0) return [];
  const found = (opts.recordIs ?? 'found') === 'found';
  const others = cands.filter((c) => c.id !== record.id);
  // One engine for the whole batch: features are built once, then each pair is scored directly.
  const e = found
    ? new LinkEngine(model, personTable(others), personTable([record]), { train: 'none', populationSize: opts.populationSize ?? 10_000 })
    : new LinkEngine(model, personTable([record]), personTable(others), { train: 'none', populationSize: opts.populationSize ?? 10_000 });
  e.setWeights();
  const scored = others.map((c, k) => {
    const { weight, fields } = found ? e.scoreDirect(k, 0) : e.scoreDirect(0, k);
    const [l, r] = found ? [c, record] : [record, c];
    return { leftId: l.id, rightId: r.id, probability: e.probability(weight), weight, fields, explanation: explain(fields) };
  });
  return scored.sort((a, b) => b.weight - a.weight).slice(0, opts.topK ?? 5);
}

export type { Progress, FieldWeight };
