import { useState } from 'react';
import { Badge, NativeSelect, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import {
  useAllStays,
  useDecideMovement,
  useInstitutions,
  useMovementRequests,
  useRaiseMovement,
  type MovementRequest,
  type Stay,
} from './api';
import { CareFormCard, CareTable, childColumn } from './CareTable';

import { useVersionedSubmit } from './useVersionedSubmit';
import { todayIst } from '../../app/clock';

const KINDS = ['leave', 'transfer', 'discharge', 'medical', 'other'] as const;
const STATUS_COLOUR = { open: 'yellow', granted: 'green', refused: 'red' } as const;

/**
 * Movement requests of children in institutions (issue #14): an institution's
 * staff ask for a child's leave, transfer, discharge or a medical visit; the CWC or the DCPU grants
 * or refuses. A grant of a leave, transfer or discharge records the move on the stay in the same
 * transaction. Two deciding at once: the second is told plainly that the request was decided
 * meanwhile (409) and sees it as it now is.
 */
export default function MovementsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const requests = useMovementRequests();
  const [deciding, setDeciding] = useState<MovementRequest | null>(null);
  return (
    <>
      <PageHeader title={t('care.movements.title')} subtitle={<Text size="sm">{t('care.movements.intro')}</Text>} />
      <QueryState query={requests}>
        {(data) => <MovementTable requests={data.items} onDecide={can('care.write') ? setDeciding : undefined} />}
      </QueryState>
      {deciding && <MovementDecisionForm key={deciding.id} request={deciding} onDone={() => setDeciding(null)} />}
      {can('care.record') && <RaiseForStays />}
    </>
  );
}

export function MovementTable({ requests, onDecide }: { requests: MovementRequest[]; onDecide?: (r: MovementRequest) => void }) {
  const { t } = useTranslation();
  return (
    <CareTable
      label={t('care.movements.title')}
      rows={requests}
      empty={t('care.movements.none')}
      columns={[
        childColumn<MovementRequest>(),
        { header: 'care.movements.kind', cell: (r) => t(`care.movements.kinds.${r.kind}`) },
        { header: 'care.movements.requestedOn', cell: (r) => r.requestedOn },
        { header: 'care.movements.wantedFrom', cell: (r) => r.wantedFrom ?? '—' },
        { header: 'care.movements.reason', cell: (r) => r.reason },
        {
          header: 'care.col.status',
          cell: (r) => (
            <>
              <Badge color={STATUS_COLOUR[r.status]}>{t(`care.movements.status.${r.status}`)}</Badge>
              {r.recordedStayId && (
                <Badge ml="xs" variant="outline">
                  {t('care.movements.recorded')}
                </Badge>
              )}
              {r.decidedOn && (
                <Text size="xs" c="dimmed">
                  {r.decidedOn}
                  {r.decisionNote ? ` · ${r.decisionNote}` : ''}
                </Text>
              )}
            </>
          ),
        },
      ]}
      action={onDecide && { label: t('care.movements.decide'), onClick: onDecide, canAct: (r) => r.status === 'open' }}
    />
  );
}

function RaiseForStays() {
  const stays = useAllStays();
  return <QueryState query={stays}>{(data) => <RaiseMovementForm stays={data.items} />}</QueryState>;
}

export function RaiseMovementForm({ stays }: { stays: Stay[] }) {
  const { t } = useTranslation();
  const s = useVersionedSubmit({
    initial: { stayId: stays[0]?.id ?? '', kind: 'leave', wantedFrom: '', reason: '' },
    mutation: useRaiseMovement(),
    validate: (form) => (form.stayId ? null : { stayId: t('care.movements.pickChild') }),
    toBody: (form) => ({ stayId: form.stayId, kind: form.kind, wantedFrom: form.wantedFrom || null, reason: form.reason.trim() }),
    resetOnSuccess: true,
  });
  return (
    <CareFormCard
      label={t('care.movements.raise')}
      title={t('care.movements.raise')}
      general={s.general}
      pending={s.pending}
      onSubmit={s.submit}
      submitLabel={t('care.movements.send')}
    >
      <NativeSelect
        label={t('care.col.child')}
        data={stays.map((st) => ({ value: st.id, label: st.childName ?? st.childId.slice(0, 8) }))}
        {...s.field('stayId')}
      />
      <NativeSelect
        label={t('care.movements.kind')}
        data={KINDS.map((k) => ({ value: k, label: t(`care.movements.kinds.${k}`) }))}
        {...s.field('kind')}
      />
      <TextInput type="date" label={t('care.movements.wantedFrom')} {...s.field('wantedFrom')} />
      <Textarea label={t('care.movements.reason')} autosize minRows={2} {...s.field('reason')} />
    </CareFormCard>
  );
}

/** Kinds whose grant records the move on the stay with the decision (src/care/records.service.ts). */
const MOVING = new Set(['leave', 'transfer', 'discharge']);
const DISCHARGE_REASONS = [
  'restored_to_family',
  'kinship_care',
  'foster_care',
  'adopted',
  'aftercare',
  'aged_out',
  'absconded_not_traced',
  'died',
  'other',
] as const;

export function MovementDecisionForm({ request, onDone }: { request: MovementRequest; onDone?: () => void }) {
  const { t } = useTranslation();
  const s = useVersionedSubmit({
    initial: {
      decision: 'granted',
      on: todayIst(),
      note: '',
      moveOn: todayIst(),
      until: request.wantedFrom ?? '',
      with: '',
      toInstitutionId: '',
      orderRef: '',
      overCapacityReason: '',
      dischargeReason: 'restored_to_family',
    },
    mutation: useDecideMovement(request.id),
    toBody: (form) => {
      const base = { decision: form.decision, on: form.on, note: form.note.trim() || null };
      if (form.decision !== 'granted' || !MOVING.has(request.kind)) return base;
      const opt = (v: string) => v.trim() || null;
      const move =
        request.kind === 'leave'
          ? { type: 'leave', on: form.moveOn, until: form.until, with: form.with.trim() }
          : request.kind === 'transfer'
            ? {
                type: 'transfer',
                on: form.moveOn,
                toInstitutionId: form.toInstitutionId,
                orderRef: form.orderRef.trim(),
                overCapacityReason: opt(form.overCapacityReason),
              }
            : { type: 'discharge', on: form.moveOn, reason: form.dischargeReason, orderRef: opt(form.orderRef) };
      return { ...base, move };
    },
    version: request.version,
    onSuccess: onDone,
  });
  // The server names the move's fields `move.<field>`.
  const mv = (k: Parameters<typeof s.field>[0], server: string) => ({ ...s.field(k), error: s.errors[`move.${server}`] });
  const moving = s.form.decision === 'granted' && MOVING.has(request.kind);
  return (
    <CareFormCard
      label={t('care.movements.decide')}
      title={`${t('care.movements.decide')}: ${t(`care.movements.kinds.${request.kind}`)} · ${request.childId.slice(0, 8)}`}
      general={s.general}
      pending={s.pending}
      onSubmit={s.submit}
      onCancel={onDone}
    >
      <NativeSelect
        label={t('care.movements.decision')}
        data={['granted', 'refused'].map((v) => ({ value: v, label: t(`care.movements.status.${v}`) }))}
        {...s.field('decision')}
      />
      <TextInput type="date" label={t('care.movements.decidedOn')} {...s.field('on')} />
      <Textarea label={t('care.movements.note')} autosize minRows={2} {...s.field('note')} />
      {moving && (
        <>
          <Text size="sm" c="dimmed">
            {t('care.movements.moveHelp')}
          </Text>
          <TextInput type="date" label={t('care.movements.moveOn')} {...mv('moveOn', 'on')} error={s.errors['move.on'] ?? s.errors.move} />
          {request.kind === 'leave' && (
            <>
              <TextInput type="date" label={t('care.movements.until')} {...mv('until', 'until')} />
              <TextInput label={t('care.movements.with')} {...mv('with', 'with')} />
            </>
          )}
          {request.kind === 'transfer' && (
            <TransferFields
              institution={mv('toInstitutionId', 'toInstitutionId')}
              from={request.institutionId}
              orderRef={mv('orderRef', 'orderRef')}
              over={mv('overCapacityReason', 'overCapacityReason')}
            />
          )}
          {request.kind === 'discharge' && (
            <>
              <NativeSelect
                label={t('care.movements.dischargeReason')}
                data={DISCHARGE_REASONS.map((r) => ({ value: r, label: t(`care.movements.dischargeReasons.${r}`) }))}
                {...mv('dischargeReason', 'reason')}
              />
              <TextInput label={t('care.movements.orderRef')} {...mv('orderRef', 'orderRef')} />
            </>
          )}
        </>
      )}
    </CareFormCard>
  );
}

type FieldProps = { name: string; value: string; onChange: (e: { currentTarget: { value: string } }) => void; error?: string };

/** A transfer's fields: the institutions come only when a transfer is decided. */
function TransferFields({
  institution,
  from,
  orderRef,
  over,
}: {
  institution: FieldProps;
  from: string;
  orderRef: FieldProps;
  over: FieldProps;
}) {
  const { t } = useTranslation();
  const institutions = useInstitutions();
  const data = (institutions.data?.items ?? [])
    .filter((i) => i.id !== from)
    .map((i) => ({ value: i.id, label: `${i.name} (${i.inCare}/${i.sanctioned})` }));
  return (
    <>
      <NativeSelect label={t('care.movements.toInstitution')} data={[{ value: '', label: '—' }, ...data]} {...institution} />
      <TextInput label={t('care.movements.orderRef')} {...orderRef} />
      <Textarea label={t('care.movements.overCapacityReason')} {...over} />
    </>
  );
}
