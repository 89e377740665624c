import { useState, type FormEvent } from 'react';
import { Badge, Button, Card, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import { useMatches, usePlaceWithCarer, type MatchCarer } from './api';
import { todayIst } from '../../app/clock';
import { GeneralError, useLifeForm } from './form';
import { CarerProfileForm } from './CarerProfileForm';

/**
 * Matching a child who needs foster care to the district's approved families (JJ Act 2015 s.44;
 * Model Rules r.23): the server ranks them with the reasons and says why the others cannot take
 * the child; choosing one opens the placement on the CWC's Form 32 order.
 */
export default function MatchPage() {
  const { t } = useTranslation();
  const can = useCan();
  const fromUrl = new URLSearchParams(window.location.search).get('childId') ?? '';
  const [form, setForm] = useState({ childId: fromUrl, languages: '', siblings: 0 });
  const [asked, setAsked] = useState<{ childId: string; languages?: string; siblingsToPlace?: number } | null>(
    fromUrl ? { childId: fromUrl } : null,
  );
  const matches = useMatches(asked);
  const [chosen, setChosen] = useState<MatchCarer | null>(null);
  const [editing, setEditing] = useState<MatchCarer | null>(null);
  function find(e: FormEvent) {
    e.preventDefault();
    setChosen(null);
    setAsked({ childId: form.childId.trim(), languages: form.languages.trim() || undefined, siblingsToPlace: form.siblings || undefined });
  }
  return (
    <>
      <PageHeader title={t('fostering.match.title')} subtitle={<Text size="sm">{t('fostering.match.intro')}</Text>} />
      <Card withBorder maw={720} mb="lg">
        <form aria-label={t('fostering.match.find')} onSubmit={find} noValidate>
          <Group align="end">
            <TextInput
              name="childId"
              label={t('fostering.match.childId')}
              value={form.childId}
              onChange={(e) => setForm({ ...form, childId: e.currentTarget.value })}
            />
            <TextInput
              name="languages"
              label={t('fostering.match.languages')}
              value={form.languages}
              onChange={(e) => setForm({ ...form, languages: e.currentTarget.value })}
            />
            <NumberInput
              name="siblingsToPlace"
              label={t('fostering.match.siblings')}
              min={0}
              max={6}
              value={form.siblings}
              onChange={(v) => setForm({ ...form, siblings: typeof v === 'number' ? v : 0 })}
            />
            <Button type="submit">{t('fostering.match.find')}</Button>
          </Group>
        </form>
      </Card>
      {asked && (
        <QueryState query={matches}>
          {(m) => (
            <Stack>
              <Text>
                {t('fostering.match.child', {
                  sex: t(`vocab.sex.${m.child.sex}`),
                  age: m.child.ageYears ?? '—',
                  siblings: m.child.siblingsPlaced,
                })}
              </Text>
              <Title order={4}>{t('fostering.match.candidates')}</Title>
              {m.candidates.length ? (
                <Table striped aria-label={t('fostering.match.candidates')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('fostering.col.family')}</Table.Th>
                      <Table.Th>{t('fostering.match.score')}</Table.Th>
                      <Table.Th>{t('fostering.match.reasons')}</Table.Th>
                      {can('care.write') && <Table.Th>{t('fostering.col.actions')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {m.candidates.map((c) => (
                      <Table.Tr key={c.carer.id} data-testid={`candidate-${c.carer.id}`}>
                        <Table.Td>
                          {c.carer.name}
                          {c.carer.kind === 'group_foster' && (
                            <Badge ml="xs" variant="outline">
                              {t('fostering.kind.group_foster')}
                            </Badge>
                          )}
                          <Text size="xs" c="dimmed">
                            {t('fostering.match.places', { free: c.freePlaces, capacity: c.carer.profile.capacity })}
                          </Text>
                        </Table.Td>
                        <Table.Td>{c.score}</Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {c.reasons.map((r) => (
                              <Badge key={r.code} variant="light">
                                {t(`fostering.match.reason.${r.code}`)} +{r.points}
                              </Badge>
                            ))}
                          </Group>
                        </Table.Td>
                        {can('care.write') && (
                          <Table.Td>
                            <Group gap="xs">
                              <Button size="xs" onClick={() => setChosen(c.carer)}>
                                {t('fostering.match.choose')}
                              </Button>
                              <Button size="xs" variant="subtle" onClick={() => setEditing(c.carer)}>
                                {t('fostering.match.profile')}
                              </Button>
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : (
                <Text>{t('fostering.match.none')}</Text>
              )}
              {chosen && <PlacementForm key={chosen.id} childId={m.child.id} carer={chosen} onDone={() => setChosen(null)} />}
              {m.excluded.length > 0 && (
                <>
                  <Title order={5}>{t('fostering.match.excluded')}</Title>
                  <Table aria-label={t('fostering.match.excluded')}>
                    <Table.Tbody>
                      {m.excluded.map((x) => (
                        <Table.Tr key={x.carer.id}>
                          <Table.Td>{x.carer.name}</Table.Td>
                          <Table.Td>{x.exclusions.map((e) => t(`fostering.match.exclusion.${e.code}`)).join('; ')}</Table.Td>
                          {can('care.write') && (
                            <Table.Td>
                              <Button size="xs" variant="subtle" onClick={() => setEditing(x.carer)}>
                                {t('fostering.match.profile')}
                              </Button>
                            </Table.Td>
                          )}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </>
              )}
              <Text size="xs" c="dimmed">
                {t('fostering.match.rules', { version: m.rules.version })}
              </Text>
            </Stack>
          )}
        </QueryState>
      )}
      {editing && <CarerProfileForm key={editing.id} carer={editing} onDone={() => setEditing(null)} />}
    </>
  );
}

/** The placement with the chosen family on the CWC's order (Form 32); the server checks the approval again. */
export function PlacementForm({ childId, carer, onDone }: { childId: string; carer: MatchCarer; onDone?: () => void }) {
  const { t } = useTranslation();
  const save = usePlaceWithCarer();
  const f = useLifeForm();
  const [form, setForm] = useState({ orderRef: '', startedOn: todayIst() });
  const [done, setDone] = useState(false);
  function submit(e: FormEvent) {
    e.preventDefault();
    f.reset();
    save.mutate(
      // A group foster family's placement is group foster care (the grant ledger keeps the kind).
      {
        childId,
        kind: carer.kind === 'group_foster' ? 'group_foster' : 'foster',
        carerId: carer.id,
        orderRef: form.orderRef.trim(),
        orderForm: 'form32',
        startedOn: form.startedOn,
      },
      { onSuccess: () => setDone(true), onError: f.fail },
    );
  }
  if (done)
    return (
      <Card withBorder maw={640}>
        <Text role="status">{t('fostering.place.done')}</Text>
        <Button mt="sm" variant="light" onClick={onDone}>
          OK
        </Button>
      </Card>
    );
  return (
    <Card withBorder maw={640}>
      <form aria-label={t('fostering.place.title')} onSubmit={submit} noValidate>
        <Stack>
          <Title order={5}>
            {t('fostering.place.title')}: {carer.name}
          </Title>
          <GeneralError message={f.general ?? f.errors.carerId ?? f.errors.childId ?? null} />
          <TextInput
            name="orderRef"
            label={t('fostering.place.orderRef')}
            value={form.orderRef}
            onChange={(e) => setForm({ ...form, orderRef: e.currentTarget.value })}
            error={f.errors.orderRef}
          />
          <TextInput
            name="startedOn"
            type="date"
            label={t('fostering.place.startedOn')}
            value={form.startedOn}
            onChange={(e) => setForm({ ...form, startedOn: e.currentTarget.value })}
            error={f.errors.startedOn}
          />
          <Button type="submit" loading={save.isPending}>
            {t('fostering.place.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
