import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, List, Select, Table, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import { saveMatrix, useConvergenceWrite, useMatrix } from './api';
import { ErrorLine, useLabels } from './shared';
import type { MatrixResponse } from './types';

const LEVELS = ['village', 'block', 'district', 'state', 'national'] as const;

/** The Convergence Matrix as a grid (domains × departments) at one level; administrators edit it. */
export default function MatrixPage() {
  const { t } = useTranslation();
  const [level, setLevel] = useState<string>('district');
  const q = useMatrix(level);
  return (
    <>
      <PageHeader title={t('convergence.matrix.title')} subtitle={<Text size="sm">{t('convergence.matrix.intro')}</Text>} />
      <Group mb="md">
        <Select
          label={t('convergence.matrix.level')}
          data={LEVELS.map((l) => ({ value: l, label: t(`convergence.level.${l}`) }))}
          value={level}
          onChange={(v) => setLevel(v ?? 'district')}
          w={180}
        />
      </Group>
      <QueryState query={q}>{(m) => <MatrixView m={m} />}</QueryState>
    </>
  );
}

function MatrixView({ m }: { m: MatrixResponse }) {
  const { t } = useTranslation();
  const { dept, domain } = useLabels();
  const can = useCan();
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {t('convergence.matrix.version', { v: m.version })} · {t(`convergence.matrix.source.${m.source}`)}
      </Text>
      <Card withBorder mb="md">
        <Table.ScrollContainer minWidth={1000}>
          <Table withColumnBorders fz="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('convergence.common.domain')}</Table.Th>
                {m.grid.departments.map((d) => (
                  <Table.Th scope="col" key={d}>
                    {dept(d)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.grid.rows.map((r) => (
                <Table.Tr key={r.domain}>
                  <Table.Th scope="row">{domain(r.domain)}</Table.Th>
                  {r.cells.map((c, i) =>
                    c ? (
                      <Table.Td key={i}>
                        <Tooltip
                          label={`${c.role}${c.programmes.length ? ` — ${c.programmes.map((p) => p.name).join('; ')}` : ''}`}
                          multiline
                          w={320}
                          withArrow
                        >
                          <Badge
                            color={c.responsibility === 'lead' ? 'blue' : 'gray'}
                            variant={c.responsibility === 'lead' ? 'filled' : 'light'}
                            style={{ cursor: 'help' }}
                          >
                            {t(`convergence.responsibility.${c.responsibility}`)}
                          </Badge>
                        </Tooltip>
                        <Text size="xs" mt={2} lineClamp={2}>
                          {c.role}
                        </Text>
                      </Table.Td>
                    ) : (
                      <Table.Td key={i} />
                    ),
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {can('config.edit') && <MatrixEditor m={m} />}
    </>
  );
}

function MatrixEditor({ m }: { m: MatrixResponse }) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => JSON.stringify(m.matrix, null, 2));
  const [note, setNote] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const save = useConvergenceWrite((matrix: unknown) => saveMatrix({ version: m.version, matrix, note: note || undefined }));
  const issues = save.error instanceof ApiError && save.error.code === 'matrix_invalid' ? save.error.issues : [];
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('convergence.matrix.edit')}
      </Title>
      <Textarea
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={12}
        maxRows={30}
        styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
        aria-label={t('convergence.matrix.edit')}
      />
      <Group mt="xs" align="flex-end">
        <TextInput label={t('convergence.matrix.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} w={360} />
        <Button
          loading={save.isPending}
          onClick={() => {
            try {
              const parsed = JSON.parse(text);
              setParseError(null);
              save.mutate(parsed);
            } catch (e) {
              setParseError((e as Error).message);
            }
          }}
        >
          {t('convergence.common.save')}
        </Button>
      </Group>
      {parseError && (
        <Alert color="red" mt="xs">
          {parseError}
        </Alert>
      )}
      {issues.length > 0 ? (
        <Alert color="red" mt="xs" title={t('convergence.matrix.invalid')}>
          <List size="sm">
            {issues.map((i, k) => (
              <List.Item key={k}>
                <code>{i.field}</code>: {i.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <ErrorLine error={save.error} />
      )}
    </Card>
  );
}
