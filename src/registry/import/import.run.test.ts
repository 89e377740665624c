import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../../../tests/support/db';
import { seedDemo } from '../../demo/seed';
import type { Database } from '../../db/client';
import { runImport } from './import.service';
import { IMPORT_COLUMNS } from './import.row';
import type { Actor } from '../../access/policy';
import { emptyPerson } from '../../linkage/record';
import { findLikelyDuplicates } from '../duplicates.finder';

let d: Database & { drop: () => Promise<void> };
const dir = mkdtempSync(join(tmpdir(), 'samanvay-import-'));
const header = IMPORT_COLUMNS.join(',');
const file = (name: string, text: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const n = async (sql: string) => Number((await d.query<{ n: number }>(sql))[0].n);

beforeAll(async () => {
  d = await createTestDatabase({ demo: true });
  await seedDemo(d);
});
afterAll(() => d.drop());

describe('import', () => {
  it('loads valid rows, reports bad ones by line and field, and loads none of the bad', async () => {
    const before = await n('SELECT count(*)::int AS n FROM child');
    const p = file(
      'a.csv',
      [
        header,
        'F1,Amravati,Bhatkuli,Nimbhora,Gajanan Sawarkar,गजानन सावरकर,single_father,36000,single_parent;seasonal_migration,Omkar Sawarkar,ओंकार सावरकर,m,2014-05-01,,birth_family,enrolled',
        'F1,Amravati,Bhatkuli,Nimbhora,Gajanan Sawarkar,,single_father,36000,,Rutuja Sawarkar,,F,,9,birth_family,enrolled',
        'F2,Amravati,,Wadali,Kusum Gawande,,grandparent,,,Tejas Gawande,,x,2015-01-01,,kinship_care,',
        'F3,Amravati,,Wadali,Kusum Gawande,,grandparent,-4,,Tejas Gawande,,m,2015-02-30,,kinship_care,',
        'F4,Nowhere,,Wadali,Kusum Gawande,,grandparent,,,Tejas Gawande,,m,2015-01-01,,kinship_care,',
        'F5,Akola,,Umri,Someone Else,,grandparent,,,Yash Kale,,m,2015-01-01,,kinship_care,',
      ].join('\n'),
    );
    const res = await runImport(d, { file: p, asUser: 'dcpo.amravati', reportFile: join(dir, 'report.csv') });
    expect(res.created).toEqual({ children: 2, families: 1, villages: 1 });
    const byLine = Object.fromEntries(res.invalid.map((i) => [`${i.line}:${i.field}`, i.message]));
    expect(Object.keys(byLine).sort()).toEqual(['4:sex', '5:annual_income', '5:dob', '6:district', '7:district'].sort());
    expect(byLine['7:district']).toMatch(/outside your jurisdiction/);
    expect(await n('SELECT count(*)::int AS n FROM child')).toBe(before + 2);
    expect(await n("SELECT count(*)::int AS n FROM child WHERE name = 'Tejas Gawande'")).toBe(0);
    expect(readFileSync(join(dir, 'report.csv'), 'utf8')).toContain('4,invalid,sex');
  });

  it('flags likely duplicates of registered children instead of creating them, across scripts', async () => {
    const [existing] = await d.query<{ id: string; name: string; name_local: string | null; dob: string; sex: string }>(
      "SELECT id, name, name_local, to_char(dob, 'YYYY-MM-DD') AS dob, sex FROM child WHERE district_code = 468 AND name_local IS NOT NULL AND name ~ '^[A-Za-z]' ORDER BY name LIMIT 1",
    );
    const [vname] = await d.query<{ name: string }>('SELECT l.name FROM location l JOIN child c ON c.village_id = l.id WHERE c.id = $1', [
      existing.id,
    ]);
    const before = await n('SELECT count(*)::int AS n FROM child');
    const p = file(
      'dup.csv',
      [header, `,Amravati,,${vname.name},Head,,both_parents,,,${existing.name_local},,${existing.sex},${existing.dob},,birth_family,`].join(
        '\n',
      ),
    );
    const res = await runImport(d, { file: p, asUser: 'dcpo.amravati' });
    expect(res.duplicates).toBe(1);
    expect(res.created.children).toBe(0);
    expect(await n('SELECT count(*)::int AS n FROM child')).toBe(before);
    const [flag] = await d.query<{ existing_child_id: string; status: string }>(
      'SELECT existing_child_id, status FROM possible_duplicate ORDER BY created_at DESC LIMIT 1',
    );
    expect(flag).toEqual({ existing_child_id: existing.id, status: 'open' });
  });

  it('one finder: the import flags what findLikelyDuplicates finds, and not a sibling who shares only the surname', async () => {
    const [kid] = await d.query<{ id: string; name: string; sex: string; dob: string; village: string }>(
      "SELECT c.id, c.name, c.sex, to_char(c.dob, 'YYYY-MM-DD') AS dob, l.name AS village FROM child c JOIN location l ON l.id = c.village_id WHERE c.district_code = 468 AND c.name ~ '^[A-Za-z]+ [A-Za-z]+$' ORDER BY c.name DESC LIMIT 1",
    );
    const [given, surname] = kid.name.split(' ');
    // Another spelling of the given name (doubled letter), the same surname, age as an estimate.
    const variant = `${given}${given.slice(-1)} ${surname}`;
    const years = Math.floor((Date.now() - Date.parse(kid.dob)) / (365.25 * 86_400_000));
    const p = file(
      'one.csv',
      [
        header,
        `G1,Amravati,,${kid.village},Head,,both_parents,,,${variant},,${kid.sex},,${years},birth_family,`,
        `G2,Amravati,,${kid.village},Head,,both_parents,,,Zorawar ${surname},,${kid.sex === 'male' ? 'f' : 'm'},,${years},birth_family,`,
      ].join('\n'),
    );
    const report = join(dir, 'one-report.csv');
    const res = await runImport(d, { file: p, asUser: 'dcpo.amravati', dryRun: true, reportFile: report });
    expect(res.duplicates).toBe(1);
    expect(res.created.children).toBe(1);
    expect(readFileSync(report, 'utf8')).toMatch(
      new RegExp(`2,possible_duplicate,child_name,looks like existing child ${kid.id} \\(score (0\\.[5-9]\\d|1\\.00)\\)`),
    );
    const person = {
      ...emptyPerson('row-2'),
      name: variant,
      sex: kid.sex === 'female' ? 'f' : 'm',
      age: years,
      state: 'Maharashtra',
      district: 'Amravati',
      place: kid.village,
    };
    const actor = {
      userId: '00000000-0000-4000-8000-000000000001',
      username: 't',
      displayName: 'T',
      role: 'dcpu_officer',
      organisationId: null,
      organisationKind: null,
      scope: { level: 'district', stateCode: 27, districtCode: 468 },
    } as Actor;
    const found = await findLikelyDuplicates(d.db, actor, person);
    expect(found[0]?.childId).toBe(kid.id);
  });

  it('refuses a wrong header and a file that is not UTF-8, writing nothing', async () => {
    await expect(runImport(d, { file: file('h.csv', 'name,sex\nA,f\n'), asUser: 'dcpo.amravati' })).rejects.toThrow(
      /missing column\(s\) district, village, head_name, child_name/,
    );
    await expect(runImport(d, { file: file('u.csv', `${header},colour\n`), asUser: 'dcpo.amravati' })).rejects.toThrow(
      /unknown column\(s\) colour/,
    );
    await expect(
      runImport(d, { file: file('e.csv', Buffer.from([0x6e, 0x61, 0xff, 0xfe, 0x0a])), asUser: 'dcpo.amravati' }),
    ).rejects.toThrow(/not valid UTF-8/);
  });

  it('a dry run validates and writes nothing', async () => {
    const before = await n('SELECT count(*)::int AS n FROM child');
    // Not "Sumit Raut": the demo registers a Sumit Raut (male, born 2009) in the district, whom the
    // engine rightly flags as a possible duplicate (same full name, sex and district, age 2 years apart).
    const p = file(
      'dry.csv',
      [header, 'F9,Amravati,,Wadali,Asha Dhote,,single_mother,,,Yuvraj Dhote,,m,2012-01-01,,birth_family,'].join('\n'),
    );
    const res = await runImport(d, { file: p, asUser: 'dcpo.amravati', dryRun: true });
    expect(res.created.children).toBe(1);
    expect(await n('SELECT count(*)::int AS n FROM child')).toBe(before);
  });

  it('only officers who may import can', async () => {
    const p = file('x.csv', header + '\n');
    await expect(runImport(d, { file: p, asUser: 'caseworker.amravati' })).rejects.toThrow(/may not import/);
  });
});
