import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { defineModule } from '../../app/module-api';

/**
 * Sponsorship (issue #18; JJ Act 2015 s.45, JJ Model Rules 2016 R.24, Mission Vatsalya 2022
 * 4.1): applications the Sponsorship and Foster Care Approval Committee decides, with their
 * clocks and pauses (src/care/sponsorship on the server).
 */
export default defineModule({
  id: 'sponsorship',
  order: 46,
  nav: [{ to: '/care/sponsorships', labelKey: 'sponsorship.nav', anyOf: ['care.write', 'care.manage'] }],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/care/sponsorships',
      component: lazyRouteComponent(() => import('./SponsorshipPage')),
    }),
  ],
});
