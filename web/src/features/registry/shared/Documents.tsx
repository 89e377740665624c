import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { DocumentRow } from '../types';
import { useVocab } from './vocab';

/** Documents held (green) and still missing (red): what a caseworker has to chase. */
export function Documents({ documents, missing }: { documents: DocumentRow[]; missing: readonly string[] }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const f = useFormat();
  const held = documents.filter((d) => d.status === 'held' || d.status === 'issued');
  const pending = documents.filter((d) => d.status === 'applied_for');
  return (
    <Stack gap={6}>
      <Group gap={6} align="baseline">
        <Text size="sm" fw={600} w={90}>
          {t('documents.held')}
        </Text>
        {held.length ? (
          held.map((d) => (
            <Badge key={d.id} color="green" variant="light" tt="none" title={d.issuedOn ? f.date(d.issuedOn) : undefined}>
              {vocab('documentType', d.docType)}
            </Badge>
          ))
        ) : (
          <Text size="sm">—</Text>
        )}
      </Group>
      {pending.length > 0 && (
        <Group gap={6} align="baseline">
          <Text size="sm" fw={600} w={90}>
            {t('documents.applied')}
          </Text>
          {pending.map((d) => (
            <Badge key={d.id} color="yellow" variant="light" tt="none">
              {vocab('documentType', d.docType)}
              {d.appliedOn ? ` · ${f.date(d.appliedOn)}` : ''}
            </Badge>
          ))}
        </Group>
      )}
      <Group gap={6} align="baseline">
        <Text size="sm" fw={600} w={90}>
          {t('documents.missing')}
        </Text>
        {missing.length ? (
          missing.map((d) => (
            <Badge key={d} color="red" variant="light" tt="none">
              {vocab('documentType', d)}
            </Badge>
          ))
        ) : (
          <Text size="sm">{t('documents.noneMissing')}</Text>
        )}
      </Group>
    </Stack>
  );
}
