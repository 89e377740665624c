import type { Db } from '../db/client';
import type { AppContext } from '../http/context';
import { requirePermission, type Actor } from '../access/policy';
import { HttpError, conflict, notFound, type FieldIssue } from '../http/errors';
import { audit } from '../audit/audit.service';
import { CATALOGUE_DATA, CatalogueError } from './catalogue/index';
import { DOCUMENT_LABELS, DOCUMENT_TYPES } from './documents';
import { DOCUMENT_OFFICES } from './document-offices';
import { DEPARTMENT_KINDS } from '../convergence/domain/types';
import { FACTS, FACT_NAMES } from './facts';
import { isIsoDate } from './format';
import { factsUsed } from './rules';
import { validateCatalogue, validateScheme, versionInForce, type Scheme, type SchemeVersion } from './scheme';
import { compileCatalogue, type CompiledCatalogue } from './suggest';
import { allRevisions, insertRevision, latestSeq, lockCatalogue, revisionsOf, type SchemeRevisionRow } from './catalogue.repository';
import { istToday } from '../kernel/clock';

/** The catalogue in force: each scheme's latest revision, validated and compiled once. */
export interface CatalogueState {
  seq: number;
  schemes: Scheme[];
  byId: Map<string, Scheme>;
  revisions: Map<string, { revision: number; change: SchemeRevisionRow['change']; createdAt: Date }>;
  compiled: CompiledCatalogue;
}

const cache = new WeakMap<Db, CatalogueState>();

/** Builds the state from stored revisions; throws CatalogueError listing every problem. */
function build(rows: SchemeRevisionRow[]): CatalogueState {
  const latest = new Map<string, SchemeRevisionRow>();
  for (const r of rows) {
    const cur = latest.get(r.schemeId);
    if (!cur || r.revision > cur.revision) latest.set(r.schemeId, r);
  }
  // Display order: the order schemes first entered the catalogue (rows come oldest first).
  const order = [...new Set(rows.map((r) => r.schemeId))];
  const data = order.map((id) => latest.get(id)!.definition);
  const checked = validateCatalogue(data);
  if (!checked.ok) throw new CatalogueError(checked.errors);
  const schemes = checked.value;
  return {
    seq: rows.reduce((m, r) => Math.max(m, Number(r.seq)), 0),
    schemes,
    byId: new Map(schemes.map((s) => [s.id, s])),
    revisions: new Map(
      order.map((id) => {
        const r = latest.get(id)!;
        return [id, { revision: r.revision, change: r.change, createdAt: r.createdAt }];
      }),
    ),
    compiled: compileCatalogue(schemes),
  };
}

/**
 * Seeds the database with any scheme of the built-in catalogue it does not hold yet,
 * then loads and validates the whole catalogue. Run at start-up: a catalogue that does
 * not validate stops the server with the rule path and the reason.
 */
export async function ensureCatalogue(db: Db): Promise<CatalogueState> {
  const seed = validateCatalogue(CATALOGUE_DATA);
  if (!seed.ok) throw new CatalogueError(seed.errors);
  await db.transaction(async (tx) => {
    await lockCatalogue(tx);
    const latest = new Map<string, SchemeRevisionRow>();
    for (const r of await allRevisions(tx)) {
      const cur = latest.get(r.schemeId);
      if (!cur || r.revision > cur.revision) latest.set(r.schemeId, r);
    }
    for (const s of seed.value) {
      const held = latest.get(s.id);
      if (!held) {
        await insertRevision(tx, {
          schemeId: s.id,
          revision: 1,
          definition: s,
          change: 'seeded',
          note: 'Built-in catalogue (src/schemes/catalogue)',
        });
        continue;
      }
      // A built-in rule corrected in the code (issue #18: rules checked against the law) reaches a
      // database that holds the older built-in as a new revision, never by editing the old one.
      // A scheme an administrator has changed since is theirs: it is left as they made it.
      const builtIn = held.change === 'seeded' || held.change === 'rules_corrected';
      if (builtIn && canonical(held.definition) !== canonical(s)) {
        await insertRevision(tx, {
          schemeId: s.id,
          revision: held.revision + 1,
          definition: s,
          change: 'rules_corrected',
          note: 'Built-in rules corrected against the Act, rules or scheme orders (src/schemes/catalogue; issue #18)',
        });
      }
    }
  });
  cache.delete(db);
  return catalogueOf(db);
}

/** JSON with object keys sorted, so a definition read back from jsonb compares equal to the code's. */
function canonical(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The catalogue, reloaded only when a revision was added since it was last read. */
export async function catalogueOf(db: Db): Promise<CatalogueState> {
  const seq = await latestSeq(db);
  const hit = cache.get(db);
  if (hit && hit.seq === seq) return hit;
  const state = build(await allRevisions(db));
  if (!state.schemes.length) throw new CatalogueError(['the scheme catalogue is empty: run ensureCatalogue at start-up']);
  cache.set(db, state);
  return state;
}

export function schemeOr404(state: CatalogueState, id: string): Scheme {
  const s = state.byId.get(id);
  if (!s) throw notFound('Scheme');
  return s;
}

const today = (ctx: AppContext) => istToday(ctx.now());

function summary(state: CatalogueState, s: Scheme, asOf: string) {
  const v = versionInForce(s, asOf);
  return {
    id: s.id,
    name: s.name,
    department: s.department,
    level: s.level,
    state: s.state,
    stateName: s.stateName ?? null,
    subject: s.subject,
    channel: s.channel,
    revision: state.revisions.get(s.id)?.revision ?? 1,
    inForce: v ? { validFrom: v.validFrom, validTo: v.validTo, benefit: v.benefit } : null,
    versions: s.versions.map((x) => ({ validFrom: x.validFrom, validTo: x.validTo, benefit: x.benefit })),
  };
}

export async function listSchemes(ctx: AppContext, actor: Actor) {
  requirePermission(actor, 'schemes.read', 'schemes.configure');
  const state = await catalogueOf(ctx.db);
  const asOf = today(ctx);
  return { asOf, items: state.schemes.map((s) => summary(state, s, asOf)) };
}

export async function readScheme(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'schemes.read', 'schemes.configure');
  const state = await catalogueOf(ctx.db);
  const s = schemeOr404(state, id);
  return {
    ...summary(state, s, today(ctx)),
    definition: s,
    factsUsed: [...new Set(s.versions.flatMap((v) => [...factsUsed(v.rules)]))],
    revisions: await revisionsOf(ctx.db, id),
  };
}

/** What the rule editor offers: the facts a rule may read and the documents a scheme may ask for. */
export function ruleVocabulary() {
  return {
    facts: FACT_NAMES.map((name) => {
      const d = FACTS[name];
      return {
        name,
        kind: d.kind,
        label: d.label,
        unit: d.unit ?? null,
        min: d.min ?? null,
        max: d.max ?? null,
        values: d.values ?? null,
        derived: !!d.derived,
      };
    }),
    documents: DOCUMENT_TYPES.map((doc) => ({
      doc,
      label: DOCUMENT_LABELS[doc],
      department: DOCUMENT_OFFICES[doc].department,
      office: DOCUMENT_OFFICES[doc].office,
    })),
    departments: DEPARTMENT_KINDS,
  };
}

/** A state administrator changes that state's schemes; all-India schemes need national scope. */
function requireSchemeAuthority(actor: Actor, scheme: { state: number | null }) {
  const s = actor.scope;
  if (s.level === 'national') return;
  if (scheme.state !== null && s.level === 'state' && s.stateCode === scheme.state) return;
  throw new HttpError(
    403,
    'outside_jurisdiction',
    scheme.state === null
      ? 'An all-India scheme is changed by a national administrator'
      : `Only an administrator of state LGD ${scheme.state} changes this scheme`,
  );
}

/** "scheme.versions[2].rules.all[0]: reason" → { field, message }, the new version's path named from the body. */
export function issuesFrom(errors: string[], rename?: { from: string; to: string }): FieldIssue[] {
  return errors.map((e) => {
    const i = e.indexOf(': ');
    let field = i < 0 ? 'scheme' : e.slice(0, i);
    const message = i < 0 ? e : e.slice(i + 2);
    if (rename && (field === rename.from || field.startsWith(rename.from + '.') || field.startsWith(rename.from + '['))) {
      field = rename.to + field.slice(rename.from.length);
    }
    return { field, message };
  });
}

function refuse(errors: string[], rename?: { from: string; to: string }): HttpError {
  const issues = issuesFrom(errors, rename);
  return new HttpError(400, 'validation_failed', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
}

const dayBefore = (iso: string) => new Date(Date.parse(iso + 'T00:00:00Z') - 86_400_000).toISOString().slice(0, 10);

const isUniqueViolation = (e: unknown) => {
  const x = e as { code?: string; cause?: { code?: string } };
  return x?.code === '23505' || x?.cause?.code === '23505';
};

/**
 * Adds a version to a scheme (a new GR): the open-ended version before it is closed the
 * day before, and the whole scheme is validated by the engine; refused with the rule's
 * path and the reason. `revision` is the revision the editor saw (409 when stale).
 */
export async function addSchemeVersion(
  ctx: AppContext,
  actor: Actor,
  schemeId: string,
  body: { revision: number; version: unknown; note?: string },
) {
  requirePermission(actor, 'schemes.configure');
  const state = await catalogueOf(ctx.db);
  const current = schemeOr404(state, schemeId);
  requireSchemeAuthority(actor, current);
  const rev = state.revisions.get(schemeId)!.revision;
  if (body.revision !== rev) {
    throw conflict(`Someone else changed this scheme (now revision ${rev}, you edited revision ${body.revision})`, {
      revision: rev,
      definition: current,
    });
  }
  const v = body.version as Partial<SchemeVersion> | null;
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    throw refuse(['version: must be an object (validFrom, validTo, benefit, rules, documents)']);
  const versions = current.versions.map((x) => ({ ...x }));
  const last = versions[versions.length - 1];
  if (last.validTo === null && typeof v.validFrom === 'string' && isIsoDate(v.validFrom) && v.validFrom > last.validFrom) {
    last.validTo = dayBefore(v.validFrom);
  }
  versions.push(v as SchemeVersion);
  const at = versions.length - 1;
  const checked = validateScheme({ ...current, versions }, 'scheme');
  if (!checked.ok) throw refuse(checked.errors, { from: `scheme.versions[${at}]`, to: 'version' });
  return saveRevision(ctx, actor, checked.value, rev + 1, 'version_added', body.note);
}

/** Adds a scheme to the catalogue (validated the same way). */
export async function createScheme(ctx: AppContext, actor: Actor, body: { scheme: unknown; note?: string }) {
  requirePermission(actor, 'schemes.configure');
  const checked = validateScheme(body.scheme, 'scheme');
  if (!checked.ok) throw refuse(checked.errors);
  requireSchemeAuthority(actor, checked.value);
  const state = await catalogueOf(ctx.db);
  if (state.byId.has(checked.value.id))
    throw new HttpError(409, 'already_exists', `A scheme with id "${checked.value.id}" exists: add a version to it instead`);
  return saveRevision(ctx, actor, checked.value, 1, 'created', body.note);
}

async function saveRevision(
  ctx: AppContext,
  actor: Actor,
  scheme: Scheme,
  revision: number,
  change: SchemeRevisionRow['change'],
  note?: string,
) {
  try {
    await ctx.db.transaction(async (tx) => {
      await insertRevision(tx, { schemeId: scheme.id, revision, definition: scheme, change, note: note ?? null, createdBy: actor.userId });
      await audit(tx, actor, change === 'created' ? 'create' : 'update', 'scheme', scheme.id, null, {
        revision,
        versions: scheme.versions.length,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('Someone else changed this scheme at the same time; reload and try again');
    throw e;
  }
  return readScheme(ctx, actor, scheme.id);
}
