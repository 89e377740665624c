import { useState } from 'react';
import { NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFindChildren } from './api';

/**
 * A care form's child: searched by name in the registry of the reader's jurisdiction (at least two
 * letters), then picked from the children found; the id is what is sent. The server checks the
 * child again and names the field when it refuses.
 */
export function ChildPick(props: { value: string; onChange: (id: string) => void; error?: string; name?: string }) {
  const { t } = useTranslation();
  const [find, setFind] = useState('');
  const found = useFindChildren(find.trim());
  const items = found.data?.items ?? [];
  const searched = find.trim().length >= 2 && found.isSuccess;
  return (
    <>
      <TextInput
        name="childSearch"
        label={t('care.pick.search')}
        description={t('care.pick.searchHelp')}
        value={find}
        onChange={(e) => setFind(e.currentTarget.value)}
      />
      <NativeSelect
        name={props.name ?? 'childId'}
        label={t('care.pick.child')}
        description={searched && !items.length ? t('care.pick.noneFound') : undefined}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        error={props.error}
        data={[
          { value: '', label: t('care.pick.choose') },
          ...items.map((c) => ({
            value: c.id,
            label: `${c.name} · ${t(`vocab.sex.${c.sex}`)} · ${c.age ?? '—'} · ${c.id.slice(0, 8)}`,
          })),
        ]}
      />
    </>
  );
}
