import { NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUpdatePayment, type Payment } from './api';
import { CareFormCard } from './CareTable';

import { useVersionedSubmit } from './useVersionedSubmit';
import { todayIst } from '../../app/clock';

/**
 * Mark a month of a grant paid (with the day) or withheld (with the reason: the DCPU says why a
 * child's sponsorship or foster grant is held back; Mission Vatsalya guidelines 2022). A payment
 * made is final on the server; the reason is asked for here before the request is sent.
 */
export function PaymentForm({ payment, onDone }: { payment: Payment; onDone?: () => void }) {
  const { t } = useTranslation();
  const s = useVersionedSubmit({
    initial: { status: 'paid', paidOn: todayIst(), reason: payment.reason ?? '' },
    mutation: useUpdatePayment(payment.id),
    validate: (form) => (form.status === 'withheld' && !form.reason.trim() ? { reason: t('care.ledger.reasonRequired') } : null),
    toBody: (form): Record<string, unknown> =>
      form.status === 'paid'
        ? { status: 'paid', paidOn: form.paidOn, reason: form.reason.trim() || null }
        : { status: 'withheld', reason: form.reason.trim() },
    version: payment.version,
    onSuccess: onDone,
  });
  return (
    <CareFormCard
      label={t('care.ledger.mark')}
      title={`${t('care.ledger.mark')}: ${payment.month} · ${payment.childId.slice(0, 8)}`}
      general={s.general}
      pending={s.pending}
      onSubmit={s.submit}
      onCancel={onDone}
      maw={520}
    >
      <NativeSelect
        label={t('care.col.status')}
        data={['paid', 'withheld'].map((v) => ({ value: v, label: t(`care.ledger.status.${v}`) }))}
        {...s.field('status')}
      />
      {s.form.status === 'paid' && <TextInput type="date" label={t('care.ledger.paidOn')} {...s.field('paidOn')} />}
      <TextInput label={t('care.ledger.reason')} withAsterisk={s.form.status === 'withheld'} {...s.field('reason')} />
    </CareFormCard>
  );
}
