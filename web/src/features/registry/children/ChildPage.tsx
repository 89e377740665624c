import type { ReactNode } from 'react';
import { Anchor, Badge, Button, Card, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EXPECTED_CHILD_DOCUMENTS } from '../../../../../src/registry/vocabulary';
import { useCan } from '../../../auth/session';
import { PersonName, placeLabel } from '../../../components/PersonName';
import { RecordLinks } from '../../../components/RecordLinks';
import { InitialsOnly, shown } from '../../../components/Withheld';
import { QueryState } from '../../../components/Status';
import { useFormat } from '../../../i18n/format';
import { useChild, useVillageIndex } from '../api';
import { Age } from '../shared/Age';
import { Documents } from '../shared/Documents';
import { Facts } from '../shared/Facts';
import { PageHeader } from '../shared/PageHeader';
import { FactorBadges, useVocab } from '../shared/vocab';
import type { ChildRecord } from '../types';

export default function ChildPage() {
  const { childId } = useParams({ strict: false }) as { childId: string };
  const child = useChild(childId);
  return <QueryState query={child}>{(c) => <ChildView child={c} />}</QueryState>;
}

function ChildView({ child: c }: { child: ChildRecord }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const vocab = useVocab();
  const can = useCan();
  const villages = useVillageIndex();
  const full = c.view === 'full';
  const held = new Set((c.documents ?? []).filter((d) => d.status === 'held' || d.status === 'issued').map((d) => d.docType));

  return (
    <>
      <PageHeader
        title={
          <>
            <PersonName name={c.name} nameLocal={c.nameLocal} />
            <InitialsOnly show={c.initialsOnly} />
          </>
        }
        docTitle={c.name}
        subtitle={
          full && c.careStatus ? (
            <Badge variant="light" tt="none" size="lg">
              {vocab('careStatus', c.careStatus)}
            </Badge>
          ) : undefined
        }
        actions={
          full && (
            <>
              {can('registry.write') && (
                <Button component={Link} to={`/children/${c.id}/edit`}>
                  {t('children.edit')}
                </Button>
              )}
              <RecordLinks kind="child" id={c.id} />
            </>
          )
        }
      />
      <Stack gap="md">
        <Card withBorder>
          <Facts
            items={[
              [t('child.sex'), vocab('sex', c.sex)],
              [t('child.ageColumn'), <Age key="a" age={c.age} estimated={c.dobEstimated} />],
              [t('child.dob'), shown(c, 'dob', (dob) => `${f.date(dob)}${c.dobEstimated ? ` (${t('child.estimated')})` : ''}`)],
              [t('child.village'), c.villageId ? placeLabel(villages.get(c.villageId), i18n.language) : '—'],
              ...(full
                ? ([
                    [t('child.otherNames'), c.otherNames?.length ? c.otherNames.join(', ') : shown(c, 'otherNames', () => '—')],
                    [t('child.schoolStatus'), vocab('schoolStatus', c.schoolStatus)],
                    [t('child.school'), shown(c, 'school', (s) => s)],
                    [t('child.disability'), c.disability || '—'],
                    [t('child.healthNotes'), c.healthNotes || '—'],
                  ] as [string, ReactNode][])
                : []),
            ]}
          />
          {!full && (
            <Text size="sm" c="dimmed" mt="sm">
              {t('child.minimalView')}
            </Text>
          )}
        </Card>
        {full && c.family && (
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('child.family')}
            </Title>
            <Anchor component={Link} to={`/families/${c.family.id}`}>
              <PersonName name={c.family.headName} nameLocal={c.family.headNameLocal} />
            </Anchor>
            <InitialsOnly show={c.family.initialsOnly} />
            <FactorBadges factors={c.family.vulnerabilityFactors} />
          </Card>
        )}
        {full && (
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('documents.title')}
            </Title>
            <Documents documents={c.documents ?? []} missing={EXPECTED_CHILD_DOCUMENTS.filter((d) => !held.has(d))} />
          </Card>
        )}
        {c.updatedAt && (
          <Text size="xs" c="dimmed">
            {t('record.version', { version: c.version, when: f.dateTime(c.updatedAt) })}
          </Text>
        )}
      </Stack>
    </>
  );
}
