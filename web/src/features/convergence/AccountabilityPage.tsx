import { useState } from 'react';
import { Badge, Button, Card, Group, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { accountabilityExportUrl, useAccountability, useGroups } from './api';
import { percent, useLabels } from './shared';
import type { Accountability } from './types';

// Colour-blind-safe palette (Okabe–Ito), then greys.
const COLOURS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#F0E442',
  '#000000',
  '#777777',
  '#999999',
  '#444444',
  '#BBBBBB',
  '#222222',
];
const METRICS = ['overdue', 'assigned', 'doneOnTime', 'doneLate', 'avgDaysLate', 'onTimeRate', 'attendanceRate'] as const;
const RATE = new Set(['onTimeRate', 'attendanceRate']);

/** Per department and month, with the trend chart and the exports for the monthly review. */
export default function AccountabilityPage() {
  const { t } = useTranslation();
  const groups = useGroups();
  const [groupId, setGroupId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [metric, setMetric] = useState<string>('overdue');
  const [lang, setLang] = useState<string>('en');
  const query = { groupId: groupId ?? undefined, from: from || undefined, to: to || undefined };
  const q = useAccountability({ ...query, metric });
  return (
    <>
      <PageHeader
        title={t('convergence.acc.title')}
        subtitle={<Text size="sm">{t('convergence.acc.intro')}</Text>}
        actions={
          <>
            <Select
              aria-label={t('convergence.acc.reportLang')}
              data={[
                { value: 'en', label: 'English' },
                { value: 'hi', label: 'हिन्दी' },
                { value: 'mr', label: 'मराठी' },
              ]}
              value={lang}
              onChange={(v) => setLang(v ?? 'en')}
              w={120}
              size="xs"
            />
            <Button component="a" href={accountabilityExportUrl(query, 'xlsx', lang)} variant="default" size="xs">
              {t('convergence.acc.exportExcel')}
            </Button>
            <Button component="a" href={accountabilityExportUrl(query, 'pdf', lang)} variant="default" size="xs">
              {t('convergence.acc.exportPdf')}
            </Button>
          </>
        }
      />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <Select
          label={t('convergence.common.group')}
          placeholder={t('convergence.acc.allGroups')}
          data={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
          value={groupId}
          onChange={setGroupId}
          clearable
          w={300}
        />
        <TextInput
          type="month"
          label={t('convergence.common.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={160}
        />
        <TextInput type="month" label={t('convergence.common.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} w={160} />
        <Select
          label={t('convergence.acc.metric')}
          data={METRICS.map((m) => ({ value: m, label: t(`convergence.metric.${m}`) }))}
          value={metric}
          onChange={(v) => setMetric(v ?? 'overdue')}
          w={220}
        />
      </Group>
      <QueryState query={q}>{(a) => <AccountabilityView a={a} metric={metric} />}</QueryState>
    </>
  );
}

export function AccountabilityView({ a, metric }: { a: Accountability; metric: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { dept } = useLabels();
  const rate = RATE.has(metric);
  const chart = a.chart.map((row) => ({
    ...Object.fromEntries(Object.entries(row).map(([k, v]) => [k, rate && typeof v === 'number' ? Math.round(v * 100) : v])),
    label: f.month(`${row.month}-01`),
  }));
  const series = a.trend.series.filter((s) => s.values.some((v) => v !== null && v !== 0));
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {t('convergence.acc.asOf', { date: f.date(a.asOf) })} · {a.groups.map((g) => g.name).join(', ')}
      </Text>
      <Card withBorder mb="md">
        <Title order={2} size="h4" mb="xs">
          {t('convergence.acc.chart')}: {t(`convergence.metric.${metric}`)}
        </Title>
        <div data-testid="accountability-chart" aria-hidden="true" style={{ width: '100%', height: 300 }}>
          <ResponsiveContainer>
            <LineChart data={chart} margin={{ top: 8, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" fontSize={11} />
              <YAxis allowDecimals={!rate} fontSize={11} unit={rate ? '%' : undefined} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {series.map((s, i) => (
                <Line
                  key={s.department}
                  type="monotone"
                  dataKey={s.department}
                  name={dept(s.department)}
                  stroke={COLOURS[i % COLOURS.length]}
                  strokeWidth={2}
                  connectNulls
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </Card>
      <Card withBorder mb="md">
        <Title order={2} size="h4" mb="xs">
          {t('convergence.acc.summary')}
        </Title>
        <Table.ScrollContainer minWidth={760}>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('convergence.common.department')}</Table.Th>
                {(
                  [
                    'metric.assigned',
                    'metric.doneOnTime',
                    'metric.doneLate',
                    'acc.overdueInPeriod',
                    'acc.overdueEarlier',
                    'metric.avgDaysLate',
                    'metric.onTimeRate',
                    'metric.attendanceRate',
                  ] as const
                ).map((k) => (
                  <Table.Th scope="col" key={k} style={{ textAlign: 'right' }}>
                    {t(`convergence.${k}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.summary.map((s) => (
                <Table.Tr key={s.department}>
                  <Table.Td>{dept(s.department)}</Table.Td>
                  <Table.Td align="right">{f.number(s.assigned)}</Table.Td>
                  <Table.Td align="right">{f.number(s.doneOnTime)}</Table.Td>
                  <Table.Td align="right">{f.number(s.doneLate)}</Table.Td>
                  <Table.Td align="right" c={s.overdueAtEnd > s.overdueAtEndEarlier ? 'red' : undefined}>
                    {f.number(s.overdueAtEnd - s.overdueAtEndEarlier)}
                  </Table.Td>
                  <Table.Td align="right" c={s.overdueAtEndEarlier > 0 ? 'red' : undefined}>
                    {f.number(s.overdueAtEndEarlier)}
                  </Table.Td>
                  <Table.Td align="right">{f.decimal(s.avgDaysLate)}</Table.Td>
                  <Table.Td align="right">{percent(s.onTimeRate)}</Table.Td>
                  <Table.Td align="right">{percent(s.attendanceRate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed" mt="xs">
          {t('convergence.acc.overdueNote')}
        </Text>
      </Card>
      {a.attendance.map((g) => (
        <Card withBorder mb="md" key={g.groupId}>
          <Title order={2} size="h4" mb="xs">
            {t('convergence.acc.attendance')}: {g.group}
          </Title>
          <Group gap="xs">
            {g.departments.map((d) => (
              <Badge key={d.department} color={d.irregular ? 'red' : 'green'} variant="light" title={t('convergence.groups.irregular')}>
                {dept(d.department)}: {d.attended}/{d.expected}
              </Badge>
            ))}
          </Group>
        </Card>
      ))}
    </>
  );
}
