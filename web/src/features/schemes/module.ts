import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { defineModule } from '../../app/module-api';
import { parseOutcomesSearch, parseWorklistSearch } from './filters';

/**
 * Schemes and documents (issue #6): a family's Schemes page (eligible / maybe / not, with
 * reasons and the documents still to get), applications with their document checklist,
 * the district worklist, the outcome figures, the catalogue (administrators add
 * versions) and the document requests addressed to departments.
 */
export default defineModule({
  id: 'schemes',
  order: 40,
  nav: [
    { to: '/scheme-worklist', labelKey: 'schemes.nav.worklist', anyOf: ['schemes.write'] },
    { to: '/scheme-outcomes', labelKey: 'schemes.nav.outcomes', anyOf: ['schemes.read'] },
    { to: '/document-requests', labelKey: 'schemes.nav.requests', anyOf: ['schemes.read'] },
    { to: '/schemes', labelKey: 'schemes.nav.catalogue', anyOf: ['schemes.read', 'schemes.configure'] },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/families/$familyId/schemes',
      component: lazyRouteComponent(() => import('./FamilySchemesPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/scheme-applications/$applicationId',
      component: lazyRouteComponent(() => import('./ApplicationPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/scheme-worklist',
      validateSearch: (s: Record<string, unknown>) => parseWorklistSearch(s),
      component: lazyRouteComponent(() => import('./WorklistPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/scheme-outcomes',
      validateSearch: (s: Record<string, unknown>) => parseOutcomesSearch(s),
      component: lazyRouteComponent(() => import('./OutcomesPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/document-requests',
      component: lazyRouteComponent(() => import('./DocumentRequestsPage')),
    }),
    createRoute({ getParentRoute: () => parent, path: '/schemes', component: lazyRouteComponent(() => import('./CataloguePage')) }),
    createRoute({ getParentRoute: () => parent, path: '/schemes/$schemeId', component: lazyRouteComponent(() => import('./SchemePage')) }),
  ],
  recordLinks: {
    family: [{ labelKey: 'schemes.nav.familySchemes', to: (id) => `/families/${id}/schemes`, anyOf: ['schemes.read'] }],
  },
});
