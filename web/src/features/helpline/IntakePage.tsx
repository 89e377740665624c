import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Chip,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CALL_CATEGORIES, CALL_LANGUAGES, URGENCIES } from '../../../../src/helpline/domain/vocabulary';
import { ApiError, ConflictError, api } from '../../api/client';
import { useMe } from '../../auth/session';
import { createDraft, saveDraft, submitCall, suggestChildren, type Call } from './api';

/**
 * The operator's intake, made to be filled while talking: every field reachable by Tab in the
 * order a call goes (caller, child, where, what, urgency, notes), categories toggled with
 * Space, Ctrl+Enter submits. What is typed is kept in the browser at once and saved to the
 * server as a draft 700 ms after the last key (one request at a time, retried while the
 * connection is down), so a slow line or a reload loses nothing.
 */
interface Form {
  callerPhone: string;
  callerAnonymous: boolean;
  callerName: string;
  childName: string;
  childSex: string;
  childAge: number | '';
  childDescription: string;
  registryChildId: string;
  villageId: string;
  locationText: string;
  atStation: boolean;
  categories: string[];
  urgency: string;
  language: string;
  notes: string;
}
const EMPTY: Form = {
  callerPhone: '',
  callerAnonymous: false,
  callerName: '',
  childName: '',
  childSex: 'unknown',
  childAge: '',
  childDescription: '',
  registryChildId: '',
  villageId: '',
  locationText: '',
  atStation: false,
  categories: [],
  urgency: '',
  language: 'mr',
  notes: '',
};
const STORE = 'samanvay.helpline.draft';
const DEBOUNCE_MS = 700;

/** The draft body the server takes (src/helpline/helpline.model.ts draftInput). */
export function draftBody(f: Form) {
  const child = {
    ...(f.childName ? { name: f.childName } : {}),
    sex: f.childSex,
    ...(f.childAge !== '' ? { ageYears: f.childAge } : {}),
    ...(f.childDescription ? { description: f.childDescription } : {}),
    ...(f.registryChildId ? { registryChildId: f.registryChildId } : {}),
  };
  const anyChild = f.childName || f.childAge !== '' || f.childDescription || f.registryChildId || f.childSex !== 'unknown';
  return {
    caller: f.callerAnonymous ? { anonymous: true } : { anonymous: false, phone: f.callerPhone || null, name: f.callerName || null },
    children: anyChild ? [child] : [],
    villageId: f.villageId || null,
    locationText: f.locationText || null,
    // A found child or sighting at a railway station goes to the railway child help desk (triage data).
    atStation: !!f.atStation,
    categories: f.categories,
    urgency: f.urgency || null,
    language: f.language || null,
    notes: f.notes || null,
  };
}

type SaveState = 'idle' | 'saving' | 'saved' | 'offline';

function load(): { id: string | null; version: number; form: Form } {
  try {
    const s = JSON.parse(localStorage.getItem(STORE) ?? 'null');
    if (s?.form) return { id: s.id ?? null, version: s.version ?? 1, form: { ...EMPTY, ...s.form } };
  } catch {
    /* a broken copy is dropped */
  }
  return { id: null, version: 1, form: EMPTY };
}

export default function IntakePage() {
  const { t } = useTranslation();
  const me = useMe();
  const initial = useRef(load());
  const [form, setForm] = useState<Form>(initial.current.form);
  const draft = useRef({ id: initial.current.id, version: initial.current.version, dirty: false });
  const [saveState, setSaveState] = useState<SaveState>(initial.current.id ? 'saved' : 'idle');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<Call | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const formRef = useRef(form);
  formRef.current = form;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const persist = () =>
    localStorage.setItem(STORE, JSON.stringify({ id: draft.current.id, version: draft.current.version, form: formRef.current }));

  // The save running now, if any: a submit (Ctrl+Enter) waits for it and for the save it makes
  // dirty, so the call is submitted with the draft's latest version and never before its first save.
  const running = useRef<Promise<void> | null>(null);

  const saveOnce = async (): Promise<void> => {
    const d = draft.current;
    d.dirty = false;
    setSaveState('saving');
    try {
      const body = draftBody(formRef.current);
      const saved = d.id ? await saveDraft(d.id, { ...body, version: d.version }) : await createDraft(body);
      d.id = saved.id;
      d.version = saved.version;
      setSaveState('saved');
      setErrors({});
    } catch (e) {
      if (e instanceof ConflictError) {
        // Only this operator writes the draft: a conflict is an earlier save whose answer was lost.
        d.version = (e.current as Call).version;
        d.dirty = true;
      } else if (e instanceof ApiError && e.status >= 400 && e.status < 500) {
        setErrors(Object.fromEntries(e.issues.map((i) => [i.field, i.message])));
        setSaveState('idle');
      } else {
        setSaveState('offline');
        d.dirty = true;
        await new Promise((r) => setTimeout(r, 3000));
      }
    } finally {
      persist();
    }
  };

  const save = useCallback((): Promise<void> => {
    if (running.current) {
      draft.current.dirty = true;
      return running.current;
    }
    const run = (async () => {
      do await saveOnce();
      while (draft.current.dirty);
    })();
    running.current = run.finally(() => {
      running.current = null;
    });
    return running.current;
  }, []);

  const change = <K extends keyof Form>(k: K, v: Form[K]) => {
    setForm((f) => {
      const next = { ...f, [k]: v };
      formRef.current = next;
      persist();
      return next;
    });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
  };

  const submit = async () => {
    if (timer.current) clearTimeout(timer.current);
    setFailure(null);
    await save();
    const d = draft.current;
    if (!d.id) return;
    try {
      const call = await submitCall(d.id, d.version);
      localStorage.removeItem(STORE);
      draft.current = { id: null, version: 1, dirty: false };
      setForm(EMPTY);
      setErrors({});
      setSaveState('idle');
      setDone(call);
      document.getElementById('helpline-caller-phone')?.focus();
    } catch (e) {
      if (e instanceof ApiError) {
        setErrors(Object.fromEntries(e.issues.map((i) => [i.field, i.message])));
        setFailure(e.message);
      } else setFailure(String(e));
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        // Caught before the focused field sees it (capture): Enter would also open a select's list.
        e.preventDefault();
        e.stopPropagation();
        (document.activeElement as HTMLElement | null)?.blur();
        void submit();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });

  const villages = useQuery({
    queryKey: ['helpline', 'villages', me.scope.districtCode],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; name: string; nameLocal: string | null }[] }>(
        '/locations',
        { level: 'village', districtCode: me.scope.districtCode ?? undefined },
        signal,
      ),
    enabled: !!me.scope.districtCode,
    staleTime: 3600_000,
  });
  const suggestions = useQuery({
    queryKey: ['helpline', 'suggest', form.childName, form.villageId],
    queryFn: ({ signal }) =>
      suggestChildren(
        { name: form.childName, villageId: form.villageId || undefined, ageYears: form.childAge === '' ? undefined : form.childAge },
        signal,
      ),
    enabled: form.childName.trim().length >= 3 && !form.registryChildId,
    staleTime: 60_000,
    retry: false,
  });

  const err = (f: string) => errors[f];
  return (
    <Stack maw={900} gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('helpline.intake.title')}
        </Title>
        <Badge color={saveState === 'offline' ? 'red' : saveState === 'saved' ? 'green' : 'gray'} data-testid="save-state">
          {t(`helpline.save.${saveState}`)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('helpline.intake.keys')}
      </Text>
      {done && (
        <Alert color="green" data-testid="submitted" withCloseButton onClose={() => setDone(null)}>
          {t('helpline.intake.submitted', {
            number: done.number,
            route: t(`helpline.route.${done.route ?? 'district_unit'}`),
            minutes: done.targetMinutes ?? '—',
          })}
        </Alert>
      )}
      {failure && <Alert color="red">{failure}</Alert>}
      <fieldset style={{ border: 0, padding: 0 }}>
        <legend>
          <Text fw={600}>{t('helpline.intake.caller')}</Text>
        </legend>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            id="helpline-caller-phone"
            autoFocus
            label={t('helpline.field.callerPhone')}
            inputMode="tel"
            value={form.callerPhone}
            disabled={form.callerAnonymous}
            onChange={(e) => change('callerPhone', e.currentTarget.value)}
            error={err('caller.phone')}
          />
          <TextInput
            label={t('helpline.field.callerName')}
            value={form.callerName}
            disabled={form.callerAnonymous}
            onChange={(e) => change('callerName', e.currentTarget.value)}
          />
          <Checkbox
            mt="xl"
            label={t('helpline.field.anonymous')}
            checked={form.callerAnonymous}
            onChange={(e) => change('callerAnonymous', e.currentTarget.checked)}
          />
        </SimpleGrid>
      </fieldset>
      <fieldset style={{ border: 0, padding: 0 }}>
        <legend>
          <Text fw={600}>{t('helpline.intake.child')}</Text>
        </legend>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('helpline.field.childName')}
            value={form.childName}
            onChange={(e) => change('childName', e.currentTarget.value)}
            error={err('children') ?? err('children.0.name')}
          />
          <Select
            label={t('helpline.field.sex')}
            value={form.childSex}
            onChange={(v) => change('childSex', v ?? 'unknown')}
            data={['female', 'male', 'other', 'unknown'].map((s) => ({ value: s, label: t(`helpline.sex.${s}`) }))}
            allowDeselect={false}
          />
          <NumberInput
            label={t('helpline.field.age')}
            min={0}
            max={17}
            value={form.childAge}
            onChange={(v) => change('childAge', typeof v === 'number' ? v : '')}
            error={err('children.0.ageYears')}
          />
        </SimpleGrid>
        <TextInput
          mt="xs"
          label={t('helpline.field.description')}
          value={form.childDescription}
          onChange={(e) => change('childDescription', e.currentTarget.value)}
        />
        {form.registryChildId ? (
          <Group mt="xs">
            <Badge>{t('helpline.intake.linked')}</Badge>
            <Button variant="subtle" size="xs" onClick={() => change('registryChildId', '')}>
              {t('helpline.intake.unlink')}
            </Button>
          </Group>
        ) : (
          !!suggestions.data?.items.length && (
            <Group mt="xs" gap="xs" aria-label={t('helpline.intake.suggestions')}>
              <Text size="sm">{t('helpline.intake.suggestions')}</Text>
              {suggestions.data.items.map((s) => (
                <Button key={s.id} size="xs" variant="light" onClick={() => change('registryChildId', s.id)}>
                  {s.name} ({Math.round(s.probability * 100)}%)
                </Button>
              ))}
            </Group>
          )
        )}
      </fieldset>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('helpline.field.village')}
          searchable
          clearable
          value={form.villageId || null}
          onChange={(v) => change('villageId', v ?? '')}
          data={(villages.data?.items ?? []).map((v) => ({ value: v.id, label: v.nameLocal ? `${v.name} (${v.nameLocal})` : v.name }))}
          error={err('villageId')}
        />
        <TextInput
          label={t('helpline.field.place')}
          value={form.locationText}
          onChange={(e) => change('locationText', e.currentTarget.value)}
          error={err('locationText')}
        />
        <Checkbox
          label={t('helpline.field.atStation')}
          checked={!!form.atStation}
          onChange={(e) => change('atStation', e.currentTarget.checked)}
        />
      </SimpleGrid>
      <Stack gap={4}>
        <Text fw={600} id="helpline-categories">
          {t('helpline.field.categories')}
        </Text>
        <Chip.Group multiple value={form.categories} onChange={(v) => change('categories', v)}>
          <Group gap="xs" aria-labelledby="helpline-categories">
            {CALL_CATEGORIES.map((c) => (
              <Chip key={c} value={c} size="sm">
                {t(`helpline.category.${c}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {err('categories') && (
          <Text c="red" size="sm">
            {err('categories')}
          </Text>
        )}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('helpline.field.urgency')}
          value={form.urgency || null}
          onChange={(v) => change('urgency', v ?? '')}
          data={URGENCIES.map((u) => ({ value: u, label: t(`helpline.urgency.${u}`) }))}
          error={err('urgency')}
        />
        <Select
          label={t('helpline.field.language')}
          value={form.language || null}
          onChange={(v) => change('language', v ?? '')}
          data={CALL_LANGUAGES.map((l) => ({ value: l, label: t(`helpline.language.${l}`) }))}
        />
      </SimpleGrid>
      <Textarea
        label={t('helpline.field.notes')}
        autosize
        minRows={2}
        value={form.notes}
        onChange={(e) => change('notes', e.currentTarget.value)}
      />
      <Group>
        <Button onClick={() => void submit()}>{t('helpline.intake.submit')}</Button>
      </Group>
    </Stack>
  );
}
