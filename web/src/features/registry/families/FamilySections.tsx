import { lazy, Suspense } from 'react';
import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PersonName } from '../../../components/PersonName';
import { Loading } from '../../../components/Status';
import { useFormat } from '../../../i18n/format';
import { Age } from '../shared/Age';
import { useVocab } from '../shared/vocab';
import type { Assessment, FamilyRecord, Member } from '../types';

const AssessmentChart = lazy(() => import('../assessments/AssessmentChart'));

/** Who is in the household: relationship, age, living or deceased (and how), the primary caregiver. */
export function MembersCard({ members }: { members: Member[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const vocab = useVocab();
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('family.members')}
      </Title>
      {!members?.length && <Text size="sm">—</Text>}
      <Table.ScrollContainer minWidth={600} hidden={!members?.length}>
        <Table data-testid="members-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('child.name')}</Table.Th>
              <Table.Th scope="col">{t('member.relationship')}</Table.Th>
              <Table.Th scope="col">{t('child.ageColumn')}</Table.Th>
              <Table.Th scope="col">{t('member.status')}</Table.Th>
              <Table.Th scope="col">{t('family.occupation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(members ?? []).map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <PersonName name={m.name} nameLocal={m.nameLocal} />
                  {m.isPrimaryCaregiver && (
                    <Badge ml={6} size="sm" variant="light" color="teal" tt="none">
                      {t('member.primaryCaregiver')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{vocab('relationship', m.relationship)}</Table.Td>
                <Table.Td>{m.age == null ? '—' : <Age age={m.age} />}</Table.Td>
                <Table.Td>
                  {m.alive
                    ? [m.imprisoned ? t('member.imprisoned') : t('member.alive'), m.disability, m.chronicIllness]
                        .filter(Boolean)
                        .join(' · ')
                    : `${t('member.deceased')}${m.deathCause ? ` (${vocab('deathCause', m.deathCause)})` : ''}${m.deathDate ? ` · ${f.date(m.deathDate)}` : ''}`}
                </Table.Td>
                <Table.Td>{m.occupation || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** The assessments over time: the chart (loaded on demand) and the same figures as a table. */
export function AssessmentsCard({ assessments: all, family: fam }: { assessments: Assessment[]; family: FamilyRecord }) {
  const { t } = useTranslation();
  const f = useFormat();
  const assessments = [...all].sort((a, b) => b.assessedOn.localeCompare(a.assessedOn));
  const domains = [...new Set(assessments.flatMap((a) => Object.keys(a.domainScores)))];
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('assessment.overTime')}
      </Title>
      {assessments.length === 0 ? (
        <Text size="sm">{t('assessment.none')}</Text>
      ) : (
        <>
          <Suspense fallback={<Loading />}>
            <AssessmentChart assessments={assessments} domains={domains} />
          </Suspense>
          <Text size="sm" mt="sm" id="assessment-scale">
            {t('assessment.scaleExplained')}
          </Text>
          <Table.ScrollContainer minWidth={280}>
            <Table data-testid="assessments-table" aria-describedby="assessment-scale">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('assessment.assessedOn')}</Table.Th>
                  <Table.Th scope="col" className="num">
                    {t('assessment.overall')}
                  </Table.Th>
                  <Table.Th scope="col">{t('assessment.about')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {assessments.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{f.date(a.assessedOn)}</Table.Td>
                    <Table.Td className="num">{f.decimal(Number(a.overall))}</Table.Td>
                    <Table.Td>
                      {a.childId ? (fam.children?.find((c) => c.id === a.childId)?.name ?? '—') : t('assessment.wholeFamily')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Card>
  );
}
