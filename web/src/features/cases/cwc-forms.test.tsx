import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { registerFeatureStrings } from '../../i18n/features';

registerFeatureStrings();
import { CWC_ORDER_FORMS } from '../../../../src/cases/domain/vocabulary';

// Issue #17: CWC order references showed raw codes ("form44", "form25").
describe('CWC order forms', () => {
  it.each(['en', 'hi', 'mr'])('%s: every form has a name with its number, never the code', (lang) => {
    const t = i18n.getFixedT(lang);
    for (const code of CWC_ORDER_FORMS) {
      const label = t(`cases.orderForm.${code}`);
      expect(label, code).not.toBe(`cases.orderForm.${code}`);
      expect(label, code).not.toMatch(/form\d/i);
      if (code !== 'other') expect(label, code).toContain(code.replace('form', ''));
    }
  });

  it('says block/taluka as तालुका in Hindi and Marathi (गट is the convergence group)', () => {
    expect(i18n.getFixedT('mr')('cases.level.block')).toBe('तालुका');
    expect(i18n.getFixedT('hi')('cases.level.block')).toBe('तालुका');
  });
});
