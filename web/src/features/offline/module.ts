import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { defineModule } from '../../app/module-api';

/**
 * The frontline worker's village on her phone (issue #17): children, families and due visits
 * kept in IndexedDB sealed with the session's key (web/src/offline/), edits, new children,
 * family assessments, village surveys and visit notes made without signal and sent when it returns, conflicts resolved side by side.
 * All screens are in one file, so opening the village once (online) brings every screen the
 * service worker needs to keep.
 */
const screens = () => import('./OfflineScreens');

export default defineModule({
  id: 'offline',
  order: 12,
  nav: [{ to: '/offline', labelKey: 'offline.nav', anyOf: ['registry.write'] }],
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: '/offline', component: lazyRouteComponent(screens, 'VillageScreen') }),
    createRoute({
      getParentRoute: () => parent,
      path: '/offline/children/$childId',
      component: lazyRouteComponent(screens, 'ChildScreen'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/offline/families/$familyId/new-child',
      component: lazyRouteComponent(screens, 'NewChildScreen'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/offline/families/$familyId/assessment',
      component: lazyRouteComponent(screens, 'AssessmentScreen'),
    }),
    createRoute({ getParentRoute: () => parent, path: '/offline/survey', component: lazyRouteComponent(screens, 'SurveyScreen') }),
  ],
});
