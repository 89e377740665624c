import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { defineModule } from '../../app/module-api';

/**
 * Convergence (issue #5): the groups and their monthly meetings (agenda, attendance by
 * department, decisions and actions, minutes, the division-of-labour note in PDF), each
 * department's actions to update, the accountability dashboard with its exports, service
 * coverage, the Convergence Matrix, and the Bal Panchayat issues.
 */
export default defineModule({
  id: 'convergence',
  order: 30,
  nav: [
    { to: '/convergence', labelKey: 'convergence.nav.groups', anyOf: ['convergence.read'] },
    { to: '/convergence/actions', labelKey: 'convergence.nav.actions', anyOf: ['convergence.act', 'convergence.manage'] },
    { to: '/convergence/accountability', labelKey: 'convergence.nav.accountability', anyOf: ['convergence.read'] },
    { to: '/convergence/coverage', labelKey: 'convergence.nav.coverage', anyOf: ['registry.read'] },
    { to: '/convergence/matrix', labelKey: 'convergence.nav.matrix', anyOf: ['convergence.read'] },
    { to: '/convergence/bal-panchayat', labelKey: 'convergence.nav.balPanchayat', anyOf: ['convergence.read', 'balpanchayat.write'] },
  ],
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: '/convergence', component: lazyRouteComponent(() => import('./GroupsPage')) }),
    createRoute({
      getParentRoute: () => parent,
      path: '/convergence/groups/$groupId',
      component: lazyRouteComponent(() => import('./GroupPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/convergence/meetings/$meetingId',
      component: lazyRouteComponent(() => import('./MeetingPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/convergence/actions',
      component: lazyRouteComponent(() => import('./ActionsPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/convergence/actions/$actionId',
      component: lazyRouteComponent(() => import('./ActionPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/convergence/accountability',
      component: lazyRouteComponent(() => import('./AccountabilityPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/convergence/coverage',
      component: lazyRouteComponent(() => import('./CoveragePage')),
    }),
    createRoute({ getParentRoute: () => parent, path: '/convergence/matrix', component: lazyRouteComponent(() => import('./MatrixPage')) }),
    createRoute({
      getParentRoute: () => parent,
      path: '/convergence/bal-panchayat',
      component: lazyRouteComponent(() => import('./BalPanchayatPage')),
    }),
  ],
});
