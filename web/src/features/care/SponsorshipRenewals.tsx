import { Fragment, useState } from 'react';
import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { todayIst } from '../../app/clock';
import {
  SPONSORSHIP_END_REASONS,
  useEndSponsorship,
  useReassessSponsorship,
  useRenewalDecision,
  useSponsorshipsDue,
  type SponsorshipDueItem,
} from './api';
import { CareFormCard } from './CareTable';
import { HistoryButton, RenewalHistory } from './RenewalHistory';
import { useVersionedSubmit } from './useVersionedSubmit';

const STATE_COLOUR: Record<SponsorshipDueItem['state'], string> = { due: 'yellow', lapsed: 'red', ended: 'gray' };
type Step = 'reassess' | 'decide' | 'end';
type EndResult = { withheldMonths: string[]; paidAfterEnd: string[] };
const optText = (v: string) => (v.trim() ? v.trim() : null);

/**
 * Sponsorships due for renewal (JJ Act 2015 s.45; Mission Vatsalya guidelines 2022, 4.1): those
 * whose sanctioned period ends within the notice or has lapsed, and those ended or refused with
 * ledger months still unpaid; the alerts (lapsed or ended with months due) first. The DCPU
 * re-assesses, the committee renews with a new end or refuses, or the sponsorship is ended with a
 * reason. Every step sends the sponsorship's version (a 409 when someone acted meanwhile); the
 * server checks care.write, so the actions show only to roles that have it.
 */
export function SponsorshipRenewalsSection() {
  const { t } = useTranslation();
  const can = useCan();
  const due = useSponsorshipsDue();
  const [acting, setActing] = useState<{ item: SponsorshipDueItem; step: Step } | null>(null);
  // What the last ending did to the ledger: months withheld, and months already paid after the end (to recover).
  const [ended, setEnded] = useState<EndResult | null>(null);
  const done = () => setActing(null);
  const write = can('care.write');
  // The rows whose renewal history is shown (GET /care/sponsorships/:id/renewals).
  const [history, setHistory] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setHistory((h) => {
      const next = new Set(h);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <>
      <Title order={4} mb="xs">
        {t('care.renewals.title')}
      </Title>
      <QueryState query={due}>
        {(data) => {
          const items = [...data.items].sort((a, b) => Number(b.alert) - Number(a.alert));
          return items.length ? (
            <>
              <Text size="sm" c="dimmed" mb="xs">
                {t('care.renewals.intro', { days: data.withinDays })}
              </Text>
              <Table striped aria-label={t('care.renewals.title')} mb="lg">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('care.col.child')}</Table.Th>
                    <Table.Th>{t('care.renewals.col.periodEnd')}</Table.Th>
                    <Table.Th>{t('care.col.status')}</Table.Th>
                    <Table.Th>{t('care.renewals.col.paymentsDue')}</Table.Th>
                    <Table.Th>{t('care.renewals.col.reassessment')}</Table.Th>
                    {write && <Table.Th>{t('care.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((it) => {
                    const s = it.sponsorship;
                    const open = it.openReassessment;
                    return (
                      <Fragment key={s.id}>
                        <Table.Tr data-alert={it.alert || undefined} data-testid={`renewal-${s.id}`}>
                          <Table.Td>
                            <Anchor component={Link} to={`/children/${s.childId}`}>
                              {s.childId.slice(0, 8)}
                            </Anchor>
                            {s.orderRef && (
                              <Text size="xs" c="dimmed">
                                {s.orderRef}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            {s.validUntil ?? t('care.renewals.noEnd')}
                            {it.daysLeft != null && it.state === 'due' && (
                              <Text size="xs" c="dimmed">
                                {t('care.renewals.daysLeft', { days: it.daysLeft })}
                              </Text>
                            )}
                            {s.endedOn && (
                              <Text size="xs" c="dimmed">
                                {t('care.renewals.endedOn', { on: s.endedOn })}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Stack gap={4}>
                              <Badge color={STATE_COLOUR[it.state]}>{t(`care.renewals.state.${it.state}`)}</Badge>
                              {it.alert && <Badge color="red">{t('care.renewals.alert')}</Badge>}
                            </Stack>
                          </Table.Td>
                          <Table.Td>{it.paymentsDue}</Table.Td>
                          <Table.Td>
                            {open
                              ? t('care.renewals.reassessed', {
                                  on: open.reassessedOn,
                                  recommendation: t(`care.renewals.recommendation.${open.reassessment.recommendation}`),
                                })
                              : '—'}
                            <HistoryButton open={history.has(s.id)} onToggle={() => toggle(s.id)} />
                          </Table.Td>
                          {write && (
                            <Table.Td>
                              {s.status === 'sanctioned' && (
                                <Group gap="xs">
                                  {open ? (
                                    <Button size="xs" variant="light" onClick={() => setActing({ item: it, step: 'decide' })}>
                                      {t('care.renewals.actions.decide')}
                                    </Button>
                                  ) : (
                                    <Button size="xs" variant="light" onClick={() => setActing({ item: it, step: 'reassess' })}>
                                      {t('care.renewals.actions.reassess')}
                                    </Button>
                                  )}
                                  <Button size="xs" variant="default" onClick={() => setActing({ item: it, step: 'end' })}>
                                    {t('care.renewals.actions.end')}
                                  </Button>
                                </Group>
                              )}
                            </Table.Td>
                          )}
                        </Table.Tr>
                        {history.has(s.id) && (
                          <Table.Tr data-testid={`renewal-history-${s.id}`}>
                            <Table.Td colSpan={write ? 6 : 5}>
                              <RenewalHistory path={`/care/sponsorships/${s.id}/renewals`} />
                            </Table.Td>
                          </Table.Tr>
                        )}
                      </Fragment>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </>
          ) : (
            <Text mb="lg">{t('care.renewals.none')}</Text>
          );
        }}
      </QueryState>
      {acting?.step === 'reassess' && <ReassessmentForm key={acting.item.sponsorship.id} item={acting.item} onDone={done} />}
      {acting?.step === 'decide' && <RenewalDecisionForm key={acting.item.sponsorship.id} item={acting.item} onDone={done} />}
      {acting?.step === 'end' && (
        <EndSponsorshipForm key={acting.item.sponsorship.id} item={acting.item} onDone={done} onEnded={setEnded} />
      )}
      {ended && (
        <Text role="status" mb="sm">
          {t('care.renewals.end.result', {
            withheld: ended.withheldMonths.join(', ') || '—',
            paid: ended.paidAfterEnd.join(', ') || '—',
          })}
        </Text>
      )}
    </>
  );
}

const who = (item: SponsorshipDueItem) => item.sponsorship.childId.slice(0, 8);

/** The DCPU's re-assessment before the period ends: who (a role or office, not a name), the recommendation, a summary. */
export function ReassessmentForm({ item, onDone }: { item: SponsorshipDueItem; onDone?: () => void }) {
  const { t } = useTranslation();
  const s = useVersionedSubmit({
    initial: { on: todayIst(), by: '', recommendation: 'renew', summary: '' },
    mutation: useReassessSponsorship(item.sponsorship.id),
    toBody: (form) => ({ ...form, by: form.by.trim(), summary: form.summary.trim() }),
    version: item.sponsorship.version,
    onSuccess: onDone,
  });
  return (
    <CareFormCard
      label={t('care.renewals.reassess.title')}
      title={`${t('care.renewals.reassess.title')}: ${who(item)}`}
      general={s.general}
      pending={s.pending}
      onSubmit={s.submit}
      onCancel={onDone}
    >
      <TextInput type="date" label={t('care.renewals.reassess.on')} {...s.field('on')} />
      <TextInput label={t('care.renewals.reassess.by')} {...s.field('by')} />
      <NativeSelect
        label={t('care.renewals.reassess.recommendation')}
        data={['renew', 'end'].map((v) => ({ value: v, label: t(`care.renewals.recommendation.${v}`) }))}
        {...s.field('recommendation')}
      />
      <Textarea label={t('care.renewals.reassess.summary')} autosize minRows={2} {...s.field('summary')} />
    </CareFormCard>
  );
}

/** The committee's renewal decision: renewed with the new end of the period, or refused (the sponsorship ends). */
export function RenewalDecisionForm({ item, onDone }: { item: SponsorshipDueItem; onDone?: () => void }) {
  const { t } = useTranslation();
  const s = useVersionedSubmit({
    initial: { meetingOn: todayIst(), decision: 'renewed', validUntil: '', reasons: '', ref: '' },
    mutation: useRenewalDecision(item.sponsorship.id),
    toBody: (form) => ({
      meetingOn: form.meetingOn,
      decision: form.decision,
      validUntil: form.decision === 'renewed' ? form.validUntil || null : null,
      reasons: form.reasons.trim(),
      ref: optText(form.ref),
    }),
    validate: (form) =>
      form.decision === 'renewed' && !form.validUntil ? { validUntil: t('care.renewals.decision.validUntilRequired') } : null,
    version: item.sponsorship.version,
    onSuccess: onDone,
  });
  return (
    <CareFormCard
      label={t('care.renewals.decision.title')}
      title={`${t('care.renewals.decision.title')}: ${who(item)}`}
      general={s.general}
      pending={s.pending}
      onSubmit={s.submit}
      onCancel={onDone}
    >
      <TextInput type="date" label={t('care.renewals.decision.meetingOn')} {...s.field('meetingOn')} />
      <NativeSelect
        label={t('care.renewals.decision.decision')}
        data={['renewed', 'refused'].map((v) => ({ value: v, label: t(`care.renewals.decision.${v}`) }))}
        {...s.field('decision')}
      />
      {s.form.decision === 'renewed' && <TextInput type="date" label={t('care.renewals.decision.validUntil')} {...s.field('validUntil')} />}
      <Textarea label={t('care.renewals.decision.reasons')} autosize minRows={2} {...s.field('reasons')} />
      <TextInput label={t('care.renewals.decision.ref')} {...s.field('ref')} />
    </CareFormCard>
  );
}

/** Ending a sanctioned sponsorship with a reason; the ledger's later months are withheld by the server. */
export function EndSponsorshipForm({
  item,
  onDone,
  onEnded,
}: {
  item: SponsorshipDueItem;
  onDone?: () => void;
  onEnded?: (r: EndResult) => void;
}) {
  const { t } = useTranslation();
  const end = useEndSponsorship(item.sponsorship.id);
  const s = useVersionedSubmit({
    initial: { endedOn: todayIst(), reason: SPONSORSHIP_END_REASONS[0] as string, notes: '' },
    mutation: {
      isPending: end.isPending,
      mutate: (body: Record<string, unknown>, cb: { onSuccess: () => void; onError: (err: unknown) => void }) =>
        end.mutate(body, {
          onSuccess: (r) => {
            onEnded?.(r);
            cb.onSuccess();
          },
          onError: cb.onError,
        }),
    },
    toBody: (form) => ({ endedOn: form.endedOn, reason: form.reason, notes: optText(form.notes) }),
    version: item.sponsorship.version,
    onSuccess: onDone,
  });
  return (
    <CareFormCard
      label={t('care.renewals.end.title')}
      title={`${t('care.renewals.end.title')}: ${who(item)}`}
      general={s.general}
      pending={s.pending}
      onSubmit={s.submit}
      onCancel={onDone}
    >
      <TextInput type="date" label={t('care.renewals.end.endedOn')} {...s.field('endedOn')} />
      <NativeSelect
        label={t('care.renewals.end.reason')}
        data={SPONSORSHIP_END_REASONS.map((r) => ({ value: r, label: t(`care.renewals.end.reasons.${r}`) }))}
        {...s.field('reason')}
      />
      <Textarea label={t('care.renewals.end.notes')} autosize minRows={2} {...s.field('notes')} />
    </CareFormCard>
  );
}
