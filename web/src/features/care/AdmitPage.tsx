import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { describeError, useReason } from '../../forms/errors';
import { PageHeader } from '../registry/shared/PageHeader';
import { useAdmit, useInstitutions } from './api';

const PLACING_ORDERS = ['cci_placement', 'saa_placement', 'fit_facility'] as const;

/**
 * Admission on a CWC order (JJ Act 2015 s.37(1)(c)): the child, the case that carries the
 * order, the gatekeeping assessment that found no family-based option, the day of admission.
 * The server checks the order on the case, the gatekeeping and the capacity, and names the
 * field at fault; over capacity needs a reason.
 */
export default function AdmitPage() {
  const { t } = useTranslation();
  const reason = useReason();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as Record<string, string | undefined>;
  const institutions = useInstitutions();
  const admit = useAdmit();
  const [form, setForm] = useState({
    institutionId: search.institutionId ?? '',
    childId: search.childId ?? '',
    caseId: search.caseId ?? '',
    orderType: 'cci_placement',
    gatekeepingId: search.gatekeepingId ?? '',
    admittedOn: new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 10),
    overCapacityReason: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setGeneral(null);
    const body: Record<string, unknown> = {
      orderBy: 'cwc',
      institutionId: form.institutionId,
      childId: form.childId.trim(),
      caseId: form.caseId.trim(),
      orderType: form.orderType,
      admittedOn: form.admittedOn,
      ...(form.gatekeepingId.trim() ? { gatekeepingId: form.gatekeepingId.trim() } : {}),
      ...(form.overCapacityReason.trim() ? { overCapacityReason: form.overCapacityReason.trim() } : {}),
    };
    admit.mutate(body, {
      onSuccess: (r) => void navigate({ to: `/care/institutions/${r.stay.institutionId}` }),
      onError: (err) => {
        if (err instanceof ApiError && err.issues.length) {
          const next: Record<string, string> = {};
          for (const i of err.issues) next[i.field] ??= reason(i.message) ?? i.message;
          setErrors(next);
          if (err.issues.some((i) => !(i.field in form))) setGeneral(err.message);
        } else setGeneral(describeError(t, err));
      },
    });
  }

  const options = (institutions.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name} (${i.inCare}/${i.sanctioned})` }));
  return (
    <>
      <PageHeader title={t('care.admit.title')} subtitle={<Text size="sm">{t('care.admit.intro')}</Text>} />
      <Card withBorder maw={640}>
        <form aria-label={t('care.admit.title')} onSubmit={submit} noValidate>
          <Stack>
            {general && (
              <Alert color="red" role="alert">
                {general}
              </Alert>
            )}
            <NativeSelect
              name="institutionId"
              label={t('care.admit.institution')}
              data={[{ value: '', label: '—' }, ...options]}
              value={form.institutionId}
              onChange={(e) => set('institutionId')(e.currentTarget.value)}
              error={errors.institutionId}
            />
            <TextInput
              name="childId"
              label={t('care.admit.childId')}
              value={form.childId}
              onChange={(e) => set('childId')(e.currentTarget.value)}
              error={errors.childId}
            />
            <TextInput
              name="caseId"
              label={t('care.admit.caseId')}
              value={form.caseId}
              onChange={(e) => set('caseId')(e.currentTarget.value)}
              error={errors.caseId}
            />
            <NativeSelect
              name="orderType"
              label={t('care.admit.orderType')}
              data={PLACING_ORDERS.map((o) => ({ value: o, label: t(`care.order.${o}`) }))}
              value={form.orderType}
              onChange={(e) => set('orderType')(e.currentTarget.value)}
              error={errors.orderType}
            />
            <TextInput
              name="gatekeepingId"
              label={t('care.admit.gatekeepingId')}
              description={t('care.admit.gatekeepingHelp')}
              value={form.gatekeepingId}
              onChange={(e) => set('gatekeepingId')(e.currentTarget.value)}
              error={errors.gatekeepingId}
            />
            <TextInput
              name="admittedOn"
              type="date"
              label={t('care.admit.admittedOn')}
              value={form.admittedOn}
              onChange={(e) => set('admittedOn')(e.currentTarget.value)}
              error={errors.admittedOn}
            />
            <Textarea
              name="overCapacityReason"
              label={t('care.admit.overCapacityReason')}
              value={form.overCapacityReason}
              onChange={(e) => set('overCapacityReason')(e.currentTarget.value)}
              error={errors.overCapacityReason}
            />
            <Button type="submit" loading={admit.isPending}>
              {t('care.admit.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
    </>
  );
}
