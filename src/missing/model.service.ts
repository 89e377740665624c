// The deployment's match model (issue #15): which model matching uses, what it was fitted on, and a
// refit from the reviewers' decisions over the `link-refit` service (src/linkage/refit.ts). A refit
// is a new versioned row (migrations/0770); the shipped JSON is never changed, older rows stay, and
// the active row is what matching reads (matchingModel(), matching.service.ts).
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { AppContext } from '../http/context';
import { mayAct, requirePermission, requireScope, type Actor } from '../access/policy';
import { HttpError } from '../http/errors';
import { audit } from '../audit/audit.service';
import { istToday } from '../kernel/clock';
import { BANDS } from '../linkage/calibration';
import { parseModel, type Model } from '../linkage/model';
import { refitFromReviews, type LabelledPair, type RefitSummary } from '../linkage/refit';
import { shippedModel } from '../linkage/shipped-model';
import { decidedMatches } from './matches.repository';
import { linkageModel } from './missing.schema';

/** Fewer decisions of either kind than this and the refit refuses (the same floor as `samanvay link-refit`). */
export const MIN_DECISIONS_EACH = 20;

let active: { model: Model; fittedAt: Date } | null = null;

/** The model matching uses: the active refit once loaded, else the shipped one. */
export function activeMatchModel(): Model {
  return active?.model ?? shippedModel();
}

/** Reads the active refit (if any) into memory: at start-up, before each matching sweep, and on this screen. */
export async function loadActiveModel(db: Db): Promise<void> {
  const [row] = await db.select().from(linkageModel).where(eq(linkageModel.active, true)).limit(1);
  active = row ? { model: parseModel(row.model), fittedAt: row.createdAt } : null;
}

/** Tests: forget the loaded refit. */
export function resetActiveModel(): void {
  active = null;
}

async function decisionsOf(db: Db, actor: Actor): Promise<{ pairs: LabelledPair[]; ids: string[] }> {
  const rows = await decidedMatches(db, actor, 1_000_000);
  const pairs: LabelledPair[] = [];
  const ids: string[] = [];
  for (const m of rows) {
    // A rejected pair's other-district side is blank for this reader: nothing to learn from it.
    if (!m.decidedLeft || !m.decidedRight) continue;
    pairs.push({ left: m.decidedLeft, right: m.decidedRight, label: m.status === 'confirmed' });
    ids.push(m.id);
  }
  return { pairs, ids };
}

export async function modelStatus(ctx: AppContext, actor: Actor) {
  requirePermission(actor, 'missing.model');
  await loadActiveModel(ctx.db);
  const model = activeMatchModel();
  const { pairs } = await decisionsOf(ctx.db, actor);
  const rows = await ctx.db.select().from(linkageModel).orderBy(desc(linkageModel.createdAt)).limit(20);
  return {
    version: model.version,
    source: active ? ('refit' as const) : ('shipped' as const),
    shippedVersion: shippedModel().version,
    mayRefit: mayAct(actor, 'missing.model.replace'),
    trainedOn: model.trainedOn ?? model.version,
    fittedAt: active ? active.fittedAt.toISOString() : null,
    calibration: model.calibration,
    bands: [...BANDS],
    decisions: {
      confirmed: pairs.filter((p) => p.label).length,
      rejected: pairs.filter((p) => !p.label).length,
      minEach: MIN_DECISIONS_EACH,
    },
    history: rows.map((r) => {
      const s = r.summary as RefitSummary;
      return {
        version: r.version,
        baseVersion: r.baseVersion,
        fittedAt: r.createdAt.toISOString(),
        active: r.active,
        confirmed: s.confirmed,
        rejected: s.rejected,
        eceBefore: s.eceBefore,
        eceAfter: s.eceAfter,
        changed: s.changed,
      };
    }),
  };
}

/**
 * Refits m and calibration of the shipped model from the decisions this officer's districts took part in
 * (the labelled-pairs export, read in SQL through the same policy), stores it as a new version and makes
 * it the one matching uses. 422 naming `decisions` when there are too few of either kind.
 */
export async function refitModel(ctx: AppContext, actor: Actor, input: { state?: string }) {
  // The active model is the deployment's: the access policy lets a state or national officer
  // replace it; a district officer sees the model and the decisions that would go into it.
  requireScope(actor, 'missing.model.replace');
  // Always from the shipped model: every refit uses all the decisions so far, and starting from an
  // earlier refit would count them twice (its m already leans on them).
  const base = structuredClone(shippedModel());
  const { pairs, ids } = await decisionsOf(ctx.db, actor);
  const today = istToday(ctx.now());
  let fit: ReturnType<typeof refitFromReviews>;
  try {
    fit = refitFromReviews(base, pairs, { state: input.state, today, minEach: MIN_DECISIONS_EACH });
  } catch (e) {
    const message = (e as Error).message;
    throw new HttpError(422, 'too_few_decisions', message, [{ field: 'decisions', message }]);
  }
  // Two refits on one IST day from the same base would share a version: number the later ones.
  const taken = new Set((await ctx.db.select({ v: linkageModel.version }).from(linkageModel)).map((r) => r.v));
  let version = fit.model.version;
  for (let k = 2; taken.has(version); k++) version = `${fit.model.version}.${k}`;
  fit.model.version = fit.summary.version = version;
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx.update(linkageModel).set({ active: false }).where(eq(linkageModel.active, true));
    await tx.insert(linkageModel).values({
      version,
      baseVersion: base.version,
      model: fit.model,
      summary: fit.summary,
      active: true,
      createdAt: now,
      createdBy: actor.userId,
    });
    await audit(tx, actor, 'refit', 'missing_match', null, null, { ids, total: ids.length, version });
  });
  active = { model: fit.model, fittedAt: now };
  return modelStatus(ctx, actor);
}

/**
 * Rolls the deployment back to an earlier model version: a refit kept in `linkage_model`, or the
 * shipped model (no row active). `expected` is the version the officer saw in use; if another
 * refit or rollback came first the answer is 409 and nothing changes. Stored records keyed under
 * another version are re-keyed and matched again by the sweep, as after a refit (rekeyStaleRecords).
 */
export async function rollbackModel(ctx: AppContext, actor: Actor, input: { version: string; expected: string }) {
  requireScope(actor, 'missing.model.replace');
  const shipped = shippedModel().version;
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: linkageModel.id, version: linkageModel.version, active: linkageModel.active })
      .from(linkageModel)
      .for('update');
    const current = rows.find((r) => r.active)?.version ?? shipped;
    if (current !== input.expected)
      throw new HttpError(409, 'model_changed', 'The model in use changed since you looked: reload and choose again', [
        { field: 'expected', message: `the model in use is now ${current}` },
      ]);
    const to = input.version === shipped ? null : rows.find((r) => r.version === input.version);
    if (to === undefined)
      throw new HttpError(422, 'unknown_model_version', 'No such model version', [
        { field: 'version', message: 'not a version of this deployment' },
      ]);
    if (input.version === current)
      throw new HttpError(422, 'model_in_use', 'That version is already in use', [{ field: 'version', message: 'already in use' }]);
    await tx.update(linkageModel).set({ active: false }).where(eq(linkageModel.active, true));
    if (to) await tx.update(linkageModel).set({ active: true }).where(eq(linkageModel.id, to.id));
    await audit(tx, actor, 'rollback', 'missing_match', null, null, { from: current, to: input.version, at: now.toISOString() });
  });
  await loadActiveModel(ctx.db);
  return modelStatus(ctx, actor);
}
