import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { defineModule } from '../../app/module-api';

/**
 * Missing and found children (issue #7): the match review queue (side by side, with the
 * engine's per-field reasons; confirm or reject with a note), reports and found children in
 * the jurisdiction, the moderation of public submissions, the official report form, the
 * restorations after confirmed matches, and the public page with the two public forms.
 */
export const PUBLIC_REPORT_PATH = '/report-a-child';

/**
 * Pages for people who are not signed in. The frame's session gate (app/router.tsx) shows
 * sign-in for every path today; it should render these paths without a session, and the
 * sign-in screen should link to them (labelKey). Until then the page works for signed-in users.
 */
export const publicPages = [
  { path: PUBLIC_REPORT_PATH, labelKey: 'signIn.reportChild', component: lazyRouteComponent(() => import('./PublicReportPage')) },
];

export default defineModule({
  id: 'missing',
  order: 50,
  publicPages: publicPages.map(({ path, labelKey }) => ({ path, labelKey })),
  nav: [
    { to: '/missing/review', labelKey: 'missing.nav.review', anyOf: ['missing.read'] },
    { to: '/missing/records', labelKey: 'missing.nav.records', anyOf: ['missing.read'] },
    { to: '/missing/moderation', labelKey: 'missing.nav.moderation', anyOf: ['missing.review'] },
    { to: '/missing/new', labelKey: 'missing.nav.newRecord', anyOf: ['missing.write'] },
    { to: '/missing/restorations', labelKey: 'missing.nav.restorations', anyOf: ['missing.read'] },
    { to: '/missing/national', labelKey: 'missing.nav.national', anyOf: ['missing.national'] },
    { to: '/missing/model', labelKey: 'missing.nav.model', anyOf: ['missing.model'] },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/missing/review',
      component: lazyRouteComponent(() => import('./ReviewQueuePage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/missing/matches/$matchId',
      component: lazyRouteComponent(() => import('./MatchPage')),
    }),
    createRoute({ getParentRoute: () => parent, path: '/missing/records', component: lazyRouteComponent(() => import('./RecordsPage')) }),
    createRoute({
      getParentRoute: () => parent,
      path: '/missing/records/$recordId',
      component: lazyRouteComponent(() => import('./RecordPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/missing/moderation',
      component: lazyRouteComponent(() => import('./RecordsPage'), 'ModerationPage'),
    }),
    createRoute({ getParentRoute: () => parent, path: '/missing/new', component: lazyRouteComponent(() => import('./NewRecordPage')) }),
    createRoute({
      getParentRoute: () => parent,
      path: '/missing/restorations',
      component: lazyRouteComponent(() => import('./RestorationsPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/missing/national',
      component: lazyRouteComponent(() => import('./NationalProposalsPage')),
    }),
    createRoute({ getParentRoute: () => parent, path: '/missing/model', component: lazyRouteComponent(() => import('./ModelPage')) }),
    ...publicPages.map((p) => createRoute({ getParentRoute: () => parent, path: p.path, component: p.component })),
  ],
});
