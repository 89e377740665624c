import { Badge, Card, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';

/** An indicator title in the interface language (the server sends en/hi/mr). */
export function useTitle() {
  const { i18n } = useTranslation();
  return (title: { en: string; hi: string; mr: string }) =>
    title[(i18n.language as 'en' | 'hi' | 'mr') in title ? (i18n.language as 'en') : 'en'];
}

export function Figure({ label, value, detail, testId }: { label: string; value: ReactNode; detail?: ReactNode; testId?: string }) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700}>
        {value}
      </Text>
      {detail && <Text size="xs">{detail}</Text>}
    </Card>
  );
}

export function KindBadge({ kind, overdue }: { kind: string; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={overdue ? 'red' : 'blue'}>
      {t(`home.kind.${kind}`, { defaultValue: kind })}
    </Badge>
  );
}
