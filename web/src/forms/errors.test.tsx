import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { ApiError } from '../api/client';
import { describeError, splitServerIssues, translateReason } from './errors';

// Issue #17: "Too small: expected array to have >=1 items" on screen, and an error naming an
// internal field ("(chairPersonId)").
describe('validation reasons on screen', () => {
  const mr = i18n.getFixedT('mr');
  const hi = i18n.getFixedT('hi');
  const en = i18n.getFixedT('en');

  it('translates zod wording instead of showing it raw', () => {
    expect(translateReason(en, 'Too small: expected array to have >=1 items')).toBe('Choose at least one');
    expect(translateReason(mr, 'Too small: expected array to have >=1 items')).toBe('किमान एक निवडा');
    expect(translateReason(hi, 'Too small: expected string to have >=12 characters')).toBe('कम से कम 12 अक्षर');
    expect(translateReason(mr, 'Too big: expected array to have <=1 items')).toBe('जास्तीत जास्त 1 बाब');
  });

  it('never shows zod English it does not know: a general reason in the reader language instead', () => {
    for (const raw of ['Invalid input', 'Invalid string: must match pattern /^x$/', 'Unrecognized key: "foo"', 'Too small: expected date'])
      expect(translateReason(mr, raw), raw).toMatch(/[\u0900-\u097F]/);
  });

  it('does not name the API field of an issue no form field shows', () => {
    const err = new ApiError(400, 'validation_failed', 'bad', [{ field: 'body.chairPersonId', message: 'Invalid input' }]);
    const split = splitServerIssues(err, ['date']);
    expect(split.other.join(' ')).not.toMatch(/chairPersonId/);
    expect(split.other.map((m) => translateReason(mr, m))).toEqual(['वैध नाही: ही माहिती पुन्हा पाहा']);
  });

  it("shows a refusal that is not about a form field in the server's words for people (a second import of one file)", () => {
    const err = new ApiError(409, 'import_already_committed', 'file: this file has already been imported: nothing was written', [
      { field: 'file', message: 'has already been imported', text: 'फाइल: ही फाइल आधीच आयात झाली आहे: काहीही लिहिले नाही' },
    ]);
    expect(describeError(mr, err)).toBe('फाइल: ही फाइल आधीच आयात झाली आहे: काहीही लिहिले नाही');
  });
});
