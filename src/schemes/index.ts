// Public surface of the schemes module: facts, rule language, eligibility,
// catalogue, suggestions, application workflow.

export * from './facts';
export {
  blankFacts,
  cleanFacts,
  cleanInto,
  deriveFacts,
  deriveInPlace,
  prepareFacts,
  type CleanFacts,
  type IgnoredFact,
} from './derive-facts';
export { formatInr, formatIndianNumber, formatDate, formatYears, isIsoDate } from './format';
export * from './rules';
export { compileRule, F, T, U, type CompiledRule, type Explanation, type Tri } from './rule-engine';
export * from './scheme';
export * from './eligibility';
export * from './documents';
export * from './suggest';
export * from './application-workflow';
export { CATALOGUE_DATA, CatalogueError, defaultCatalogue, loadCatalogue } from './catalogue/index';
// Pure helpers of the I/O layer (issue #6), importable by the web app.
export * from './registry-facts';
export * from './checklist';
export * from './outcomes';
export * from './document-offices';
export * from './reasons';
export * from './render';
