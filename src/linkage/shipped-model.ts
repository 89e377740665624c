import { defaultModel, type Model } from './model';

/**
 * The shipped match model (models/, versioned) and the limits every use of it in the
 * application shares: missing-children matching (src/missing/matching.service.ts) and the
 * registry's duplicate finder (src/registry/duplicates.finder.ts).
 */
let model: Model | null = null;
export function shippedModel(): Model {
  model ??= defaultModel();
  return model;
}

export const LINKAGE_LIMITS = {
  /** A blocking key shared by more records than this is too common to block on. */
  maxRecordsPerKey: 2000,
  /**
   * The population the match probabilities are computed for is never taken below this: a
   * nearly empty database would make every weak candidate look likely.
   */
  minPopulation: 1000,
};
