import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { defineModule } from '../../app/module-api';
import { CARE_TRANSLATIONS } from './i18n';

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
  ],
  translations: CARE_TRANSLATIONS,
});
