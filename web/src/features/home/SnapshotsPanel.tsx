import { Alert, Anchor, Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api, ApiError } from '../../api/client';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import type { snapshotDetailOut, snapshotListOut } from '../../../../src/dashboards/dashboards.model';
import { thisMonthIst } from '../../app/clock';

type List = z.output<typeof snapshotListOut>;
type Detail = z.output<typeof snapshotDetailOut>;

const previousMonth = (m: string) => {
  const [y, mo] = m.split('-').map(Number);
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
};

/** How many figures a re-run today gives differently from the frozen report. */
function Changes({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['snapshot', id], queryFn: () => api.get<Detail>(`/reports/mission-vatsalya/snapshots/${id}`) });
  if (!q.data) return <Text size="xs">…</Text>;
  return q.data.changes.length ? (
    <Badge color="orange" variant="light" data-testid="snapshot-changed">
      {t('home.snapshots.changed', { n: q.data.changes.length })}
    </Badge>
  ) : (
    <Badge color="green" variant="light">
      {t('home.snapshots.unchanged')}
    </Badge>
  );
}

/**
 * The district's submitted monthly reports (frozen: src/reports/mission-vatsalya/snapshots.service.ts),
 * each with its PDF from the stored figures and, on demand, what has changed since.
 */
export function SnapshotsPanel({ district }: { district: number }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const qc = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const lang = ['en', 'hi', 'mr'].includes(i18n.language) ? i18n.language : 'en';
  const q = useQuery({
    queryKey: ['snapshots', district],
    queryFn: () => api.get<List>('/reports/mission-vatsalya/snapshots', { district, pageSize: 12 }),
  });
  const submit = useMutation({
    mutationFn: () => api.post('/reports/mission-vatsalya/monthly/snapshots', { district, month: previousMonth(thisMonthIst()) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['snapshots', district] }),
  });
  return (
    <Card withBorder data-testid="snapshots">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('home.snapshots.title')}
        </Title>
        {can('convergence.manage') && (
          <Button size="xs" onClick={() => submit.mutate()} loading={submit.isPending}>
            {t('home.snapshots.submit')}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t('home.snapshots.intro')}
      </Text>
      {submit.error instanceof ApiError && (
        <Alert color="red" mb="xs">
          {submit.error.message}
        </Alert>
      )}
      <QueryState query={q}>
        {(l) =>
          l.items.length === 0 ? (
            <Text c="dimmed">{t('home.snapshots.none')}</Text>
          ) : (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('home.snapshots.month')}</Table.Th>
                  <Table.Th>{t('home.snapshots.origin')}</Table.Th>
                  <Table.Th>{t('home.snapshots.submittedAt')}</Table.Th>
                  <Table.Th />
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {l.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{s.period}</Table.Td>
                    <Table.Td>{t(`home.snapshots.${s.origin}`)}</Table.Td>
                    <Table.Td title={`sha256 ${s.sha256}`}>{f.dateTime(s.submittedAt)}</Table.Td>
                    <Table.Td>
                      <Anchor href={`/api/v1/reports/mission-vatsalya/snapshots/${s.id}/file?format=pdf&lang=${lang}`}>PDF</Anchor>
                    </Table.Td>
                    <Table.Td>
                      {open === s.id ? (
                        <Changes id={s.id} />
                      ) : (
                        <Button size="compact-xs" variant="subtle" onClick={() => setOpen(s.id)}>
                          {t('home.snapshots.compare')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Card>
  );
}
