import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { placeLabel } from '../../../components/PersonName';
import { useVillages } from '../api';

/** The villages of the user's jurisdiction; a native select, light and usable on any phone. */
export function VillageSelect(props: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  emptyLabel: string;
  error?: string;
  required?: boolean;
  name?: string;
}) {
  const { i18n } = useTranslation();
  const villages = useVillages();
  const data = [
    { value: '', label: props.emptyLabel },
    ...(villages.data ?? [])
      .map((v) => ({ value: v.id, label: placeLabel(v, i18n.language) }))
      .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
  ];
  // Keep a chosen value visible even before the list arrives (a restored draft, a link).
  if (props.value && !data.some((d) => d.value === props.value)) data.push({ value: props.value, label: props.value });
  return (
    <NativeSelect
      label={props.label}
      name={props.name}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      data={data}
      error={props.error}
      required={props.required}
    />
  );
}
