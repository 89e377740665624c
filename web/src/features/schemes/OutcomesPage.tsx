import { Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { placeLabel } from '../../components/PersonName';
import { ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { useVillages } from '../registry/api';
import { PageHeader } from '../registry/shared/PageHeader';
import { exportUrl, useOutcomes } from './api';
import { compact, parseOutcomesSearch, type OutcomesSearch } from './filters';
import { useDocLabel, useSchemeName } from './shared';
import type { Outcomes } from './types';
import { todayIst } from '../../app/clock';

// Colour-blind-safe palette (Okabe–Ito), as on the vulnerability map.
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

/** Families linked, children receiving each scheme, documents secured: by place and month. */
export default function OutcomesPage() {
  const { t, i18n } = useTranslation();
  const search = parseOutcomesSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const navigate = useNavigate();
  const update = (patch: Partial<OutcomesSearch>) =>
    void navigate({ to: '/scheme-outcomes', search: compact({ ...search, ...patch }) as never, replace: true });
  const villages = useVillages();
  const q = { ...search };
  const res = useOutcomes(q);
  return (
    <>
      <PageHeader
        title={t('schemes.outcomes.title')}
        subtitle={<Text size="sm">{t('schemes.outcomes.intro')}</Text>}
        actions={
          <>
            <Button component="a" href={exportUrl('/scheme-outcomes/export', q, 'csv')} variant="default" size="xs">
              {t('schemes.outcomes.export')} {t('schemes.common.csv')}
            </Button>
            <Button component="a" href={exportUrl('/scheme-outcomes/export', q, 'xlsx')} variant="default" size="xs">
              {t('schemes.outcomes.export')} {t('schemes.common.excel')}
            </Button>
          </>
        }
      />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <TextInput
          type="date"
          label={t('schemes.outcomes.from')}
          value={search.from ?? res.data?.from ?? ''}
          max={todayIst()}
          onChange={(e) => update({ from: e.currentTarget.value || undefined })}
          w={170}
        />
        <TextInput
          type="date"
          label={t('schemes.outcomes.to')}
          value={search.to ?? res.data?.to ?? ''}
          max={todayIst()}
          onChange={(e) => update({ to: e.currentTarget.value || undefined })}
          w={170}
        />
        <Select
          label={t('schemes.common.place')}
          placeholder={t('schemes.common.all')}
          data={(villages.data ?? []).map((v) => ({ value: v.id, label: placeLabel(v, i18n.language) }))}
          value={search.locationId ?? null}
          onChange={(v) => update({ locationId: v ?? undefined })}
          clearable
          searchable
          w={220}
        />
        <Select
          label={t('schemes.outcomes.groupBy')}
          data={(['district', 'subdistrict', 'village'] as const).map((l) => ({ value: l, label: t(`schemes.outcomes.level.${l}`) }))}
          value={search.groupBy ?? res.data?.groupBy ?? null}
          onChange={(v) => update({ groupBy: (v as OutcomesSearch['groupBy']) ?? undefined })}
          w={170}
        />
      </Group>
      {res.error && <ErrorMessage error={res.error} />}
      {!res.data && !res.error && <Loading />}
      {res.data && <OutcomesView o={res.data} />}
    </>
  );
}

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700}>
        {value}
      </Text>
      {detail && <Text size="xs">{detail}</Text>}
    </Card>
  );
}

function OutcomesView({ o }: { o: Outcomes }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const name = useSchemeName();
  const docLabel = useDocLabel();
  const months = o.months.map((m) => ({
    month: f.month(`${m.month}-01`),
    linked: m.familiesLinked,
    certificates: m.certificatesSecured,
    other: m.documentsSecured - m.certificatesSecured,
    ...Object.fromEntries(o.schemes.map((s) => [s.id, m.childrenReceiving[s.id] ?? 0])),
  }));
  const types = Object.entries(o.totals.documentsSecuredByType).sort((a, b) => b[1] - a[1]);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Figure
          label={t('schemes.outcomes.linked')}
          value={f.number(o.totals.familiesLinked)}
          detail={t('schemes.outcomes.linkedOf', { linked: f.number(o.totals.familiesLinked), families: f.number(o.totals.families) })}
        />
        {o.schemes.map((s) => (
          <Figure
            key={s.id}
            label={`${t('schemes.outcomes.receiving')}: ${name(s.name)}`}
            value={f.number(o.totals.childrenReceiving[s.id] ?? 0)}
          />
        ))}
        <Figure
          label={t('schemes.outcomes.certs')}
          value={f.number(o.totals.certificatesSecured)}
          detail={`${t('schemes.outcomes.docs')}: ${f.number(o.totals.documentsSecured)}`}
        />
      </SimpleGrid>
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="sm">
          {t('schemes.outcomes.chart')}
        </Title>
        <div data-testid="outcomes-chart" aria-hidden="true" style={{ width: '100%', height: 280 }}>
          <ResponsiveContainer>
            <LineChart data={months} margin={{ top: 8, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" fontSize={11} />
              <YAxis allowDecimals={false} fontSize={11} tickFormatter={(n: number) => f.number(n)} />
              <Tooltip formatter={(n) => f.number(Number(n))} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Line
                type="monotone"
                dataKey="linked"
                name={t('schemes.outcomes.linked')}
                stroke={COLOURS[0]}
                strokeWidth={2}
                isAnimationActive={false}
              />
              {o.schemes.map((s, i) => (
                <Line
                  key={s.id}
                  type="monotone"
                  dataKey={s.id}
                  name={`${t('schemes.outcomes.receiving')}: ${name(s.name)}`}
                  stroke={COLOURS[(i + 1) % COLOURS.length]}
                  strokeWidth={2}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <div data-testid="documents-chart" aria-hidden="true" style={{ width: '100%', height: 220 }}>
          <ResponsiveContainer>
            <BarChart data={months} margin={{ top: 8, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" fontSize={11} />
              <YAxis allowDecimals={false} fontSize={11} />
              <Tooltip formatter={(n) => f.number(Number(n))} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="certificates" stackId="d" name={t('schemes.outcomes.certs')} fill={COLOURS[2]} isAnimationActive={false} />
              <Bar dataKey="other" stackId="d" name={t('schemes.outcomes.docs')} fill={COLOURS[5]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        {/* The same figures as a table, for screen readers and for copying. */}
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('schemes.outcomes.month')}</Table.Th>
                <Table.Th scope="col">{t('schemes.outcomes.linked')}</Table.Th>
                <Table.Th scope="col">{t('schemes.outcomes.newly')}</Table.Th>
                {o.schemes.map((s) => (
                  <Table.Th scope="col" key={s.id}>
                    {name(s.name)}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('schemes.outcomes.certs')}</Table.Th>
                <Table.Th scope="col">{t('schemes.outcomes.docs')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Td>{f.month(`${m.month}-01`)}</Table.Td>
                  <Table.Td>{f.number(m.familiesLinked)}</Table.Td>
                  <Table.Td>{f.number(m.newlyLinked)}</Table.Td>
                  {o.schemes.map((s) => (
                    <Table.Td key={s.id}>{f.number(m.childrenReceiving[s.id] ?? 0)}</Table.Td>
                  ))}
                  <Table.Td>{f.number(m.certificatesSecured)}</Table.Td>
                  <Table.Td>{f.number(m.documentsSecured)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="sm">
          {t('schemes.outcomes.byArea')}
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm" striped data-testid="outcomes-areas">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`schemes.outcomes.level.${o.groupBy}`)}</Table.Th>
                <Table.Th scope="col">{t('schemes.outcomes.families')}</Table.Th>
                <Table.Th scope="col">{t('schemes.outcomes.linked')}</Table.Th>
                <Table.Th scope="col">{t('schemes.outcomes.receivingAny')}</Table.Th>
                <Table.Th scope="col">{t('schemes.outcomes.certs')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.areas.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{placeLabel(a, i18n.language)}</Table.Td>
                  <Table.Td>{f.number(a.families)}</Table.Td>
                  <Table.Td>{f.number(a.familiesLinked)}</Table.Td>
                  <Table.Td>{f.number(a.childrenReceivingAny)}</Table.Td>
                  <Table.Td>{f.number(a.certificatesSecured)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="sm">
          {t('schemes.outcomes.byType')}
        </Title>
        <Table fz="sm">
          <Table.Tbody>
            {types.map(([doc, n]) => (
              <Table.Tr key={doc}>
                <Table.Td>{docLabel(doc)}</Table.Td>
                <Table.Td>{f.number(n)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
