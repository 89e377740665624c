import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { defineModule } from '../../app/module-api';
import { parseCaseSearch } from './search';

/**
 * Case management for children in need of care and protection (issue #4): the case list,
 * a case's page (due items, what can be done now, history, attachments), intake, the task
 * list, the referrals a department receives and the overdue alerts.
 */
export default defineModule({
  id: 'cases',
  order: 20,
  nav: [
    { to: '/cases', labelKey: 'cases.nav.cases', anyOf: ['cases.read'] },
    { to: '/tasks', labelKey: 'cases.nav.tasks', anyOf: ['cases.read', 'cases.referral'] },
    { to: '/case-referrals', labelKey: 'cases.nav.referrals', anyOf: ['cases.referral'] },
    { to: '/alerts', labelKey: 'cases.nav.alerts', anyOf: ['cases.read', 'cases.referral'] },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/cases',
      validateSearch: (s: Record<string, unknown>) => parseCaseSearch(s),
      component: lazyRouteComponent(() => import('./CasesPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/cases/new',
      validateSearch: (s: Record<string, unknown>) => (typeof s.childId === 'string' ? { childId: s.childId } : {}),
      component: lazyRouteComponent(() => import('./IntakePage')),
    }),
    createRoute({ getParentRoute: () => parent, path: '/cases/$caseId', component: lazyRouteComponent(() => import('./CasePage')) }),
    createRoute({ getParentRoute: () => parent, path: '/tasks', component: lazyRouteComponent(() => import('./TasksPage')) }),
    createRoute({ getParentRoute: () => parent, path: '/case-referrals', component: lazyRouteComponent(() => import('./ReferralsPage')) }),
    createRoute({ getParentRoute: () => parent, path: '/alerts', component: lazyRouteComponent(() => import('./AlertsPage')) }),
  ],
  recordLinks: {
    child: [
      { labelKey: 'cases.nav.cases', to: (id) => `/cases?childId=${id}`, anyOf: ['cases.read'] },
      { labelKey: 'cases.list.newCase', to: (id) => `/cases/new?childId=${id}`, anyOf: ['cases.write'] },
    ],
  },
});
