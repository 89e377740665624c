import { useState } from 'react';
import { Box, Card, NativeSelect, Progress, Table, Text, Title } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';

interface Progress_ {
  year: string;
  source: string;
  items: {
    districtCode: number;
    measures: { measure: string; target: number; actual: number; percent: number }[];
    byMonth: { month: string; restored: number; familyBased: number; diverted: number; followUps: number }[];
  }[];
}
const YEARS = ['2026-27', '2025-26'];
const COLOURS = ['#1c7ed6', '#37b24d', '#f59f00', '#ae3ec9'];

/** Progress against the district action-plan targets (src/care/domain/targets.json), computed from the records, with a chart over months. */
export default function TargetsPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(YEARS[0]);
  const q = useQuery({
    queryKey: ['care', 'targets', year],
    queryFn: ({ signal }) => api.get<Progress_>('/care/targets', { year }, signal),
  });
  return (
    <>
      <PageHeader
        title={t('care.targets.title')}
        subtitle={<Text size="sm">{t('care.targets.intro')}</Text>}
        actions={
          <NativeSelect aria-label={t('care.targets.year')} data={YEARS} value={year} onChange={(e) => setYear(e.currentTarget.value)} />
        }
      />
      <QueryState query={q}>
        {(data) => (
          <>
            {data.items.map((d) => (
              <Card key={d.districtCode} withBorder mb="md">
                <Title order={4}>
                  {t('care.level.district')} {d.districtCode}
                </Title>
                <Table aria-label={t('care.targets.title')} mb="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('care.targets.measure')}</Table.Th>
                      <Table.Th>{t('care.targets.target')}</Table.Th>
                      <Table.Th>{t('care.targets.actual')}</Table.Th>
                      <Table.Th miw={160}>%</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.measures.map((m) => (
                      <Table.Tr key={m.measure}>
                        <Table.Td>{t(`care.targets.m.${m.measure}`)}</Table.Td>
                        <Table.Td>{m.target}</Table.Td>
                        <Table.Td>{m.actual}</Table.Td>
                        <Table.Td>
                          <Progress value={Math.min(100, m.percent)} />
                          <Text size="xs">{m.percent}%</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <Box h={240}>
                  <ResponsiveContainer>
                    <BarChart data={d.byMonth} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
                      <CartesianGrid strokeDasharray="3 3" />
                      <XAxis dataKey="month" fontSize={11} />
                      <YAxis allowDecimals={false} fontSize={11} />
                      <Tooltip />
                      <Legend wrapperStyle={{ fontSize: 12 }} />
                      {(['restored', 'familyBased', 'diverted', 'followUps'] as const).map((k, i) => (
                        <Bar key={k} dataKey={k} name={t(`care.targets.m.${k}`)} fill={COLOURS[i]} isAnimationActive={false} />
                      ))}
                    </BarChart>
                  </ResponsiveContainer>
                </Box>
              </Card>
            ))}
            <Text size="xs" c="dimmed">
              {data.source}
            </Text>
          </>
        )}
      </QueryState>
    </>
  );
}
