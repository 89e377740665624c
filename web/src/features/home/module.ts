import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { defineModule } from '../../app/module-api';

/**
 * The first screen after sign-in (issue #16): "/" opens the first menu entry, and Home comes
 * first for everyone who may see dashboards. Which home depends on the role and jurisdiction
 * (HomePage.tsx): a worker's day, the district's picture, the CWC's pendency, the state's
 * comparison of districts.
 */
export default defineModule({
  id: 'home',
  order: 0,
  nav: [
    { to: '/home', labelKey: 'home.nav.home', anyOf: ['registry.read', 'registry.read.minimal', 'cases.read', 'convergence.read'] },
    { to: '/cwc-pendency', labelKey: 'home.nav.pendency', anyOf: ['cases.cwc'] },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/home',
      validateSearch: (s: Record<string, unknown>) => ({
        ...(/^\d+$/.test(String(s.district ?? '')) ? { district: Number(s.district) } : {}),
        ...(/^\d+$/.test(String(s.state ?? '')) ? { state: Number(s.state) } : {}),
      }),
      component: lazyRouteComponent(() => import('./HomePage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/home/records',
      validateSearch: (s: Record<string, unknown>) => {
        const code = (v: unknown) => (/^\d+$/.test(String(v ?? '')) ? Number(v) : undefined);
        const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
        return Object.fromEntries(
          Object.entries({
            indicator: text(s.indicator),
            district: code(s.district),
            set: s.set === 'denominator' ? 'denominator' : undefined,
            by: text(s.by),
            key: s.key === undefined ? undefined : String(s.key),
            page: code(s.page),
          }).filter(([, v]) => v !== undefined),
        );
      },
      component: lazyRouteComponent(() => import('./RecordsPage')),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/cwc-pendency',
      component: lazyRouteComponent(() => import('./CwcPendencyPage')),
    }),
  ],
});
