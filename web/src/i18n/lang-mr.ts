import base from './mr.json';

/**
 * Every string of the app in this language, as one chunk fetched only when it is chosen
 * (web/build/lang-split.ts): the shared strings, the server's catalogue and each feature's.
 */
const parts = import.meta.glob<Record<string, unknown>>(
  ['../features/*/i18n.ts', '../features/*/*/i18n.ts', '../../../src/i18n/catalogue.ts'],
  { query: '?lang=mr', import: 'default', eager: true },
);

export default [base as Record<string, unknown>, ...Object.values(parts)];
