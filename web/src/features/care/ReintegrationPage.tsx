import { useState } from 'react';
import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import { useCan } from '../../auth/session';
import { usePathways, type Pathway } from './api';
import { useOrganisations } from '../cases/api';
import { ChangeNgoForm, FollowUpForm, nextStages, OpenPathwayForm, PathwayStepForm } from './PathwayForms';

/**
 * Reintegration pathways (JJ Act 2015 s.40, restoration): where each child in care stands on the
 * way home, from identification through the family's preparation and the CWC's restoration order
 * to the follow-up visits, and re-entry to care as an outcome. The NGO's caseworkers and the
 * district record each step and each follow-up visit here.
 */
type Acting = { pathway: Pathway; form: 'step' | 'followUp' | 'ngo' };

/** Opening a pathway: the district (care.write) or an NGO's caseworker (care.reintegrate, for its own NGO). */

export default function ReintegrationPage() {
  const { t } = useTranslation();
  const can = useCan();
  const pathways = usePathways();
  const [acting, setActing] = useState<Acting | null>(null);
  const [opening, setOpening] = useState(false);
  const onAct = can(['care.reintegrate', 'care.write']) ? setActing : undefined;
  const done = () => setActing(null);
  return (
    <>
      <PageHeader title={t('care.reintegration.title')} subtitle={<Text size="sm">{t('care.reintegration.intro')}</Text>} />
      {onAct && !opening && (
        <Button mb="md" variant="light" onClick={() => setOpening(true)}>
          {t('care.reintegration.open')}
        </Button>
      )}
      {opening && <OpenPathwayForm onDone={() => setOpening(false)} />}
      <QueryState query={pathways}>{(data) => <PathwayTable pathways={data.items} onAct={onAct} />}</QueryState>
      {acting?.form === 'step' && <PathwayStepForm key={acting.pathway.id} pathway={acting.pathway} onDone={done} />}
      {acting?.form === 'followUp' && <FollowUpForm key={acting.pathway.id} pathway={acting.pathway} onDone={done} />}
      {acting?.form === 'ngo' && <ChangeNgoForm key={acting.pathway.id} pathway={acting.pathway} onDone={done} />}
    </>
  );
}

export function PathwayTable({ pathways, onAct }: { pathways: Pathway[]; onAct?: (a: Acting) => void }) {
  const { t } = useTranslation();
  // Only the DCPU reassigns a pathway's NGO (POST /care/reintegration/:id/ngo needs care.write), an open one.
  const reassign = useCan()('care.write');
  // The NGO working each pathway, by name, for the DCPU who assigns it (the NGO's own caseworkers see only theirs).
  const orgs = useOrganisations();
  const ngoName = (id: string | null | undefined) => (id ? orgs.data?.find((o) => o.id === id)?.name : t('care.reintegration.ngoNone'));
  if (!pathways.length) return <Text>{t('care.reintegration.none')}</Text>;
  return (
    <Table striped aria-label={t('care.reintegration.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('care.col.child')}</Table.Th>
          <Table.Th>{t('care.reintegration.stage')}</Table.Th>
          <Table.Th>{t('care.reintegration.fromStay')}</Table.Th>
          <Table.Th>{t('care.reintegration.restoredOn')}</Table.Th>
          <Table.Th>{t('care.reintegration.nextFollowUp')}</Table.Th>
          <Table.Th>{t('care.reintegration.followUpsDone')}</Table.Th>
          {onAct && <Table.Th>{t('care.reintegration.record')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {pathways.map((p) => {
          const next = p.followUps.find((f) => !f.visitedOn);
          const done = p.followUps.filter((f) => f.visitedOn).length;
          return (
            <Table.Tr key={p.id} data-testid={`pathway-${p.id}`}>
              <Table.Td>
                <Anchor component={Link} to={`/children/${p.childId}`}>
                  {p.childName ?? p.childId.slice(0, 8)}
                </Anchor>
                {reassign && p.ngoId !== undefined && ngoName(p.ngoId) && (
                  <Text size="xs" c="dimmed" data-testid="pathway-ngo">
                    {t('care.reintegration.ngo')}: {ngoName(p.ngoId)}
                  </Text>
                )}
                {p.kind && (
                  <Text size="xs" c="dimmed">
                    {t(`care.reintegration.kinds.${p.kind}`, { defaultValue: p.kind })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={p.stage === 're_entered' ? 'red' : p.stage === 'closed' ? 'gray' : 'blue'}>
                  {t(`care.reintegration.stages.${p.stage}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {p.stageOn}
                </Text>
              </Table.Td>
              <Table.Td>
                {p.stay ? (
                  <>
                    <Anchor component={Link} to={`/care/institutions/${p.stay.institutionId}`}>
                      {p.stay.institutionName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t('care.reintegration.admittedOn', { date: p.stay.admittedOn })}
                    </Text>
                  </>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>{p.restoredOn ?? '—'}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <span>{next?.dueOn ?? '—'}</span>
                  {next?.overdue && <Badge color="red">{t('care.overdue')}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>{p.followUps.length ? `${done} / ${p.followUps.length}` : '—'}</Table.Td>
              {onAct && (
                <Table.Td>
                  <Group gap="xs">
                    {nextStages(p.stage).length > 0 && (
                      <Button size="xs" variant="default" onClick={() => onAct({ pathway: p, form: 'step' })}>
                        {t('care.reintegration.step')}
                      </Button>
                    )}
                    {next && (
                      <Button size="xs" variant="default" onClick={() => onAct({ pathway: p, form: 'followUp' })}>
                        {t('care.reintegration.followUp')}
                      </Button>
                    )}
                    {reassign && p.stage !== 'closed' && p.stage !== 're_entered' && (
                      <Button size="xs" variant="default" onClick={() => onAct({ pathway: p, form: 'ngo' })}>
                        {t('care.reintegration.changeNgo')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
