import { Anchor, Card, Select, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { useComparison } from './api';
import { RecipientsPanel } from './RecipientsPanel';
import { useTitle } from './shared';

/** The state's districts side by side, worst first on the chosen indicator; each cell opens the district. */
export function StateComparisonView({ state }: { state?: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = useTitle();
  const [rank, setRank] = useState<string | undefined>(undefined);
  const q = useComparison(rank, state);
  const can = useCan();
  return (
    <QueryState query={q}>
      {(c) => {
        const cell = (x: { numerator: number; denominator: number | null; rate: number | null } | undefined) =>
          !x ? '—' : x.rate !== null ? `${f.number(x.numerator)} (${f.decimal(x.rate)}%)` : f.number(x.numerator);
        const withData = c.districts.filter((d) => Object.values(d.cells).some((x) => x.numerator > 0 || (x.denominator ?? 0) > 0));
        const chart = withData
          .slice(0, 15)
          .map((d) => ({ name: d.name, value: d.cells[c.rankedBy]?.rate ?? d.cells[c.rankedBy]?.numerator ?? 0 }));
        return (
          <>
            <PageHeader
              title={`${t('home.comparison.title')}: ${c.state.name}`}
              subtitle={<Text size="sm">{t('home.comparison.intro')}</Text>}
            />
            <Select
              label={t('home.comparison.rank')}
              data={c.indicators.map((i) => ({ value: i.id, label: title(i.title) }))}
              value={c.rankedBy}
              onChange={(v) => v && setRank(v)}
              w={360}
              mb="md"
              allowDeselect={false}
            />
            {chart.length > 0 && (
              <Card withBorder mb="md">
                <div aria-hidden="true" style={{ width: '100%', height: 220 }} className="comparison-chart">
                  <ResponsiveContainer>
                    <BarChart data={chart} accessibilityLayer={false}>
                      <CartesianGrid strokeDasharray="3 3" />
                      <XAxis dataKey="name" fontSize={11} />
                      <YAxis fontSize={11} />
                      <Tooltip />
                      <Bar dataKey="value" fill="#D55E00" isAnimationActive={false} />
                    </BarChart>
                  </ResponsiveContainer>
                </div>
              </Card>
            )}
            <Table.ScrollContainer minWidth={900}>
              <Table striped highlightOnHover data-testid="comparison-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t(c.unit === 'state' ? 'home.comparison.state' : 'home.comparison.district')}</Table.Th>
                    {c.indicators.map((i) => (
                      <Table.Th key={i.id} style={{ fontSize: 11 }}>
                        {title(i.title)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  <Table.Tr fw={700}>
                    <Table.Td>{t(c.unit === 'state' ? 'home.comparison.nationalTotal' : 'home.comparison.total')}</Table.Td>
                    {c.indicators.map((i) => (
                      <Table.Td key={i.id}>{cell(c.total[i.id])}</Table.Td>
                    ))}
                  </Table.Tr>
                  {c.districts.map((d) => (
                    <Table.Tr key={d.districtCode}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to="/home"
                          search={(c.unit === 'state' ? { state: d.districtCode } : { district: d.districtCode }) as never}
                        >
                          {d.name}
                        </Anchor>
                      </Table.Td>
                      {c.indicators.map((i) => (
                        <Table.Td key={i.id}>
                          <Anchor
                            component={Link}
                            to="/home"
                            search={(c.unit === 'state' ? { state: d.districtCode } : { district: d.districtCode }) as never}
                            c="inherit"
                            underline="hover"
                          >
                            {cell(d.cells[i.id])}
                          </Anchor>
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {/* The state's quarterly report recipients (the server checks the state against the reader's). */}
            {c.state.stateCode !== null && can('reports.recipients') && <RecipientsPanel state={c.state.stateCode} />}
          </>
        );
      }}
    </QueryState>
  );
}
