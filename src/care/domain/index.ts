export * from './vocabulary';
export * from './rules';
export * from './timelines';
export * from './targets';
export * from './grants';
export * from './due-months';
export * from './matching';
export * from './placement-end';
