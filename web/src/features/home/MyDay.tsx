import { Anchor, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { useMyDay, type MyDay } from './api';
import { Figure, KindBadge } from './shared';

type Item = MyDay['tasks'][number];

function Items({ items, empty }: { items: Item[]; empty: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!items.length) return <Text c="dimmed">{empty}</Text>;
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('home.pendency.case')}</Table.Th>
          <Table.Th>{t('home.pendency.stage')}</Table.Th>
          <Table.Th>{t('home.pendency.since')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i) => (
          <Table.Tr key={`${i.caseId}-${i.kind}-${i.dueAt}`}>
            <Table.Td>
              <Anchor component={Link} to={`/cases/${i.caseId}`}>
                #{i.caseNumber}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <KindBadge kind={i.kind} overdue={i.overdue} />
            </Table.Td>
            <Table.Td>{f.dateTime(i.dueAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A caseworker's or frontline worker's day: what is due and overdue, and the next follow-up visits. */
export function MyDayView() {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useMyDay();
  return (
    <>
      <PageHeader title={t('home.myDay.title')} />
      <QueryState query={q}>
        {(d) => (
          <Stack>
            <SimpleGrid cols={{ base: 2, sm: 2 }}>
              <Figure label={t('home.myDay.due')} value={f.number(d.tasksDue)} />
              <Figure label={t('home.myDay.overdue')} value={f.number(d.tasksOverdue)} />
            </SimpleGrid>
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                {t('home.myDay.tasks')}
              </Title>
              <Items items={d.tasks} empty={t('home.myDay.none')} />
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                {t('home.myDay.visits')}
              </Title>
              <Items items={d.nextVisits} empty={t('home.myDay.none')} />
            </Card>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
