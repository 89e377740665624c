import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import { useInstitution, useStays, type Stay } from './api';
import { todayIst } from '../../app/clock';
import { PreparePlanForm, ReviewPlanForm } from './CarePlanForms';

/** One institution: registration, capacity by sex and age band, the children in care with their care plan due, inspections. */
export default function InstitutionPage() {
  const { t } = useTranslation();
  const { institutionId } = useParams({ strict: false }) as { institutionId: string };
  const q = useInstitution(institutionId);
  const stays = useStays(institutionId);
  const can = useCan();
  return (
    <QueryState query={q}>
      {(i) => (
        <>
          <PageHeader
            title={i.name}
            subtitle={
              <Text size="sm">
                {t(`care.type.${i.type}`)} · {i.typeBasis}
              </Text>
            }
            actions={
              can('care.write') ? (
                <Button component={Link} to={`/care/admit?institutionId=${i.id}`}>
                  {t('care.admit.title')}
                </Button>
              ) : undefined
            }
          />
          <Group align="flex-start" mb="md">
            <Card withBorder>
              <Text size="sm" c="dimmed">
                {t('care.col.registration')}
              </Text>
              <Text>
                {i.registrationNo} ({t(`care.registration.${i.registrationStatus}`)}, {i.validUntil})
              </Text>
            </Card>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                {t('care.col.occupancy')}
              </Text>
              <Text>
                {i.inCare} / {i.sanctioned} {i.absconded ? `· ${t('care.absconded', { n: i.absconded })}` : ''}
              </Text>
            </Card>
          </Group>
          <Table aria-label={t('care.capacity')} mb="md" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('care.col.sex')}</Table.Th>
                <Table.Th>{t('care.col.ageBand')}</Table.Th>
                <Table.Th>{t('care.col.places')}</Table.Th>
                <Table.Th>{t('care.col.occupied')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {i.capacity.map((c) => (
                <Table.Tr key={`${c.sex}|${c.ageBand}`}>
                  <Table.Td>{t(`care.sex.${c.sex}`)}</Table.Td>
                  <Table.Td>{c.ageBand === 'any' ? t('care.sex.any') : c.ageBand}</Table.Td>
                  <Table.Td>{c.places}</Table.Td>
                  <Table.Td>{c.occupied}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={3} mb="xs">
            {t('care.children')}
          </Title>
          <QueryState query={stays}>{(d) => <StayTable items={d.items} canWrite={can('care.write')} />}</QueryState>
          <Title order={3} mt="md" mb="xs">
            {t('care.inspections')}
          </Title>
          {i.inspections.length === 0 && <Text>{t('care.noInspections')}</Text>}
          <Stack>
            {i.inspections.map((x) => (
              <Card key={x.id} withBorder>
                <Text fw={600}>
                  {x.inspectedOn} · {x.committee}
                </Text>
                {x.findings.map((f, n) => (
                  <Text key={n} size="sm">
                    <Badge size="xs" color={f.severity === 'minor' ? 'gray' : 'red'} mr="xs">
                      {t(`care.severity.${f.severity}`)}
                    </Badge>
                    {f.area}: {f.finding}
                  </Text>
                ))}
              </Card>
            ))}
          </Stack>
        </>
      )}
    </QueryState>
  );
}

/** The children in care; roles with `care.write` prepare a stay's care plan or record its review (Model Rules 2016 r.69). */
export function StayTable({ items, canWrite = false }: { items: Stay[]; canWrite?: boolean }) {
  const { t } = useTranslation();
  const today = todayIst();
  const [open, setOpen] = useState<string | null>(null);
  if (!items.length) return <Text>{t('care.noChildren')}</Text>;
  const chosen = items.find((s) => s.id === open);
  return (
    <>
      <Table striped aria-label={t('care.children')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('care.col.child')}</Table.Th>
            <Table.Th>{t('care.col.admitted')}</Table.Th>
            <Table.Th>{t('care.col.order')}</Table.Th>
            <Table.Th>{t('care.col.status')}</Table.Th>
            <Table.Th>{t('care.col.icpDue')}</Table.Th>
            {canWrite && <Table.Th>{t('care.plan.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id} data-testid={`stay-${s.id}`}>
              <Table.Td>
                <Anchor component={Link} to={`/children/${s.childId}`}>
                  {s.childName ?? t('care.withheld')}
                </Anchor>
                {s.childAge != null && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({t('care.age', { n: s.childAge })})
                  </Text>
                )}
                {s.aftercareDue && (
                  <Badge ml="xs" size="xs" color="grape">
                    {t('care.aftercareDue')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{s.admittedOn}</Table.Td>
              <Table.Td>
                {t(`care.orderBy.${s.orderBy}`)} {s.orderRef ?? ''}
              </Table.Td>
              <Table.Td>{t(`care.status.${s.status}`)}</Table.Td>
              <Table.Td>
                {s.icpDue ?? '—'}{' '}
                {s.icpDue && s.icpDue < today && (
                  <Badge size="xs" color="red">
                    {t('care.overdue')}
                  </Badge>
                )}
              </Table.Td>
              {canWrite && (
                <Table.Td>
                  {s.status !== 'left' && (
                    <Button size="xs" variant="light" onClick={() => setOpen(s.id)}>
                      {s.planId ? t('care.plan.review') : t('care.plan.prepare')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {chosen &&
        (chosen.planId ? (
          <ReviewPlanForm key={chosen.id} stay={{ ...chosen, planId: chosen.planId }} onDone={() => setOpen(null)} />
        ) : (
          <PreparePlanForm key={chosen.id} stay={chosen} onDone={() => setOpen(null)} />
        ))}
    </>
  );
}
