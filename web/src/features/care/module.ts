import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { defineModule } from '../../app/module-api';

/**
 * Children in institutions (issue #14): child care institutions with live occupancy against
 * sanctioned capacity, an institution's children with their care plan due, and admission on a
 * CWC order after gatekeeping (src/care on the server).
 */
export default defineModule({
  id: 'care',
  order: 45,
  nav: [
    { to: '/care', labelKey: 'care.nav', anyOf: ['care.read'] },
    { to: '/care/targets', labelKey: 'care.targets.nav', anyOf: ['care.read'] },
    // Not for an institution's own staff (care.record only): these are the district's.
    { to: '/care/foster', labelKey: 'care.foster.nav', anyOf: ['care.write', 'care.manage'] },
    { to: '/care/ledger', labelKey: 'care.ledger.nav', anyOf: ['care.write', 'care.manage', 'audit.read'] },
    { to: '/care/gatekeeping', labelKey: 'care.gatekeeping.nav', anyOf: ['care.write', 'care.manage'] },
    // A Center for Excellence's caseworkers (care.reintegrate) work the pathways assigned to their NGO.
    { to: '/care/reintegration', labelKey: 'care.reintegration.nav', anyOf: ['care.write', 'care.manage', 'care.reintegrate'] },
    // The file for CARINGS names the child: the links show only for roles reading the full record.
    { to: '/care/adoption', labelKey: 'care.adoption.nav', anyOf: ['care.write', 'care.manage'] },
    { to: '/care/aftercare', labelKey: 'care.aftercare.nav', anyOf: ['care.write', 'care.manage'] },
    // The institution's staff raise requests; the CWC or the DCPU decides them.
    { to: '/care/movements', labelKey: 'care.movements.nav', anyOf: ['care.record', 'care.write'] },
  ],
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: '/care', component: lazyRouteComponent(() => import('./InstitutionsPage')) }),
    createRoute({
      getParentRoute: () => parent,
      path: '/care/institutions/$institutionId',
      component: lazyRouteComponent(() => import('./InstitutionPage')),
    }),
    createRoute({ getParentRoute: () => parent, path: '/care/targets', component: lazyRouteComponent(() => import('./TargetsPage')) }),
    createRoute({ getParentRoute: () => parent, path: '/care/admit', component: lazyRouteComponent(() => import('./AdmitPage')) }),
    createRoute({ getParentRoute: () => parent, path: '/care/foster', component: lazyRouteComponent(() => import('./FosterPage')) }),
    createRoute({ getParentRoute: () => parent, path: '/care/ledger', component: lazyRouteComponent(() => import('./LedgerPage')) }),
    createRoute({
      getParentRoute: () => parent,
      path: '/care/gatekeeping',
      component: lazyRouteComponent(() => import('./GatekeepingPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/care/reintegration',
      component: lazyRouteComponent(() => import('./ReintegrationPage')),
    }),
    createRoute({ getParentRoute: () => parent, path: '/care/adoption', component: lazyRouteComponent(() => import('./AdoptionPage')) }),
    createRoute({ getParentRoute: () => parent, path: '/care/aftercare', component: lazyRouteComponent(() => import('./AftercarePage')) }),
    createRoute({ getParentRoute: () => parent, path: '/care/movements', component: lazyRouteComponent(() => import('./MovementsPage')) }),
  ],
});
