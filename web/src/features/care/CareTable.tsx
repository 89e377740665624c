import type { ReactNode } from 'react';
import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { GeneralError } from './forms';

export interface CareColumn<R> {
  /** The i18n key of the header. */
  header: string;
  cell: (row: R) => ReactNode;
}

/**
 * The care screens' list: a header per column, a row per record, and (when the reader may act)
 * one action column whose button shows only where `canAct` allows it. Nothing to list: `empty`.
 */
export function CareTable<R extends { id: string }>(props: {
  label: string;
  rows: R[];
  columns: CareColumn<R>[];
  empty: string;
  action?: { label: string; onClick: (row: R) => void; canAct?: (row: R) => boolean };
}) {
  const { t } = useTranslation();
  const { rows, columns, action } = props;
  if (!rows.length) return <Text mb="lg">{props.empty}</Text>;
  return (
    <Table striped aria-label={props.label} mb="lg">
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.header}>{t(c.header)}</Table.Th>
          ))}
          {action && <Table.Th>{t('care.actions')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id}>
            {columns.map((c) => (
              <Table.Td key={c.header}>{c.cell(r)}</Table.Td>
            ))}
            {action && (
              <Table.Td>
                {(action.canAct?.(r) ?? true) && (
                  <Button size="xs" variant="light" onClick={() => action.onClick(r)}>
                    {action.label}
                  </Button>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The child column of a care list: a link to the child's record, by the id's first characters (no name in a list). */
export const childColumn = <R extends { childId: string }>(): CareColumn<R & { id: string }> => ({
  header: 'care.col.child',
  cell: (r) => (
    <Anchor component={Link} to={`/children/${r.childId}`}>
      {r.childId.slice(0, 8)}
    </Anchor>
  ),
});

/** A care form's frame: its title, the error above the fields, the fields, then save (and cancel when `onCancel`). */
export function CareFormCard(props: {
  label: string;
  title: ReactNode;
  general: string | null;
  pending: boolean;
  onSubmit: (e: React.FormEvent) => void;
  onCancel?: () => void;
  submitLabel?: string;
  maw?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder maw={props.maw ?? 640} mb="lg">
      <form aria-label={props.label} onSubmit={props.onSubmit} noValidate>
        <Stack>
          <Title order={5}>{props.title}</Title>
          <GeneralError message={props.general} />
          {props.children}
          <Group>
            <Button type="submit" loading={props.pending}>
              {props.submitLabel ?? t('care.save')}
            </Button>
            {props.onCancel && (
              <Button variant="default" onClick={props.onCancel}>
                {t('care.cancel')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
