import { Badge, Group, NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Vocabulary values (src/registry/vocabulary.ts) are stored as codes and shown in the
 * user's language from the i18n files: vocab.<kind>.<code>.
 */
export type VocabKind =
  | 'sex'
  | 'careStatus'
  | 'caregiverType'
  | 'vulnerabilityFactor'
  | 'documentType'
  | 'documentStatus'
  | 'schoolStatus'
  | 'areaType'
  | 'rationCard'
  | 'migration'
  | 'casteCategory'
  | 'relationship'
  | 'deathCause'
  | 'role'
  | 'scopeLevel';

export function useVocab() {
  const { t } = useTranslation();
  return (kind: VocabKind, code: string | null | undefined) => (code ? t(`vocab.${kind}.${code}`, { defaultValue: code }) : '—');
}

type SelectProps = Omit<NativeSelectProps, 'data' | 'onChange' | 'value'> & {
  kind: VocabKind;
  values: readonly string[];
  value: string;
  onChange: (v: string) => void;
  /** The empty option's text: "Any" in filters, "Choose…" in forms. */
  emptyLabel?: string;
};

export function VocabSelect({ kind, values, value, onChange, emptyLabel, ...rest }: SelectProps) {
  const label = useVocab();
  const { t } = useTranslation();
  const data = [{ value: '', label: emptyLabel ?? t('form.choose') }, ...values.map((v) => ({ value: v, label: label(kind, v) }))];
  return <NativeSelect {...rest} data={data} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
}

export function FactorBadges({ factors, max }: { factors: readonly string[] | undefined; max?: number }) {
  const label = useVocab();
  const { t } = useTranslation();
  if (!factors?.length) return null;
  const shown = max ? factors.slice(0, max) : factors;
  return (
    <Group gap={4}>
      {shown.map((f) => (
        <Badge key={f} variant="light" color="orange" tt="none" fw={500} styles={{ label: { whiteSpace: 'normal' } }} h="auto" py={2}>
          {label('vulnerabilityFactor', f)}
        </Badge>
      ))}
      {max && factors.length > max && (
        <Badge variant="outline" color="gray" tt="none">
          {t('list.more', { n: factors.length - max })}
        </Badge>
      )}
    </Group>
  );
}
