import { useRef, useState } from 'react';
import { Alert, Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PersonName } from '../../components/PersonName';
import { ConflictPanel } from '../../forms/ConflictPanel';
import { conflictRows, reapply, same } from '../../forms/versioned';
import { useFormat } from '../../i18n/format';
import type { CaseNote, ChildEdit } from '../../offline/store';
import { ChildForm } from '../registry/children/ChildForm';
import { CHILD_EDIT_FIELDS, childToForm, type ChildFormValues } from '../registry/children/childForm.model';
import { useFieldDisplay } from '../registry/shared/display';
import { PageHeader } from '../registry/shared/PageHeader';
import type { ChildRecord } from '../registry/types';
import { useVillage, type OfflineChild, type Village } from './useVillage';

import { Refused, StatusBar, Gate, ChangeBadge, newId, nextSeq } from './shared';

export function ChildScreen() {
  const { t } = useTranslation();
  const { childId } = useParams({ strict: false }) as { childId: string };
  const v = useVillage();
  const raw = v.children.find((c) => c.id === childId);
  return (
    <>
      <Anchor component={Link} to="/offline" size="sm">
        {t('offline.back')}
      </Anchor>
      <Gate v={v}>
        <StatusBar v={v} />
        {raw ? <ChildEditor key={raw.id} v={v} child={raw} /> : <Text>{t('offline.notKept')}</Text>}
      </Gate>
    </>
  );
}

function ChildEditor({ v, child }: { v: Village; child: OfflineChild }) {
  const { t } = useTranslation();
  const display = useFieldDisplay();
  const edit = v.queue.find((q): q is ChildEdit => q.kind === 'child.edit' && q.recordId === child.id);
  const server = childToForm(child as ChildRecord) as unknown as Record<string, string>;
  const base = edit?.base ?? server;
  const initial = edit?.values ?? server;
  const latest = useRef<Record<string, string>>(initial);
  const [saved, setSaved] = useState(false);
  // Remount the form when its starting point changes (a conflict resolved, their version taken).
  const formKey = `${edit?.id ?? 'none'}:${edit?.baseVersion ?? child.version}:${edit?.status ?? ''}`;

  async function save() {
    if (!v.vault) return;
    const values = latest.current;
    if (CHILD_EDIT_FIELDS.every((f) => same(base[f], values[f]))) {
      if (edit) await v.vault.dropChange(edit.id);
    } else {
      await v.vault.putChange({
        ...(edit ?? { id: newId(), seq: nextSeq(), kind: 'child.edit' as const, recordId: child.id, baseVersion: child.version, base }),
        madeAt: new Date().toISOString(),
        status: 'pending',
        values,
      } as ChildEdit);
    }
    setSaved(true);
    if (navigator.onLine) void v.syncNow();
  }

  async function resolve(keepTheirs: Set<string> | 'theirs') {
    if (!v.vault || !edit?.theirs) return;
    const theirs = childToForm(edit.theirs as unknown as ChildRecord) as unknown as Record<string, string>;
    if (keepTheirs === 'theirs') await v.vault.dropChange(edit.id);
    else
      await v.vault.putChange({
        ...edit,
        status: 'pending',
        base: theirs,
        baseVersion: edit.theirs.version,
        values: reapply(CHILD_EDIT_FIELDS, edit.base, edit.values, theirs, keepTheirs),
        theirs: undefined,
      });
    if (navigator.onLine) void v.syncNow();
  }

  const theirsForm = edit?.theirs ? (childToForm(edit.theirs as unknown as ChildRecord) as unknown as Record<string, string>) : null;
  return (
    <Stack gap="md">
      <PageHeader title={t('offline.editTitle')} subtitle={<PersonName name={child.name} nameLocal={child.nameLocal} />} />
      {edit?.status === 'conflict' && theirsForm && (
        <Stack gap="xs" data-testid="offline-conflict">
          <ConflictPanel
            rows={conflictRows(CHILD_EDIT_FIELDS, edit.base, edit.values, theirsForm)}
            theirVersion={edit.theirs!.version}
            label={(f) => t(`child.${f}`)}
            display={display}
            onReapply={(keep) => void resolve(keep)}
            onTakeTheirs={() => void resolve('theirs')}
          />
          <Group>
            <Button variant="light" onClick={() => void resolve(new Set())} data-testid="keep-mine">
              {t('offline.keepMine')}
            </Button>
          </Group>
        </Stack>
      )}
      {edit && <Refused change={edit} v={v} />}
      {saved && edit?.status === 'pending' && (
        <Alert color="blue" role="status" data-testid="saved-here">
          {t('offline.savedHere')}
        </Alert>
      )}
      {edit?.status !== 'conflict' && (
        <ChildForm
          key={formKey}
          mode="edit"
          initial={initial as unknown as ChildFormValues}
          base={base as unknown as ChildFormValues}
          version={edit?.baseVersion ?? child.version}
          onValuesChange={(vals) => {
            latest.current = vals as unknown as Record<string, string>;
            setSaved(false);
          }}
          onSubmit={save}
        />
      )}
      <VisitNotes v={v} childId={child.id} />
    </Stack>
  );
}

function VisitNotes({ v, childId }: { v: Village; childId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const cases = v.cases.filter((c) => c.childId === childId);
  const notes = v.queue.filter((q): q is CaseNote => q.kind === 'case.note' && q.childId === childId);
  const [text, setText] = useState<Record<string, string>>({});

  async function add(caseId: string, version: number) {
    const body = (text[caseId] ?? '').trim();
    if (!v.vault || !body) return;
    await v.vault.putChange({
      id: newId(),
      seq: nextSeq(),
      madeAt: new Date().toISOString(),
      status: 'pending',
      kind: 'case.note',
      caseId,
      childId,
      baseVersion: version,
      text: body,
    });
    setText((s) => ({ ...s, [caseId]: '' }));
    if (navigator.onLine) void v.syncNow();
  }

  async function resolveNote(n: CaseNote, keep: boolean) {
    if (!v.vault) return;
    if (!keep || !n.theirs) await v.vault.dropChange(n.id);
    else await v.vault.putChange({ ...n, status: 'pending', baseVersion: n.theirs.version, theirs: undefined });
    if (navigator.onLine) void v.syncNow();
  }

  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('offline.visitNotes')}
      </Title>
      {cases.length === 0 && <Text size="sm">{t('offline.noCases')}</Text>}
      {cases.map((c) => (
        <Card key={c.id} withBorder padding="sm" data-testid="offline-case" data-id={c.id}>
          <Text fw={600} size="sm">
            {t('offline.caseNo', { n: c.number })}
          </Text>
          <Textarea
            label={t('offline.visitNote')}
            autosize
            minRows={2}
            maxLength={4000}
            value={text[c.id] ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setText((s) => ({ ...s, [c.id]: value }));
            }}
          />
          <Group mt="xs">
            <Button size="sm" onClick={() => void add(c.id, c.version)} disabled={!(text[c.id] ?? '').trim()}>
              {t('offline.addVisitNote')}
            </Button>
          </Group>
        </Card>
      ))}
      {notes.map((n) => (
        <Card key={n.id} withBorder padding="sm" data-testid="offline-note" data-status={n.status}>
          {n.status === 'conflict' && n.theirs ? (
            <Alert color="orange" role="alert" title={t('offline.conflictNoteTitle')}>
              <Text size="sm" mb="xs">
                {t('offline.conflictNoteExplain')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Stack gap={4}>
                  <Text fw={600} size="sm">
                    {t('offline.since', { version: n.theirs.version })}
                  </Text>
                  <List size="sm">
                    {n.theirs.since.map((h) => (
                      <List.Item key={h.seq}>
                        {t(`cases.action.${h.type}`, { defaultValue: h.type })} ({f.dateTime(h.at)})
                      </List.Item>
                    ))}
                  </List>
                </Stack>
                <Stack gap={4}>
                  <Text fw={600} size="sm">
                    {t('offline.yourNote')}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {n.text}
                  </Text>
                </Stack>
              </SimpleGrid>
              <Group mt="sm">
                <Button size="sm" onClick={() => void resolveNote(n, true)}>
                  {t('offline.addNoteAnyway')}
                </Button>
                <Button size="sm" variant="default" onClick={() => void resolveNote(n, false)}>
                  {t('offline.dropNote')}
                </Button>
              </Group>
            </Alert>
          ) : (
            <>
              <Group justify="space-between">
                <Text size="sm" fw={600}>
                  {t('offline.noteWaiting')}
                </Text>
                <ChangeBadge change={n} />
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {n.text}
              </Text>
              <Refused change={n} v={v} />
            </>
          )}
        </Card>
      ))}
    </Stack>
  );
}
