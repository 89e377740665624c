import { Fragment } from 'react';
import { Anchor } from '@mantine/core';

/** India's emergency and help numbers: child helpline, emergency (ERSS), women's helpline. */
export const HELPLINE_NUMBERS = ['1098', '112', '181'] as const;
const SPLIT = new RegExp(`(?<![\\d₹,.])(${HELPLINE_NUMBERS.join('|')})(?![\\d,.]\\d|\\d)`, 'g');

/**
 * A translated sentence with 1098, 112 and 181 as `tel:` links: on a phone one tap calls.
 * The numbers stay in the catalogue text (the same in every language), so no translation changes.
 */
export function PhoneText({ text }: { text: string }) {
  const parts = text.split(SPLIT);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          // The colour of the sentence around it (the primary blue on a red alert's tint is below
          // 4.5:1, axe 'color-contrast'), told apart by weight and a lasting underline.
          <Anchor key={i} href={`tel:${part}`} fw={700} c="inherit" underline="always" inherit>
            {part}
          </Anchor>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
