import { Anchor, Badge, Group, SimpleGrid, Table, Text, UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { usePendency } from './api';
import { Figure, KindBadge } from './shared';

type Sort = 'case' | 'kind' | 'days_pending' | 'days_over';

/** A column header that sorts the table (server-side), announcing the direction to screen readers. */
function SortHeader({
  col,
  label,
  sort,
  dir,
  onSort,
}: {
  col: Sort;
  label: string;
  sort: Sort;
  dir: 'asc' | 'desc';
  onSort: (c: Sort) => void;
}) {
  const { t } = useTranslation();
  const active = sort === col;
  return (
    <Table.Th aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(col)} title={t('home.pendency.sortBy', { col: label })} data-testid={`sort-${col}`}>
        <Group gap={4} wrap="nowrap">
          <Text fw={600} size="sm">
            {label}
          </Text>
          <Text size="xs">{active ? (dir === 'asc' ? '▲' : '▼') : '↕'}</Text>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** The CWC's pendency: children awaiting production, SIR or final order, against the statutory limit. */
export function CwcPendencyView() {
  const { t } = useTranslation();
  const f = useFormat();
  const [sort, setSort] = useState<Sort>('days_over');
  const [dir, setDir] = useState<'asc' | 'desc'>('desc');
  const q = usePendency({ sort, dir });
  const onSort = (c: Sort) => {
    if (c === sort) setDir(dir === 'asc' ? 'desc' : 'asc');
    else {
      setSort(c);
      setDir('desc');
    }
  };
  const h = { sort, dir, onSort };
  return (
    <>
      <PageHeader title={t('home.pendency.title')} subtitle={<Text size="sm">{t('home.pendency.intro')}</Text>} />
      <QueryState query={q}>
        {(p) => (
          <>
            <SimpleGrid cols={{ base: 2, md: 4 }} mb="md">
              <Figure label={t('home.kind.cwc_production')} value={f.number(p.counts.cwc_production)} />
              <Figure label={t('home.kind.sir_submission')} value={f.number(p.counts.sir_submission)} />
              <Figure label={t('home.kind.cwc_final_order')} value={f.number(p.counts.cwc_final_order)} />
              <Figure label={t('home.pendency.overLimit')} value={f.number(p.counts.overLimit)} />
            </SimpleGrid>
            {p.items.length === 0 ? (
              <Text c="dimmed">{t('home.pendency.none')}</Text>
            ) : (
              <Table striped highlightOnHover data-testid="pendency-table" aria-busy={q.isPlaceholderData}>
                <Table.Thead>
                  <Table.Tr>
                    <SortHeader col="case" label={t('home.pendency.case')} {...h} />
                    <SortHeader col="kind" label={t('home.pendency.stage')} {...h} />
                    <Table.Th>{t('home.pendency.since')}</Table.Th>
                    <SortHeader col="days_pending" label={t('home.pendency.daysPending')} {...h} />
                    <Table.Th>{t('home.pendency.limit')}</Table.Th>
                    <SortHeader col="days_over" label={t('home.pendency.over')} {...h} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.items.map((i) => (
                    <Table.Tr key={`${i.caseId}-${i.kind}`}>
                      <Table.Td>
                        <Anchor component={Link} to={`/cases/${i.caseId}`}>
                          #{i.caseNumber}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <KindBadge kind={i.kind} overdue={i.daysOver > 0} />
                      </Table.Td>
                      <Table.Td>{f.dateTime(i.since)}</Table.Td>
                      <Table.Td data-testid="days-pending">{i.daysPending}</Table.Td>
                      <Table.Td title={i.basis}>{i.limitDays}</Table.Td>
                      <Table.Td>{i.daysOver > 0 ? <Badge color="red">{i.daysOver}</Badge> : '0'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

export default CwcPendencyView;
