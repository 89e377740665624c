import { z } from 'zod';

/**
 * The one zod shape of a person's name (child, family head, member, missing or found child,
 * parents, reporter), shared by the registry and missing modules and by the web forms.
 *
 * A name is a single line: beyond the server-wide text rule (src/http/input-hygiene.ts: no NUL,
 * no other control characters, no unpaired surrogates), it refuses tab and line breaks and the
 * bidirectional embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069), which can
 * make a name display as another. It must contain a letter or a digit: a name of spaces or of
 * zero-width characters only is no name (JS `trim()` does not remove U+200B…U+200D, U+2060).
 * Zero-width joiners and non-joiners stay allowed inside a name: Devanagari and other Indic
 * scripts need them to spell some conjuncts.
 */
const SINGLE_LINE = /^[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*$/;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const nameText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `is too long (${max} characters at most)`)
    .regex(SINGLE_LINE, 'must be one line of text (no tabs, line breaks or control characters)')
    .refine((s) => s === '' || HAS_LETTER_OR_DIGIT.test(s), 'must contain a letter (not only spaces or invisible characters)');

/** A required name: at least one letter or digit. */
export const personName = (max = 120) => nameText(max).min(1, 'is required');

/** An optional name (a parent's, a name in the local script): blank is allowed, but not invisible-only. */
export const optionalPersonName = (max = 120) => nameText(max);
