import { useState } from 'react';
import { Anchor, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { readSetName, writableFields } from '../../../../src/access/fields/load';
import { useCan, useSession } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import {
  caringsHref,
  useAdoptionHandoffs,
  useInstitutions,
  useLegallyFreeChildren,
  useMoveHandoff,
  useRecordHandoff,
  type AdoptionHandoff,
} from './api';
import { CareFormCard } from './CareTable';
import { todayIst } from '../../app/clock';
import { useVersionedSubmit } from './useVersionedSubmit';

/** The statuses a hand-off moves through (src/care/family.model.ts HANDOFF_STATUSES); adopted and returned close it. */
export const HANDOFF_STATUSES = ['handed_over', 'referred', 'adopted', 'returned'] as const;
const CLOSED = new Set(['adopted', 'returned']);

/**
 * Children the CWC declared legally free for adoption (JJ Act 2015 s.38) handed to a Specialised
 * Adoption Agency, with the file CARINGS registers the child from. The file names the child, so
 * the links are offered only to roles that read the child's full record (the server refuses others).
 * Recording a hand-off and changing its status are offered to the roles the field policy lets
 * write them (src/access/fields, the same data the server checks).
 */
export default function AdoptionPage() {
  const { t } = useTranslation();
  const handoffs = useAdoptionHandoffs();
  const { mayRecord, mayMove } = useHandoffRights();
  const [moving, setMoving] = useState<AdoptionHandoff | null>(null);
  return (
    <>
      <PageHeader title={t('care.adoption.title')} subtitle={<Text size="sm">{t('care.adoption.intro')}</Text>} />
      <QueryState query={handoffs}>{(data) => <HandoffTable handoffs={data.items} onMove={mayMove ? setMoving : undefined} />}</QueryState>
      {moving && <HandoffStatusForm key={`${moving.id}:${moving.version}`} handoff={moving} onDone={() => setMoving(null)} />}
      {mayRecord && <HandoffForm />}
    </>
  );
}

/** What the reader may do here: the permission (care.write) and the fields the policy lets the role write. */
export function useHandoffRights() {
  const { me } = useSession();
  const can = useCan();
  const writable = me && can('care.write') ? writableFields(me.role, 'careAdoption') : [];
  return {
    mayRecord: ['childId', 'caseId', 'saaId', 'handedOverOn'].every((f) => writable.includes(f)),
    mayMove: writable.includes('status'),
  };
}

export function HandoffTable({ handoffs, onMove }: { handoffs: AdoptionHandoff[]; onMove?: (h: AdoptionHandoff) => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const mayDownload = !!me && readSetName(me.role, 'child') === 'full' && readSetName(me.role, 'careAdoption') === 'full';
  if (!handoffs.length) return <Text mb="lg">{t('care.adoption.none')}</Text>;
  return (
    <Table striped aria-label={t('care.adoption.title')} mb="lg">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('care.adoption.declaredFreeOn')}</Table.Th>
          <Table.Th>{t('care.adoption.handedOverOn')}</Table.Th>
          <Table.Th>{t('care.adoption.caringsRef')}</Table.Th>
          <Table.Th>{t('care.adoption.status')}</Table.Th>
          {mayDownload && <Table.Th>{t('care.adoption.carings')}</Table.Th>}
          {onMove && <Table.Th>{t('care.actions')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {handoffs.map((h) => (
          <Table.Tr key={h.id} data-testid={`handoff-${h.id}`}>
            <Table.Td>{h.declaredFreeOn}</Table.Td>
            <Table.Td>{h.handedOverOn}</Table.Td>
            <Table.Td>{h.caringsRef ?? '—'}</Table.Td>
            <Table.Td>{t(`care.adoption.statuses.${h.status}`, { defaultValue: h.status })}</Table.Td>
            {mayDownload && (
              <Table.Td>
                <Group gap="xs">
                  <Anchor href={caringsHref(h.id, 'csv')} download>
                    {t('care.adoption.csv')}
                  </Anchor>
                  <Anchor href={caringsHref(h.id, 'xlsx')} download>
                    {t('care.adoption.xlsx')}
                  </Anchor>
                </Group>
              </Table.Td>
            )}
            {onMove && (
              <Table.Td>
                {!CLOSED.has(h.status) && (
                  <Button size="xs" variant="light" onClick={() => onMove(h)}>
                    {t('care.adoption.move')}
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

const optText = (v: string) => (v.trim() ? v.trim() : null);

/**
 * A new hand-off: the child picked from the district's children the CWC declared legally free for
 * adoption and not yet handed over (s.38, Form 25: GET /care/legally-free-children, which brings
 * the case carrying the declaration), the SAA (s.65) from the district's institutions, the day and
 * the CARINGS reference when already known. The server checks the declaration again.
 */
export function HandoffForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const institutions = useInstitutions();
  const record = useRecordHandoff();
  const [saved, setSaved] = useState(false);
  const s = useVersionedSubmit({
    initial: { childId: '', caseId: '', saaId: '', handedOverOn: todayIst(), caringsRef: '' },
    mutation: record,
    toBody: (form) => ({
      childId: form.childId,
      caseId: form.caseId.trim(),
      saaId: form.saaId,
      handedOverOn: form.handedOverOn,
      caringsRef: optText(form.caringsRef),
    }),
    validate: (form) => {
      const missing: Record<string, string> = {};
      if (!form.childId) missing.childId = t('care.adoption.childRequired');
      if (!form.saaId) missing.saaId = t('care.adoption.saaRequired');
      return missing;
    },
    resetOnSuccess: true,
    onSuccess: () => {
      setSaved(true);
      onDone?.();
    },
  });
  const free = useLegallyFreeChildren();
  const waiting = free.data?.items ?? [];
  const saas = (institutions.data?.items ?? []).filter((i) => i.type === 'saa');
  return (
    <CareFormCard
      label={t('care.adoption.record')}
      title={t('care.adoption.record')}
      general={s.general}
      pending={s.pending}
      onSubmit={(e) => {
        setSaved(false);
        s.submit(e);
      }}
      submitLabel={t('care.adoption.recordSubmit')}
    >
      {saved && <Text role="status">{t('care.adoption.recorded')}</Text>}
      <Text size="sm" c="dimmed">
        {t('care.adoption.recordHelp')}
      </Text>
      <NativeSelect
        name="childId"
        label={t('care.adoption.freeChild')}
        description={free.isSuccess && !waiting.length ? t('care.adoption.noneFree') : t('care.adoption.freeChildHelp')}
        value={s.form.caseId}
        onChange={(e) => {
          const picked = waiting.find((w) => w.caseId === e.currentTarget.value);
          s.put('childId', picked?.childId ?? '');
          s.put('caseId', picked?.caseId ?? '');
        }}
        error={s.errors.childId ?? s.errors.caseId}
        data={[
          { value: '', label: t('care.adoption.freeChoose') },
          ...waiting.map((w) => ({
            value: w.caseId,
            label: `${w.name ?? w.childId.slice(0, 8)} · #${w.caseNumber} · ${t('care.adoption.declaredOn', { on: w.declaredFreeOn })}${w.orderRef ? ` · ${w.orderRef}` : ''}`,
          })),
        ]}
      />
      <NativeSelect
        label={t('care.adoption.saa')}
        description={saas.length ? undefined : t('care.adoption.noSaa')}
        data={[{ value: '', label: t('care.adoption.saaChoose') }, ...saas.map((i) => ({ value: i.id, label: i.name }))]}
        {...s.field('saaId')}
      />
      <TextInput type="date" label={t('care.adoption.handedOverOn')} {...s.field('handedOverOn')} />
      <TextInput label={t('care.adoption.caringsRef')} {...s.field('caringsRef')} />
    </CareFormCard>
  );
}

/** The status coming back from the SAA or CARINGS, sent with the hand-off's version (409 when stale). */
export function HandoffStatusForm({ handoff, onDone }: { handoff: AdoptionHandoff; onDone?: () => void }) {
  const { t } = useTranslation();
  const next = HANDOFF_STATUSES.filter((st) => st !== 'handed_over' && st !== handoff.status);
  const s = useVersionedSubmit({
    initial: { status: next[0] as string, on: todayIst(), caringsRef: handoff.caringsRef ?? '' },
    mutation: useMoveHandoff(handoff.id),
    toBody: (form) => ({ status: form.status, on: form.on, caringsRef: optText(form.caringsRef) }),
    version: handoff.version,
    onSuccess: onDone,
  });
  return (
    <CareFormCard
      label={t('care.adoption.move')}
      title={`${t('care.adoption.move')}: ${t(`care.adoption.statuses.${handoff.status}`, { defaultValue: handoff.status })} (${handoff.statusOn ?? handoff.handedOverOn})`}
      general={s.general}
      pending={s.pending}
      onSubmit={s.submit}
      onCancel={onDone}
    >
      <NativeSelect
        label={t('care.adoption.newStatus')}
        data={next.map((st) => ({ value: st, label: t(`care.adoption.statuses.${st}`) }))}
        {...s.field('status')}
      />
      <TextInput type="date" label={t('care.adoption.on')} {...s.field('on')} />
      <TextInput label={t('care.adoption.caringsRef')} {...s.field('caringsRef')} />
    </CareFormCard>
  );
}
