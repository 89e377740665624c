import { describe, expect, it } from 'vitest';
import { asWrittenApart } from './written';

describe('names as written apart', () => {
  it('splits names fused with a capital each, and a fused initial', () => {
    expect(asWrittenApart('GauravKumar')).toBe('Gaurav Kumar');
    expect(asWrittenApart('MdImran')).toBe('Md Imran');
    expect(asWrittenApart('RMeena')).toBe('R Meena');
  });
  it('reads digits inside a word of letters as the letters OCR takes them for', () => {
    expect(asWrittenApart('S0nawane 5hinde')).toBe('Sonawane shinde');
  });
  it('leaves all-capital, lower-case, Indic-script and digit-only words alone', () => {
    for (const s of ['RAMESH KUMAR', 'ramesh kumar', 'ராம்', 'Ward 12', 'aB']) expect(asWrittenApart(s)).toBe(s);
  });
});
