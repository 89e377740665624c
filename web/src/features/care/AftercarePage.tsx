import { useState } from 'react';
import { Badge, Button, Checkbox, Group, NativeSelect, NumberInput, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import {
  useAftercarePlans,
  useAftercareStayProposals,
  useAllStays,
  useCreateAftercare,
  useReviewAftercare,
  type AftercarePlan,
  type AftercareStayProposal,
  type Stay,
} from './api';
import { CareFormCard, CareTable, childColumn } from './CareTable';

import { useVersionedSubmit } from './useVersionedSubmit';
import { todayIst } from '../../app/clock';

/**
 * Aftercare (JJ Act 2015 s.46; JJ Model Rules 2016 r.25): a young person leaving care at 18 may be
 * supported until 21 on the CWC's order (Form 37). The plans with their review clock and what each
 * follows (a stay discharged to aftercare, a foster placement), the stays discharged to aftercare
 * that no plan follows yet (a plan made from one links it, as *Foster placements* does for foster
 * children), a plan for a child in care from 17 years 6 months (the stays' aftercare flag), and
 * each plan's reviews.
 */
export default function AftercarePage() {
  const { t } = useTranslation();
  const can = useCan();
  const plans = useAftercarePlans();
  const [reviewing, setReviewing] = useState<AftercarePlan | null>(null);
  return (
    <>
      <PageHeader title={t('care.aftercare.title')} subtitle={<Text size="sm">{t('care.aftercare.intro')}</Text>} />
      <QueryState query={plans}>
        {(data) => <AftercareTable plans={data.items} onReview={can('care.write') ? setReviewing : undefined} />}
      </QueryState>
      {reviewing && <AftercareReviewForm key={reviewing.id} plan={reviewing} onDone={() => setReviewing(null)} />}
      {can('care.write') && <DischargedToAftercare />}
      {can('care.write') && <EligibleAftercare />}
    </>
  );
}

export function AftercareTable({ plans, onReview }: { plans: AftercarePlan[]; onReview?: (p: AftercarePlan) => void }) {
  const { t } = useTranslation();
  return (
    <CareTable
      label={t('care.aftercare.plans')}
      rows={plans}
      empty={t('care.aftercare.none')}
      columns={[
        childColumn<AftercarePlan>(),
        { header: 'care.col.order', cell: (p) => p.orderRef },
        { header: 'care.aftercare.planOn', cell: (p) => p.planOn },
        { header: 'care.aftercare.endsOn', cell: (p) => p.endsOn ?? '—' },
        { header: 'care.aftercare.follows', cell: (p) => <FollowsText follows={p.follows ?? null} /> },
        {
          header: 'care.aftercare.nextReview',
          cell: (p) => (
            <>
              <Group gap="xs">
                <span>{p.status === 'active' ? p.nextReviewDue : '—'}</span>
                {p.status === 'active' && p.reviewOverdue && <Badge color="red">{t('care.overdue')}</Badge>}
              </Group>
              {p.reviews.length > 0 && (
                <Text size="xs" c="dimmed">
                  {t('care.aftercare.reviews', { count: p.reviews.length })}
                </Text>
              )}
            </>
          ),
        },
        {
          header: 'care.col.status',
          cell: (p) => (
            <Badge color={p.status === 'active' ? 'green' : 'gray'}>
              {t(`care.aftercare.status.${p.status === 'active' ? 'active' : 'ended'}`)}
            </Badge>
          ),
        },
      ]}
      action={onReview && { label: t('care.aftercare.review'), onClick: onReview, canAct: (p) => p.status === 'active' }}
    />
  );
}

/** What a plan follows, in words: the discharge from an institution, or the foster placement (left at 18, or running). */
export function FollowsText({ follows }: { follows: AftercarePlan['follows'] }) {
  const { t } = useTranslation();
  if (!follows) return <>—</>;
  const place = follows.place ?? '—';
  if (follows.kind === 'stay_discharge') return <>{t('care.aftercare.followsStay', { place, on: follows.endedOn ?? '—' })}</>;
  return (
    <>
      {follows.endedOn
        ? t('care.aftercare.followsFosterEnded', { place, on: follows.endedOn })
        : t('care.aftercare.followsFosterRunning', { place })}
    </>
  );
}

/** Stays discharged to aftercare with no plan following them: the plan made from one links the stay (`followsStayId`). */
function DischargedToAftercare() {
  const { t } = useTranslation();
  const proposals = useAftercareStayProposals();
  const [making, setMaking] = useState<AftercareStayProposal | null>(null);
  return (
    <>
      <Title order={4} mt="lg" mb="xs">
        {t('care.aftercare.discharged')}
      </Title>
      <QueryState query={proposals}>
        {(data) =>
          data.items.length ? (
            <Table aria-label={t('care.aftercare.discharged')} mb="md">
              <Table.Tbody>
                {data.items.map((p) => (
                  <Table.Tr key={p.stayId} data-testid={`discharged-${p.stayId}`}>
                    <Table.Td>{p.childId.slice(0, 8)}</Table.Td>
                    <Table.Td>{t('care.aftercare.followsStay', { place: p.institution ?? '—', on: p.endedOn })}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => setMaking(p)}>
                        {t('care.aftercare.makeFromStay')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text c="dimmed" mb="md">
              {t('care.aftercare.noneDischarged')}
            </Text>
          )
        }
      </QueryState>
      {making && <AftercarePlanForm key={making.stayId} fromStay={making} onDone={() => setMaking(null)} />}
    </>
  );
}

function EligibleAftercare() {
  const { t } = useTranslation();
  const stays = useAllStays();
  return (
    <QueryState query={stays}>
      {(data) => {
        const eligible = data.items.filter((s) => s.aftercareDue);
        return eligible.length ? <AftercarePlanForm eligible={eligible} /> : <Text c="dimmed">{t('care.aftercare.noneEligible')}</Text>;
      }}
    </QueryState>
  );
}

/**
 * A plan for one of the children flagged from 17 years 6 months (s.46), or for the young person a
 * stay discharged to aftercare (`followsStayId`, which the plan then records); the server checks the
 * age, the stay and that none is active.
 */
export function AftercarePlanForm({
  eligible = [],
  fromStay,
  onDone,
}: {
  eligible?: Stay[];
  fromStay?: AftercareStayProposal;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const followsStayId = fromStay?.stayId;
  const choices = fromStay
    ? [
        {
          value: fromStay.childId,
          label: `${fromStay.childId.slice(0, 8)} · ${t('care.aftercare.followsStay', { place: fromStay.institution ?? '—', on: fromStay.endedOn })}`,
        },
      ]
    : eligible.map((st) => ({
        value: st.childId,
        label: `${st.childName ?? st.childId.slice(0, 8)}${st.childAge != null ? ` (${t('care.age', { n: st.childAge })})` : ''}${st.institutionName ? ` · ${st.institutionName}` : ''}`,
      }));
  const opt = (v: string) => v.trim() || null;
  const s = useVersionedSubmit({
    initial: {
      childId: choices[0]?.value ?? '',
      orderRef: '',
      planOn: todayIst(),
      education: '',
      skills: '',
      housing: '',
      other: '',
      stipend: '' as number | '',
    },
    mutation: useCreateAftercare(),
    toBody: (form) => ({
      childId: form.childId,
      orderRef: form.orderRef.trim(),
      planOn: form.planOn,
      needs: {
        education: opt(form.education),
        skills: opt(form.skills),
        housing: opt(form.housing),
        other: opt(form.other),
        stipend: form.stipend === '' ? null : form.stipend,
      },
      ...(followsStayId ? { followsStayId } : {}),
    }),
    resetOnSuccess: true,
    onSuccess: onDone,
  });
  // The server names a need as `needs.<need>`.
  const need = (k: 'education' | 'skills' | 'housing' | 'other') => ({ ...s.field(k), error: s.errors[`needs.${k}`] ?? s.errors[k] });
  return (
    <CareFormCard
      label={t('care.aftercare.create')}
      title={t('care.aftercare.create')}
      general={s.general}
      pending={s.pending}
      onSubmit={s.submit}
      onCancel={onDone}
    >
      <NativeSelect label={t('care.col.child')} data={choices} {...s.field('childId')} />
      {followsStayId && <Text size="sm">{t('care.aftercare.linksStay')}</Text>}
      <TextInput label={t('care.aftercare.orderRef')} {...s.field('orderRef')} />
      <TextInput type="date" label={t('care.aftercare.planOn')} {...s.field('planOn')} />
      <TextInput label={t('care.aftercare.needs.education')} {...need('education')} />
      <TextInput label={t('care.aftercare.needs.skills')} {...need('skills')} />
      <TextInput label={t('care.aftercare.needs.housing')} {...need('housing')} />
      <NumberInput
        name="stipend"
        label={t('care.aftercare.needs.stipend')}
        min={0}
        max={100000}
        allowDecimal={false}
        value={s.form.stipend}
        onChange={(v) => s.put('stipend', typeof v === 'number' ? v : '')}
        error={s.errors['needs.stipend'] ?? s.errors.stipend}
      />
      <TextInput label={t('care.aftercare.needs.other')} {...need('other')} />
    </CareFormCard>
  );
}

export function AftercareReviewForm({ plan, onDone }: { plan: AftercarePlan; onDone?: () => void }) {
  const { t } = useTranslation();
  const s = useVersionedSubmit({
    initial: { on: todayIst(), notes: '', end: false },
    mutation: useReviewAftercare(plan.id),
    toBody: (form) => ({ on: form.on, notes: form.notes.trim(), end: form.end }),
    version: plan.version,
    onSuccess: onDone,
  });
  return (
    <CareFormCard
      label={t('care.aftercare.review')}
      title={`${t('care.aftercare.review')}: ${plan.orderRef}`}
      general={s.general}
      pending={s.pending}
      onSubmit={s.submit}
      onCancel={onDone}
    >
      <TextInput type="date" label={t('care.aftercare.reviewOn')} {...s.field('on')} />
      <Textarea label={t('care.aftercare.notes')} autosize minRows={2} {...s.field('notes')} />
      <Checkbox name="end" label={t('care.aftercare.end')} checked={s.form.end} onChange={(e) => s.put('end', e.currentTarget.checked)} />
    </CareFormCard>
  );
}
