import { sortModules, type AppModule } from './module-api';

export { defineModule, holdsAny, navFor, recordLinksFor, type AppModule, type NavEntry, type RecordLink } from './module-api';

/**
 * The module registry: every `web/src/features/<name>/module.ts(x)`, found at build time.
 * A feature adds its folder; nothing here changes. (The API is in module-api.ts, which
 * features import; importing this file from a feature would be a cycle.)
 */
const found = import.meta.glob<AppModule>('../features/*/module.{ts,tsx}', { eager: true, import: 'default' });

export const MODULES: AppModule[] = sortModules(Object.values(found));
