import { useEffect, useState, type ReactNode } from 'react';
import { Button, Collapse, Group, NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** The name search: waits until typing pauses, so a slow connection isn't flooded. */
export function SearchBox({
  value,
  onChange,
  label,
}: {
  value: string | undefined;
  onChange: (q: string | undefined) => void;
  label: string;
}) {
  const [text, setText] = useState(value ?? '');
  const [debounced] = useDebouncedValue(text, 350);
  useEffect(() => setText(value ?? ''), [value]);
  useEffect(() => {
    const q = debounced.trim() || undefined;
    if (q !== (value ?? undefined)) onChange(q);
    // Only the typed text triggers a search (not the callbacks, which change on every render).
  }, [debounced]);
  return (
    <TextInput
      type="search"
      label={label}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onChange(text.trim() || undefined);
      }}
      maxLength={100}
      name="q"
    />
  );
}

export function AgeRange({ min, max, onChange }: { min?: number; max?: number; onChange: (min?: number, max?: number) => void }) {
  const { t } = useTranslation();
  const toNum = (v: string | number) => (v === '' || v == null ? undefined : Number(v));
  return (
    <Group grow gap="xs" wrap="nowrap">
      <NumberInput
        label={t('filters.ageMin')}
        min={0}
        max={25}
        allowDecimal={false}
        allowNegative={false}
        value={min ?? ''}
        onChange={(v) => onChange(toNum(v), max)}
      />
      <NumberInput
        label={t('filters.ageMax')}
        min={0}
        max={25}
        allowDecimal={false}
        allowNegative={false}
        value={max ?? ''}
        onChange={(v) => onChange(min, toNum(v))}
      />
    </Group>
  );
}

/**
 * The filters: always open on a desktop; behind a button on a phone, so the list itself
 * is on the first screen.
 */
export function FilterGrid({ children, onClear, active }: { children: ReactNode; onClear: () => void; active: boolean }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const [open, { toggle }] = useDisclosure(false);
  const grid = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="xs" verticalSpacing="xs" mb="xs" role="search" id="list-filters">
      {children}
    </SimpleGrid>
  );
  return (
    <>
      {phone ? (
        <>
          <Button variant="default" size="xs" mt="xs" mb="xs" onClick={toggle} aria-expanded={open} aria-controls="list-filters">
            {active ? t('filters.showActive') : t('filters.show')}
          </Button>
          <Collapse in={open}>{grid}</Collapse>
        </>
      ) : (
        grid
      )}
      {active && (
        <Button variant="subtle" size="xs" onClick={onClear} mb="xs">
          {t('filters.clear')}
        </Button>
      )}
    </>
  );
}
