import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Save (the form's submit, busy while saving) and, when the form can be left, Cancel. */
export function FormActions({ submitting, onCancel }: { submitting: boolean; onCancel?: () => void }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button type="submit" loading={submitting}>
        {t('form.save')}
      </Button>
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          {t('form.cancel')}
        </Button>
      )}
    </Group>
  );
}
