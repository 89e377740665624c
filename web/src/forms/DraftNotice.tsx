import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

/** Tells the user their unsaved input came back, and lets them throw it away. */
export function DraftNotice({ savedAt, onDiscard }: { savedAt: string; onDiscard: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Alert color="blue" mb="md" role="status" data-testid="draft-restored">
      <Group justify="space-between" gap="xs">
        <Text size="sm">{t('draft.restored', { when: f.dateTime(savedAt) })}</Text>
        <Button size="xs" variant="default" onClick={onDiscard}>
          {t('draft.discard')}
        </Button>
      </Group>
    </Alert>
  );
}
