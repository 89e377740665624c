import { Button, Stack, Text, Title } from '@mantine/core';
import { createRootRoute, createRoute, createRouter, Link, Navigate, Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { lazy, Suspense } from 'react';
import { useMe, useSession } from '../auth/session';
import { Loading } from '../components/Status';
import { MODULES, navFor } from './modules';
import { loadFeatureStrings } from '../i18n';
// The first download's sign-in page (main.tsx), already loaded with its lite.css: one page to keep.
import { SignIn } from '../lite/SignIn';

// The first page a phone loads is sign-in (or the public report form): the shell with its menu
// and the password-change screen come in their own chunks once someone has signed in.
// Every feature's strings come with them, not with the sign-in page (i18n/features.ts).
const Shell = lazy(() => Promise.all([import('./Shell'), loadFeatureStrings()]).then(([m]) => ({ default: m.Shell })));
const PasswordDuePage = lazy(() =>
  Promise.all([import('../auth/PasswordDuePage'), loadFeatureStrings()]).then(([m]) => ({ default: m.PasswordDuePage })),
);

/** Every screen sits behind the session gate: nobody signed in → sign-in, at the same address. */
const PUBLIC_PAGES = MODULES.flatMap((m) => m.publicPages ?? []);

function Gate() {
  const { me, loading, ended, signIn } = useSession();
  const path = useRouterState({ select: (s) => s.location.pathname });
  if (loading) return <Loading />;
  // Public pages (e.g. the citizen's missing-child report) need no account and no shell.
  if (!me && PUBLIC_PAGES.some((p) => p.path === path)) return <Outlet />;
  // The session's own signIn: the user lands in the cache, this screen comes back with its draft.
  if (!me) return <SignIn signIn={signIn} ended={ended} links={PUBLIC_PAGES} />;
  return <Suspense fallback={<Loading />}>{me.mustChangePassword ? <PasswordDuePage /> : <Shell />}</Suspense>;
}

/** "/" opens the first screen the user's role offers. */
function Home() {
  const { t } = useTranslation();
  const me = useMe();
  const first = navFor(MODULES, me.permissions)[0];
  if (first) return <Navigate to={first.to} replace />;
  return <Text>{t('app.nothingHere')}</Text>;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <Title order={1} size="h3">
        {t('errors.pageNotFound')}
      </Title>
      <Button component={Link} to="/" variant="light">
        {t('app.home')}
      </Button>
    </Stack>
  );
}

/** A screen that broke: say so in the user's language and offer a way on; drafts are in storage. */
function Broken({ error }: { error: unknown }) {
  const { t } = useTranslation();
  console.error(error);
  return (
    <Stack align="flex-start" p="md" role="alert">
      <Title order={1} size="h3">
        {t('errors.title')}
      </Title>
      <Text>{t('errors.unexpected')}</Text>
      <Button onClick={() => window.location.reload()}>{t('errors.reload')}</Button>
    </Stack>
  );
}

export const rootRoute = createRootRoute({ component: Gate, notFoundComponent: NotFound, errorComponent: Broken });
const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: Home });

export const routeTree = rootRoute.addChildren([homeRoute, ...MODULES.flatMap((m) => m.routes?.(rootRoute) ?? [])]);

export function makeRouter() {
  return createRouter({
    routeTree,
    defaultPreload: 'intent',
    scrollRestoration: true,
    defaultPendingComponent: Loading,
    defaultErrorComponent: Broken,
  });
}
