import { useState } from 'react';
import { Anchor, Button, Card, Checkbox, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { actionEvent, useAction, useActions, useConvergenceWrite } from './api';
import { ActionStatusBadge, ErrorLine, useLabels } from './shared';
import type { ActionListItem } from './types';

/** The actions of the user's department (a nodal officer) or of the groups (DCPU), to update. */
export default function ActionsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { dept, domain } = useLabels();
  const [overdue, setOverdue] = useState(false);
  const [mine, setMine] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const q = useActions({ overdue: overdue || undefined, mine: mine || undefined, status: status ?? undefined, pageSize: 200 });
  return (
    <>
      <PageHeader title={t('convergence.actions.title')} subtitle={<Text size="sm">{t('convergence.actions.intro')}</Text>} />
      <Group gap="md" mb="md" align="flex-end">
        <Select
          label={t('convergence.common.status')}
          placeholder={t('convergence.common.all')}
          data={(['open', 'blocked', 'reopened', 'done'] as const).map((s) => ({ value: s, label: t(`convergence.actionStatus.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={200}
        />
        <Checkbox label={t('convergence.actions.onlyOverdue')} checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} />
        {q.data?.view === 'full' && (
          <Checkbox label={t('convergence.actions.onlyMine')} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} />
        )}
      </Group>
      <QueryState query={q}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t('convergence.actions.noActions')}</Text>
          ) : (
            <>
              <Text size="sm" mb="xs">
                {t('convergence.actions.total', { n: data.total })}
              </Text>
              <Table.ScrollContainer minWidth={760}>
                <Table striped fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('convergence.common.caseRef')}</Table.Th>
                      <Table.Th scope="col">{t('convergence.meeting.description')}</Table.Th>
                      <Table.Th scope="col">{t('convergence.common.department')}</Table.Th>
                      <Table.Th scope="col">{t('convergence.common.dueDate')}</Table.Th>
                      <Table.Th scope="col">{t('convergence.common.status')}</Table.Th>
                      <Table.Th scope="col" />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((a) => (
                      <ActionRow
                        key={a.id}
                        a={a}
                        open={openId === a.id}
                        onToggle={() => setOpenId(openId === a.id ? null : a.id)}
                        labels={{ dept, domain }}
                        f={f}
                      />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )
        }
      </QueryState>
    </>
  );
}

function ActionRow({
  a,
  open,
  onToggle,
  labels,
  f,
}: {
  a: ActionListItem;
  open: boolean;
  onToggle: () => void;
  labels: { dept: (d: string) => string; domain: (d: string | null) => string };
  f: ReturnType<typeof useFormat>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Tr>
        <Table.Td>{a.caseRef ?? t('convergence.common.general')}</Table.Td>
        <Table.Td>
          <Anchor component={Link} to={`/convergence/actions/${a.id}`} size="sm">
            {a.description}
          </Anchor>
          <Text size="xs" c="dimmed">
            {labels.domain(a.domain)} ·{' '}
            {a.meetingId && a.meetingDate ? (
              <Anchor component={Link} to={`/convergence/meetings/${a.meetingId}`} size="xs">
                {t('convergence.actions.meetingOf', { group: a.group ?? '', date: f.date(a.meetingDate) })}
              </Anchor>
            ) : (
              t('convergence.actions.raisedOn', { group: a.group ?? '', date: f.date(a.raisedOn ?? a.assignedOn) })
            )}
          </Text>
          {a.result && <Text size="xs">✓ {a.result}</Text>}
          {a.blockedReason && a.status === 'blocked' && (
            <Text size="xs" c="orange">
              ⏸ {a.blockedReason}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          {labels.dept(a.department)}
          {a.officer && <Text size="xs">{a.officer}</Text>}
        </Table.Td>
        <Table.Td>
          {f.date(a.dueDate)}
          {a.daysOverdue > 0 && (
            <Text size="xs" c="red">
              {t('convergence.common.daysOverdue', { n: a.daysOverdue })}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <ActionStatusBadge status={a.status} overdue={a.overdue} />
        </Table.Td>
        <Table.Td>
          <Button size="xs" variant="default" onClick={onToggle} aria-expanded={open}>
            {t('convergence.common.open')}
          </Button>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={6}>
            <ActionUpdate id={a.id} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

/** The history of one action and, for its department, the update form. */
export function ActionUpdate({ id }: { id: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const q = useAction(id);
  const [text, setText] = useState('');
  const write = useConvergenceWrite((body: { type: 'complete' | 'block' | 'reopen'; version: number }) =>
    actionEvent(
      id,
      body.type === 'complete'
        ? { type: 'complete', result: text, version: body.version }
        : { type: body.type, reason: text, version: body.version },
    ),
  );
  return (
    <QueryState query={q}>
      {(a) => (
        <Card withBorder padding="sm">
          <Text fw={600} size="sm">
            {t('convergence.actions.history')}
          </Text>
          <Stack gap={2} mb="xs">
            {a.events.length === 0 && <Text size="sm">—</Text>}
            {a.events.map((e) => (
              <Text size="sm" key={e.seq}>
                {f.date(e.on)} ·{' '}
                {t(`convergence.actionStatus.${e.type === 'complete' ? 'done' : e.type === 'block' ? 'blocked' : 'reopened'}`)} · {e.text}
                {e.by.name ? ` — ${e.by.name}` : ''}
              </Text>
            ))}
          </Stack>
          {a.canUpdate && can('convergence.act') && a.allowedEvents.length > 0 && (
            <Group align="flex-end" gap="xs">
              <TextInput
                label={
                  a.allowedEvents.includes('complete')
                    ? `${t('convergence.actions.result')} / ${t('convergence.actions.reason')}`
                    : t('convergence.actions.reason')
                }
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                w={420}
              />
              {a.allowedEvents.includes('complete') && (
                <Button
                  size="sm"
                  color="green"
                  disabled={!text.trim()}
                  loading={write.isPending}
                  onClick={() => write.mutate({ type: 'complete', version: a.version }, { onSuccess: () => setText('') })}
                >
                  {t('convergence.actions.markDone')}
                </Button>
              )}
              {a.allowedEvents.includes('block') && (
                <Button
                  size="sm"
                  color="orange"
                  variant="light"
                  disabled={!text.trim()}
                  loading={write.isPending}
                  onClick={() => write.mutate({ type: 'block', version: a.version }, { onSuccess: () => setText('') })}
                >
                  {t('convergence.actions.markBlocked')}
                </Button>
              )}
              {a.allowedEvents.includes('reopen') && (
                <Button
                  size="sm"
                  variant="default"
                  disabled={!text.trim()}
                  loading={write.isPending}
                  onClick={() => write.mutate({ type: 'reopen', version: a.version }, { onSuccess: () => setText('') })}
                >
                  {t('convergence.actions.reopen')}
                </Button>
              )}
            </Group>
          )}
          <ErrorLine error={write.error} />
        </Card>
      )}
    </QueryState>
  );
}
