import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { PersonName } from '../../components/PersonName';
import { useFormat } from '../../i18n/format';
import type { ChildCreate, FamilyAssessment, VillageSurvey } from '../../offline/store';
import { Age } from '../registry/shared/Age';
import { PageHeader } from '../registry/shared/PageHeader';
import { useVillage } from './useVillage';

import { Refused, StatusBar, Gate, ChangeBadge, shownChild } from './shared';
import { istDay } from '../../app/clock';

export function VillageScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const v = useVillage();
  const created = v.queue.filter((c): c is ChildCreate => c.kind === 'child.create');
  return (
    <>
      <PageHeader
        title={t('offline.title')}
        actions={
          <>
            {can('survey.write') && (
              <Button component={Link} to="/offline/survey" variant="default">
                {t('offline.newSurvey')}
              </Button>
            )}
            <Button
              onClick={() => void v.syncNow(true)}
              loading={v.syncing}
              disabled={!v.online || v.state !== 'ready'}
              data-testid="sync-now"
            >
              {t('offline.syncNow')}
            </Button>
          </>
        }
      />
      <Text size="sm" mb="sm">
        {t('offline.intro')}
      </Text>
      <Gate v={v}>
        <StatusBar v={v} />
        {v.queue
          .filter((q): q is VillageSurvey => q.kind === 'village.survey')
          .map((q) => (
            <Group key={q.id} gap="xs" mb="xs" data-testid="offline-survey">
              <Text size="sm">{t('offline.surveyOf', { date: f.date(String(q.payload.surveyedOn)) })}</Text>
              <ChangeBadge change={q} />
              <Refused change={q} v={v} />
            </Group>
          ))}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="xs">
            <Title order={2} size="h3">
              {t('offline.children')}
            </Title>
            <Stack gap={6} data-testid="offline-children">
              {v.children.map((raw) => {
                const c = shownChild(raw, v.queue);
                return (
                  <Card key={c.id} withBorder padding="xs" data-testid="offline-child" data-id={c.id}>
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Stack gap={0} style={{ minWidth: 0 }}>
                        <Anchor component={Link} to={`/offline/children/${c.id}`}>
                          <PersonName name={c.name} nameLocal={c.nameLocal} />
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          <Age age={c.age} estimated={c.dobEstimated} />
                        </Text>
                      </Stack>
                      <ChangeBadge change={c.edit} />
                    </Group>
                  </Card>
                );
              })}
              {created.map((c) => (
                <Card key={c.id} withBorder padding="xs" data-testid="offline-new-child">
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <PersonName name={String(c.payload.name ?? '')} nameLocal={(c.payload.nameLocal as string) ?? null} />
                    <ChangeBadge change={c} />
                  </Group>
                  <Refused change={c} v={v} />
                </Card>
              ))}
            </Stack>
          </Stack>
          <Stack gap="xs">
            <Title order={2} size="h3">
              {t('offline.dueVisits')}
            </Title>
            {v.tasks.length === 0 ? (
              <Text size="sm">{t('offline.noDue')}</Text>
            ) : (
              <Stack gap={6} data-testid="offline-due">
                {v.tasks.map((task) => {
                  const child = v.cases.find((c) => c.id === task.caseId)?.childId;
                  return (
                    <Card key={task.id} withBorder padding="xs">
                      <Group justify="space-between" wrap="nowrap" gap="xs">
                        <Stack gap={0} style={{ minWidth: 0 }}>
                          <Text size="sm" fw={600}>
                            {t(`cases.due.${task.kind}`, { defaultValue: task.kind })}
                          </Text>
                          {child ? (
                            <Anchor component={Link} to={`/offline/children/${child}`} size="sm">
                              <PersonName name={task.childName} nameLocal={task.childNameLocal} />
                            </Anchor>
                          ) : (
                            <PersonName name={task.childName} nameLocal={task.childNameLocal} />
                          )}
                        </Stack>
                        <Stack gap={0} align="flex-end">
                          <Text size="sm">{f.date(istDay(task.dueAt))}</Text>
                          {task.overdue && (
                            <Badge color="red" size="sm">
                              {t('offline.overdue')}
                            </Badge>
                          )}
                        </Stack>
                      </Group>
                    </Card>
                  );
                })}
              </Stack>
            )}
            <Title order={2} size="h3" mt="md">
              {t('offline.families')}
            </Title>
            <Table.ScrollContainer minWidth={280}>
              <Table data-testid="offline-families">
                <Table.Tbody>
                  {v.families.map((fam) => (
                    <Table.Tr key={fam.id}>
                      <Table.Td>
                        <PersonName name={fam.headName} nameLocal={fam.headNameLocal} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Group gap="sm" justify="flex-end">
                          <Anchor component={Link} to={`/offline/families/${fam.id}/new-child`} size="sm">
                            {t('offline.addChild')}
                          </Anchor>
                          {can('assessment.write') && (
                            <Anchor component={Link} to={`/offline/families/${fam.id}/assessment`} size="sm">
                              {t('offline.newAssessment')}
                            </Anchor>
                          )}
                        </Group>
                        {v.queue
                          .filter((q): q is FamilyAssessment => q.kind === 'family.assessment' && q.familyId === fam.id)
                          .map((q) => (
                            <Group key={q.id} gap="xs" justify="flex-end" mt={4} data-testid="offline-assessment">
                              <Text size="xs">{t('offline.assessmentOf', { date: f.date(String(q.payload.assessedOn)) })}</Text>
                              <ChangeBadge change={q} />
                              <Refused change={q} v={v} />
                            </Group>
                          ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        </SimpleGrid>
      </Gate>
    </>
  );
}
