import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { queryString } from '../../api/client';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import { useCan } from '../../auth/session';
import { useDistrictLedger, useDueMonth, useLedger, type Payment, type Totals } from './api';
import { PaymentForm } from './PaymentForm';

const STATUS_COLOUR = { due: 'yellow', paid: 'green', withheld: 'red' } as const;
const inr = (n: number) => `₹${n.toLocaleString('en-IN')}`;

/**
 * The monthly grant ledger of sponsorship (JJ Act 2015 s.45), foster care and aftercare: ₹4,000 a
 * month per child under the Mission Vatsalya guidelines 2022 (the rate is data on the server);
 * the district's totals due, paid and withheld, each month's entry, and a CSV export.
 */
export default function LedgerPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const districts = useDistrictLedger(range);
  const entries = useLedger(range);
  const set = (k: 'from' | 'to') => (v: string) => setRange((r) => ({ ...r, [k]: v || undefined }));
  const can = useCan();
  const [marking, setMarking] = useState<Payment | null>(null);
  const dueMonth = useDueMonth();
  return (
    <>
      <PageHeader
        title={t('care.ledger.title')}
        subtitle={<Text size="sm">{t('care.ledger.intro')}</Text>}
        actions={
          <Group>
            <TextInput
              type="month"
              aria-label={t('care.ledger.from')}
              value={range.from ?? ''}
              onChange={(e) => set('from')(e.currentTarget.value)}
            />
            <TextInput
              type="month"
              aria-label={t('care.ledger.to')}
              value={range.to ?? ''}
              onChange={(e) => set('to')(e.currentTarget.value)}
            />
            <Button component="a" variant="default" href={`/api/v1/care/payments/export${queryString(range)}`}>
              {t('care.ledger.csv')}
            </Button>
            {can('care.write') && (
              <Button variant="light" loading={dueMonth.isPending} onClick={() => dueMonth.mutate(undefined)}>
                {t('care.ledger.makeDue')}
              </Button>
            )}
          </Group>
        }
      />
      <QueryState query={districts}>
        {(data) => (
          <>
            <TotalsCards totals={data.totals} />
            <Table striped aria-label={t('care.ledger.districts')} mb="lg">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('care.level.district')}</Table.Th>
                  <Table.Th>{t('care.ledger.kind')}</Table.Th>
                  <Table.Th>{t('care.ledger.status.due')}</Table.Th>
                  <Table.Th>{t('care.ledger.status.paid')}</Table.Th>
                  <Table.Th>{t('care.ledger.status.withheld')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((d) => (
                  <Table.Tr key={`${d.districtCode}:${d.kind}`}>
                    <Table.Td>{d.districtCode}</Table.Td>
                    <Table.Td>{t(`care.ledger.kinds.${d.kind}`)}</Table.Td>
                    <Table.Td>{inr(d.due)}</Table.Td>
                    <Table.Td>{inr(d.paid)}</Table.Td>
                    <Table.Td>{inr(d.withheld)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </QueryState>
      {dueMonth.data && (
        <Text role="status" mb="sm">
          {t('care.ledger.madeDue', { count: dueMonth.data.created, month: dueMonth.data.month })}
        </Text>
      )}
      <Title order={4} mb="xs">
        {t('care.ledger.entries')}
      </Title>
      {marking && <PaymentForm key={marking.id} payment={marking} onDone={() => setMarking(null)} />}
      <QueryState query={entries}>
        {(data) =>
          data.items.length ? (
            <>
              <Table striped aria-label={t('care.ledger.entries')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('care.ledger.month')}</Table.Th>
                    <Table.Th>{t('care.col.child')}</Table.Th>
                    <Table.Th>{t('care.ledger.kind')}</Table.Th>
                    <Table.Th>{t('care.ledger.amount')}</Table.Th>
                    <Table.Th>{t('care.col.status')}</Table.Th>
                    <Table.Th>{t('care.ledger.paidOn')}</Table.Th>
                    {can('care.write') && <Table.Th>{t('care.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{p.month}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/children/${p.childId}`}>
                          {p.childId.slice(0, 8)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t(`care.ledger.kinds.${p.kind}`)}</Table.Td>
                      <Table.Td>{inr(p.amount)}</Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLOUR[p.status]}>{t(`care.ledger.status.${p.status}`)}</Badge>
                        {p.reason && (
                          <Text size="xs" c="dimmed">
                            {p.reason}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{p.paidOn ?? '—'}</Table.Td>
                      {can('care.write') && (
                        <Table.Td>
                          {p.status !== 'paid' && (
                            <Button size="xs" variant="light" onClick={() => setMarking(p)}>
                              {t('care.ledger.mark')}
                            </Button>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="xs" c="dimmed" mt="xs">
                {data.rate.source}
              </Text>
            </>
          ) : (
            <Text>{t('care.ledger.none')}</Text>
          )
        }
      </QueryState>
    </>
  );
}

function TotalsCards({ totals }: { totals: Totals }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
      {(['due', 'paid', 'withheld'] as const).map((k) => (
        <Card key={k} withBorder>
          <Text size="sm" c="dimmed">
            {t(`care.ledger.status.${k}`)}
          </Text>
          <Text fw={600} data-testid={`ledger-${k}`}>
            {inr(totals[k])}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
