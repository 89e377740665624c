import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Radio, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConflictRow } from './versioned';

/**
 * Someone else saved the record while this user was editing it. Both versions side by
 * side, so nothing is lost; where both changed the same field the user picks which stays.
 * Then their version becomes the new starting point with the chosen changes on top, and
 * the user saves again.
 */
export function ConflictPanel(props: {
  rows: ConflictRow[];
  theirVersion: number;
  label: (field: string) => string;
  display: (field: string, value: unknown) => string;
  onReapply: (keepTheirs: Set<string>) => void;
  onTakeTheirs: () => void;
}) {
  const { t } = useTranslation();
  const [keepTheirs, setKeepTheirs] = useState<Set<string>>(new Set());
  // The Save button may be far below on a phone: bring the news into view (role=alert reads it out).
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'start' }); // braces: newer Chromium returns a Promise here, which React would take for a clean-up
  }, []);
  const choose = (field: string, theirs: boolean) =>
    setKeepTheirs((prev) => {
      const next = new Set(prev);
      if (theirs) next.add(field);
      else next.delete(field);
      return next;
    });

  return (
    <Alert ref={ref} color="orange" role="alert" title={t('conflict.title')} mb="md" data-testid="conflict">
      <Stack gap="sm">
        <Text size="sm">{t('conflict.explain', { version: props.theirVersion })}</Text>
        <Table.ScrollContainer minWidth={480}>
          <Table withTableBorder withColumnBorders data-testid="conflict-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('conflict.field')}</Table.Th>
                <Table.Th scope="col">{t('conflict.theirs')}</Table.Th>
                <Table.Th scope="col">{t('conflict.yours')}</Table.Th>
                <Table.Th scope="col">{t('conflict.keep')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.rows.map((r) => (
                <Table.Tr key={r.field} data-field={r.field}>
                  <Table.Th scope="row">{props.label(r.field)}</Table.Th>
                  <Table.Td fw={r.theirsChanged ? 600 : 400}>{props.display(r.field, r.theirs)}</Table.Td>
                  <Table.Td fw={r.mineChanged ? 600 : 400}>{props.display(r.field, r.mine)}</Table.Td>
                  <Table.Td>
                    {r.clash ? (
                      <Radio.Group
                        aria-label={t('conflict.keepFor', { field: props.label(r.field) })}
                        value={keepTheirs.has(r.field) ? 'theirs' : 'mine'}
                        onChange={(v) => choose(r.field, v === 'theirs')}
                      >
                        <Group gap="sm">
                          <Radio value="mine" label={t('conflict.keepMine')} />
                          <Radio value="theirs" label={t('conflict.keepTheirs')} />
                        </Group>
                      </Radio.Group>
                    ) : (
                      <Text size="sm">{r.mineChanged ? t('conflict.yoursKept') : t('conflict.theirsKept')}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group>
          <Button onClick={() => props.onReapply(keepTheirs)}>{t('conflict.reapply')}</Button>
          <Button variant="default" onClick={props.onTakeTheirs}>
            {t('conflict.takeTheirs')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
