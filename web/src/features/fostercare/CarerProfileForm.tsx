import { useState, type FormEvent } from 'react';
import { Button, Card, Checkbox, Group, NativeSelect, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { useCarerProfile, type MatchCarer } from './api';
import { GeneralError, useLifeForm } from './form';

/**
 * What the home study (Form 30, r.23(9)) found a family can take: places, the sex and ages it is
 * approved for, languages, brothers and sisters together; the approval's end is the committee's
 * (sent only by a role that may set it). Sent with the family's version: a stale one is said plainly.
 */
export function CarerProfileForm({ carer, onDone }: { carer: MatchCarer; onDone?: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const save = useCarerProfile(carer.id);
  const f = useLifeForm();
  const p = carer.profile;
  const [form, setForm] = useState({
    capacity: p.capacity,
    prefersSex: p.prefersSex,
    ageMin: p.ageMin ?? ('' as number | ''),
    ageMax: p.ageMax ?? ('' as number | ''),
    languages: p.languages.join(', '),
    takesSiblings: p.takesSiblings,
    validUntil: carer.reviewDue ?? '',
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    f.reset();
    const body: Record<string, unknown> = {
      capacity: form.capacity,
      prefersSex: form.prefersSex,
      ageMin: form.ageMin === '' ? null : form.ageMin,
      ageMax: form.ageMax === '' ? null : form.ageMax,
      languages: form.languages
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      takesSiblings: form.takesSiblings,
      version: carer.version,
    };
    if (can('care.manage') || can('cases.cwc')) body.validUntil = form.validUntil || null;
    save.mutate(body, { onSuccess: () => onDone?.(), onError: f.fail });
  }
  return (
    <Card withBorder maw={640} mt="lg">
      <form aria-label={t('fostering.match.profile')} onSubmit={submit} noValidate>
        <Stack>
          <Title order={5}>
            {t('fostering.match.profile')}: {carer.name}
          </Title>
          <GeneralError message={f.general} />
          <Group grow>
            <NumberInput
              name="capacity"
              label={t('fostering.profile.capacity')}
              min={1}
              max={10}
              value={form.capacity}
              onChange={(v) => setForm({ ...form, capacity: typeof v === 'number' ? v : 1 })}
              error={f.errors.capacity}
            />
            <NativeSelect
              name="prefersSex"
              label={t('fostering.profile.prefersSex')}
              data={(['any', 'female', 'male'] as const).map((v) => ({ value: v, label: t(`fostering.profile.sex.${v}`) }))}
              value={form.prefersSex}
              onChange={(e) => setForm({ ...form, prefersSex: e.currentTarget.value as typeof form.prefersSex })}
              error={f.errors.prefersSex}
            />
          </Group>
          <Group grow>
            <NumberInput
              name="ageMin"
              label={t('fostering.profile.ageMin')}
              min={0}
              max={17}
              value={form.ageMin}
              onChange={(v) => setForm({ ...form, ageMin: typeof v === 'number' ? v : '' })}
              error={f.errors.ageMin}
            />
            <NumberInput
              name="ageMax"
              label={t('fostering.profile.ageMax')}
              min={0}
              max={17}
              value={form.ageMax}
              onChange={(v) => setForm({ ...form, ageMax: typeof v === 'number' ? v : '' })}
              error={f.errors.ageMax}
            />
          </Group>
          <TextInput
            name="languages"
            label={t('fostering.profile.languages')}
            value={form.languages}
            onChange={(e) => setForm({ ...form, languages: e.currentTarget.value })}
            error={f.errors.languages}
          />
          <Checkbox
            name="takesSiblings"
            label={t('fostering.profile.takesSiblings')}
            checked={form.takesSiblings}
            onChange={(e) => setForm({ ...form, takesSiblings: e.currentTarget.checked })}
          />
          {(can('care.manage') || can('cases.cwc')) && (
            <TextInput
              name="validUntil"
              type="date"
              label={t('fostering.profile.validUntil')}
              value={form.validUntil}
              onChange={(e) => setForm({ ...form, validUntil: e.currentTarget.value })}
              error={f.errors.validUntil}
            />
          )}
          <Button type="submit" loading={save.isPending}>
            {t('fostering.profile.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
