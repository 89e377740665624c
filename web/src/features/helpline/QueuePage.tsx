import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CALL_STATUSES, URGENCIES } from '../../../../src/helpline/domain/vocabulary';
import { useCan } from '../../auth/session';
import { ErrorMessage, Loading } from '../../components/Status';
import { HANDED_TO, useCalls, useMonthly, useStep, useSummary, type Call } from './api';

/**
 * The district's live queue: open work first, emergencies first, then the oldest call; each
 * call's clock (minutes since the call) against its target, red once the target has passed.
 * The unit marks a call dispatched, the child reached, the call closed.
 */
export default function QueuePage() {
  const { t } = useTranslation();
  const can = useCan();
  const [status, setStatus] = useState('');
  const [urgency, setUrgency] = useState('');
  // Keyset paging (the server's nextCursor): the queue is read from its index, a page at a time.
  const [after, setAfter] = useState<string | undefined>(undefined);
  const calls = useCalls({ status: status || undefined, urgency: urgency || undefined, after });
  const summary = useSummary();
  const step = useStep();
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('helpline.queue.title')}
        </Title>
        <Anchor href="/api/v1/helpline/calls/export" download>
          {t('helpline.queue.export')}
        </Anchor>
      </Group>
      {summary.data && (
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label={t('helpline.summary.calls')} value={summary.data.calls} />
          <Figure
            label={t('helpline.summary.within')}
            value={summary.data.withinTargetPercent == null ? '—' : `${summary.data.withinTargetPercent}%`}
          />
          <Figure label={t('helpline.summary.median')} value={summary.data.medianMinutes ?? '—'} />
          <Figure label={t('helpline.summary.p90')} value={summary.data.p90Minutes ?? '—'} />
        </SimpleGrid>
      )}
      {!!summary.data?.byRoute.length && (
        <Card withBorder padding="sm" aria-label={t('helpline.summary.byRoute')}>
          <Text size="sm" fw={600} mb="xs">
            {t('helpline.summary.byRoute')}
          </Text>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={summary.data.byRoute.map((g) => ({ ...g, route: t(`helpline.route.${g.key}`) }))}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="route" fontSize={11} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar dataKey="calls" name={t('helpline.summary.calls')} fill="#868e96" isAnimationActive={false} />
              <Bar dataKey="withinTarget" name={t('helpline.summary.within')} fill="#2f9e44" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </Card>
      )}
      <MonthlyChart />
      <Group gap="sm" align="flex-end">
        <Select
          label={t('helpline.queue.status')}
          value={status}
          onChange={(v) => {
            setStatus(v ?? '');
            setAfter(undefined);
          }}
          data={[
            { value: '', label: t('helpline.queue.any') },
            ...CALL_STATUSES.map((s) => ({ value: s, label: t(`helpline.status.${s}`) })),
          ]}
          allowDeselect={false}
        />
        <Select
          label={t('helpline.field.urgency')}
          value={urgency}
          onChange={(v) => {
            setUrgency(v ?? '');
            setAfter(undefined);
          }}
          data={[{ value: '', label: t('helpline.queue.any') }, ...URGENCIES.map((u) => ({ value: u, label: t(`helpline.urgency.${u}`) }))]}
          allowDeselect={false}
        />
      </Group>
      {calls.isPending ? (
        <Loading />
      ) : calls.error ? (
        <ErrorMessage error={calls.error} />
      ) : (
        <Table striped highlightOnHover data-testid="helpline-queue">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('helpline.queue.what')}</Table.Th>
              <Table.Th>{t('helpline.field.urgency')}</Table.Th>
              <Table.Th>{t('helpline.queue.route')}</Table.Th>
              <Table.Th>{t('helpline.queue.clock')}</Table.Th>
              <Table.Th>{t('helpline.queue.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {calls.data.items.map((c) => (
              <Table.Tr key={c.id} data-call={c.number}>
                <Table.Td>
                  <Anchor component={Link} to={`/helpline/calls/${c.id}`} aria-label={t('helpline.call.title', { number: c.number })}>
                    {c.number}
                  </Anchor>
                  {!!c.repeatCalls && (
                    <Badge ml={4} size="xs" color="grape" title={t('helpline.queue.repeatTitle', { count: c.repeatCalls })}>
                      {t('helpline.queue.repeat')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.categories.map((k) => t(`helpline.category.${k}`)).join(', ')}</Text>
                  <Text size="xs" c="dimmed">
                    {c.children?.map((k) => k.name || k.nameLocal || t('helpline.queue.unnamed')).join(', ') ??
                      t('helpline.queue.withheld')}
                    {c.locationText ? ` · ${c.locationText}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {c.urgency && <Badge color={c.urgency === 'emergency' ? 'red' : 'gray'}>{t(`helpline.urgency.${c.urgency}`)}</Badge>}
                </Table.Td>
                <Table.Td>{c.route ? t(`helpline.route.${c.route}`) : '—'}</Table.Td>
                <Table.Td>
                  <Clock call={c} />
                </Table.Td>
                <Table.Td>{t(`helpline.status.${c.status}`)}</Table.Td>
                <Table.Td>
                  {can('helpline.dispatch') && (
                    <Actions call={c} onStep={(s, outcome, kind) => step.mutate({ call: c, step: s, outcome, kind })} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {calls.data && (
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {t('helpline.queue.showing', {
              count: calls.data.items.length,
              total: calls.data.totalCapped ? `${calls.data.total}+` : calls.data.total,
            })}
          </Text>
          {after && (
            <Button size="xs" variant="subtle" onClick={() => setAfter(undefined)}>
              {t('helpline.queue.first')}
            </Button>
          )}
          {calls.data.nextCursor && (
            <Button size="xs" variant="light" onClick={() => setAfter(calls.data.nextCursor ?? undefined)}>
              {t('helpline.queue.next')}
            </Button>
          )}
        </Group>
      )}
      {step.error && <ErrorMessage error={step.error} />}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Card>
  );
}

function Clock({ call }: { call: Call }) {
  const { t } = useTranslation();
  if (call.status === 'draft') return <Text size="sm">—</Text>;
  const color = call.overdue ? 'red' : call.dueSoon ? 'orange' : call.reachedAt ? 'green' : undefined;
  return (
    <Text size="sm" c={color} fw={call.overdue ? 700 : undefined}>
      {t('helpline.queue.minutes', { elapsed: call.elapsedMinutes ?? 0, target: call.targetMinutes ?? '—' })}
      {call.overdue ? ` · ${t('helpline.queue.overdue')}` : call.dueSoon ? ` · ${t('helpline.queue.dueSoon')}` : ''}
    </Text>
  );
}

/**
 * The month's median and 90th percentile minutes from the call to the child reached, per route
 * (GET /helpline/figures/monthly: percentile_cont in SQL, per district), with the CSV of the months.
 */
function MonthlyChart() {
  const { t } = useTranslation();
  const monthly = useMonthly();
  if (!monthly.data) return null;
  const month = monthly.data.to;
  const data = monthly.data.rows
    .filter((r) => r.month === month && r.dim === 'route' && r.reached > 0)
    .map((r) => ({ route: t(`helpline.route.${r.key}`), p50: r.p50Minutes, p90: r.p90Minutes }));
  return (
    <Card withBorder padding="sm" aria-label={t('helpline.monthly.title')} data-testid="helpline-monthly">
      <Group justify="space-between" mb="xs">
        <Text size="sm" fw={600}>
          {t('helpline.monthly.title')} · {month}
        </Text>
        <Anchor size="sm" href={`/api/v1/helpline/figures/monthly/export?from=${monthly.data.from}&to=${month}`} download>
          {t('helpline.monthly.export')}
        </Anchor>
      </Group>
      {data.length ? (
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="route" fontSize={11} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="p50" name={t('helpline.monthly.p50')} fill="#0072B2" isAnimationActive={false} />
            <Bar dataKey="p90" name={t('helpline.monthly.p90')} fill="#E69F00" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      ) : (
        <Text size="sm" c="dimmed">
          {t('helpline.monthly.none')}
        </Text>
      )}
    </Card>
  );
}

function Actions({
  call,
  onStep,
}: {
  call: Call;
  onStep: (s: 'dispatch' | 'on-the-way' | 'reached' | 'handed-to' | 'close', outcome?: string, kind?: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {call.status === 'open' && (
        <Button size="xs" variant="light" onClick={() => onStep('dispatch')}>
          {t('helpline.action.dispatch')}
        </Button>
      )}
      {call.status === 'dispatched' && !call.onTheWayAt && (
        <Button size="xs" variant="light" onClick={() => onStep('on-the-way')}>
          {t('helpline.action.onTheWay')}
        </Button>
      )}
      {(call.status === 'open' || call.status === 'dispatched') && (
        <Button size="xs" variant="light" onClick={() => onStep('reached')}>
          {t('helpline.action.reached')}
        </Button>
      )}
      {call.status === 'reached' && !call.handedToKind && (
        <Select
          size="xs"
          w={150}
          aria-label={t('helpline.handedTo.label')}
          placeholder={t('helpline.handedTo.label')}
          data={HANDED_TO.map((k) => ({ value: k, label: t(`helpline.handedTo.${k}`) }))}
          onChange={(v) => v && onStep('handed-to', undefined, v)}
        />
      )}
      {call.status === 'reached' && (
        <Button size="xs" variant="light" onClick={() => onStep('close', 'resolved')}>
          {t('helpline.action.close')}
        </Button>
      )}
    </Group>
  );
}
