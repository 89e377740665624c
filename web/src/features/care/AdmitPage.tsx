import { useState } from 'react';
import { NativeSelect, Text, TextInput, Textarea } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../registry/shared/PageHeader';
import { useAdmit, useChildOpenCases, useGatekeepingList, useInstitutions, type GatekeepingAssessment } from './api';
import { CareFormCard } from './CareTable';

import { useVersionedSubmit } from './useVersionedSubmit';
import { todayIst } from '../../app/clock';

const PLACING_ORDERS = ['cci_placement', 'saa_placement', 'fit_facility'] as const;

/**
 * Admission on a CWC order (JJ Act 2015 s.37(1)(c)): the child, the case that carries the
 * order, the gatekeeping assessment that found no family-based option (picked from the
 * jurisdiction's unused assessments that chose institutional care, searchable by the child),
 * the day of admission. The server checks the order on the case, the gatekeeping and the
 * capacity, and names the field at fault; over capacity needs a reason.
 */
export default function AdmitPage() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as Record<string, string | undefined>;
  const assessments = useGatekeepingList({ outcome: 'institution', unused: 'true' });
  return (
    <>
      <PageHeader title={t('care.admit.title')} subtitle={<Text size="sm">{t('care.admit.intro')}</Text>} />
      <AdmitForm search={search} assessments={assessments.data?.items ?? []} />
    </>
  );
}

const label = (g: GatekeepingAssessment) => `${g.childName ?? g.childId.slice(0, 8)} · ${g.assessedOn} · ${g.id.slice(0, 8)}`;

export function AdmitForm({ search, assessments }: { search: Record<string, string | undefined>; assessments: GatekeepingAssessment[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const institutions = useInstitutions();
  const admit = useAdmit();
  const [find, setFind] = useState('');
  const s = useVersionedSubmit({
    initial: {
      institutionId: search.institutionId ?? '',
      childId: search.childId ?? '',
      caseId: search.caseId ?? '',
      orderType: 'cci_placement',
      gatekeepingId: search.gatekeepingId ?? '',
      admittedOn: todayIst(),
      overCapacityReason: '',
    },
    mutation: {
      isPending: admit.isPending,
      mutate: (body: Record<string, unknown>, cb) =>
        admit.mutate(body, { onSuccess: (r) => void navigate({ to: `/care/institutions/${r.stay.institutionId}` }), onError: cb.onError }),
    },
    toBody: (form) => ({
      orderBy: 'cwc',
      institutionId: form.institutionId,
      childId: form.childId.trim(),
      caseId: form.caseId.trim(),
      orderType: form.orderType,
      admittedOn: form.admittedOn,
      ...(form.gatekeepingId ? { gatekeepingId: form.gatekeepingId } : {}),
      ...(form.overCapacityReason.trim() ? { overCapacityReason: form.overCapacityReason.trim() } : {}),
    }),
  });
  // The child typed or chosen narrows the list; the search finds an assessment by the child's name or an id.
  const needle = find.trim().toLowerCase();
  const shown = assessments.filter(
    (g) =>
      (!s.form.childId.trim() || g.childId === s.form.childId.trim() || g.id === s.form.gatekeepingId) &&
      (!needle || label(g).toLowerCase().includes(needle) || g.childId.startsWith(needle)),
  );
  function pick(id: string) {
    s.put('gatekeepingId', id);
    const g = assessments.find((x) => x.id === id);
    if (g) {
      s.put('childId', g.childId);
      if (g.caseId && !s.form.caseId.trim()) s.put('caseId', g.caseId);
    }
  }
  // The assessment names the case when it was made on one; otherwise the child's open cases are offered.
  const chosen = assessments.find((x) => x.id === s.form.gatekeepingId);
  const openCases = useChildOpenCases(chosen?.caseId ? '' : s.form.childId.trim());
  const cases = openCases.data?.items ?? [];
  const options = (institutions.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name} (${i.inCare}/${i.sanctioned})` }));
  return (
    <CareFormCard
      label={t('care.admit.title')}
      title={t('care.admit.title')}
      general={s.general}
      pending={s.pending}
      onSubmit={s.submit}
      submitLabel={t('care.admit.submit')}
    >
      <NativeSelect label={t('care.admit.institution')} data={[{ value: '', label: '—' }, ...options]} {...s.field('institutionId')} />
      <TextInput
        name="gatekeepingSearch"
        label={t('care.admit.gatekeepingSearch')}
        value={find}
        onChange={(e) => setFind(e.currentTarget.value)}
      />
      <NativeSelect
        {...s.field('gatekeepingId')}
        onChange={(e) => pick(e.currentTarget.value)}
        label={t('care.admit.gatekeepingId')}
        description={assessments.length ? t('care.admit.gatekeepingHelp') : t('care.admit.gatekeepingNone')}
        data={[{ value: '', label: t('care.admit.gatekeepingChoose') }, ...shown.map((g) => ({ value: g.id, label: label(g) }))]}
      />
      <TextInput label={t('care.admit.childId')} {...s.field('childId')} />
      {cases.length > 0 ? (
        <NativeSelect
          label={t('care.admit.caseId')}
          description={t('care.admit.openCases')}
          data={[
            { value: '', label: t('care.admit.caseChoose') },
            ...cases.map((c) => ({ value: c.id, label: `#${c.number} · ${c.reportedOn}` })),
          ]}
          {...s.field('caseId')}
        />
      ) : (
        <TextInput label={t('care.admit.caseId')} {...s.field('caseId')} />
      )}
      <NativeSelect
        label={t('care.admit.orderType')}
        data={PLACING_ORDERS.map((o) => ({ value: o, label: t(`care.order.${o}`) }))}
        {...s.field('orderType')}
      />
      <TextInput type="date" label={t('care.admit.admittedOn')} {...s.field('admittedOn')} />
      <Textarea label={t('care.admit.overCapacityReason')} {...s.field('overCapacityReason')} />
    </CareFormCard>
  );
}
