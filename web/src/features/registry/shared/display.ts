import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { useVocab, type VocabKind } from './vocab';

/** Which vocabulary a form field's codes come from. */
const KINDS: Record<string, VocabKind> = {
  sex: 'sex',
  careStatus: 'careStatus',
  schoolStatus: 'schoolStatus',
  caregiverType: 'caregiverType',
  areaType: 'areaType',
  rationCard: 'rationCard',
  migration: 'migration',
  casteCategory: 'casteCategory',
  vulnerabilityFactors: 'vulnerabilityFactor',
};

/** A form value as a person reads it: translated codes, Indian dates and rupees. Used by the conflict view. */
export function useFieldDisplay() {
  const { t } = useTranslation();
  const vocab = useVocab();
  const f = useFormat();
  return (field: string, value: unknown): string => {
    if (value === '' || value == null || (Array.isArray(value) && value.length === 0)) return '—';
    const kind = KINDS[field];
    if (Array.isArray(value)) return value.map((v) => (kind ? vocab(kind, String(v)) : String(v))).join(', ');
    if (kind) return vocab(kind, String(value));
    if (field === 'bpl') return value === 'yes' ? t('form.yes') : t('form.no');
    if (field === 'annualIncome') return f.money(Number(value));
    if (field === 'dob') return f.date(String(value));
    return String(value);
  };
}
