import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { multipart } from '../../missing/photos.fixtures';
import { IMPORT_COLUMNS } from './import.row';
import { MAX_IMPORT_BYTES } from './import.upload';

let t: TestApp;
let dcpo: string;
const header = IMPORT_COLUMNS.join(',');
const csv = (...rows: string[]) => Buffer.from([header, ...rows].join('\n'));
const GOOD = [
  'W1,Amravati,Bhatkuli,Nimbhora,Webimport Sawarkar,,single_father,36000,,Webchild Sawarkar,,m,2014-05-01,,birth_family,enrolled',
  'W1,Amravati,Bhatkuli,Nimbhora,Webimport Sawarkar,,single_father,36000,,Webchildtwo Sawarkar,,f,,9,birth_family,enrolled',
];
const BAD = 'W2,Amravati,,Wadali,Kusum Gawande,,grandparent,,,Webthree Gawande,,x,2015-01-01,,kinship_care,';
const AKOLA = 'W3,Akola,,Umri,Someone Else,,grandparent,,,Webfour Kale,,m,2015-01-01,,kinship_care,';

const n = async (sql: string) => Number((await t.ctx.database.query<{ n: number }>(sql))[0].n);
const children = () => n("SELECT count(*)::int AS n FROM child WHERE name LIKE 'Web%'");
const upload = (token: string, file: Buffer, query = 'dryRun=true', lang = 'en') => {
  const { payload, headers } = multipart([{ name: 'file', file, filename: 'c.csv' }], { 'accept-language': lang });
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/registry/imports?${query}`,
    headers: { ...headers, authorization: `Bearer ${token}` },
    payload,
  });
};

beforeAll(async () => {
  t = await createTestApp();
  dcpo = (await t.login('dcpo.amravati')).token;
});
afterAll(() => t.close());

describe('POST /registry/imports', () => {
  it('a dry run writes nothing and names the row and field of each error, in the reader’s language', async () => {
    const villages = await n("SELECT count(*)::int AS n FROM location WHERE name = 'Nimbhora'");
    const res = await upload(dcpo, csv(...GOOD, BAD, AKOLA), 'dryRun=true', 'mr');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.counts).toMatchObject({ rows: 4, children: 2, families: 1, invalid: 2, duplicates: 0 });
    const errs = body.results.filter((r: { status: string }) => r.status === 'invalid');
    expect(errs.map((e: { line: number; field: string }) => `${e.line}:${e.field}`).sort()).toEqual(['4:sex', '5:district']);
    const akola = errs.find((e: { line: number }) => e.line === 5);
    expect(akola.reason).toMatch(/outside your jurisdiction/);
    expect(akola.text).toBe('जिल्हा: “Akola” तुमच्या कार्यक्षेत्राबाहेर आहे');
    expect(await children()).toBe(0);
    expect(await n("SELECT count(*)::int AS n FROM location WHERE name = 'Nimbhora'")).toBe(villages);
  });

  it('a taluka given by its official LGD spelling ("Teosa") or its display name ("Tiwsa") resolves (issue #17)', async () => {
    const rows = ['Teosa', 'Tiwsa', 'Chandurbazar'].map(
      (taluka, i) =>
        `T${i},Amravati,${taluka},Webnagar ${i},Webhead Wankhade,,single_father,36000,,Webchild${i} Wankhade,,m,2014-05-01,,birth_family,enrolled`,
    );
    const res = await upload(dcpo, csv(...rows));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().counts).toMatchObject({ rows: 3, invalid: 0 });
    expect(await children()).toBe(0);
  });

  it('a bad header is a 400 naming the column; a file over the limit is a 413 naming the field', async () => {
    const res = await upload(dcpo, Buffer.from('district,village,head_name,child_name\nAmravati,X,Y,Z\n'));
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([expect.objectContaining({ field: 'file.sex' })]);
    const big = await upload(dcpo, Buffer.concat([csv(...GOOD), Buffer.alloc(MAX_IMPORT_BYTES, 0x20)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().issues[0].field).toBe('file');
    expect(await children()).toBe(0);
  });

  it('a field worker may not import nor fetch the template (403), and nothing is written', async () => {
    const aww = (await t.login('aww.rajura')).token;
    expect((await upload(aww, csv(...GOOD), 'dryRun=false')).statusCode).toBe(403);
    expect(await children()).toBe(0);
    const template = (token: string) =>
      t.app.inject({ url: '/api/v1/registry/imports/template', headers: { authorization: `Bearer ${token}` } });
    expect((await template(aww)).statusCode).toBe(403);
    expect((await template(dcpo)).body.replace(/^\uFEFF/, '').trim()).toBe(header);
  });

  it('another district’s officer has every Amravati row refused', async () => {
    const akola = (await t.login('dcpo.akola')).token;
    const res = await upload(akola, csv(...GOOD), 'dryRun=false');
    expect(res.statusCode).toBe(200);
    expect(res.json().counts).toMatchObject({ children: 0, invalid: 2 });
    expect(await children()).toBe(0);
  });

  it('a commit writes the valid rows in one go and audits ids and counts only; a stale count writes nothing', async () => {
    const stale = await upload(dcpo, csv(...GOOD, BAD), 'dryRun=false&expectChildren=5');
    expect(stale.statusCode).toBe(409);
    expect(await children()).toBe(0);
    const res = await upload(dcpo, csv(...GOOD, BAD), 'dryRun=false&expectChildren=2');
    expect(res.statusCode, res.body).toBe(200);
    const created = res.json().results.filter((r: { status: string }) => r.status === 'created');
    expect(created).toHaveLength(2);
    expect(await children()).toBe(2);
    const [entry] = await t.ctx.database.query<{ id: string; details: Record<string, unknown> }>(
      "SELECT seq::text AS id, details FROM audit_event WHERE action = 'import' ORDER BY seq DESC LIMIT 1",
    );
    expect(entry.details).toMatchObject({ dryRun: false, rows: 3, invalid: 1, created: { children: 2, families: 1 } });
    expect(JSON.stringify(entry.details)).not.toMatch(/Web|Sawarkar|Nimbhora|c\.csv/);
    const subjects = await t.ctx.database.query<{ subject_id: string }>('SELECT subject_id::text FROM audit_subject WHERE event_seq = $1', [
      entry.id,
    ]);
    expect(subjects.map((s) => s.subject_id).sort()).toEqual(created.map((c: { childId: string }) => c.childId).sort());
  });
});

// Issue #17: two commits of one file at the same moment both loaded it. One commit now holds the
// file's digest; the other is refused (409) and writes nothing, on PGlite and on PostgreSQL.
describe('two commits of one file at the same moment', () => {
  const FILE = [
    'W9,Amravati,Bhatkuli,Nimbhora,Webrace Ingle,,single_mother,24000,,Webrace Ingle,,f,2016-02-03,,birth_family,enrolled',
    'W9,Amravati,Bhatkuli,Nimbhora,Webrace Ingle,,single_mother,24000,,Webracetwo Ingle,,m,,7,birth_family,enrolled',
  ];
  const race = () => n("SELECT count(*)::int AS n FROM child WHERE name LIKE 'Webrace%'");

  it('loads it once: one 200, one 409 naming the file, and the rows once', async () => {
    const file = csv(...FILE);
    const [a, b] = await Promise.all([upload(dcpo, file, 'dryRun=false'), upload(dcpo, file, 'dryRun=false', 'mr')]);
    expect([a.statusCode, b.statusCode].sort(), `${a.body} ${b.body}`).toEqual([200, 409]);
    const refused = (a.statusCode === 409 ? a : b).json();
    expect(refused.code).toBe('import_already_committed');
    expect(refused.issues[0].field).toBe('file');
    if (b.statusCode === 409) expect(refused.issues[0].text).toBe('फाइल: ही फाइल आधीच आयात झाली आहे: काहीही लिहिले नाही');
    expect(await race()).toBe(2);
    // The same rows with a Windows line end are the same file; a later commit is refused too.
    const again = await upload(dcpo, Buffer.from(file.toString().replace(/\n/g, '\r\n')), 'dryRun=false');
    expect(again.statusCode).toBe(409);
    expect(await race()).toBe(2);
  });

  it('a commit that wrote nothing leaves the file free to load when corrected', async () => {
    const akola = (await t.login('dcpo.akola')).token;
    const other = ['W8,Amravati,Bhatkuli,Nimbhora,Webfree Tayde,,grandparent,,,Webfree Tayde,,m,2015-01-01,,kinship_care,enrolled'];
    expect((await upload(akola, csv(...other), 'dryRun=false')).json().counts).toMatchObject({ children: 0, invalid: 1 });
    const res = await upload(dcpo, csv(...other), 'dryRun=false');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().counts.children).toBe(1);
  });
});
