import type { ReactNode } from 'react';
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * What the server withheld from this reader, labelled instead of shown as a blank: the API
 * leaves a field out (it is absent, not null) and names it in the record's `withheld`
 * (src/access/fields.ts, JJ Act 2015 s.74).
 */
export function Withheld() {
  const { t } = useTranslation();
  return (
    <Text span size="sm" c="dimmed" fs="italic" data-testid="withheld">
      {t('withheld.s74')}
    </Text>
  );
}

/** A badge beside a name shown as initials under a CWC non-disclosure order. */
export function InitialsOnly({ show }: { show?: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <Badge ml={6} size="sm" variant="outline" color="gray" tt="none" data-testid="initials-only">
      {t('withheld.initialsOnly')}
    </Badge>
  );
}

/** A field's value, the withheld label when the server left it out on purpose, or a dash. */
export function shown<R extends { withheld?: string[] }, K extends keyof R & string>(
  record: R,
  field: K,
  render: (value: NonNullable<R[K]>) => ReactNode,
): ReactNode {
  const v = record[field];
  if (v !== undefined && v !== null && v !== '') return render(v as NonNullable<R[K]>);
  if (v === undefined && record.withheld?.includes(field)) return <Withheld />;
  return '—';
}
