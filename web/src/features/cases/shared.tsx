import { Badge, Group, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DueItem } from '../../../../src/cases/domain';
import { useFormat } from '../../i18n/format';

const STATUS_COLOR: Record<string, string> = {
  intake: 'gray',
  under_assessment: 'blue',
  under_cwc: 'grape',
  care_plan_active: 'teal',
  under_review: 'yellow',
  escalated: 'orange',
  transfer_pending: 'cyan',
  closed: 'dark',
};
const RISK_COLOR: Record<string, string> = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' };

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="light" tt="none">
      {t(`cases.status.${status}`)}
    </Badge>
  );
}

export function RiskBadge({ risk }: { risk: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={RISK_COLOR[risk] ?? 'gray'} variant="outline" tt="none">
      {t(`cases.risk.${risk}`)}
    </Badge>
  );
}

/** Flags the status badge does not already say. */
export function FlagBadges({ flags }: { flags: readonly string[] }) {
  const { t } = useTranslation();
  const shown = flags.filter((f) => f !== 'escalated' && f !== 'transfer_pending');
  if (!shown.length) return null;
  return (
    <Group gap={4}>
      {shown.map((f) => (
        <Badge key={f} size="xs" variant="dot" color={f === 'production_owed' || f === 'statutory_due' ? 'red' : 'blue'} tt="none">
          {t(`cases.flag.${f}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** Deadlines the law counts in hours (JJ Act s.31: production before the CWC within 24 hours): their clock time matters. */
export const HOURLY_DUE_KINDS: ReadonlySet<string> = new Set(['cwc_production']);

/** A due date: red and marked when past, with the statutory basis on hover; a day, not a clock time, unless counted in hours. */
export function DueDate({ at, overdue, basis, kind }: { at: string; overdue: boolean; basis?: string; kind?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const text = (
    // red.9, not red: 4.5:1 also on a striped row (WCAG 1.4.3); the word "overdue" says it without colour.
    <Text span size="sm" c={overdue ? 'red.9' : undefined} fw={overdue ? 600 : undefined}>
      {f.due(at, kind !== undefined && HOURLY_DUE_KINDS.has(kind))}
      {overdue && ` · ${t('cases.common.overdue')}`}
    </Text>
  );
  return basis ? (
    <Tooltip label={basis} multiline w={320}>
      {text}
    </Tooltip>
  ) : (
    text
  );
}

export function DueList({ due, unitName }: { due: readonly DueItem[]; unitName: (id: string) => string }) {
  const { t } = useTranslation();
  if (!due.length) return <Text c="dimmed">{t('cases.page.nothingDue')}</Text>;
  return (
    <Stack gap="xs" data-testid="due-list">
      {due.map((d) => (
        <Group key={`${d.kind}-${d.ref ?? ''}`} gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon size="sm" radius="xl" color={d.overdue ? 'red' : d.statutory ? 'grape' : 'gray'} variant="light" aria-hidden>
            •
          </ThemeIcon>
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {t(`cases.due.${d.kind}`)}
              {d.statutory && (
                <Badge ml={6} size="xs" variant="light" color="grape" tt="none">
                  {t('cases.common.statutory')}
                </Badge>
              )}
            </Text>
            <DueDate at={d.dueAt} overdue={d.overdue} basis={d.basis} kind={d.kind} />
            {d.citation && (
              <Text size="xs" c="dimmed" data-testid="due-citation">
                {t('cases.common.source')}: {d.citation}
                {d.verification !== 'official_text' && ` (${t('cases.common.unverifiedSource')})`}
                {d.decidedBy && ` · ${d.decidedBy}`}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('cases.page.assignedTo')}: {unitName(d.assignedTo.unit)}
            </Text>
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}
