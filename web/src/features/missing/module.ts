import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { defineModule } from '../../app/module-api';
import { PUBLIC_REPORT } from '../../lite/paths';
import { PublicReport } from '../../lite/PublicReport';

/**
 * Missing and found children (issue #7): the match review queue (side by side, with the
 * engine's per-field reasons; confirm or reject with a note), reports and found children in
 * the jurisdiction, the moderation of public submissions, the official report form, the
 * restorations after confirmed matches, and the public page with the two public forms.
 */
export const PUBLIC_REPORT_PATH = PUBLIC_REPORT;

/**
 * Pages for people who are not signed in: the session gate (app/router.tsx) shows them without a
 * session and links them under sign-in (labelKey). A page load of the public form is drawn by the
 * first download (main.tsx) before the router exists; this route is for a visit from inside the
 * app, and draws the same page (lite/PublicReport.tsx, already loaded: it is in the first chunk).
 */
export const publicPages = [{ path: PUBLIC_REPORT_PATH, labelKey: 'signIn.reportChild', component: PublicReport }];

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
