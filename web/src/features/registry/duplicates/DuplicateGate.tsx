import { useState } from 'react';
import { Alert, Anchor, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { PersonName } from '../../../components/PersonName';

export interface DoorCandidate {
  id: string;
  name: string;
  nameLocal: string | null;
  probability: number;
  explanation: string;
}

/**
 * Duplicates at the door: wraps a form's save. When the server answers 409 possible_duplicates,
 * the likely matches are shown with links; the user may still save with a reason, which the
 * server keeps with the pair for the duplicates review.
 */
export function useDuplicateGate(kind: 'child' | 'family', save: (data: Record<string, unknown>) => Promise<void>) {
  const [pending, setPending] = useState<{ data: Record<string, unknown>; candidates: DoorCandidate[] } | null>(null);
  async function submit(data: Record<string, unknown>) {
    try {
      await save(data);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'possible_duplicates') {
        setPending({ data, candidates: (e.body as { candidates?: DoorCandidate[] })?.candidates ?? [] });
        return;
      }
      throw e;
    }
  }
  const gate = pending ? (
    <DuplicateGate
      kind={kind}
      candidates={pending.candidates}
      onCancel={() => setPending(null)}
      onSave={async (reason) => {
        await save({ ...pending.data, notDuplicate: { reason } });
        setPending(null);
      }}
    />
  ) : null;
  return { submit, gate };
}

function DuplicateGate(props: {
  kind: 'child' | 'family';
  candidates: DoorCandidate[];
  onCancel: () => void;
  onSave: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = props.kind === 'child' ? '/children' : '/families';
  return (
    <Alert color="orange" title={t('duplicates.gateTitle')} role="alertdialog" aria-label={t('duplicates.gateTitle')} mb="md">
      <Stack gap="xs">
        <Text size="sm">{t('duplicates.gateIntro')}</Text>
        {props.candidates.map((c) => (
          <Group key={c.id} gap="xs" wrap="wrap" data-testid="duplicate-candidate">
            <Anchor component={Link} to={`${base}/${c.id}`} target="_blank">
              <PersonName name={c.name} nameLocal={c.nameLocal} />
            </Anchor>
            <Text size="sm" c="dimmed">
              {t('duplicates.likeness', { percent: Math.round(c.probability * 100) })}
            </Text>
          </Group>
        ))}
        <Textarea
          label={t('duplicates.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error}
          autosize
          minRows={2}
        />
        <Group>
          <Button
            color="orange"
            loading={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                await props.onSave(reason);
              } catch (e) {
                const issue = e instanceof ApiError ? e.issues.find((i) => i.field === 'notDuplicate.reason') : null;
                setError(issue?.message ?? (e as Error).message);
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('duplicates.saveAnyway')}
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            {t('duplicates.cancel')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
