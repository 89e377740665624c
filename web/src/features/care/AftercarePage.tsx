import { useState, type FormEvent } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import { useAftercarePlans, useAllStays, useCreateAftercare, useReviewAftercare, type AftercarePlan, type Stay } from './api';
import { GeneralError, todayIst, useCareForm } from './forms';

/**
 * Aftercare (JJ Act 2015 s.46; JJ Model Rules 2016 r.25): a young person leaving care at 18 may be
 * supported until 21 on the CWC's order (Form 37). The plans with their review clock, a plan for a
 * child in care from 17 years 6 months (the stays' aftercare flag), and each plan's reviews.
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
      {can('care.write') && <EligibleAftercare />}
    </>
  );
}

export function AftercareTable({ plans, onReview }: { plans: AftercarePlan[]; onReview?: (p: AftercarePlan) => void }) {
  const { t } = useTranslation();
  if (!plans.length) return <Text mb="lg">{t('care.aftercare.none')}</Text>;
  return (
    <Table striped aria-label={t('care.aftercare.plans')} mb="lg">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('care.col.child')}</Table.Th>
          <Table.Th>{t('care.col.order')}</Table.Th>
          <Table.Th>{t('care.aftercare.planOn')}</Table.Th>
          <Table.Th>{t('care.aftercare.endsOn')}</Table.Th>
          <Table.Th>{t('care.aftercare.nextReview')}</Table.Th>
          <Table.Th>{t('care.col.status')}</Table.Th>
          {onReview && <Table.Th>{t('care.actions')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {plans.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>
              <Anchor component={Link} to={`/children/${p.childId}`}>
                {p.childId.slice(0, 8)}
              </Anchor>
            </Table.Td>
            <Table.Td>{p.orderRef}</Table.Td>
            <Table.Td>{p.planOn}</Table.Td>
            <Table.Td>{p.endsOn ?? '—'}</Table.Td>
            <Table.Td>
              <Group gap="xs">
                <span>{p.status === 'active' ? p.nextReviewDue : '—'}</span>
                {p.status === 'active' && p.reviewOverdue && <Badge color="red">{t('care.overdue')}</Badge>}
              </Group>
              {p.reviews.length > 0 && (
                <Text size="xs" c="dimmed">
                  {t('care.aftercare.reviews', { count: p.reviews.length })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Badge color={p.status === 'active' ? 'green' : 'gray'}>
                {t(`care.aftercare.status.${p.status === 'active' ? 'active' : 'ended'}`)}
              </Badge>
            </Table.Td>
            {onReview && (
              <Table.Td>
                {p.status === 'active' && (
                  <Button size="xs" variant="light" onClick={() => onReview(p)}>
                    {t('care.aftercare.review')}
                  </Button>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
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

/** A plan for one of the children flagged from 17 years 6 months (s.46); the server checks the age and that none is active. */
export function AftercarePlanForm({ eligible }: { eligible: Stay[] }) {
  const { t } = useTranslation();
  const save = useCreateAftercare();
  const f = useCareForm();
  const empty = {
    childId: eligible[0]?.childId ?? '',
    orderRef: '',
    planOn: todayIst(),
    education: '',
    skills: '',
    housing: '',
    other: '',
  };
  const [form, setForm] = useState(empty);
  const [stipend, setStipend] = useState<number | ''>('');
  const set = (k: keyof typeof form) => (v: string) => setForm((s) => ({ ...s, [k]: v }));
  function submit(e: FormEvent) {
    e.preventDefault();
    f.reset();
    const opt = (v: string) => v.trim() || null;
    save.mutate(
      {
        childId: form.childId,
        orderRef: form.orderRef.trim(),
        planOn: form.planOn,
        needs: {
          education: opt(form.education),
          skills: opt(form.skills),
          housing: opt(form.housing),
          other: opt(form.other),
          stipend: stipend === '' ? null : stipend,
        },
      },
      {
        onSuccess: () => {
          setForm(empty);
          setStipend('');
        },
        onError: f.fail,
      },
    );
  }
  const err = (k: string) => f.errors[k] ?? f.errors[`needs.${k}`];
  return (
    <Card withBorder maw={640}>
      <form aria-label={t('care.aftercare.create')} onSubmit={submit} noValidate>
        <Stack>
          <Title order={5}>{t('care.aftercare.create')}</Title>
          <GeneralError message={f.general} />
          <NativeSelect
            name="childId"
            label={t('care.col.child')}
            data={eligible.map((s) => ({
              value: s.childId,
              label: `${s.childName ?? s.childId.slice(0, 8)}${s.childAge != null ? ` (${t('care.age', { n: s.childAge })})` : ''}${s.institutionName ? ` · ${s.institutionName}` : ''}`,
            }))}
            value={form.childId}
            onChange={(e) => set('childId')(e.currentTarget.value)}
            error={f.errors.childId}
          />
          <TextInput
            name="orderRef"
            label={t('care.aftercare.orderRef')}
            value={form.orderRef}
            onChange={(e) => set('orderRef')(e.currentTarget.value)}
            error={f.errors.orderRef}
          />
          <TextInput
            name="planOn"
            type="date"
            label={t('care.aftercare.planOn')}
            value={form.planOn}
            onChange={(e) => set('planOn')(e.currentTarget.value)}
            error={f.errors.planOn}
          />
          <TextInput
            name="education"
            label={t('care.aftercare.needs.education')}
            value={form.education}
            onChange={(e) => set('education')(e.currentTarget.value)}
            error={err('education')}
          />
          <TextInput
            name="skills"
            label={t('care.aftercare.needs.skills')}
            value={form.skills}
            onChange={(e) => set('skills')(e.currentTarget.value)}
            error={err('skills')}
          />
          <TextInput
            name="housing"
            label={t('care.aftercare.needs.housing')}
            value={form.housing}
            onChange={(e) => set('housing')(e.currentTarget.value)}
            error={err('housing')}
          />
          <NumberInput
            name="stipend"
            label={t('care.aftercare.needs.stipend')}
            min={0}
            max={100000}
            allowDecimal={false}
            value={stipend}
            onChange={(v) => setStipend(typeof v === 'number' ? v : '')}
            error={err('stipend')}
          />
          <TextInput
            name="other"
            label={t('care.aftercare.needs.other')}
            value={form.other}
            onChange={(e) => set('other')(e.currentTarget.value)}
            error={err('other')}
          />
          <Button type="submit" loading={save.isPending}>
            {t('care.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

export function AftercareReviewForm({ plan, onDone }: { plan: AftercarePlan; onDone?: () => void }) {
  const { t } = useTranslation();
  const save = useReviewAftercare(plan.id);
  const f = useCareForm();
  const [form, setForm] = useState({ on: todayIst(), notes: '', end: false });
  const put = (k: 'on' | 'notes' | 'end', v: string | boolean) => setForm((s) => ({ ...s, [k]: v }));
  function submit(e: FormEvent) {
    e.preventDefault();
    f.reset();
    save.mutate(
      { on: form.on, notes: form.notes.trim(), end: form.end, version: plan.version },
      { onSuccess: () => onDone?.(), onError: f.fail },
    );
  }
  return (
    <Card withBorder maw={640} mb="lg">
      <form aria-label={t('care.aftercare.review')} onSubmit={submit} noValidate>
        <Stack>
          <Title order={5}>
            {t('care.aftercare.review')}: {plan.orderRef}
          </Title>
          <GeneralError message={f.general} />
          <TextInput
            name="on"
            type="date"
            label={t('care.aftercare.reviewOn')}
            value={form.on}
            onChange={(e) => put('on', e.currentTarget.value)}
            error={f.errors.on}
          />
          <Textarea
            name="notes"
            label={t('care.aftercare.notes')}
            autosize
            minRows={2}
            value={form.notes}
            onChange={(e) => put('notes', e.currentTarget.value)}
            error={f.errors.notes}
          />
          <Checkbox name="end" label={t('care.aftercare.end')} checked={form.end} onChange={(e) => put('end', e.currentTarget.checked)} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('care.save')}
            </Button>
            {onDone && (
              <Button variant="default" onClick={onDone}>
                {t('care.cancel')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
