import { Fragment } from 'react';

/** India's emergency and help numbers: child helpline, emergency (ERSS), women's helpline. */
const SPLIT = /(?<![\d₹,.])(1098|112|181)(?![\d,.]\d|\d)/g;

/**
 * A translated sentence with 1098, 112 and 181 as `tel:` links: on a phone one tap calls.
 * The numbers stay in the catalogue text (the same in every language), so no translation changes.
 */
export function PhoneLinks({ text }: { text: string }) {
  return (
    <>
      {text.split(SPLIT).map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={`tel:${part}`} className="lite-tel">
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
