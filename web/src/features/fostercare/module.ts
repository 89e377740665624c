import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { defineModule } from '../../app/module-api';

/**
 * The foster care lifecycle (issue #14; src/care/foster-life.* on the server): matching a child to
 * the district's approved foster families and placing on a Form 32 order; the placements with
 * their monthly Form 35 visits (overdue first), ending a placement on the CWC's order, and the
 * aftercare proposed for foster children at 18. The district's screens (not an institution's staff).
 */
export default defineModule({
  id: 'fostercare',
  order: 46,
  nav: [
    { to: '/care/foster/match', labelKey: 'fostering.nav.match', anyOf: ['care.write', 'care.manage'] },
    { to: '/care/foster/placements', labelKey: 'fostering.nav.placements', anyOf: ['care.write', 'care.manage'] },
    { to: '/care/foster/renewals', labelKey: 'fostering.nav.renewals', anyOf: ['care.write', 'care.manage'] },
  ],
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: '/care/foster/match', component: lazyRouteComponent(() => import('./MatchPage')) }),
    createRoute({
      getParentRoute: () => parent,
      path: '/care/foster/placements',
      component: lazyRouteComponent(() => import('./PlacementsPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/care/foster/renewals',
      component: lazyRouteComponent(() => import('./RenewalsPage')),
    }),
  ],
});
