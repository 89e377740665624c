import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { PersonName } from '../../../components/PersonName';
import { QueryState } from '../../../components/Status';
import { PageHeader } from '../shared/PageHeader';

interface Side {
  id?: string;
  name?: string;
  nameLocal?: string | null;
  child_name?: string;
  child_name_local?: string | null;
}
interface Pair {
  id: string;
  subjectType: 'child' | 'family';
  source: string;
  sourceLine: number | null;
  score: number;
  status: string;
  reason: string | null;
  incoming: Side | null;
  existing: Side | null;
  mergeId: string | null;
}

/** The duplicates review: pairs held at the door (forms) and by imports; merge, keep apart, undo. */
export default function DuplicatesPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [tab, setTab] = useState<'open' | 'same_child'>('open');
  const pairs = useQuery({
    queryKey: ['possible-duplicates', tab],
    queryFn: () => api.get<{ items: Pair[] }>('/possible-duplicates', { status: tab }),
  });
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) => api.post(path, body ?? {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['possible-duplicates'] }),
  });
  const base = (p: Pair) => (p.subjectType === 'child' ? '/children' : '/families');
  const side = (p: Pair, s: Side | null, label: string) => (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {s?.id ? (
        <Anchor component={Link} to={`${base(p)}/${s.id}`}>
          <PersonName name={s.name ?? ''} nameLocal={s.nameLocal ?? null} />
        </Anchor>
      ) : (
        <PersonName name={s?.child_name ?? s?.name ?? ''} nameLocal={s?.child_name_local ?? s?.nameLocal ?? null} />
      )}
    </Stack>
  );
  return (
    <>
      <PageHeader title={t('duplicates.title')} />
      <SegmentedControl
        mb="md"
        value={tab}
        onChange={(v) => setTab(v as 'open' | 'same_child')}
        data={[
          { value: 'open', label: t('duplicates.tabOpen') },
          { value: 'same_child', label: t('duplicates.tabMerged') },
        ]}
      />
      <QueryState query={pairs}>
        {(d) =>
          d.items.length === 0 ? (
            <Text c="dimmed">{t('duplicates.none')}</Text>
          ) : (
            <Stack>
              {d.items.map((p) => (
                <Card key={p.id} withBorder data-testid="duplicate-pair">
                  <Group justify="space-between" align="flex-start" wrap="wrap">
                    {side(p, p.existing, t('duplicates.existing'))}
                    {side(p, p.incoming, t('duplicates.incoming'))}
                    <Stack gap={4} align="flex-end">
                      <Badge>{t('duplicates.likeness', { percent: Math.round(p.score * 100) })}</Badge>
                      <Text size="xs" c="dimmed">
                        {p.source === 'form' ? t('duplicates.fromForm') : t('duplicates.fromImport', { line: p.sourceLine ?? '' })}
                      </Text>
                    </Stack>
                  </Group>
                  {p.reason && (
                    <Text size="sm" mt="xs">
                      {t('duplicates.givenReason', { reason: p.reason })}
                    </Text>
                  )}
                  <Group mt="sm">
                    {tab === 'open' && p.incoming?.id && (
                      <Button
                        size="xs"
                        onClick={() => act.mutate({ path: `/possible-duplicates/${p.id}/merge`, body: { keep: 'existing' } })}
                      >
                        {p.subjectType === 'child' ? t('duplicates.merge') : t('duplicates.mergeFamily')}
                      </Button>
                    )}
                    {tab === 'open' && !p.incoming?.id && (
                      <Button
                        size="xs"
                        onClick={() => act.mutate({ path: `/possible-duplicates/${p.id}/resolve`, body: { decision: 'same_child' } })}
                      >
                        {t('duplicates.sameImport')}
                      </Button>
                    )}
                    {tab === 'open' && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => act.mutate({ path: `/possible-duplicates/${p.id}/resolve`, body: { decision: 'different_child' } })}
                      >
                        {t('duplicates.different')}
                      </Button>
                    )}
                    {tab === 'same_child' && p.mergeId && (
                      <Button size="xs" variant="default" onClick={() => act.mutate({ path: `/record-merges/${p.mergeId}/undo` })}>
                        {t('duplicates.undo')}
                      </Button>
                    )}
                  </Group>
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}
