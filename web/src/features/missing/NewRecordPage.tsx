import { useState } from 'react';
import { Alert, Anchor, SegmentedControl, Stack } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { RecordKind } from '../../../../src/missing/domain/vocabulary';
import { createFound, createReport, useMissingWrite } from './api';
import { ChildReportForm } from './ChildReportForm';
import { Header } from './shared';
import type { MissingRecord } from './types';

/** An official's report of a missing child or record of a found child: saved, then matched at once. */
export default function NewRecordPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<RecordKind>('missing');
  const [saved, setSaved] = useState<(MissingRecord & { matching: { proposed?: number } }) | null>(null);
  const write = useMissingWrite((x: { kind: RecordKind; body: Record<string, unknown>; photo: File | null }) =>
    x.kind === 'missing' ? createReport(x.body, x.photo) : createFound(x.body, x.photo),
  );
  return (
    <>
      <Header title={t('missing.form.title')} />
      <Stack gap="md">
        <SegmentedControl
          aria-label={t('missing.field.kind')}
          value={kind}
          onChange={(v) => {
            setKind(v as RecordKind);
            setSaved(null);
          }}
          data={[
            { value: 'missing', label: t('missing.form.missing') },
            { value: 'found', label: t('missing.form.found') },
          ]}
        />
        {saved && (
          <Alert color="green" role="status" data-testid="saved">
            {t('missing.form.saved', { reference: saved.reference, n: saved.matching.proposed ?? 0 })}{' '}
            <Anchor component={Link} to={`/missing/records/${saved.id}`}>
              {saved.reference}
            </Anchor>
          </Alert>
        )}
        <ChildReportForm
          key={kind + (saved?.id ?? '')}
          kind={kind}
          send={(k, body, photo) => write.mutateAsync({ kind: k, body, photo })}
          onSaved={(r) => setSaved(r as MissingRecord & { matching: { proposed?: number } })}
        />
      </Stack>
    </>
  );
}
