import { useState } from 'react';
import { Anchor, Badge, Button, Group, Switch, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import {
  useAftercarePlansLinked,
  useAftercareProposals,
  useFosterPlacementsAll,
  useVisitsDue,
  type AftercareProposal,
  type FosterPlacement,
} from './api';
import { AftercareFromProposalForm } from './AftercareForms';
import { EndPlacementForm, VisitForm } from './PlacementForms';

/**
 * Children in foster care for the DCPU (JJ Act 2015 s.44; Model Rules r.23): the monthly Form 35
 * visit each family is due (r.23(18)), overdue first, recorded here; a placement ended on the
 * CWC's order; and the aftercare proposed for foster children at 18 (s.46, Form 37).
 */
export default function PlacementsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [overdueOnly, setOverdueOnly] = useState(true);
  const visits = useVisitsDue(overdueOnly);
  const placements = useFosterPlacementsAll();
  const [acting, setActing] = useState<{ p: FosterPlacement; what: 'visit' | 'end' } | null>(null);
  return (
    <>
      <PageHeader title={t('fostering.visits.title')} subtitle={<Text size="sm">{t('fostering.visits.intro')}</Text>} />
      <Switch
        mb="sm"
        label={t('fostering.visits.overdueOnly')}
        checked={overdueOnly}
        onChange={(e) => setOverdueOnly(e.currentTarget.checked)}
      />
      <QueryState query={visits}>
        {(data) =>
          data.items.length ? (
            <Table striped aria-label={t('fostering.visits.title')} mb="lg">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fostering.col.child')}</Table.Th>
                  <Table.Th>{t('fostering.col.family')}</Table.Th>
                  <Table.Th>{t('fostering.visits.lastVisit')}</Table.Th>
                  <Table.Th>{t('fostering.col.nextVisit')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((v) => (
                  <Table.Tr key={v.placementId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/children/${v.childId}`}>
                        {v.childId.slice(0, 8)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{v.carer ?? '—'}</Table.Td>
                    <Table.Td>
                      {v.lastVisitOn ? `${v.lastVisitOn} · ${t(`fostering.visits.wellbeingOf.${v.lastWellbeing}`)}` : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <span title={v.citation}>{v.nextDue}</span>
                        {v.overdue && <Badge color="red">{t('fostering.daysOverdue', { count: v.daysOverdue })}</Badge>}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text mb="lg">{t('fostering.visits.none')}</Text>
          )
        }
      </QueryState>

      <Title order={4} mb="xs">
        {t('fostering.nav.placements')}
      </Title>
      <QueryState query={placements}>
        {(data) => (
          <Table striped aria-label={t('fostering.nav.placements')} mb="lg">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fostering.col.child')}</Table.Th>
                <Table.Th>{t('fostering.col.family')}</Table.Th>
                <Table.Th>{t('fostering.col.order')}</Table.Th>
                <Table.Th>{t('fostering.col.placed')}</Table.Th>
                <Table.Th>{t('fostering.col.nextVisit')}</Table.Th>
                {can('care.write') && <Table.Th>{t('fostering.col.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((p) => (
                <Table.Tr key={p.id} data-testid={`placement-${p.id}`}>
                  <Table.Td>{p.childId.slice(0, 8)}</Table.Td>
                  <Table.Td>{p.carer ?? '—'}</Table.Td>
                  <Table.Td>{p.orderRef ?? '—'}</Table.Td>
                  <Table.Td>{p.startedOn}</Table.Td>
                  <Table.Td>
                    {p.endedOn ? (
                      t('fostering.end.ended', { on: p.endedOn })
                    ) : (
                      <Group gap="xs">
                        <span>{p.nextInspectionDue ?? '—'}</span>
                        {p.inspectionOverdue && <Badge color="red">{t('fostering.overdue')}</Badge>}
                      </Group>
                    )}
                  </Table.Td>
                  {can('care.write') && (
                    <Table.Td>
                      {!p.endedOn && (
                        <Group gap="xs">
                          <Button size="xs" variant="light" onClick={() => setActing({ p, what: 'visit' })}>
                            {t('fostering.visits.record')}
                          </Button>
                          <Button size="xs" variant="subtle" color="red" onClick={() => setActing({ p, what: 'end' })}>
                            {t('fostering.end.action')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      {acting?.what === 'visit' && <VisitForm key={acting.p.id} placement={acting.p} onDone={() => setActing(null)} />}
      {acting?.what === 'end' && <EndPlacementForm key={acting.p.id} placement={acting.p} />}
      {can('care.write') && <AftercareProposals />}
    </>
  );
}

/**
 * The foster children an aftercare plan is proposed for; a plan made here records the placement
 * it follows (the proposal is then taken up), and the plans that follow a foster placement.
 */
function AftercareProposals() {
  const { t } = useTranslation();
  const proposals = useAftercareProposals();
  const plans = useAftercarePlansLinked();
  const [making, setMaking] = useState<AftercareProposal | null>(null);
  return (
    <>
      <Title order={4} mt="lg" mb="xs">
        {t('fostering.aftercare.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('fostering.aftercare.intro')}
      </Text>
      <QueryState query={proposals}>
        {(data) =>
          data.items.length ? (
            <Table aria-label={t('fostering.aftercare.title')} mb="md">
              <Table.Tbody>
                {data.items.map((a) => (
                  <Table.Tr key={a.placementId}>
                    <Table.Td>{a.childId.slice(0, 8)}</Table.Td>
                    <Table.Td>{a.carer ?? '—'}</Table.Td>
                    <Table.Td>
                      {t(`fostering.aftercare.source.${a.source}`, { on: a.source === 'left_at_18' ? a.placementEndedOn : a.turns18On })}
                    </Table.Td>
                    <Table.Td>{t('fostering.aftercare.planUntil', { on: a.endsOn })}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => setMaking(a)}>
                        {t('fostering.aftercare.make')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text c="dimmed">{t('fostering.aftercare.none')}</Text>
          )
        }
      </QueryState>
      {making && <AftercareFromProposalForm key={making.placementId} proposal={making} onDone={() => setMaking(null)} />}
      <QueryState query={plans}>
        {(data) => {
          const linked = data.items.filter((p) => p.follows?.kind === 'foster_placement');
          return linked.length ? (
            <Table striped aria-label={t('fostering.aftercare.linked')} mt="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fostering.col.child')}</Table.Th>
                  <Table.Th>{t('fostering.aftercare.orderRef')}</Table.Th>
                  <Table.Th>{t('fostering.aftercare.follows')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {linked.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.childId.slice(0, 8)}</Table.Td>
                    <Table.Td>
                      {p.orderRef} · {p.planOn}
                    </Table.Td>
                    <Table.Td>
                      {p.follows!.endedOn
                        ? t('fostering.aftercare.followsEnded', { family: p.follows!.place ?? '—', on: p.follows!.endedOn })
                        : t('fostering.aftercare.followsRunning', { family: p.follows!.place ?? '—' })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null;
        }}
      </QueryState>
    </>
  );
}
