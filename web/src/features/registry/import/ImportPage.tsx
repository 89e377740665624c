import { useState } from 'react';
import { Alert, Anchor, Badge, Button, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/Status';
import { PageHeader } from '../shared/PageHeader';
import { keys } from '../api';
import { sendImport, templateUrl, type ImportResult } from './api';

/**
 * Import children and families from a CSV (issue #17): choose the file, see what a dry run
 * found (each refused row's line, column and reason), then import the valid rows in one go.
 * The same import as `samanvay import`; likely duplicates are held for the duplicates review.
 */
export default function ImportPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const check = useMutation({ mutationFn: (f: File) => sendImport(f, { dryRun: true }) });
  const commit = useMutation({
    mutationFn: ({ f, n }: { f: File; n: number }) => sendImport(f, { dryRun: false, expectChildren: n }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
  const choose = (f: File | null) => {
    setFile(f);
    check.reset();
    commit.reset();
    if (f) check.mutate(f);
  };
  const preview = check.data;
  const done = commit.data;

  return (
    <>
      <PageHeader
        title={t('import.title')}
        subtitle={t('import.intro')}
        actions={
          <Button component="a" href={templateUrl} download variant="default" data-testid="import-template">
            {t('import.template')}
          </Button>
        }
      />
      <Stack>
        <FileInput
          label={t('import.file')}
          description={t('import.fileHint')}
          accept=".csv,text/csv"
          value={file}
          onChange={choose}
          clearable
          disabled={commit.isPending}
          data-testid="import-file"
        />
        {check.isPending && <Text role="status">{t('import.checking')}</Text>}
        {check.error && <ErrorMessage error={check.error} />}
        {preview && !done && (
          <>
            <Counts result={preview} />
            <RowTable result={preview} />
            {commit.error && <ErrorMessage error={commit.error} />}
            <Group>
              <Button
                data-testid="import-commit"
                disabled={preview.counts.children === 0 && preview.counts.duplicates === 0}
                loading={commit.isPending}
                onClick={() => file && commit.mutate({ f: file, n: preview.counts.children })}
              >
                {t('import.commit', { count: preview.counts.children })}
              </Button>
              {preview.counts.invalid > 0 && <Text size="sm">{t('import.invalidSkipped', { count: preview.counts.invalid })}</Text>}
            </Group>
          </>
        )}
        {done && (
          <Alert color="green" title={t('import.doneTitle')} role="status" data-testid="import-done">
            <Stack gap="xs">
              <Counts result={done} />
              {done.counts.duplicates > 0 && (
                <Anchor component={Link} to="/duplicates">
                  {t('import.reviewDuplicates', { count: done.counts.duplicates })}
                </Anchor>
              )}
              <RowTable result={done} />
            </Stack>
          </Alert>
        )}
      </Stack>
    </>
  );
}

function Counts({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const c = result.counts;
  return (
    <Group gap="xs" data-testid="import-counts">
      <Badge variant="light">{t('import.rows', { count: c.rows })}</Badge>
      <Badge variant="light" color="green">
        {t(result.dryRun ? 'import.wouldCreate' : 'import.created', { count: c.children })}
      </Badge>
      <Badge variant="light" color="green">
        {t('import.families', { count: c.families })}
      </Badge>
      <Badge variant="light" color="yellow">
        {t('import.duplicates', { count: c.duplicates })}
      </Badge>
      <Badge variant="light" color="red">
        {t('import.invalid', { count: c.invalid })}
      </Badge>
    </Group>
  );
}

/** The refused and held rows; on a commit also the created rows, each linking to its child. */
function RowTable({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const rows = result.results.filter((r) => r.status !== 'created' || r.childId);
  if (!rows.length) return null;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped data-testid="import-rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.line')}</Table.Th>
            <Table.Th>{t('import.status')}</Table.Th>
            <Table.Th>{t('import.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={`${r.line}-${r.field}-${i}`}>
              <Table.Td>{r.line}</Table.Td>
              <Table.Td>{t(`import.statusOf.${r.status}`)}</Table.Td>
              <Table.Td>
                {r.status === 'created' && r.childId ? (
                  <Anchor component={Link} to={`/children/${r.childId}`}>
                    {t('import.openChild')}
                  </Anchor>
                ) : (
                  <>
                    {r.text ?? r.reason}
                    {r.existingChildId && (
                      <>
                        {' '}
                        <Anchor component={Link} to={`/children/${r.existingChildId}`}>
                          {t('import.openExisting')}
                        </Anchor>
                      </>
                    )}
                  </>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
