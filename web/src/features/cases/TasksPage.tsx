import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Pagination, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
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
            {scope === 'mine' && data.total === 0 && !overdue && (
              <UnitTasksNotice
                onShow={() => {
                  setScope('unit');
                  setPage(1);
                }}
              />
            )}
            {data.total > CASE_PAGE && <Pagination total={Math.ceil(data.total / CASE_PAGE)} value={page} onChange={setPage} size="sm" />}
          </Stack>
        )}
      </QueryState>
    </>
  );
}

/**
 * "Mine" holds what is assigned to the user by name; most work is assigned to the unit. An empty
 * "Mine" said "Nothing is due" while the unit had 13 tasks, 9 overdue (issue #17): say what the
 * unit has, and offer it.
 */
function UnitTasksNotice({ onShow }: { onShow: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const unit = useTasks({ scope: 'unit', page: 1 });
  if (!unit.data || unit.data.total === 0) return null;
  return (
    <Alert color="blue" variant="light" data-testid="unit-tasks-notice">
      <Text size="sm">
        {t('cases.tasks.noneMine')}{' '}
        {t('cases.tasks.unitHas', { count: unit.data.total, n: f.number(unit.data.total), overdue: f.number(unit.data.overdueCount) })}
      </Text>
      <Button mt="xs" size="sm" variant="light" onClick={onShow}>
        {t('cases.tasks.showUnit')}
      </Button>
    </Alert>
  );
}

export function TaskTable({ data }: { data: TaskList }) {
  const { t } = useTranslation();
  const f = useFormat();
  // On a phone a row becomes a card: the due date and whether it is overdue stay on screen.
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <>
      <Text size="sm" role="status">
        {t('cases.tasks.count', { count: data.total, n: f.number(data.total), overdue: f.number(data.overdueCount) })}
      </Text>
      {data.items.length === 0 ? (
        <Text c="dimmed">{t('cases.tasks.none')}</Text>
      ) : phone ? (
        <Stack gap="xs" data-testid="tasks-cards">
          {data.items.map((x) => (
            <Card key={`${x.caseId}-${x.kind}-${x.ref ?? ''}`} withBorder padding="sm" data-testid="task-card">
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Anchor component={Link} to={`/cases/${x.caseId}`} fw={600}>
                  #{f.number(x.caseNumber)} <PersonName name={x.childName} nameLocal={x.childNameLocal} />
                  <InitialsOnly show={x.initialsOnly} />
                </Anchor>
                <Badge color={x.overdue ? 'red.9' : 'gray'} variant={x.overdue ? 'filled' : 'light'} tt="none" style={{ flexShrink: 0 }}>
                  {x.overdue ? t('cases.common.overdue') : t('cases.tasks.onTime')}
                </Badge>
              </Group>
              <Text size="sm">{t(`cases.due.${x.kind}`)}</Text>
              <Text size="sm">
                {t('cases.tasks.dueBy')}: <DueDate at={x.dueAt} overdue={x.overdue} basis={x.basis} kind={x.kind} />
              </Text>
            </Card>
          ))}
        </Stack>
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
                    <DueDate at={x.dueAt} overdue={x.overdue} basis={x.basis} kind={x.kind} />
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
