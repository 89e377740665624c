import { useState, type FormEvent } from 'react';
import { Button, Card, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUpdatePayment, type Payment } from './api';
import { GeneralError, todayIst, useCareForm } from './forms';

/**
 * Mark a month of a grant paid (with the day) or withheld (with the reason: the DCPU says why a
 * child's sponsorship or foster grant is held back; Mission Vatsalya guidelines 2022). A payment
 * made is final on the server; the reason is asked for here before the request is sent.
 */
export function PaymentForm({ payment, onDone }: { payment: Payment; onDone?: () => void }) {
  const { t } = useTranslation();
  const save = useUpdatePayment(payment.id);
  const f = useCareForm();
  const [form, setForm] = useState({ status: 'paid', paidOn: todayIst(), reason: payment.reason ?? '' });
  const set = (k: keyof typeof form) => (v: string) => setForm((s) => ({ ...s, [k]: v }));
  function submit(e: FormEvent) {
    e.preventDefault();
    f.reset();
    const reason = form.reason.trim();
    if (form.status === 'withheld' && !reason) {
      f.setErrors({ reason: t('care.ledger.reasonRequired') });
      return;
    }
    const body =
      form.status === 'paid'
        ? { status: 'paid', paidOn: form.paidOn, reason: reason || null, version: payment.version }
        : { status: 'withheld', reason, version: payment.version };
    save.mutate(body, { onSuccess: () => onDone?.(), onError: f.fail });
  }
  return (
    <Card withBorder maw={520} mb="lg">
      <form aria-label={t('care.ledger.mark')} onSubmit={submit} noValidate>
        <Stack>
          <Title order={5}>
            {t('care.ledger.mark')}: {payment.month} · {payment.childId.slice(0, 8)}
          </Title>
          <GeneralError message={f.general} />
          <NativeSelect
            name="status"
            label={t('care.col.status')}
            data={['paid', 'withheld'].map((v) => ({ value: v, label: t(`care.ledger.status.${v}`) }))}
            value={form.status}
            onChange={(e) => set('status')(e.currentTarget.value)}
            error={f.errors.status}
          />
          {form.status === 'paid' && (
            <TextInput
              name="paidOn"
              type="date"
              label={t('care.ledger.paidOn')}
              value={form.paidOn}
              onChange={(e) => set('paidOn')(e.currentTarget.value)}
              error={f.errors.paidOn}
            />
          )}
          <TextInput
            name="reason"
            label={t('care.ledger.reason')}
            withAsterisk={form.status === 'withheld'}
            value={form.reason}
            onChange={(e) => set('reason')(e.currentTarget.value)}
            error={f.errors.reason}
          />
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
