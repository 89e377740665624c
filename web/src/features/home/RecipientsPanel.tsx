import { Alert, Button, Card, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api, ApiError, request } from '../../api/client';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import type { recipientListOut } from '../../../../src/dashboards/dashboards.model';

type List = z.output<typeof recipientListOut>;
const LANGS = ['en', 'hi', 'mr'] as const;
/** The shape the server checks too (zod's e-mail, src/dashboards/dashboards.model.ts): caught here before sending. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PATH = '/reports/mission-vatsalya/recipients';

/**
 * Who receives the district's monthly report by e-mail on the 5th (src/reports/mission-vatsalya/
 * schedule.ts), or, given a state, the state's quarterly report after each quarter: add an address
 * with the language of its mail, remove one. For those who manage the district's convergence, or the
 * state's report recipients (the server checks the role and the area again).
 */
export function RecipientsPanel({ district, state }: { district?: number; state?: number }) {
  const area = district !== undefined ? { district } : { state: state! };
  const ofState = district === undefined;
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const key = ['report-recipients', district ?? null, state ?? null];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<List>(PATH, area) });
  const [address, setAddress] = useState('');
  const [lang, setLang] = useState<(typeof LANGS)[number]>('en');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const reset = () => {
    setErrors({});
    setGeneral(null);
  };
  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) return setErrors({ address: t('home.recipients.duplicate') });
    const issues = e instanceof ApiError ? e.issues.filter((i) => i.field === 'address' || i.field === 'lang') : [];
    if (issues.length) return setErrors(Object.fromEntries(issues.map((i) => [i.field, i.message])));
    setGeneral(e instanceof Error ? e.message : String(e));
  };
  const done = () => qc.invalidateQueries({ queryKey: key });
  const add = useMutation({
    mutationFn: (body: { district?: number; state?: number; address: string; lang: string }) => api.post(PATH, body),
    onSuccess: () => {
      setAddress('');
      return done();
    },
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: (id: string) => request('DELETE', `${PATH}/${id}`, { query: area }),
    onSuccess: done,
    onError: fail,
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    reset();
    const a = address.trim();
    if (!EMAIL.test(a) || a.length > 200) return setErrors({ address: t('home.recipients.invalidAddress') });
    add.mutate({ ...area, address: a, lang });
  }
  return (
    <Card withBorder data-testid="recipients">
      <Title order={2} size="h4" mb="xs">
        {t(ofState ? 'home.recipients.stateTitle' : 'home.recipients.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t(ofState ? 'home.recipients.stateIntro' : 'home.recipients.intro')}
      </Text>
      {general && (
        <Alert color="red" mb="xs">
          {general}
        </Alert>
      )}
      <QueryState query={q}>
        {(l) =>
          l.items.length === 0 ? (
            <Text c="dimmed">{t('home.recipients.none')}</Text>
          ) : (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('home.recipients.address')}</Table.Th>
                  <Table.Th>{t('home.recipients.lang')}</Table.Th>
                  <Table.Th>{t('home.recipients.addedAt')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {l.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.address}</Table.Td>
                    <Table.Td>{t(`home.recipients.langs.${r.lang}`, { defaultValue: r.lang })}</Table.Td>
                    <Table.Td>{f.dateTime(r.addedAt)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('home.recipients.removeOne', { address: r.address })}
                        loading={remove.isPending && remove.variables === r.id}
                        onClick={() => {
                          reset();
                          remove.mutate(r.id);
                        }}
                      >
                        {t('home.recipients.remove')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      <form aria-label={t('home.recipients.add')} onSubmit={submit} noValidate>
        <Stack mt="sm" gap="xs">
          <Group align="flex-end">
            <TextInput
              name="address"
              type="email"
              label={t('home.recipients.address')}
              withAsterisk
              value={address}
              onChange={(e) => setAddress(e.currentTarget.value)}
              error={errors.address}
              w={320}
            />
            <NativeSelect
              name="lang"
              label={t('home.recipients.lang')}
              data={LANGS.map((v) => ({ value: v, label: t(`home.recipients.langs.${v}`) }))}
              value={lang}
              onChange={(e) => setLang(e.currentTarget.value as (typeof LANGS)[number])}
              error={errors.lang}
            />
            <Button type="submit" loading={add.isPending}>
              {t('home.recipients.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
