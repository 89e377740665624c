import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { useMe } from '../../auth/session';
import { useUserAction, useUsers, type UserAction, type UserInfo } from './api';

/**
 * The users of the administrator's jurisdiction (the server lists no others and refuses to act
 * on them). Resetting a password and deactivating ask first; the one-time password is shown
 * once, here, to be handed over.
 */
export default function UsersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const users = useUsers();
  const act = useUserAction();
  const [confirming, setConfirming] = useState<{
    user: UserInfo;
    action: 'password-reset' | 'deactivate';
  } | null>(null);
  const [oneTime, setOneTime] = useState<{
    user: string;
    password: string;
  } | null>(null);

  const run = (user: UserInfo, action: UserAction) => {
    setConfirming(null);
    setOneTime(null);
    act.mutate(
      { id: user.id, action },
      {
        onSuccess: (r) => r.oneTimePassword && setOneTime({ user: user.username, password: r.oneTimePassword }),
      },
    );
  };

  return (
    <Stack>
      <PageHeader
        title={t('users.title')}
        subtitle={
          <Text size="sm" c="dimmed">
            {t('users.intro')}
          </Text>
        }
      />
      {confirming && (
        <Alert color="yellow" role="alertdialog" data-testid="confirm-user-action">
          <Text mb="sm">
            {t(confirming.action === 'password-reset' ? 'users.confirmReset' : 'users.confirmDeactivate', {
              user: confirming.user.username,
            })}
          </Text>
          <Group>
            <Button color="red" size="xs" onClick={() => run(confirming.user, confirming.action)}>
              {t('users.confirm')}
            </Button>
            <Button variant="default" size="xs" onClick={() => setConfirming(null)}>
              {t('users.cancel')}
            </Button>
          </Group>
        </Alert>
      )}
      {oneTime && (
        <Alert color="blue" role="status" title={t('users.oneTime', { user: oneTime.user })} data-testid="one-time-password">
          <Code fz="lg" data-testid="one-time-password-value">
            {oneTime.password}
          </Code>
          <Text size="sm" mt="xs">
            {t('users.oneTimeHelp')}
          </Text>
        </Alert>
      )}
      {act.isSuccess && !oneTime && (
        <Alert color="green" role="status">
          {t('users.done')}
        </Alert>
      )}
      {act.error && <ErrorMessage error={act.error} />}
      <QueryState query={users}>
        {(items) => (
          <Table.ScrollContainer minWidth={820}>
            <Table striped data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.username')}</Table.Th>
                  <Table.Th>{t('users.name')}</Table.Th>
                  <Table.Th>{t('users.role')}</Table.Th>
                  <Table.Th>{t('users.place')}</Table.Th>
                  <Table.Th>{t('users.status')}</Table.Th>
                  <Table.Th>{t('users.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((u) => (
                  <Table.Tr key={u.id} data-testid={`user-${u.username}`}>
                    <Table.Td>
                      <Code>{u.username}</Code>
                    </Table.Td>
                    <Table.Td>{u.displayName}</Table.Td>
                    <Table.Td>{t(`vocab.role.${u.role}`)}</Table.Td>
                    <Table.Td>{u.jurisdictionId ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge color={u.active ? 'green' : 'gray'} variant="light">
                          {u.active ? t('users.active') : t('users.inactive')}
                        </Badge>
                        {u.lockedUntil && (
                          <Badge color="red" variant="light" h="auto" tt="none" styles={{ label: { whiteSpace: 'normal' } }}>
                            {t('users.locked', {
                              time: f.dateTime(u.lockedUntil),
                            })}
                          </Badge>
                        )}
                        {u.mustChangePassword && (
                          <Badge color="yellow" variant="light" h="auto" tt="none" styles={{ label: { whiteSpace: 'normal' } }}>
                            {t('users.mustChange')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {/* One's own account is changed on the Account screen (it asks for the current password). */}
                      {u.id !== me.id && (
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() =>
                              setConfirming({
                                user: u,
                                action: 'password-reset',
                              })
                            }
                          >
                            {t('users.reset')}
                          </Button>
                          {u.active ? (
                            <Button size="xs" variant="light" color="red" onClick={() => setConfirming({ user: u, action: 'deactivate' })}>
                              {t('users.deactivate')}
                            </Button>
                          ) : (
                            <Button size="xs" variant="light" onClick={() => run(u, 'reactivate')}>
                              {t('users.reactivate')}
                            </Button>
                          )}
                          {u.lockedUntil && (
                            <Button size="xs" variant="light" onClick={() => run(u, 'unlock')}>
                              {t('users.unlock')}
                            </Button>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Stack>
  );
}
