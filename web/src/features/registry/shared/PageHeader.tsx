import { useEffect, type ReactNode } from 'react';
import { Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The screen's heading and its actions. It also names the browser tab (docTitle, or the
 * title when it is plain text), which is what a screen reader announces on arrival.
 */
export function PageHeader({
  title,
  subtitle,
  actions,
  docTitle,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  docTitle?: string;
}) {
  const { t } = useTranslation();
  const tab = docTitle ?? (typeof title === 'string' ? title : undefined);
  useEffect(() => {
    if (tab) document.title = `${tab} · ${t('app.name')}`;
  }, [tab, t]);
  return (
    <Group justify="space-between" align="flex-start" mb="md" gap="sm">
      <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {subtitle}
      </Stack>
      {actions && (
        <Group gap="xs" wrap="wrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}
