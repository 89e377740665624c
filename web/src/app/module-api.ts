import type { AnyRoute } from '@tanstack/react-router';
import type { Permission } from '../../../src/access/roles';

/**
 * The frame later capabilities plug into. A feature lives in `web/src/features/<name>/` and
 * default-exports `defineModule({...})` from its `module.ts` (or `module.tsx`): it is picked
 * up from there (app/modules.ts), so adding a feature touches no shared file.
 * This file holds only the API and imports no feature, so features may import it freely.
 *
 *   import { defineModule } from '../../app/module-api';
 *   export default defineModule({
 *     id: 'cases',
 *     order: 20,
 *     nav: [{ to: '/cases', labelKey: 'nav.cases', anyOf: ['cases.read'] }],
 *     routes: (parent) => [
 *       createRoute({ getParentRoute: () => parent, path: '/cases', component: lazyRouteComponent(() => import('./CasesPage')) }),
 *     ],
 *   });
 *
 * A feature's strings go in its `i18n.ts` (`export const X_TRANSLATIONS = { en, hi, mr }`): they are
 * found there and come with the signed-in shell (i18n/features.ts), not with the sign-in page.
 *
 * Routes sit under the signed-in layout (the session gate and the app shell). What a role
 * may not do is not offered: nav entries carry the permissions that show them, screens
 * use `useCan()` for buttons, and the server refuses regardless.
 */
export interface NavEntry {
  /** Path of the screen, e.g. '/cases'. */
  to: string;
  /** i18n key of the label, e.g. 'nav.cases'. */
  labelKey: string;
  /** Shown when the user holds any of these (omitted: everyone signed in). */
  anyOf?: Permission[];
  /** Position in the menu, smaller first; defaults to the module's order. */
  order?: number;
}

/**
 * A link a feature puts on another feature's record page, e.g. schemes adds "Schemes" to
 * every family page: { labelKey: 'schemes.nav.family', to: (id) => `/families/${id}/schemes`, anyOf: ['schemes.read'] }.
 */
export interface RecordLink {
  labelKey: string;
  to: (recordId: string) => string;
  anyOf?: Permission[];
}

export interface AppModule {
  id: string;
  order?: number;
  nav?: NavEntry[];
  /** The module's routes; build each with createRoute({ getParentRoute: () => parent, ... }). */
  routes?: (parent: AnyRoute) => AnyRoute[];
  /** Links on the registry's family and child pages (the record's id goes in). */
  recordLinks?: { family?: RecordLink[]; child?: RecordLink[] };
  /** Paths of this module's routes that work without signing in (shown without the shell), with their link label. */
  publicPages?: { path: string; labelKey: string }[];
}

export const defineModule = (m: AppModule): AppModule => m;

export function holdsAny(permissions: readonly string[], anyOf?: readonly string[]): boolean {
  return !anyOf || anyOf.length === 0 || anyOf.some((p) => permissions.includes(p));
}

/** Sorted by order then id, so the menu is stable whatever the file system returns. */
export function sortModules(list: AppModule[]): AppModule[] {
  return [...list].sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.id.localeCompare(b.id));
}

/** The menu a user sees: only entries their permissions allow. */
export function navFor(modules: AppModule[], permissions: readonly string[]): NavEntry[] {
  return modules
    .flatMap((m) => (m.nav ?? []).map((n, i) => ({ ...n, order: n.order ?? (m.order ?? 100) + i / 100 })))
    .filter((n) => holdsAny(permissions, n.anyOf))
    .sort((a, b) => a.order! - b.order!);
}

/** The links the user may follow on a family's or child's page, from every module. */
export function recordLinksFor(modules: AppModule[], kind: 'family' | 'child', permissions: readonly string[]): RecordLink[] {
  return modules.flatMap((m) => m.recordLinks?.[kind] ?? []).filter((l) => holdsAny(permissions, l.anyOf));
}
