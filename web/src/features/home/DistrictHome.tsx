import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { reportUrl, useBreakdown, useDistrictHome, type DistrictHome, type IndicatorValue } from './api';
import { KindBadge, useTitle } from './shared';
import { SnapshotsPanel } from './SnapshotsPanel';
import { RecipientsPanel } from './RecipientsPanel';
import { thisMonthIst } from '../../app/clock';

const BREAKDOWNS: Record<string, string[]> = {
  child: ['sex', 'age_band', 'social_category', 'disability', 'block', 'village'],
  action: ['department', 'block'],
  missing: ['sex', 'age_band', 'block', 'village'],
  // A 1098 call is about a place, not a registry child (src/dashboards/domain/indicator.ts).
  helpline: ['block', 'village'],
};
const PREFIXES: [string, string][] = [
  ['cases_', 'child'],
  ['actions_', 'action'],
  ['missing_', 'missing'],
  ['helpline_', 'helpline'],
];
/** The breakdowns follow the indicator's source; care (children in care) breaks down as a child does. */
const sourceOf = (id: string) => PREFIXES.find(([p]) => id.startsWith(p))?.[1] ?? 'child';

/** One indicator: the figure, its rate, and its 12-month trend with the table behind the chart. */
function IndicatorCard({ v, onOpen, open }: { v: IndicatorValue; onOpen: () => void; open: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = useTitle();
  if (v.status !== 'live') {
    return (
      <Card withBorder padding="sm" data-testid={`indicator-${v.id}`}>
        <Text size="xs" c="dimmed">
          {title(v.title)}
        </Text>
        <Text size="sm">{t('home.district.awaiting', { module: v.awaits })}</Text>
      </Card>
    );
  }
  const data = v.trend.map((p) => ({ month: f.month(`${p.month}-01`), value: p.numerator }));
  return (
    <Card withBorder padding="sm" data-testid={`indicator-${v.id}`} bg={open ? 'var(--mantine-color-blue-0)' : undefined}>
      <UnstyledButton onClick={onOpen} aria-expanded={open} style={{ width: '100%' }}>
        <Text size="xs" c="dimmed">
          {title(v.title)}
        </Text>
        <Text fz={26} fw={700}>
          {v.rate !== null ? `${f.decimal(v.rate)}%` : f.number(v.numerator)}
        </Text>
        <Text size="xs">
          {v.denominator !== null && `${f.number(v.numerator)} ${t('home.district.of', { n: f.number(v.denominator) })}`}
          {v.medianDays !== null && ` · ${t('home.district.median', { n: f.decimal(v.medianDays) })}`}
        </Text>
      </UnstyledButton>
      {data.length > 0 && (
        <>
          <div className="trend-chart" aria-hidden="true" style={{ width: '100%', height: 90 }}>
            <ResponsiveContainer>
              {/* Hidden from screen readers (the table below says the same): no keyboard stop inside either (axe 'aria-hidden-focus'). */}
              <LineChart data={data} margin={{ top: 6, right: 6, bottom: 0, left: -28 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="month" fontSize={9} interval={2} />
                <YAxis allowDecimals={false} fontSize={9} />
                <Tooltip formatter={(n) => f.number(Number(n))} />
                <Line type="monotone" dataKey="value" name={title(v.title)} stroke="#0072B2" dot={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
          <details>
            <summary style={{ fontSize: 12 }}>{t('home.district.table')}</summary>
            <Table fz="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('home.district.month')}</Table.Th>
                  <Table.Th>{t('home.district.value')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((d) => (
                  <Table.Tr key={d.month}>
                    <Table.Td>{d.month}</Table.Td>
                    <Table.Td>{f.number(d.value)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </details>
        </>
      )}
    </Card>
  );
}

function BreakdownPanel({ v, district }: { v: IndicatorValue; district?: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = useTitle();
  const options = BREAKDOWNS[sourceOf(v.id)];
  const [by, setBy] = useState(options[0]);
  const q = useBreakdown(v.id, by, district);
  const toList = (extra: Record<string, string | number>) => ({ indicator: v.id, ...(district ? { district } : {}), ...extra });
  return (
    <Card withBorder data-testid="breakdown">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('home.district.breakdown')}: {title(v.title)}
        </Title>
        {/* Every figure opens the list of the records it counts (src/dashboards/lists.service.ts). */}
        <Button component={Link} to="/home/records" search={toList({}) as never} size="xs" data-testid="open-records">
          {t('home.records.open', { n: f.number(v.numerator ?? 0) })}
        </Button>
        <Select
          label={t('home.district.by')}
          data={options.map((o) => ({ value: o, label: t(`home.by.${o}`) }))}
          value={by}
          onChange={(x) => x && setBy(x)}
          w={200}
          allowDeselect={false}
        />
      </Group>
      <QueryState query={q}>
        {(b) => (
          <Table striped>
            <Table.Tbody>
              {b.rows.map((r) => (
                <Table.Tr key={r.key ?? 'none'}>
                  <Table.Td>
                    {by === 'block' || by === 'village' || by === 'department'
                      ? r.label
                      : t(`home.value.${r.label}`, { defaultValue: r.label })}
                  </Table.Td>
                  <Table.Td>
                    {r.key !== null ? (
                      <Anchor component={Link} to="/home/records" search={toList({ by, key: r.key }) as never}>
                        {f.number(r.numerator)}
                      </Anchor>
                    ) : (
                      f.number(r.numerator)
                    )}
                  </Table.Td>
                  <Table.Td>{r.denominator !== null ? t('home.district.of', { n: f.number(r.denominator) }) : ''}</Table.Td>
                  <Table.Td>{r.rate !== null ? `${f.decimal(r.rate)}%` : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Card>
  );
}

/** Children in institutional vs family-based care over 12 months, with the table behind the chart. */
function CareTrend({ d }: { d: DistrictHome }) {
  const { t } = useTranslation();
  const f = useFormat();
  const data = d.careTrend.map((p) => ({ month: f.month(`${p.month}-01`), institution: p.institution, family: p.family }));
  return (
    <Card withBorder data-testid="care-trend">
      <Title order={2} size="h4" mb="sm">
        {t('home.care.title')}
      </Title>
      <div aria-hidden="true" style={{ width: '100%', height: 220 }}>
        <ResponsiveContainer>
          <LineChart data={data} margin={{ top: 6, right: 12, bottom: 0, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" fontSize={10} />
            <YAxis allowDecimals={false} fontSize={10} />
            <Tooltip formatter={(n) => f.number(Number(n))} />
            <Legend />
            <Line type="monotone" dataKey="institution" name={t('home.care.institution')} stroke="#D55E00" isAnimationActive={false} />
            <Line type="monotone" dataKey="family" name={t('home.care.family')} stroke="#009E73" isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary style={{ fontSize: 12 }}>{t('home.district.table')}</summary>
        <Table fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('home.district.month')}</Table.Th>
              <Table.Th>{t('home.care.institution')}</Table.Th>
              <Table.Th>{t('home.care.family')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((p) => (
              <Table.Tr key={p.month}>
                <Table.Td>{p.month}</Table.Td>
                <Table.Td>{f.number(p.institution)}</Table.Td>
                <Table.Td>{f.number(p.family)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </Card>
  );
}

function Side({ d }: { d: DistrictHome }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('home.district.decisions')}
        </Title>
        {d.decisionsToday.length === 0 ? (
          <Text c="dimmed">{t('home.district.noDecisions')}</Text>
        ) : (
          <Table striped>
            <Table.Tbody>
              {d.decisionsToday.map((i) => (
                <Table.Tr key={`${i.caseId}-${i.kind}`}>
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
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('home.district.behind')}
        </Title>
        {d.departmentsBehind.length === 0 ? (
          <Text c="dimmed">{t('home.district.noneBehind')}</Text>
        ) : (
          <Table striped data-testid="departments-behind">
            <Table.Tbody>
              {d.departmentsBehind.map((b) => (
                <Table.Tr key={b.department}>
                  <Table.Td>{b.department}</Table.Td>
                  <Table.Td>{f.number(b.overdue)}</Table.Td>
                  <Table.Td>{f.date(b.oldestDue)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </SimpleGrid>
  );
}

/** The district's picture: every indicator with its trend, today's decisions, departments behind. */
export function DistrictHomeView({ district }: { district?: number }) {
  const { t, i18n } = useTranslation();
  const q = useDistrictHome(district);
  const can = useCan();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <QueryState query={q}>
      {(d) => {
        const code = d.area.districtCode;
        const month = thisMonthIst();
        const lang = ['en', 'hi', 'mr'].includes(i18n.language) ? i18n.language : 'en';
        const openV = d.indicators.find((v) => v.id === open);
        return (
          <>
            <PageHeader
              title={`${t('home.district.title')}: ${d.area.name}`}
              subtitle={<Text size="sm">{t('home.district.trend')}</Text>}
              actions={
                code !== null && (
                  <Group gap="xs">
                    {(['pdf', 'xlsx', 'csv'] as const).map((format) => (
                      <Button
                        key={format}
                        component="a"
                        href={reportUrl({ district: code, month, format, lang })}
                        variant="default"
                        size="xs"
                      >
                        {t('home.district.monthly')} {format.toUpperCase()}
                      </Button>
                    ))}
                  </Group>
                )
              }
            />
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} data-testid="indicator-grid">
                {d.indicators.map((v) => (
                  <IndicatorCard key={v.id} v={v} open={open === v.id} onOpen={() => setOpen(open === v.id ? null : v.id)} />
                ))}
              </SimpleGrid>
              {openV && openV.status === 'live' && <BreakdownPanel v={openV} district={district} />}
              <CareTrend d={d} />
              <Side d={d} />
              {code !== null && <SnapshotsPanel district={code} />}
              {code !== null && can('convergence.manage') && <RecipientsPanel district={code} />}
            </Stack>
          </>
        );
      }}
    </QueryState>
  );
}
