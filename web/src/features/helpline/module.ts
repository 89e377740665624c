import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { defineModule } from '../../app/module-api';

/**
 * Child helpline 1098 (issue #13): the operator's keyboard-first intake (drafts saved while
 * typing) and the district's queue of calls with the clock against each call's target.
 */
export default defineModule({
  id: 'helpline',
  order: 45,
  nav: [
    { to: '/helpline/new', labelKey: 'helpline.nav.intake', anyOf: ['helpline.intake'] },
    { to: '/helpline/queue', labelKey: 'helpline.nav.queue', anyOf: ['helpline.read'] },
  ],
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: '/helpline/queue', component: lazyRouteComponent(() => import('./QueuePage')) }),
    createRoute({
      getParentRoute: () => parent,
      path: '/helpline/calls/$callId',
      component: lazyRouteComponent(() => import('./CallPage')),
    }),
    createRoute({ getParentRoute: () => parent, path: '/helpline/new', component: lazyRouteComponent(() => import('./IntakePage')) }),
  ],
});
