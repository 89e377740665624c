import { useEffect, type ReactNode } from 'react';
import { Badge, Box, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PersonName } from '../../components/PersonName';
import { useFormat, type Formatter } from '../../i18n/format';
import type { TFunction } from 'i18next';
import { isRedacted, type FieldWeight, type MissingRecord, type PersonRecord, type RecordSide } from './types';

/** The screen's heading and actions; also names the browser tab. */
export function Header({ title, intro, actions }: { title: string; intro?: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <Group justify="space-between" align="flex-start" mb="md" gap="sm">
      <Stack gap={2} style={{ minWidth: 0, flex: '1 1 260px' }}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {intro && (
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}

const STATUS_COLOUR: Record<string, string> = {
  pending_moderation: 'yellow',
  open: 'blue',
  matched: 'green',
  rejected: 'gray',
  closed: 'gray',
  proposed: 'yellow',
  confirmed: 'green',
  superseded: 'gray',
  awaiting_case: 'orange',
  case_opened: 'blue',
  restored: 'green',
};

export function StatusBadge({ status, kind }: { status: string; kind: 'status' | 'matchStatus' | 'restorationStatus' }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOUR[status] ?? 'gray'} variant="light" tt="none">
      {t(`missing.${kind}.${status}`)}
    </Badge>
  );
}

export function KindBadge({ kind }: { kind: 'missing' | 'found' }) {
  const { t } = useTranslation();
  return (
    <Badge color={kind === 'missing' ? 'red' : 'teal'} variant="outline" tt="none">
      {t(`missing.kind.${kind}`)}
    </Badge>
  );
}

/** The child's name as written, or a dash when the child could not say it. */
export function ChildName({ r }: { r: Pick<MissingRecord, 'name' | 'nameLocal'> }) {
  const name = r.name || r.nameLocal;
  if (!name)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  return <PersonName name={name} nameLocal={r.name ? r.nameLocal : null} />;
}

export function AgeText({ age, estimated }: { age: number | null; estimated?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (age == null) return <>—</>;
  return <>{t(estimated ? 'missing.common.approx' : 'missing.common.years', { n: f.decimal(age) })}</>;
}

/** One line about a side of a match: reference, name, district (or only what a rejected match still shows). */
export function SideSummary({ r }: { r: RecordSide | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!r) return null;
  if (isRedacted(r)) {
    return (
      <Stack gap={0}>
        <Text size="sm" fw={600}>
          {r.reference}
        </Text>
        <Text size="sm">{r.districtName}</Text>
        <Text size="xs" c="dimmed">
          {t('missing.review.redacted')}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        <ChildName r={r} />
      </Text>
      <Text size="sm">
        {r.reference} · {t(`missing.sex.${r.sex}`)} · <AgeText age={r.ageYears} estimated={r.ageEstimated} />
      </Text>
      <Text size="sm" c="dimmed">
        {r.districtName} · {f.date(r.eventDate)}
      </Text>
      {r.access === 'via_match' && (
        <Text size="xs" c="dimmed">
          {t('missing.review.viaMatch')}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The level the engine found ("spelling/script variant") in the language on screen, from the
 * shared catalogue (`match.level.<field>.<n>`, src/i18n/match-words.ts). Where the model's English
 * no longer reads as the catalogue's (a refitted model), its own words, never another level's.
 */
export function levelText(t: TFunction, x: Pick<FieldWeight, 'id' | 'level' | 'levelLabel'>): string {
  const key = `match.level.${x.id}.${x.level}`;
  if (t(key, { lng: 'en' }) !== x.levelLabel) return x.levelLabel;
  return t(key, { defaultValue: x.levelLabel });
}

/** The engine's explanation line in the language on screen: "नाव: टोपणनाव (+4.2), …". */
export function explanationText(t: TFunction, f: Formatter, fields: readonly FieldWeight[]): string {
  return fields
    .map(
      (x) =>
        `${t(`missing.cmp.${x.id}`, { defaultValue: x.label })}: ${levelText(t, x)} (${x.weight >= 0 ? '+' : ''}${f.decimal(Math.round(x.weight * 10) / 10)})`,
    )
    .join(', ');
}

/**
 * The engine's per-field weights as bars: evidence for the match to the right (green),
 * against it to the left (red), each with the level the engine found. Bits of evidence:
 * +8 means the agreement is 2⁸ times likelier between the same child than between two others.
 */
export function ExplanationBars({ fields }: { fields: FieldWeight[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const max = Math.max(4, ...fields.map((x) => Math.abs(x.weight)));
  return (
    <Stack gap={4} data-testid="explanation-bars" aria-label={t('missing.review.evidence')}>
      {fields.map((x) => {
        const w = (Math.abs(x.weight) / max) * 50;
        const positive = x.weight >= 0;
        return (
          <Group key={x.id} gap="xs" wrap="nowrap" data-testid={`bar-${x.id}`}>
            <Text size="sm" w={80} style={{ flexShrink: 0 }}>
              {t(`missing.cmp.${x.id}`, { defaultValue: x.label })}
            </Text>
            <Box pos="relative" h={14} style={{ flex: '1 1 auto', minWidth: 120 }}>
              <Box pos="absolute" left="50%" top={0} bottom={0} w={1} bg="gray.5" />
              <Tooltip label={`${levelText(t, x)} (${positive ? '+' : ''}${f.decimal(x.weight)})`}>
                <Box
                  pos="absolute"
                  top={2}
                  h={10}
                  bg={positive ? 'green.6' : 'red.6'}
                  style={{ left: positive ? '50%' : `${50 - w}%`, width: `${w}%`, borderRadius: 2 }}
                  role="img"
                  aria-label={`${levelText(t, x)} ${positive ? '+' : ''}${f.decimal(x.weight)}`}
                />
              </Tooltip>
            </Box>
            <Text size="xs" c="dimmed" w={170} style={{ flexShrink: 0 }}>
              {levelText(t, x)} ({positive ? '+' : ''}
              {f.decimal(Math.round(x.weight * 10) / 10)})
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

const ROWS: { key: keyof PersonRecord | 'location'; cmp: string }[] = [
  { key: 'name', cmp: 'name' },
  { key: 'sex', cmp: 'sex' },
  { key: 'age', cmp: 'age' },
  { key: 'father_name', cmp: 'father' },
  { key: 'mother_name', cmp: 'mother' },
  { key: 'location', cmp: 'location' },
  { key: 'date', cmp: 'date' },
  { key: 'language', cmp: 'language' },
  { key: 'marks', cmp: 'marks' },
];

/** The two person records the engine compared, side by side, each row with its field's weight. */
export function SideBySide({ left, right, fields }: { left: PersonRecord; right: PersonRecord; fields: FieldWeight[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const value = (p: PersonRecord, k: (typeof ROWS)[number]['key']) => {
    if (k === 'location') return [p.place, p.district, p.state].filter(Boolean).join(', ') || '—';
    if (k === 'date') return f.date(p.date || null);
    if (k === 'sex') return p.sex ? t(`missing.sex.${p.sex === 'f' ? 'female' : p.sex === 'm' ? 'male' : 'other'}`) : '—';
    if (k === 'age') return p.age == null ? '—' : f.decimal(p.age);
    return (p[k] as string) || '—';
  };
  const weightOf = (cmp: string) => fields.find((x) => x.id === cmp);
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table withTableBorder withColumnBorders data-testid="side-by-side">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" />
            <Table.Th scope="col">{t('missing.review.missingSide')}</Table.Th>
            <Table.Th scope="col">{t('missing.review.foundSide')}</Table.Th>
            <Table.Th scope="col">{t('missing.review.evidence')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ROWS.map((r) => {
            const w = weightOf(r.cmp);
            return (
              <Table.Tr key={r.key}>
                <Table.Th scope="row">{t(`missing.cmp.${r.cmp}`)}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value(left, r.key)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value(right, r.key)}</Table.Td>
                <Table.Td>
                  {w ? (
                    <Text size="sm" c={w.weight >= 0 ? 'green.8' : 'red.8'}>
                      {levelText(t, w)} ({w.weight >= 0 ? '+' : ''}
                      {f.decimal(Math.round(w.weight * 10) / 10)})
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export const percent = (p: number) => Math.round(p * 1000) / 10;

/**
 * A match's likelihood in words that do not overclaim (issue #17: "100% likely"): a model's
 * probability is never certainty, so above 99% reads "over 99% likely" and below 1% "under 1% likely".
 */
export function likelihoodText(t: TFunction, f: Formatter, p: number): string {
  const pc = percent(p);
  if (pc >= 99) return t('missing.review.probabilityAbove', { p: f.number(99) });
  if (pc < 1) return t('missing.review.probabilityBelow', { p: f.number(1) });
  return t('missing.review.probability', { p: f.decimal(pc) });
}

export { useMissingReason } from './reason';
