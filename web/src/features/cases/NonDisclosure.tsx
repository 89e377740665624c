import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, ConflictError } from '../../api/client';
import { useCan } from '../../auth/session';
import { describeError, splitServerIssues, translateReason } from '../../forms/errors';
import { useFormat } from '../../i18n/format';
import { liftNonDisclosureOrder, setNonDisclosureOrder, useCasesWrite, useNonDisclosureOrder, type NonDisclosureOrder } from './api';
import { todayIst } from '../../app/clock';

const FIELDS = ['orderRef', 'orderedOn'] as const;
type Field = (typeof FIELDS)[number];

/**
 * The CWC's non-disclosure order on the case (JJ Act 2015 s.74(1)): anyone who sees the case
 * sees whether one stands (reference and date); a CWC member (cases.cwc) sets, changes or
 * lifts it. While it stands the division-of-labour notes show the case reference and the
 * child's initials only.
 */
export function NonDisclosureCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  // Reading whether an order stands needs cases.read (the full case view).
  const q = useNonDisclosureOrder(caseId, can('cases.read'));
  const [editing, setEditing] = useState(false);
  const lift = useCasesWrite((version: number) => liftNonDisclosureOrder(caseId, version));
  // Another member changed or lifted the order since it was read (409, or 404 once lifted): show it as it stands now.
  const refetchOnConflict = (err: unknown) =>
    void ((err instanceof ConflictError || (err instanceof ApiError && err.status === 404)) && q.refetch());
  const cwc = can('cases.cwc');
  if (!q.data) return null; // not allowed, loading, or failed (the case page says why it cannot be read)
  const order = q.data.order;
  return (
    <Card withBorder data-testid="non-disclosure">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('cases.disclosure.title')}
        </Title>
        {order ? (
          <Badge color="red" variant="light" tt="none">
            {t('cases.disclosure.inForce')}
          </Badge>
        ) : null}
      </Group>
      {order ? (
        <Stack gap={2}>
          <Text size="sm" data-testid="non-disclosure-order">
            {t('cases.disclosure.order', { ref: order.orderRef, date: f.date(order.orderedOn) })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('cases.disclosure.effect')}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('cases.disclosure.none')}
        </Text>
      )}
      {cwc && !editing && (
        <Group gap="xs" mt="sm">
          <Button size="xs" variant="light" onClick={() => setEditing(true)}>
            {order ? t('cases.disclosure.change') : t('cases.disclosure.set')}
          </Button>
          {order && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              loading={lift.isPending}
              onClick={() =>
                window.confirm(t('cases.disclosure.liftConfirm')) && lift.mutate(order.version, { onError: refetchOnConflict })
              }
            >
              {t('cases.disclosure.lift')}
            </Button>
          )}
        </Group>
      )}
      {lift.error ? (
        <Alert color="red" role="alert" mt="xs">
          {describeError(t, lift.error)}
        </Alert>
      ) : null}
      {cwc && editing && <OrderForm caseId={caseId} order={order} onDone={() => setEditing(false)} onConflict={refetchOnConflict} />}
    </Card>
  );
}

function OrderForm({
  caseId,
  order,
  onDone,
  onConflict,
}: {
  caseId: string;
  order: NonDisclosureOrder | null;
  onDone: () => void;
  onConflict: (err: unknown) => void;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState<Record<Field, string>>({ orderRef: order?.orderRef ?? '', orderedOn: order?.orderedOn ?? '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const save = useCasesWrite((body: { orderRef: string; orderedOn: string; version?: number }) => setNonDisclosureOrder(caseId, body));
  const set = (k: Field, value: string) => {
    setV((p) => ({ ...p, [k]: value }));
    setErrors((e) => ({ ...e, [k]: undefined }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: Partial<Record<Field, string>> = {};
    if (!v.orderRef.trim()) local.orderRef = t('cases.disclosure.required');
    if (!v.orderedOn) local.orderedOn = t('cases.disclosure.required');
    else if (v.orderedOn > todayIst()) local.orderedOn = t('cases.disclosure.future');
    setGeneral(null);
    if (Object.keys(local).length) {
      setErrors(local);
      return;
    }
    try {
      // The version read: another member's change or lift meanwhile is a 409, never overwritten.
      await save.mutateAsync({ orderRef: v.orderRef.trim(), orderedOn: v.orderedOn, ...(order ? { version: order.version } : {}) });
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        const split = splitServerIssues(err, FIELDS);
        setErrors(
          Object.fromEntries(
            Object.entries(split.fields).map(([k, m]) => [
              k,
              k === 'orderedOn' && /future/.test(m) ? t('cases.disclosure.future') : translateReason(t, m),
            ]),
          ),
        );
        setGeneral(split.other.length ? split.other.map((m) => translateReason(t, m)).join('; ') : null);
      } else {
        onConflict(err);
        setGeneral(describeError(t, err));
      }
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.disclosure.set')}>
      <Stack gap="xs" mt="sm">
        <TextInput
          name="orderRef"
          label={t('cases.disclosure.orderRef')}
          value={v.orderRef}
          onChange={(e) => set('orderRef', e.currentTarget.value)}
          error={errors.orderRef}
          maxLength={100}
          required
        />
        <TextInput
          name="orderedOn"
          type="date"
          label={t('cases.disclosure.orderedOn')}
          max={todayIst()}
          value={v.orderedOn}
          onChange={(e) => set('orderedOn', e.currentTarget.value)}
          error={errors.orderedOn}
          required
        />
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" size="xs" loading={save.isPending}>
            {t('cases.common.save')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('cases.common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
