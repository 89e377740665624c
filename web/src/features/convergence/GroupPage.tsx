import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { scheduleMeeting, useConvergenceWrite, useGroup } from './api';
import { percent, useConvergenceError, useLabels } from './shared';
import { GroupForm, MemberForm, RaiseActionForm, useRemoveMember } from './GroupForms';
import type { GroupDetail } from './types';
import { todayIst } from '../../app/clock';

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
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [editMember, setEditMember] = useState<string | null>(null);
  const describe = useConvergenceError();
  const manage = can('convergence.manage');
  const me = useMe();
  const [raising, setRaising] = useState(false);
  // The server decides (convergence.manage over the area, or the group's chair or secretary).
  const mayRaise =
    manage || g.members.some((m) => !m.until && m.userId === me.id && (m.roles.includes('chair') || m.roles.includes('secretary')));
  const schedule = useConvergenceWrite((d: string) => scheduleMeeting(g.id, { date: d }));
  const remove = useRemoveMember(g.id);
  const current = g.members.filter((m) => !m.until);
  const departments = [...new Set([...g.departments, ...current.map((m) => m.department)])];
  const byDept = departments.map((d) => ({ d, members: current.filter((m) => m.department === d) }));
  return (
    <>
      <PageHeader
        actions={
          manage && !editing ? (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('convergence.form.editGroup')}
            </Button>
          ) : undefined
        }
        title={g.name}
        subtitle={
          <Text size="sm">
            {t(`convergence.level.${g.level}`)} · {t('convergence.groups.members', { n: g.memberCount })} · {t('convergence.common.chair')}:{' '}
            {g.chair?.name ?? '—'} · {t('convergence.groups.anchors')}: {g.anchorDepartments.map(dept).join(', ')}
          </Text>
        }
      />
      {editing && <GroupForm group={g} onDone={() => setEditing(false)} />}
      {mayRaise && !raising && (
        <Group mb="sm">
          <Button variant="light" onClick={() => setRaising(true)}>
            {t('convergence.raise.open')}
          </Button>
        </Group>
      )}
      {raising && <RaiseActionForm groupId={g.id} departments={departments} onDone={() => setRaising(false)} />}
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
              <TextInput
                type="date"
                label={t('convergence.group.schedule')}
                value={date}
                min={todayIst()}
                onChange={(e) => {
                  setDate(e.currentTarget.value);
                  schedule.reset();
                }}
                error={schedule.error ? describe(schedule.error) : undefined}
              />
              <Button
                size="sm"
                disabled={!date}
                loading={schedule.isPending}
                onClick={() => schedule.mutate(date, { onSuccess: () => setDate('') })}
              >
                {t('convergence.common.save')}
              </Button>
            </Group>
          )}
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
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            {t('convergence.group.memberList')}
          </Title>
          {manage && !adding && (
            <Button size="xs" onClick={() => setAdding(true)}>
              {t('convergence.form.addMember')}
            </Button>
          )}
        </Group>
        {adding && <MemberForm groupId={g.id} onDone={() => setAdding(false)} />}
        {remove.error ? (
          <Text c="red" role="alert" size="sm">
            {describe(remove.error)}
          </Text>
        ) : null}
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm" data-testid="member-list">
            <Table.Tbody>
              {byDept.map(({ d, members }) => (
                <Table.Tr key={d}>
                  <Table.Th scope="row" w={220}>
                    {dept(d)}
                  </Table.Th>
                  <Table.Td>
                    <Stack gap={2}>
                      {members.map((m) =>
                        editMember === m.id ? (
                          <MemberForm key={m.id} groupId={g.id} member={m} onDone={() => setEditMember(null)} />
                        ) : (
                          <Group key={m.id} gap={6} wrap="nowrap" justify="space-between" data-testid="member-row">
                            <Text size="sm">
                              {m.name}
                              {m.designation ? `, ${m.designation}` : ''}
                              {m.roles
                                .filter((r) => r !== 'member')
                                .map((r) => (
                                  <Badge key={r} ml={6} size="xs" variant="outline">
                                    {t(`convergence.role.${r}`)}
                                  </Badge>
                                ))}
                              {manage && (m.email || m.phone) ? (
                                <Text span size="xs" c="dimmed" ml={6}>
                                  {[m.email, m.phone].filter(Boolean).join(' · ')}
                                </Text>
                              ) : null}
                            </Text>
                            {manage && (
                              <Group gap={4} wrap="nowrap">
                                <Button
                                  size="compact-xs"
                                  variant="subtle"
                                  onClick={() => setEditMember(m.id)}
                                  aria-label={`${t('convergence.form.edit')}: ${m.name}`}
                                >
                                  {t('convergence.form.edit')}
                                </Button>
                                <Button
                                  size="compact-xs"
                                  variant="subtle"
                                  color="red"
                                  loading={remove.isPending && remove.variables === m.id}
                                  onClick={() =>
                                    window.confirm(t('convergence.form.removeConfirm', { name: m.name })) && remove.mutate(m.id)
                                  }
                                  aria-label={`${t('convergence.form.remove')}: ${m.name}`}
                                >
                                  {t('convergence.form.remove')}
                                </Button>
                              </Group>
                            )}
                          </Group>
                        ),
                      )}
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
