import { Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../auth/session';
import { PersonName, placeLabel } from '../../../components/PersonName';
import { InitialsOnly } from '../../../components/Withheld';
import { RecordLinks } from '../../../components/RecordLinks';
import { QueryState } from '../../../components/Status';
import { useFormat } from '../../../i18n/format';
import { useFamily, useVillageIndex } from '../api';
import { Age } from '../shared/Age';
import { Documents } from '../shared/Documents';
import { Facts } from '../shared/Facts';
import { PageHeader } from '../shared/PageHeader';
import { FactorBadges, useVocab } from '../shared/vocab';
import type { FamilyRecord } from '../types';
import { AssessmentsCard, MembersCard } from './FamilySections';

export default function FamilyPage() {
  const { familyId } = useParams({ strict: false }) as { familyId: string };
  const family = useFamily(familyId);
  return <QueryState query={family}>{(f) => <FamilyView family={f} />}</QueryState>;
}

function FamilyView({ family: fam }: { family: FamilyRecord }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const vocab = useVocab();
  const can = useCan();
  const villages = useVillageIndex();
  const village = fam.villageId ? placeLabel(villages.get(fam.villageId), i18n.language) : '—';
  const full = fam.view === 'full';
  const yesNo = (b: boolean | null | undefined) => (b == null ? '—' : b ? t('form.yes') : t('form.no'));

  return (
    <>
      <PageHeader
        title={
          <>
            <PersonName name={fam.headName} nameLocal={fam.headNameLocal} />
            <InitialsOnly show={fam.initialsOnly} />
          </>
        }
        docTitle={fam.headName}
        subtitle={<Text size="sm">{[village, fam.address].filter(Boolean).join(' · ')}</Text>}
        actions={
          full && (
            <>
              {can('registry.write') && (
                <Button component={Link} to={`/families/${fam.id}/edit`}>
                  {t('families.edit')}
                </Button>
              )}
              {can('registry.write') && (
                <Button component={Link} to="/children/new" search={{ familyId: fam.id } as never} variant="default">
                  {t('families.addChild')}
                </Button>
              )}
              {can('assessment.write') && (
                <Button component={Link} to={`/families/${fam.id}/assessments/new`} variant="default">
                  {t('assessment.new')}
                </Button>
              )}
              <RecordLinks kind="family" id={fam.id} />
            </>
          )
        }
      />
      {!full ? (
        <Text size="sm" c="dimmed">
          {t('child.minimalView')}
        </Text>
      ) : (
        <Stack gap="md">
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('family.factors')}
            </Title>
            {fam.vulnerabilityFactors?.length ? (
              <FactorBadges factors={fam.vulnerabilityFactors} />
            ) : (
              <Text size="sm">{t('family.noFactors')}</Text>
            )}
          </Card>
          <Card withBorder>
            <Facts
              items={[
                [t('family.caregiverType'), vocab('caregiverType', fam.caregiverType)],
                [t('family.areaType'), vocab('areaType', fam.areaType)],
                [t('family.annualIncome'), f.money(fam.annualIncome)],
                [t('family.rationCard'), vocab('rationCard', fam.rationCard)],
                [t('family.bpl'), yesNo(fam.bpl)],
                [t('family.occupation'), fam.occupation || '—'],
                [t('family.migration'), vocab('migration', fam.migration)],
                [t('family.casteCategory'), vocab('casteCategory', fam.casteCategory)],
                [t('family.socialGroup'), fam.socialGroup || '—'],
                [t('family.notes'), fam.notes || '—'],
              ]}
            />
          </Card>

          <MembersCard members={fam.members ?? []} />

          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('family.children')}
            </Title>
            <Stack gap="sm">
              {(fam.children ?? []).map((c) => (
                <Stack key={c.id} gap={4} data-testid="family-child">
                  <Text size="sm">
                    <Anchor component={Link} to={`/children/${c.id}`} fw={600}>
                      <PersonName name={c.name} nameLocal={c.nameLocal} />
                    </Anchor>{' '}
                    · {vocab('sex', c.sex)} · <Age age={c.age} estimated={c.dobEstimated} /> · {vocab('careStatus', c.careStatus)}
                  </Text>
                  <Documents documents={c.documents} missing={c.missingDocuments} />
                </Stack>
              ))}
              {!fam.children?.length && <Text size="sm">—</Text>}
            </Stack>
          </Card>

          <AssessmentsCard assessments={fam.assessments ?? []} family={fam} />

          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('documents.familyTitle')}
            </Title>
            <Documents documents={fam.documents ?? []} missing={fam.missingDocuments ?? []} />
          </Card>
          {fam.updatedAt && (
            <Text size="xs" c="dimmed">
              {t('record.version', { version: fam.version, when: f.dateTime(fam.updatedAt) })}
            </Text>
          )}
        </Stack>
      )}
    </>
  );
}
