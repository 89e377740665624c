import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { scheduleMeeting, todayIst, useConvergenceWrite, useGroup } from './api';
import { ErrorLine, percent, useLabels } from './shared';
import type { GroupDetail } from './types';

/** One group: members by department, attendance (irregular participation flagged), meetings. */
export default function GroupPage() {
  const { groupId } = useParams({ strict: false }) as { groupId: string };
  const q = useGroup(groupId);
  return <QueryState query={q}>{(g) => <GroupView g={g} />}</QueryState>;
}

function GroupView({ g }: { g: GroupDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const { dept } = useLabels();
  const [date, setDate] = useState('');
  const schedule = useConvergenceWrite((d: string) => scheduleMeeting(g.id, { date: d }));
  const byDept = g.departments.map((d) => ({ d, members: g.members.filter((m) => m.department === d && !m.until) }));
  return (
    <>
      <PageHeader
        title={g.name}
        subtitle={
          <Text size="sm">
            {t(`convergence.level.${g.level}`)} · {t('convergence.groups.members', { n: g.memberCount })} · {t('convergence.common.chair')}: {g.chair?.name ?? '—'} ·{' '}
            {t('convergence.groups.anchors')}: {g.anchorDepartments.map(dept).join(', ')}
          </Text>
        }
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('convergence.group.meetings')}
          </Title>
          <Table fz="sm">
            <Table.Tbody>
              {g.meetings.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/convergence/meetings/${m.id}`}>
                      {f.date(m.date)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={m.status === 'held' ? 'green' : m.status === 'cancelled' ? 'gray' : 'blue'}>
                      {t(`convergence.meetingStatus.${m.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{m.minuted ? t('convergence.meeting.minuted') : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {can('convergence.manage') && (
            <Group mt="sm" align="flex-end">
              <TextInput type="date" label={t('convergence.group.schedule')} value={date} min={todayIst()} onChange={(e) => setDate(e.currentTarget.value)} />
              <Button size="sm" disabled={!date} loading={schedule.isPending} onClick={() => schedule.mutate(date, { onSuccess: () => setDate('') })}>
                {t('convergence.common.save')}
              </Button>
            </Group>
          )}
          <ErrorLine error={schedule.error} />
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('convergence.group.attendance')}
          </Title>
          <Table fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('convergence.common.department')}</Table.Th>
                <Table.Th scope="col">{t('convergence.group.attended')}</Table.Th>
                <Table.Th scope="col">{t('convergence.group.rate')}</Table.Th>
                <Table.Th scope="col">{t('convergence.group.absentRun')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {g.attendance.map((a) => (
                <Table.Tr key={a.department}>
                  <Table.Td>
                    {dept(a.department)}{' '}
                    {a.irregular && (
                      <Badge color="red" variant="light" size="sm">
                        {t('convergence.groups.irregular')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {a.attended} / {a.expected}
                  </Table.Td>
                  <Table.Td>{percent(a.rate)}</Table.Td>
                  <Table.Td>{a.consecutiveAbsences || ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
      <Card withBorder mt="md">
        <Title order={2} size="h4" mb="xs">
          {t('convergence.group.memberList')}
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm">
            <Table.Tbody>
              {byDept.map(({ d, members }) => (
                <Table.Tr key={d}>
                  <Table.Th scope="row" w={220}>
                    {dept(d)}
                  </Table.Th>
                  <Table.Td>
                    <Stack gap={2}>
                      {members.map((m) => (
                        <Text size="sm" key={m.id}>
                          {m.name}
                          {m.designation ? `, ${m.designation}` : ''}
                          {m.roles.filter((r) => r !== 'member').map((r) => (
                            <Badge key={r} ml={6} size="xs" variant="outline">
                              {t(`convergence.role.${r}`)}
                            </Badge>
                          ))}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </>
  );
}
