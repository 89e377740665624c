import { Badge, Button, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { QueryState } from '../../components/Status';
import type { RenewalEntry } from './api';

const STATUS_COLOUR: Record<RenewalEntry['status'], string> = { reassessed: 'yellow', renewed: 'green', refused: 'red' };

/** The button that shows or hides a row's history (its state is the row's). */
export function HistoryButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <Button size="xs" variant="subtle" aria-expanded={open} onClick={onToggle}>
      {t('care.history.show')}
    </Button>
  );
}

/**
 * The history of one record's renewals, latest first, fetched when shown (`path`: the record's
 * `/care/foster-carers/:id/renewals` or `/care/sponsorships/:id/renewals`). Under the care key, so a
 * decision recorded on the screen refreshes it.
 */
export function RenewalHistory({ path }: { path: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['care', 'renewal-history', path],
    queryFn: ({ signal }) => api.get<{ items: RenewalEntry[] }>(path, undefined, signal),
  });
  return (
    <QueryState query={q}>
      {(data) =>
        data.items.length ? (
          <Table aria-label={t('care.history.title')} withTableBorder fz="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('care.history.col.reassessed')}</Table.Th>
                <Table.Th>{t('care.history.col.recommendation')}</Table.Th>
                <Table.Th>{t('care.history.col.decision')}</Table.Th>
                <Table.Th>{t('care.history.col.reasons')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    {r.reassessedOn}
                    <Text size="xs" c="dimmed">
                      {t('care.history.by', { by: r.reassessment.by })}
                    </Text>
                    {r.previousValidUntil && (
                      <Text size="xs" c="dimmed">
                        {t('care.history.previous', { on: r.previousValidUntil })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {t(`care.history.recommendation.${r.reassessment.recommendation}`, { defaultValue: r.reassessment.recommendation })}
                    <Text size="xs" c="dimmed">
                      {r.reassessment.summary}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOUR[r.status]}>{t(`care.history.status.${r.status}`)}</Badge>
                    {r.meetingOn && (
                      <Text size="xs" c="dimmed">
                        {t('care.history.meeting', { on: r.meetingOn })}
                      </Text>
                    )}
                    {r.status === 'renewed' && r.validUntil && <Text size="xs">{t('care.history.until', { on: r.validUntil })}</Text>}
                  </Table.Td>
                  <Table.Td>
                    {r.reasons ?? '—'}
                    {r.ref && (
                      <Text size="xs" c="dimmed">
                        {r.ref}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm">{t('care.history.none')}</Text>
        )
      }
    </QueryState>
  );
}
