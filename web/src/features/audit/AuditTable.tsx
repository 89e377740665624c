import { Button, Card, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { AuditEntry } from './api';

/** The entries of a log: when, who (name and role), what, on which kind of record. Cards on a phone. */
export function AuditTable({
  entries,
  total,
  more,
  loadingMore,
  onMore,
}: {
  entries: AuditEntry[];
  total: number;
  more: boolean;
  loadingMore: boolean;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const phone = useMediaQuery('(max-width: 48em)');
  const who = (e: AuditEntry) => (e.actor ? e.actor.displayName : t('audit.system'));
  const role = (e: AuditEntry) => (e.actorRole ? t(`vocab.role.${e.actorRole}`, { defaultValue: e.actorRole }) : '—');
  const what = (e: AuditEntry) => t(`audit.action.${e.action}`, { defaultValue: e.action });
  const on = (e: AuditEntry) => (e.entityType ? t(`audit.entity.${e.entityType}`, { defaultValue: e.entityType }) : '—');
  return (
    <Stack gap="sm">
      <Text size="sm" role="status" data-testid="audit-count">
        {t('audit.count', { count: total, n: f.number(total) })}
      </Text>
      {entries.length === 0 ? (
        <Text c="dimmed">{t('audit.none')}</Text>
      ) : phone ? (
        <Stack gap="xs">
          {entries.map((e) => (
            <Card key={e.seq} withBorder padding="sm">
              <Text size="sm" fw={600}>
                {what(e)} · {on(e)}
              </Text>
              <Text size="sm">
                {who(e)} ({role(e)})
              </Text>
              <Text size="xs" c="dimmed">
                {f.dateTime(e.at)}
              </Text>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.when')}</Table.Th>
                <Table.Th scope="col">{t('audit.who')}</Table.Th>
                <Table.Th scope="col">{t('audit.what')}</Table.Th>
                <Table.Th scope="col">{t('audit.on')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.seq}>
                  <Table.Td>{f.dateTime(e.at)}</Table.Td>
                  <Table.Td>
                    {who(e)}
                    <Text size="xs" c="dimmed">
                      {role(e)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{what(e)}</Table.Td>
                  <Table.Td>{on(e)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {more && (
        <Button variant="default" onClick={onMore} loading={loadingMore} style={{ alignSelf: 'flex-start' }}>
          {t('audit.older')}
        </Button>
      )}
    </Stack>
  );
}
