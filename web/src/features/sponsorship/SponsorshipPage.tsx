import { useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import { useSponsorships, type Sponsorship } from './api';
import { AbsenceForm, ApplyForm, DecisionForm, ReviewForm } from './forms';
import { SponsorshipRenewalsSection } from '../care/SponsorshipRenewals';

const STATUS_COLOUR: Record<Sponsorship['status'], string> = { applied: 'blue', sanctioned: 'green', refused: 'red', ended: 'gray' };
type Step = 'decide' | 'review' | 'absence';

/**
 * Sponsorship (JJ Act 2015 s.45; JJ Model Rules 2016 R.24, Form 36; Mission Vatsalya 2022 4.1):
 * each application with the clock it runs on (the committee's decision, the yearly review, the
 * last day before a pause), its source, and the step the district records next.
 */
export default function SponsorshipPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const list = useSponsorships(overdueOnly ? { overdue: 'true' } : {});
  const [acting, setActing] = useState<{ s: Sponsorship; step: Step } | null>(null);
  const done = () => setActing(null);
  return (
    <>
      <PageHeader title={t('sponsorship.title')} subtitle={<Text size="sm">{t('sponsorship.intro')}</Text>} />
      <Checkbox
        mb="sm"
        label={t('sponsorship.overdueOnly')}
        checked={overdueOnly}
        onChange={(e) => setOverdueOnly(e.currentTarget.checked)}
      />
      <QueryState query={list}>
        {(data) =>
          data.items.length ? (
            <Table striped aria-label={t('sponsorship.title')} mb="lg">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sponsorship.col.child')}</Table.Th>
                  <Table.Th>{t('sponsorship.col.ground')}</Table.Th>
                  <Table.Th>{t('sponsorship.col.applied')}</Table.Th>
                  <Table.Th>{t('sponsorship.col.status')}</Table.Th>
                  <Table.Th>{t('sponsorship.col.clocks')}</Table.Th>
                  {can('care.write') && <Table.Th>{t('sponsorship.actions.label')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/children/${s.childId}`}>
                        {s.childId.slice(0, 8)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`sponsorship.ground.${s.ground}`)}</Table.Td>
                    <Table.Td>{s.appliedOn}</Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        <Badge color={STATUS_COLOUR[s.status]}>{t(`sponsorship.status.${s.status}`)}</Badge>
                        {s.status === 'sanctioned' && s.monthlyAmount != null && (
                          <Text size="xs">
                            {t('sponsorship.perMonth', { amount: s.monthlyAmount.toLocaleString('en-IN'), order: s.orderRef })}
                          </Text>
                        )}
                        {s.status === 'sanctioned' && s.validUntil && (
                          <Text size="xs">{t('sponsorship.validUntil', { on: s.validUntil })}</Text>
                        )}
                        {s.status === 'ended' && s.endedOn && (
                          <Text size="xs">
                            {t('sponsorship.endedOn', { on: s.endedOn })}
                            {s.endReason ? ` · ${t(`care.renewals.end.reasons.${s.endReason}`, { defaultValue: s.endReason })}` : ''}
                          </Text>
                        )}
                        {s.paused && <Badge color="orange">{t('sponsorship.paused', { from: s.pauses.at(-1)?.from })}</Badge>}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {s.clocks.map((c) => (
                          <Group key={c.key} gap="xs" wrap="nowrap">
                            <Text size="sm">
                              {t(`sponsorship.clock.${c.key}`)}: {c.dueOn}
                            </Text>
                            {c.overdue && <Badge color="red">{t('sponsorship.overdue')}</Badge>}
                            <Text size="xs" c="dimmed">
                              {c.citation}
                            </Text>
                          </Group>
                        ))}
                      </Stack>
                    </Table.Td>
                    {can('care.write') && (
                      <Table.Td>
                        <Group gap="xs">
                          {s.status === 'applied' && (
                            <Button size="xs" variant="light" onClick={() => setActing({ s, step: 'decide' })}>
                              {t('sponsorship.actions.decide')}
                            </Button>
                          )}
                          {s.status === 'sanctioned' && (
                            <>
                              <Button size="xs" variant="light" onClick={() => setActing({ s, step: 'review' })}>
                                {t('sponsorship.actions.review')}
                              </Button>
                              <Button size="xs" variant="light" onClick={() => setActing({ s, step: 'absence' })}>
                                {t('sponsorship.actions.absence')}
                              </Button>
                            </>
                          )}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text mb="lg">{t('sponsorship.none')}</Text>
          )
        }
      </QueryState>
      {acting?.step === 'decide' && <DecisionForm key={acting.s.id} s={acting.s} onDone={done} />}
      {acting?.step === 'review' && <ReviewForm key={acting.s.id} s={acting.s} onDone={done} />}
      {acting?.step === 'absence' && <AbsenceForm key={acting.s.id} s={acting.s} onDone={done} />}
      {/* Renewal and ending of sanctioned sponsorships (the care module's, s.45; Mission Vatsalya 2022, 4.1). */}
      <SponsorshipRenewalsSection />
      {can('care.write') && <ApplyForm />}
    </>
  );
}
