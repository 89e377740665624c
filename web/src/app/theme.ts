import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Contrast (WCAG AA, 4.5:1 for normal text), checked against Mantine's defaults:
 * - the primary shade is dark enough for white text on buttons (blue 8: 4.9:1);
 * - text on light, subtle and outline variants (badges, the active menu entry) is a
 *   darkened shade 9, not Mantine's shade 6 (orange 6 on its tint is about 2.5:1);
 * - "dimmed" text and error messages are darker than Mantine's grey and red 6.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (!['light', 'subtle', 'outline'].includes(input.variant)) return colors;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
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
});

export const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#495057', '--mantine-color-placeholder': '#5c636a', '--mantine-color-error': '#c92a2a' },
  dark: {},
});
