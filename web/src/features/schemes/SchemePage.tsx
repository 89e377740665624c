import { useState } from 'react';
import { Alert, Button, Card, Code, JsonInput, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { describeError } from '../../forms/errors';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { addVersion, useScheme, useSchemesWrite } from './api';
import { BenefitText, useDocLabel, useSchemeName } from './shared';
import type { SchemeDetail } from './types';
import { todayIst } from '../../app/clock';

export default function SchemePage() {
  const { schemeId } = useParams({ strict: false }) as { schemeId: string };
  const q = useScheme(schemeId);
  return <QueryState query={q}>{(s) => <SchemeView s={s} />}</QueryState>;
}

function SchemeView({ s }: { s: SchemeDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const name = useSchemeName();
  const docLabel = useDocLabel();
  return (
    <Stack gap="md">
      <PageHeader title={name(s.name)} subtitle={<Text size="sm">{s.department}</Text>} />
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="sm">
          {t('schemes.catalogue.versions')}
        </Title>
        <Stack gap="md">
          {s.definition.versions.map((v) => (
            <Card key={v.validFrom} withBorder padding="sm">
              <Text fw={600}>
                {f.date(v.validFrom)} – {v.validTo ? f.date(v.validTo) : t('schemes.catalogue.openEnded')} ·{' '}
                <BenefitText benefit={v.benefit} />
              </Text>
              {v.source && (
                <Text size="xs" c="dimmed">
                  {t('schemes.catalogue.source')}: {v.source.title} ({f.date(v.source.date)})
                </Text>
              )}
              {v.note && <Text size="xs">{v.note}</Text>}
              <Text size="sm" mt="xs" fw={500}>
                {t('schemes.catalogue.documents')}
              </Text>
              <Text size="sm">{v.documents.map((d) => docLabel(typeof d === 'string' ? d : d.doc)).join(', ')}</Text>
              <Text size="sm" mt="xs" fw={500}>
                {t('schemes.catalogue.rules')}
              </Text>
              <Code block style={{ maxHeight: 240, overflow: 'auto' }}>
                {JSON.stringify(v.rules, null, 2)}
              </Code>
            </Card>
          ))}
        </Stack>
      </Card>
      {can('schemes.configure') && <AddVersion s={s} />}
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="sm">
          {t('schemes.catalogue.history')}
        </Title>
        <Table fz="sm">
          <Table.Tbody>
            {s.revisions.map((r) => (
              <Table.Tr key={r.revision}>
                <Table.Td>{t('schemes.catalogue.revision', { n: f.number(r.revision) })}</Table.Td>
                <Table.Td>{f.dateTime(r.createdAt)}</Table.Td>
                <Table.Td>{r.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}

/** An administrator adds a version; the engine's refusals are listed with the rule path. */
function AddVersion({ s }: { s: SchemeDetail }) {
  const { t } = useTranslation();
  const last = s.definition.versions[s.definition.versions.length - 1];
  const [json, setJson] = useState(() => JSON.stringify({ ...last, validFrom: todayIst(), validTo: null, source: undefined }, null, 2));
  const [note, setNote] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const save = useSchemesWrite((body: { revision: number; version: unknown; note?: string }) => addVersion(s.id, body));
  const submit = () => {
    let version: unknown;
    try {
      version = JSON.parse(json);
    } catch (e) {
      setParseError((e as Error).message);
      return;
    }
    setParseError(null);
    save.mutate({ revision: s.revision, version, note: note || undefined });
  };
  const issues = save.error instanceof ApiError ? save.error.issues : [];
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        {t('schemes.catalogue.addVersion')}
      </Title>
      <Stack gap="xs">
        <JsonInput
          label={t('schemes.catalogue.versionJson')}
          value={json}
          onChange={setJson}
          autosize
          minRows={8}
          maxRows={30}
          formatOnBlur
        />
        <TextInput label={t('schemes.catalogue.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {parseError && <Alert color="red">{t('schemes.catalogue.notJson', { error: parseError })}</Alert>}
        {save.error && (
          <Alert color="red" role="alert" title={t('schemes.catalogue.refused')}>
            {issues.length ? (
              <List size="sm">
                {issues.map((i) => (
                  <List.Item key={i.field + i.message}>
                    <Code>{i.field}</Code>: {i.message}
                  </List.Item>
                ))}
              </List>
            ) : (
              describeError(t, save.error)
            )}
          </Alert>
        )}
        {save.data && <Alert color="green">{t('schemes.catalogue.added', { n: save.data.revision })}</Alert>}
        <Button onClick={submit} loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('schemes.catalogue.addVersion')}
        </Button>
      </Stack>
    </Card>
  );
}
