// The seeded scheme catalogue. Data lives in the sibling files as plain
// objects; nothing reaches the engine without passing validateCatalogue, so
// a hand-edited catalogue (or one loaded from the database later) fails at
// load with every problem listed, not at evaluation time.

import { validateCatalogue, type Scheme } from '../scheme';
import { CENTRAL } from './central';
import { MAHARASHTRA } from './maharashtra';
import { MISSION_VATSALYA } from './mission-vatsalya';

/** Unvalidated seed data, in display order. */
export const CATALOGUE_DATA: readonly Scheme[] = [...MISSION_VATSALYA, ...MAHARASHTRA, ...CENTRAL];

export class CatalogueError extends Error {
  constructor(readonly errors: string[]) {
    super(`scheme catalogue is invalid:\n  ${errors.join('\n  ')}`);
    this.name = 'CatalogueError';
  }
}

/** Validates catalogue data (default: the seed) and returns it; throws CatalogueError listing every problem. */
export function loadCatalogue(data: unknown = CATALOGUE_DATA): Scheme[] {
  const r = validateCatalogue(data);
  if (!r.ok) throw new CatalogueError(r.errors);
  return r.value;
}

let seeded: Scheme[] | null = null;

/** The validated seed catalogue, loaded once. */
export function defaultCatalogue(): Scheme[] {
  seeded ??= loadCatalogue();
  return seeded;
}
