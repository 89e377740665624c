import { useState } from 'react';
import { Anchor, Badge, Checkbox, Group, Pagination, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PersonName } from '../../components/PersonName';
import { InitialsOnly } from '../../components/Withheld';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { CASE_PAGE, useTasks } from './api';
import { DueDate } from './shared';
import type { TaskList } from './types';

/** What is due and overdue, for me or my unit, soonest first. */
export default function TasksPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'mine' | 'unit'>('mine');
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const q = useTasks({ scope, overdue: overdue ? 'true' : undefined, page });
  return (
    <>
      <PageHeader title={t('cases.tasks.title')} subtitle={<Text size="sm">{t('cases.tasks.intro')}</Text>} />
      <Group mb="md" gap="md">
        <SegmentedControl
          value={scope}
          onChange={(s) => {
            setScope(s as 'mine' | 'unit');
            setPage(1);
          }}
          data={[
            { value: 'mine', label: t('cases.tasks.mine') },
            { value: 'unit', label: t('cases.tasks.unit') },
          ]}
        />
        <Checkbox
          label={t('cases.list.overdueOnly')}
          checked={overdue}
          onChange={(e) => {
            setOverdue(e.currentTarget.checked);
            setPage(1);
          }}
        />
      </Group>
      <QueryState query={q}>
        {(data) => (
          <Stack gap="sm">
            <TaskTable data={data} />
            {data.total > CASE_PAGE && <Pagination total={Math.ceil(data.total / CASE_PAGE)} value={page} onChange={setPage} size="sm" />}
          </Stack>
        )}
      </QueryState>
    </>
  );
}

export function TaskTable({ data }: { data: TaskList }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <Text size="sm" role="status">
        {t('cases.tasks.count', { n: f.number(data.total), overdue: f.number(data.overdueCount) })}
      </Text>
      {data.items.length === 0 ? (
        <Text c="dimmed">{t('cases.tasks.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="tasks-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cases.tasks.case')}</Table.Th>
                <Table.Th scope="col">{t('cases.tasks.what')}</Table.Th>
                <Table.Th scope="col">{t('cases.tasks.dueBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((x) => (
                <Table.Tr key={`${x.caseId}-${x.kind}-${x.ref ?? ''}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${x.caseId}`}>
                      #{f.number(x.caseNumber)}
                    </Anchor>{' '}
                    <PersonName name={x.childName} nameLocal={x.childNameLocal} />
                    <InitialsOnly show={x.initialsOnly} />
                  </Table.Td>
                  <Table.Td>
                    {t(`cases.due.${x.kind}`)}
                    {x.statutory && (
                      <Badge ml={6} size="xs" variant="light" color="grape" tt="none">
                        {t('cases.common.statutory')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <DueDate at={x.dueAt} overdue={x.overdue} basis={x.basis} />
                    {x.citation && (
                      <Text size="xs" c="dimmed">
                        {x.citation}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
