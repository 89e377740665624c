import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { defineModule } from '../../app/module-api';

/**
 * One's own account (password, sessions and API tokens) for everyone, and the users of one's
 * jurisdiction for administrators (reset a password, deactivate, reactivate, unlock).
 */
export default defineModule({
  id: 'account',
  order: 90,
  nav: [
    { to: '/users', labelKey: 'account.nav.users', anyOf: ['users.manage'] },
    { to: '/account', labelKey: 'account.nav.account', order: 99 },
  ],
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: '/account', component: lazyRouteComponent(() => import('./AccountPage')) }),
    createRoute({ getParentRoute: () => parent, path: '/users', component: lazyRouteComponent(() => import('./UsersPage')) }),
  ],
});
