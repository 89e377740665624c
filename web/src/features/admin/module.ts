import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { defineModule } from '../../app/module-api';

/**
 * Administration (issue #12): the organisations of the child protection hierarchy in the
 * administrator's jurisdiction, by level, with their users; create and edit them there.
 */
export default defineModule({
  id: 'admin',
  order: 90,
  nav: [{ to: '/admin', labelKey: 'admin.nav', anyOf: ['users.manage'] }],
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: '/admin', component: lazyRouteComponent(() => import('./OrganisationsPage')) }),
    createRoute({
      getParentRoute: () => parent,
      path: '/admin/organisations/$orgId',
      component: lazyRouteComponent(() => import('./OrganisationPage')),
    }),
  ],
});
