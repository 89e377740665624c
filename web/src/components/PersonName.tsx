import { Text } from '@mantine/core';

/**
 * A name as it was written (Latin or Devanagari), with the other script beside it when
 * known. Names are never transliterated here: what the family gave is what is shown.
 * Without a size it takes the surrounding text's (a heading stays a heading).
 */
export function PersonName({ name, nameLocal, size }: { name: string; nameLocal?: string | null; size?: string }) {
  const other = nameLocal && nameLocal !== name ? nameLocal : null;
  return (
    <Text span inherit={!size} size={size} style={{ overflowWrap: 'anywhere' }}>
      {name}
      {other && (
        <Text span inherit={!size} size={size} c="dimmed" ml={6} style={{ fontWeight: 400 }}>
          ({other})
        </Text>
      )}
    </Text>
  );
}

/** "Rajura (राजुरा)", or the Devanagari first when the screen is in Hindi or Marathi. */
export function placeLabel(place: { name: string; nameLocal?: string | null } | null | undefined, lang: string): string {
  if (!place) return '—';
  if (!place.nameLocal || place.nameLocal === place.name) return place.name;
  return lang === 'en' ? `${place.name} (${place.nameLocal})` : `${place.nameLocal} (${place.name})`;
}
