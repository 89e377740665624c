import './all-styles';
import { AppShell, Box, Burger, Button, Group, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe, useSession } from '../auth/session';
import { LanguageSelect } from '../components/LanguageSelect';
import { placeLabel } from '../components/PersonName';
import { MODULES, navFor } from './modules';

/** Who is signed in, in what role, over which area: always on screen. */
function WhoAmI({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  // On a phone: smaller, at most two lines, so the header keeps its height.
  return (
    <Text
      size={compact ? 'xs' : 'sm'}
      lh={1.3}
      lineClamp={compact ? 2 : undefined}
      data-testid="whoami"
      style={{ overflowWrap: 'anywhere' }}
    >
      <Text span fw={600}>
        {me.displayName}
      </Text>
      {' · '}
      {t(`vocab.role.${me.role}`)}
      {' · '}
      {placeLabel(me.jurisdiction, i18n.language)} ({t(`vocab.scopeLevel.${me.jurisdiction.level}`, me.jurisdiction.level)})
    </Text>
  );
}

/** A bottom-bar entry: at least 48 px high and wide, a comfortable thumb target. */
const BOTTOM_ITEM = {
  minHeight: 48,
  minWidth: 48,
  flex: 1,
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'center',
  justifyContent: 'center',
  gap: 2,
} as const;

export function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const path = useRouterState({ select: (s) => s.location.pathname });
  const nav = navFor(MODULES, me.permissions);

  return (
    <AppShell
      header={{ height: { base: 88, sm: 60 } }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      // On a phone the menu and the first screens sit in a bar at the bottom, within reach of a thumb.
      footer={{ height: { base: 64, sm: 0 } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header px="sm">
        <Group h={{ base: 52, sm: '100%' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <UnstyledButton component={Link} to="/" onClick={close}>
              <Text fw={700} size="lg">
                {t('app.name')}
              </Text>
            </UnstyledButton>
          </Group>
          <Box visibleFrom="sm" style={{ flex: 1, minWidth: 0 }} px="md">
            <WhoAmI />
          </Box>
          <Group gap="xs" wrap="nowrap">
            <LanguageSelect compact />
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              {t('app.signOut')}
            </Button>
          </Group>
        </Group>
        <Box hiddenFrom="sm" pb={4}>
          <WhoAmI compact />
        </Box>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('app.navigation')}>
        <ScrollArea>
          <nav>
            {nav.map((n) => (
              <NavLink
                key={n.to}
                component={Link}
                to={n.to}
                label={t(n.labelKey)}
                active={path === n.to || path.startsWith(`${n.to}/`)}
                onClick={close}
              />
            ))}
          </nav>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Footer hiddenFrom="sm" px={4} data-testid="bottom-bar">
        <nav aria-label={t('app.menu')} style={{ height: '100%' }}>
          <Group h="100%" gap={0} wrap="nowrap" justify="space-around">
            <UnstyledButton onClick={toggle} aria-expanded={opened} style={BOTTOM_ITEM} data-testid="bottom-menu">
              <Burger opened={opened} size="sm" component="span" aria-hidden />
              <Text size="xs" lh={1.1}>
                {t('app.menu')}
              </Text>
            </UnstyledButton>
            {/* While the menu is open it lists every screen; the shortcuts would only repeat it. */}
            {(opened ? [] : nav.slice(0, 3)).map((n) => (
              <UnstyledButton
                key={n.to}
                component={Link}
                to={n.to}
                onClick={close}
                style={BOTTOM_ITEM}
                aria-current={path === n.to || path.startsWith(`${n.to}/`) ? 'page' : undefined}
                fw={path === n.to || path.startsWith(`${n.to}/`) ? 700 : 400}
              >
                <Text size="xs" lh={1.2} ta="center" lineClamp={2}>
                  {t(n.labelKey)}
                </Text>
              </UnstyledButton>
            ))}
          </Group>
        </nav>
      </AppShell.Footer>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
