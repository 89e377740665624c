// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { ROLE_PERMISSIONS } from '../../../../src/access/roles';
import {
  CURRENT_CARE,
  MATCH_STATUSES,
  RECORD_KINDS,
  RECORD_STATUSES,
  RESTORATION_STATUSES,
  SOURCES,
} from '../../../../src/missing/domain/vocabulary';
import { SEXES } from '../../../../src/registry/vocabulary';
import { navFor } from '../../app/module-api';
import { renderWithApp } from '../../test/harness';
import { addTranslations } from '../../i18n';
import { MISSING_TRANSLATIONS } from './i18n';
import missingModule from './module';
import { ExplanationBars, explanationText, likelihoodText, SideBySide } from './shared';
import i18n from '../../i18n';
import { formatterFor } from '../../i18n/format';
import { flatten as flat } from '../../test/translations';
import { ModelView } from './ModelPage';
import type { MatchModelStatus } from './types';

afterEach(cleanup);
addTranslations(MISSING_TRANSLATIONS);

const langs = { en: flat(MISSING_TRANSLATIONS.en), hi: flat(MISSING_TRANSLATIONS.hi), mr: flat(MISSING_TRANSLATIONS.mr) };

describe('missing screens: translations', () => {
  it('every kind, status, source, care place and sex has a label', () => {
    for (const map of Object.values(langs)) {
      for (const k of RECORD_KINDS) expect(map.get(`missing.kind.${k}`)).toBeTruthy();
      for (const s of RECORD_STATUSES) expect(map.get(`missing.status.${s}`)).toBeTruthy();
      for (const s of MATCH_STATUSES) expect(map.get(`missing.matchStatus.${s}`)).toBeTruthy();
      for (const s of RESTORATION_STATUSES) expect(map.get(`missing.restorationStatus.${s}`)).toBeTruthy();
      for (const s of SOURCES) expect(map.get(`missing.source.${s}`), s).toBeTruthy();
      for (const c of CURRENT_CARE) expect(map.get(`missing.care.${c}`)).toBeTruthy();
      for (const s of SEXES) expect(map.get(`missing.sex.${s}`)).toBeTruthy();
    }
  });

  it('Hindi and Marathi strings are written in Devanagari', () => {
    for (const lang of ['hi', 'mr'] as const) {
      const latinOnly = [...langs[lang]].filter(
        ([, v]) => !/[\u0900-\u097F]/.test(v) && /[a-z]{4,}/i.test(v.replace(/{{\w+}}/g, '')) && !/CSV/.test(v),
      );
      expect(latinOnly, lang).toEqual([]);
    }
  });
});

describe('missing screens: menu', () => {
  const paths = (role: keyof typeof ROLE_PERMISSIONS) => navFor([missingModule], ROLE_PERMISSIONS[role]).map((n) => n.to);
  it('offers each role what it may open', () => {
    expect(paths('dcpu_officer')).toEqual([
      '/missing/review',
      '/missing/records',
      '/missing/moderation',
      '/missing/new',
      '/missing/restorations',
      '/missing/national',
      '/missing/model',
    ]);
    expect(paths('helpline_operator')).toEqual(['/missing/review', '/missing/records', '/missing/new', '/missing/restorations']);
    expect(paths('frontline_worker')).toEqual(['/missing/new']);
    expect(paths('nodal_officer')).toEqual([]);
  });
});

describe("missing screens: the engine's reasons", () => {
  const fields = [
    { id: 'name', label: 'name', level: 1, levelLabel: 'spelling/script variant', weight: 8.01 },
    { id: 'date', label: 'dates', level: 4, levelLabel: 'long before missing', weight: -3.2 },
  ];

  it('draws evidence for to the right in green and against to the left in red, with the level found', async () => {
    await renderWithApp(<ExplanationBars fields={fields} />);
    expect(screen.getByLabelText('spelling/script variant +8.01')).toBeTruthy();
    expect(screen.getByLabelText('long before missing -3.2')).toBeTruthy();
    expect(screen.getByText('Name')).toBeTruthy();
    expect(screen.getByText('Dates')).toBeTruthy();
  });

  it('labels the bars in Marathi', async () => {
    await renderWithApp(<ExplanationBars fields={fields} />, 'mr');
    expect(screen.getByText('नाव')).toBeTruthy();
    expect(screen.getByText('तारखा')).toBeTruthy();
  });

  // Issue #17: the level found was English on a Marathi screen ("spelling/script variant").
  it('words the level found in Marathi, and keeps a level the catalogue does not know as the model wrote it', async () => {
    await renderWithApp(<ExplanationBars fields={fields} />, 'mr');
    expect(screen.getByLabelText('शुद्धलेखन किंवा लिपीतील फरक +8.01')).toBeTruthy();
    expect(screen.queryByText(/spelling\/script variant/)).toBeNull();
    // The fixture's "long before missing" is not the shipped model's level 4 ("found long before missing").
    expect(screen.getByLabelText('long before missing -3.2')).toBeTruthy();
    expect(explanationText(i18n.getFixedT('mr'), formatterFor('mr'), fields.slice(0, 1))).toBe('नाव: शुद्धलेखन किंवा लिपीतील फरक (+8)');
  });

  it('shows the two records side by side, names as written', async () => {
    const left = {
      id: 'a',
      name: 'Sanika Pramod Wankhade',
      sex: 'f',
      age: 9,
      father_name: 'Pramod Wankhade',
      mother_name: '',
      state: 'Maharashtra',
      district: 'Amravati',
      place: 'Badnera',
      date: '2025-10-02',
      language: 'Marathi',
      marks: '',
    };
    const right = {
      ...left,
      id: 'b',
      name: 'सानिका वानखडे',
      father_name: 'प्रमोद',
      district: 'Akola',
      place: 'Akola railway station',
      date: '2025-10-05',
      age: 10,
    };
    await renderWithApp(<SideBySide left={left} right={right} fields={fields} />);
    expect(screen.getByText('Sanika Pramod Wankhade')).toBeTruthy();
    expect(screen.getByText('सानिका वानखडे')).toBeTruthy();
    expect(screen.getByText('Akola railway station, Akola, Maharashtra')).toBeTruthy();
    expect(screen.getByTestId('side-by-side').textContent).toContain('spelling/script variant (+8)');
  });
});

describe('match likelihood wording (issue #17: "100% likely")', () => {
  it('never claims certainty: over 99%, under 1%, else the rounded figure, in each language', async () => {
    await i18n.changeLanguage('en');
    const en = (p: number) => likelihoodText(i18n.t, formatterFor('en'), p);
    expect([en(0.99995), en(0.873), en(0.001)]).toEqual(['over 99% likely', '87.3% likely', 'under 1% likely']);
    await i18n.changeLanguage('mr');
    expect(likelihoodText(i18n.t, formatterFor('mr'), 1)).toBe('99% पेक्षा जास्त शक्यता');
    await i18n.changeLanguage('en');
  });
});

describe('missing screens: the match model', () => {
  const status = (over: Partial<MatchModelStatus> = {}): MatchModelStatus => ({
    version: 'v1.2+reviews.all.2026-12-01.2',
    source: 'refit',
    shippedVersion: 'v1.2',
    mayRefit: true,
    trainedOn: 'v1.2 + 50 decisions',
    fittedAt: '2026-12-01T06:00:00.000Z',
    calibration: { scale: 1, shift: 0 },
    bands: [{ band: 'strong', from: 0.9, to: 1 }],
    decisions: { confirmed: 25, rejected: 25, minEach: 20 },
    history: ['v1.2+reviews.all.2026-12-01.2', 'v1.2+reviews.all.2026-12-01'].map((version, i) => ({
      version,
      baseVersion: 'v1.2',
      fittedAt: '2026-12-01T06:00:00.000Z',
      active: i === 0,
      confirmed: 25,
      rejected: 25,
      eceBefore: 0.1,
      eceAfter: 0.05,
      changed: [],
    })),
    ...over,
  });

  it('offers a state officer a rollback to every version but the one in use, the shipped model included', async () => {
    await renderWithApp(<ModelView m={status()} />);
    expect(screen.getAllByRole('button', { name: 'Roll back to this version' })).toHaveLength(2);
    expect(screen.getByText('v1.2')).toBeTruthy();
  });

  it('offers a district officer no rollback', async () => {
    await renderWithApp(<ModelView m={status({ mayRefit: false })} />);
    expect(screen.queryAllByRole('button', { name: 'Roll back to this version' })).toHaveLength(0);
  });
});
