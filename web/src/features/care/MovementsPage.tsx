import { useState } from 'react';
import { Badge, NativeSelect, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import { useAllStays, useDecideMovement, useMovementRequests, useRaiseMovement, type MovementRequest, type Stay } from './api';
import { CareFormCard, CareTable, childColumn } from './CareTable';
import { todayIst } from './forms';
import { useVersionedSubmit } from './useVersionedSubmit';

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

export function MovementDecisionForm({ request, onDone }: { request: MovementRequest; onDone?: () => void }) {
  const { t } = useTranslation();
  const s = useVersionedSubmit({
    initial: { decision: 'granted', on: todayIst(), note: '' },
    mutation: useDecideMovement(request.id),
    toBody: (form) => ({ ...form, note: form.note.trim() || null }),
    version: request.version,
    onSuccess: onDone,
  });
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
    </CareFormCard>
  );
}
