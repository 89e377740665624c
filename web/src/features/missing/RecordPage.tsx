import { useState } from 'react';
import { Anchor, Button, Card, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, ConflictError } from '../../api/client';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { describeError } from '../../forms/errors';
import { useFormat } from '../../i18n/format';
import { keys, PHOTO_ACCEPT, PHOTO_MAX_BYTES, photoUrl, setRecordPhoto, useMissingWrite, useRecord } from './api';
import { RecordFacts } from './RecordFacts';
import { ExplanationBars, Header, likelihoodText, SideSummary, StatusBadge, useMissingReason } from './shared';
import type { RecordDetail } from './types';
import { band } from '../../../../src/linkage/calibration';

/** One record (audited on the server) with its possible matches. */
export default function RecordPage() {
  const { recordId } = useParams({ strict: false }) as { recordId: string };
  const query = useRecord(recordId);
  return <QueryState query={query}>{(r) => <RecordView r={r} />}</QueryState>;
}

function RecordView({ r }: { r: RecordDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  return (
    <>
      <Header
        title={`${r.reference} · ${t(`missing.kind.${r.kind}`)}`}
        actions={
          <Button component={Link} to="/missing/records" variant="default">
            {t('missing.record.back')}
          </Button>
        }
      />
      <Stack gap="md">
        <Card withBorder>
          <RecordFacts r={r} />
          {r.hasPhoto && (
            <Stack gap={2} mt="sm">
              <Text size="xs" c="dimmed">
                {t('missing.record.photo')}
              </Text>
              {/* The version changes with the photo: a new address, so the browser shows the new one. */}
              <img
                src={`${photoUrl(r.id)}?v=${r.version}`}
                alt={t('missing.photo.alt')}
                style={{ maxWidth: 200, borderRadius: 4 }}
                data-testid="record-photo"
              />
            </Stack>
          )}
          {/* A rejected submission keeps no photo (the server refuses one: 409). */}
          {can('missing.write') && r.status !== 'rejected' && photoWritable(r) && <PhotoForm r={r} />}
          {r.moderation && (
            <Text size="sm" mt="sm">
              {t('missing.record.moderation')}: {f.date(r.moderation.at)} {r.moderation.reason ?? ''}
            </Text>
          )}
        </Card>
        <Title order={2} size="h3">
          {t('missing.record.matches')}
        </Title>
        {r.matches.length === 0 && <Text c="dimmed">{t('missing.record.noMatches')}</Text>}
        {r.matches.map((m) => (
          <Card key={m.id} withBorder padding="sm">
            <Group justify="space-between" mb="xs">
              <Group gap="xs">
                <Text fw={700}>{`${t(`missing.review.band.${band(m.probability)}`)} · ${likelihoodText(t, f, m.probability)}`}</Text>
                <StatusBadge status={m.status} kind="matchStatus" />
              </Group>
              <Anchor component={Link} to={`/missing/matches/${m.id}`}>
                {t('missing.review.open')}
              </Anchor>
            </Group>
            <SideSummary r={m.other} />
            <ExplanationBars fields={m.fields} />
          </Card>
        ))}
      </Stack>
    </>
  );
}

/**
 * Whether this reader may set the photo, as the server decides (src/missing/missing.service.ts
 * `setPhoto`): a record of their own jurisdiction (another district's is 404 there), and not one
 * they see only as initials under a CWC non-disclosure order (403: a photo identifies the child,
 * JJ Act 2015 s.74).
 */
const photoWritable = (r: RecordDetail) => r.access === 'own' && !r.initialsOnly && !r.withheld?.includes('photoStoredName');

/**
 * Adds a photo to the record, or replaces the one it has (PUT …/photo, file field "file", with
 * the version of the record shown: another official's change meanwhile is a 409). The
 * same checks as the report form before sending (JPEG, PNG or WebP, 5 MB at most); the server
 * checks again (magic bytes) and removes the metadata. The record is fetched again after.
 */
function PhotoForm({ r }: { r: RecordDetail }) {
  const { t } = useTranslation();
  const reason = useMissingReason();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const qc = useQueryClient();
  // Against the version shown: if someone changed the record since, the server refuses (409).
  const write = useMissingWrite((photo: File) => setRecordPhoto(r.id, photo, r.version));
  const title = r.hasPhoto ? t('missing.photo.replace') : t('missing.photo.add');

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (!file) return setError(t('missing.photo.choose'));
    if (!PHOTO_ACCEPT.includes(file.type)) return setError(t('missing.photo.wrongType'));
    if (file.size > PHOTO_MAX_BYTES) return setError(t('missing.photo.tooLarge'));
    try {
      await write.mutateAsync(file);
      setFile(null);
      setError(undefined);
      setSaved(true);
    } catch (err) {
      // Changed by someone else meanwhile: show the record as it stands; the chosen file stays for a retry.
      if (err instanceof ConflictError) void qc.invalidateQueries({ queryKey: keys.record(r.id) });
      setError(err instanceof ApiError && err.status === 400 && err.issues.length ? reason(err.issues[0].message) : describeError(t, err));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={title} data-testid="record-photo-form">
      <Group align="flex-end" gap="xs" mt="sm">
        <FileInput
          label={title}
          description={t('missing.photo.hint')}
          accept={PHOTO_ACCEPT.join(',')}
          value={file}
          onChange={(x) => {
            setFile(x);
            setError(undefined);
            setSaved(false);
          }}
          clearable
          error={error}
          style={{ flex: 1, minWidth: 220 }}
          data-testid="record-photo-input"
        />
        <Button type="submit" loading={write.isPending}>
          {t('missing.photo.save')}
        </Button>
      </Group>
      {saved && (
        <Text size="sm" c="green.9" role="status" mt={4}>
          {t('missing.photo.saved')}
        </Text>
      )}
    </form>
  );
}
