import { Alert, Badge, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { ChangePasswordForm } from '../../auth/ChangePasswordForm';
import { QueryState, ErrorMessage } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { useRevokeSession, useSessions, type SessionInfo } from './api';

/** "Mozilla/5.0 (X11; Linux x86_64) … Chrome/141.0 …" → "Chrome 141 · Linux": enough to recognise a device. */
export function shortAgent(ua: string | null): string {
  if (!ua) return '—';
  const browser = /(Edg|OPR|Firefox|Chrome|Safari)\/(\d+)/.exec(ua);
  const os = /(Android|iPhone|iPad|Windows|Mac OS X|Linux)/.exec(ua);
  const name = browser ? `${browser[1] === 'Edg' ? 'Edge' : browser[1] === 'OPR' ? 'Opera' : browser[1]} ${browser[2]}` : ua.slice(0, 40);
  return os ? `${name} · ${os[1]}` : name;
}

function SessionRow({ s, revoke }: { s: SessionInfo; revoke: ReturnType<typeof useRevokeSession> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { signOut } = useSession();
  return (
    <Table.Tr data-testid="session-row" data-current={s.current ? 'true' : 'false'}>
      <Table.Td>
        <Text size="sm">{s.kind === 'api' && s.label ? `${t('account.kind.api')}: ${s.label}` : t(`account.kind.${s.kind}`)}</Text>
        {s.current && (
          <Badge size="sm" variant="light">
            {t('account.thisBrowser')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{f.dateTime(s.createdAt)}</Table.Td>
      <Table.Td>{f.dateTime(s.lastUsedAt)}</Table.Td>
      <Table.Td>{s.ip ?? '—'}</Table.Td>
      <Table.Td>{shortAgent(s.userAgent)}</Table.Td>
      <Table.Td>{f.dateTime(s.expiresAt)}</Table.Td>
      <Table.Td>
        {s.current ? (
          <Button size="xs" variant="default" onClick={() => void signOut()}>
            {t('account.signOut')}
          </Button>
        ) : (
          <Button
            size="xs"
            color="red"
            variant="light"
            loading={revoke.isPending && revoke.variables === s.id}
            onClick={() => revoke.mutate(s.id)}
          >
            {t('account.revoke')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export default function AccountPage() {
  const { t } = useTranslation();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  return (
    <Stack>
      <PageHeader title={t('account.title')} />
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('account.password')}
        </Title>
        <ChangePasswordForm onChanged={() => void sessions.refetch()} />
      </Card>
      <Card withBorder>
        <Title order={2} size="h4">
          {t('account.sessions')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('account.sessionsIntro')}
        </Text>
        {revoke.isSuccess && (
          <Alert color="green" role="status" mb="sm">
            {t('account.revoked')}
          </Alert>
        )}
        {revoke.error && <ErrorMessage error={revoke.error} />}
        <QueryState query={sessions}>
          {(items) =>
            items.length === 0 ? (
              <Text>{t('account.none')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={760}>
                <Table striped data-testid="sessions-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th />
                      <Table.Th>{t('account.created')}</Table.Th>
                      <Table.Th>{t('account.lastUsed')}</Table.Th>
                      <Table.Th>{t('account.address')}</Table.Th>
                      <Table.Th>{t('account.client')}</Table.Th>
                      <Table.Th>{t('account.expires')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((s) => (
                      <SessionRow key={s.id} s={s} revoke={revoke} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
      </Card>
    </Stack>
  );
}
