/**
 * The CNCP case domain: actions, the pure derivation of a case's state,
 * validation of the next action, and statutory timelines. Pure code, shared by
 * the API and the web app.
 */
export * from './vocabulary';
export * from './actions';
export * from './state';
export * from './time';
export * from './timelines';
export * from './derive';
export * from './due';
export * from './refusals';
export * from './validate';
