import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { InitialsOnly, Withheld } from '../../components/Withheld';
import { AgeText, ChildName, KindBadge, StatusBadge } from './shared';
import type { MissingRecord } from './types';

/** What a record says, labelled for its kind (last seen / found). */
export function RecordFacts({ r }: { r: MissingRecord }) {
  const { t } = useTranslation();
  const f = useFormat();
  const missing = r.kind === 'missing';
  // A field the server left out on purpose is labelled, not hidden (src/access/fields.ts).
  const withheldOr = (field: string, v: React.ReactNode) => (v == null && r.withheld?.includes(field) ? <Withheld key={field} /> : v);
  const rows: [string, React.ReactNode][] = [
    [
      t('missing.field.name'),
      <span key="n">
        <ChildName r={r} />
        <InitialsOnly show={r.initialsOnly} />
      </span>,
    ],
    ...(r.aliases?.length ? [[t('missing.field.aliases'), r.aliases.join(', ')] as [string, string]] : []),
    [t('missing.field.sex'), t(`missing.sex.${r.sex}`)],
    [t('missing.field.age'), <AgeText key="a" age={r.ageYears} estimated={r.ageEstimated} />],
    [t('missing.field.fatherName'), withheldOr('fatherName', r.fatherName)],
    [t('missing.field.motherName'), withheldOr('motherName', r.motherName)],
    [t('missing.field.language'), r.language],
    [t('missing.field.height'), r.heightCm == null ? null : f.number(r.heightCm)],
    [t('missing.field.marks'), r.marks],
    [t('missing.field.clothing'), r.clothing],
    [t('missing.field.description'), r.description],
    [t(missing ? 'missing.field.homeDistrict' : 'missing.field.foundDistrict'), `${r.districtName}, ${r.stateName}`],
    [t('missing.field.place'), r.place],
    [t(missing ? 'missing.field.address' : 'missing.field.statedHome'), withheldOr('address', r.address)],
    [t(missing ? 'missing.field.lastSeenOn' : 'missing.field.foundOn'), f.date(r.eventDate)],
    [t(missing ? 'missing.field.lastSeenPlace' : 'missing.field.foundPlace'), r.eventPlace],
    ...(!missing
      ? [
          [t('missing.field.currentCare'), r.currentCare ? t(`missing.care.${r.currentCare}`) : null] as [string, string | null],
          [t('missing.field.currentPlace'), r.currentPlace] as [string, string | null],
        ]
      : []),
    [t('missing.field.source'), t(`missing.source.${r.source}`, { defaultValue: r.source })],
    [t('missing.field.policeStation'), r.policeStation],
    [t('missing.field.firNumber'), r.firNumber],
    [
      t('missing.record.reporter'),
      r.withheld?.includes('reporterName') ? (
        <Withheld key="rep" />
      ) : (
        [r.reporter?.name, r.reporter?.relation, r.reporter?.phone].filter(Boolean).join(' · ') || null
      ),
    ],
  ];
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <KindBadge kind={r.kind} />
        <StatusBadge status={r.status} kind="status" />
        {r.access === 'via_match' && (
          <Text size="xs" c="dimmed">
            {t('missing.list.access.via_match')}
          </Text>
        )}
      </Group>
      {r.view === 'compared' && (
        <Text size="xs" c="dimmed" data-testid="limited-view">
          {t('missing.review.limitedView', { district: r.districtName })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4}>
        {rows
          .filter(([, v]) => v !== null && v !== undefined && v !== '')
          .map(([k, v]) => (
            <Stack key={k} gap={0}>
              <Text size="xs" c="dimmed">
                {k}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {v}
              </Text>
            </Stack>
          ))}
      </SimpleGrid>
    </Stack>
  );
}
