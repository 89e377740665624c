import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import type { Change, ChildEdit } from '../../offline/store';
import type { OfflineChild, Village } from './useVillage';

/** What the offline screens share: the status line, the gate for a locked copy, change badges. */
export const newId = () => crypto.randomUUID();
export const nextSeq = () => Date.now() + Math.random();

export function StatusBar({ v }: { v: Village }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pending = v.queue.filter((c) => c.status === 'pending').length;
  const conflicts = v.queue.filter((c) => c.status !== 'pending').length;
  return (
    <Stack gap="xs" mb="md" data-testid="offline-status">
      <Group gap="xs">
        <Badge color={v.online ? 'green' : 'gray'} data-testid="connection">
          {v.online ? t('offline.online') : t('offline.offline')}
        </Badge>
        {(pending > 0 || conflicts === 0) && (
          <Badge color={pending ? 'blue' : 'teal'} variant="light" data-testid="pending">
            {pending ? t('offline.pending', { count: pending }) : t('offline.allSent')}
          </Badge>
        )}
        {conflicts > 0 && (
          <Badge color="orange" data-testid="conflicts">
            {t('offline.conflicts', { count: conflicts })}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" data-testid="synced-at">
        {v.sync ? t('offline.syncedAt', { when: f.dateTime(v.sync.at) }) : t('offline.neverSynced')}
      </Text>
      {v.sync && v.sync.childrenTotal > v.sync.children && (
        <Text size="sm">{t('offline.partial', { shown: f.number(v.sync.children), total: f.number(v.sync.childrenTotal) })}</Text>
      )}
      {v.syncError && v.online && (
        <Alert color="yellow" role="status">
          {t('offline.syncFailed')}
        </Alert>
      )}
    </Stack>
  );
}

export function Gate({ v, children }: { v: Village; children: React.ReactNode }) {
  const { t } = useTranslation();
  if (v.state === 'opening') return <Loading />;
  if (v.state === 'locked' || v.state === 'error')
    return (
      <Alert color="yellow" role="status" data-testid="offline-locked">
        {t('offline.locked')}
      </Alert>
    );
  return <>{children}</>;
}

/** The child as she sees it: the server's copy with her waiting edit on top. */
export function shownChild(c: OfflineChild, queue: Change[]) {
  const edit = queue.find((q): q is ChildEdit => q.kind === 'child.edit' && q.recordId === c.id);
  return edit ? { ...c, name: edit.values.name, nameLocal: edit.values.nameLocal || null, edit } : { ...c, edit: undefined };
}

export function ChangeBadge({ change }: { change?: Change }) {
  const { t } = useTranslation();
  if (!change) return null;
  const [color, label] =
    change.status === 'pending'
      ? ['blue', t('offline.waiting')]
      : change.status === 'conflict'
        ? ['orange', t('offline.needsDecision')]
        : ['red', t('offline.refused')];
  return (
    <Badge color={color} variant="light" size="sm" data-testid="change-badge" data-status={change.status}>
      {label}
    </Badge>
  );
}

/** A change the server refused for another reason than a version: said, and hers to discard (never dropped silently). */
export function Refused({ change, v }: { change: Change; v: Village }) {
  const { t } = useTranslation();
  if (change.status !== 'rejected' || !change.error) return null;
  return (
    <Alert color="red" mt="xs" role="alert">
      <Text size="sm">{t('offline.refusedWhy', { message: change.error.message })}</Text>
      <Button size="xs" mt="xs" variant="default" onClick={() => void v.vault?.dropChange(change.id)}>
        {t('offline.discard')}
      </Button>
    </Alert>
  );
}
