import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineTheme,
  type VariantColorsResolver,
} from '@mantine/core';
import i18n, { addTranslations } from '../i18n';

/**
 * Contrast (WCAG AA, 4.5:1 for normal text), checked against Mantine's defaults:
 * - the primary shade is dark enough for white text on buttons (blue 8: 4.9:1);
 * - text on light, subtle and outline variants (badges, the active menu entry) is a
 *   darkened shade 9, not Mantine's shade 6 (orange 6 on its tint is about 2.5:1);
 * - "dimmed" text and error messages are darker than Mantine's grey and red 6.
 */
/** Hues whose shade 8 is too light for white text (green 8 is about 3.3:1): filled buttons take a darker shade 9. */
const LIGHT_HUES = ['green', 'teal', 'lime', 'yellow', 'orange', 'cyan', 'red', 'pink', 'grape'];

const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (
    input.variant === 'filled' &&
    parsed.isThemeColor &&
    parsed.color &&
    LIGHT_HUES.includes(parsed.color) &&
    parsed.shade === undefined
  ) {
    // e.g. the white-on-green Accept button: 4.5:1 or better (WCAG 1.4.3).
    const background = darken(input.theme.colors[parsed.color][9], 0.2);
    return { ...colors, background, hover: darken(background, 0.1), color: '#fff' };
  }
  if (!['light', 'subtle', 'outline'].includes(input.variant)) return colors;
  if (!parsed.isThemeColor || !parsed.color || ['gray', 'dark'].includes(parsed.color)) return colors;
  const strong = darken(input.theme.colors[parsed.color][9], 0.3);
  return { ...colors, color: strong, ...(input.variant === 'outline' ? { border: `1px solid ${strong}` } : {}) };
};

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: '"Noto Sans", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  headings: { fontFamily: '"Noto Sans", system-ui, sans-serif' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  variantColorResolver,
  // Plain objects, not Pagination.extend(…): importing a component here put it (and NumberInput's
  // react-number-format, 56 KB) in the first download of every page (issue #17).
  components: {
    // Every page control has a name a screen reader can say ("Page 3", "Next page"), in the reader's language.
    Pagination: {
      defaultProps: {
        getItemProps: (page: number) => ({ 'aria-label': i18n.t('a11y.page', { n: page }) }),
        getControlProps: (control: 'first' | 'previous' | 'next' | 'last') => ({ 'aria-label': i18n.t(`a11y.${control}Page`) }),
      },
    },
    // The stepper arrows are unnamed, pointer-only buttons; a phone's number keypad serves better.
    NumberInput: { defaultProps: { hideControls: true } },
    // The active menu entry: NavLink takes blue 8 on its tint (4.39:1, axe 'color-contrast'); the darkened shade 9 as elsewhere.
    NavLink: { vars: (theme: MantineTheme) => ({ root: { '--nl-color': darken(theme.colors.blue[9], 0.3) }, children: {} }) },
    // A visible focus ring on text fields, not only a faint border tint (WCAG 2.4.7).
    Input: { classNames: { input: 'samanvay-input' } },
  },
});

addTranslations({
  en: {
    a11y: { page: 'Page {{n}}', firstPage: 'First page', previousPage: 'Previous page', nextPage: 'Next page', lastPage: 'Last page' },
  },
  hi: { a11y: { page: 'पृष्ठ {{n}}', firstPage: 'पहला पृष्ठ', previousPage: 'पिछला पृष्ठ', nextPage: 'अगला पृष्ठ', lastPage: 'अंतिम पृष्ठ' } },
  mr: { a11y: { page: 'पान {{n}}', firstPage: 'पहिले पान', previousPage: 'मागील पान', nextPage: 'पुढील पान', lastPage: 'शेवटचे पान' } },
});

export const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#495057', '--mantine-color-placeholder': '#5c636a', '--mantine-color-error': '#c92a2a' },
  dark: {},
});
