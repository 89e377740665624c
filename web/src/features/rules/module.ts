import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { defineModule } from '../../app/module-api';

/**
 * Rules and sources (issue #18): every timeline, CWC order form and scheme eligibility rule in
 * force with its source (GET /api/v1/rules). Public law, no child's data: any signed-in user.
 */
export default defineModule({
  id: 'rules',
  order: 90,
  // Offered to those who work with cases or schemes; the API itself needs only a sign-in.
  nav: [{ to: '/rules', labelKey: 'rules.nav', anyOf: ['cases.read', 'schemes.read', 'schemes.configure'] }],
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: '/rules', component: lazyRouteComponent(() => import('./RulesPage')) }),
  ],
});
