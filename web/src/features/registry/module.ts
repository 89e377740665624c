import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { defineModule } from '../../app/module-api';
import { parseChildSearch, parseFamilySearch } from './search';

/**
 * The shared registry of children and families: lists, records, forms and the village
 * vulnerability map. Screens load on demand, so the first screen stays small on a phone.
 */
const READ = ['registry.read', 'registry.read.minimal'] as const;

export default defineModule({
  id: 'registry',
  order: 10,
  nav: [
    { to: '/children', labelKey: 'nav.children', anyOf: [...READ] },
    { to: '/families', labelKey: 'nav.families', anyOf: [...READ] },
    { to: '/map', labelKey: 'nav.map', anyOf: ['registry.read'] },
    { to: '/duplicates', labelKey: 'duplicates.nav', anyOf: ['registry.write'] },
    // Issue #17: the CSV import (the same as `samanvay import`) for the roles that may import.
    { to: '/import', labelKey: 'import.nav', anyOf: ['registry.import'] },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/children',
      validateSearch: (s: Record<string, unknown>) => parseChildSearch(s),
      component: lazyRouteComponent(() => import('./children/ChildrenListPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/children/new',
      validateSearch: (s: Record<string, unknown>) => (typeof s.familyId === 'string' ? { familyId: s.familyId } : {}),
      component: lazyRouteComponent(() => import('./children/ChildNewPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/children/$childId',
      component: lazyRouteComponent(() => import('./children/ChildPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/children/$childId/edit',
      component: lazyRouteComponent(() => import('./children/ChildEditPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/families',
      validateSearch: (s: Record<string, unknown>) => parseFamilySearch(s),
      component: lazyRouteComponent(() => import('./families/FamiliesListPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/families/new',
      component: lazyRouteComponent(() => import('./families/FamilyNewPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/families/$familyId',
      component: lazyRouteComponent(() => import('./families/FamilyPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/families/$familyId/edit',
      component: lazyRouteComponent(() => import('./families/FamilyEditPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/families/$familyId/assessments/new',
      component: lazyRouteComponent(() => import('./assessments/AssessmentNewPage')),
    }),
    createRoute({ getParentRoute: () => parent, path: '/map', component: lazyRouteComponent(() => import('./map/VulnerabilityMapPage')) }),
    createRoute({
      getParentRoute: () => parent,
      path: '/duplicates',
      component: lazyRouteComponent(() => import('./duplicates/DuplicatesPage')),
    }),
    createRoute({ getParentRoute: () => parent, path: '/import', component: lazyRouteComponent(() => import('./import/ImportPage')) }),
  ],
});
