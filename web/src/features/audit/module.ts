import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { defineModule } from '../../app/module-api';

/**
 * The audit log of one's jurisdiction and each child's or family's access log ("who looked at
 * this record"), for roles with audit.read (issue #17: /audit answered "This page does not exist").
 */
export default defineModule({
  id: 'audit',
  order: 85,
  nav: [{ to: '/audit', labelKey: 'audit.nav', anyOf: ['audit.read'] }],
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: '/audit', component: lazyRouteComponent(() => import('./AuditLogPage')) }),
    createRoute({
      getParentRoute: () => parent,
      path: '/children/$recordId/access-log',
      component: lazyRouteComponent(() => import('./AccessLogPage'), 'ChildAccessLogPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/families/$recordId/access-log',
      component: lazyRouteComponent(() => import('./AccessLogPage'), 'FamilyAccessLogPage'),
    }),
  ],
  recordLinks: {
    child: [{ labelKey: 'audit.whoLooked', to: (id) => `/children/${id}/access-log`, anyOf: ['audit.read'] }],
    family: [{ labelKey: 'audit.whoLooked', to: (id) => `/families/${id}/access-log`, anyOf: ['audit.read'] }],
  },
});
