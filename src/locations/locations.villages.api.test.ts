import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';

/** Adding a village: its block must be of the taluka's district (LGD), refused as 400 naming blockCode, nothing written. */
let t: TestApp;
let dcpo: Client;
let akolaBlock: number;

const villages = async () =>
  (await t.ctx.database.query<{ n: number }>("SELECT count(*)::int AS n FROM location WHERE level = 'village'"))[0].n;

beforeAll(async () => {
  t = await createTestApp();
  dcpo = await t.login('dcpo.amravati');
  akolaBlock = (
    await t.ctx.database.query<{ code: number }>(
      "SELECT lgd_code AS code FROM location WHERE level = 'block' AND district_code = 467 ORDER BY lgd_code LIMIT 1",
    )
  )[0].code;
});
afterAll(() => t.close());

describe('POST /locations/villages', () => {
  it('refuses a block of another district under an Amravati taluka, and a block that does not exist', async () => {
    const before = await villages();
    const other = await dcpo.post('/api/v1/locations/villages', { name: 'Navi Wadi', parentId: 'sd:4009', blockCode: akolaBlock });
    expect(other.statusCode, other.body).toBe(400);
    expect(other.json()).toMatchObject({
      code: 'validation_failed',
      issues: [{ field: 'blockCode', message: expect.stringMatching(/district 467/) }],
    });
    const none = await dcpo.post('/api/v1/locations/villages', { name: 'Navi Wadi', parentId: 'sd:4009', blockCode: 99999999 });
    expect(none.statusCode).toBe(400);
    expect(none.json().issues[0].field).toBe('blockCode');
    // Under a block, only that block.
    const under = await dcpo.post('/api/v1/locations/villages', { name: 'Navi Wadi', parentId: 'bl:4299', blockCode: 4303 });
    expect(under.statusCode).toBe(400);
    expect(under.json().issues[0].field).toBe('blockCode');
    expect(await villages()).toBe(before);
  });

  it('adds a village with a block of the same district, or inheriting its parent block', async () => {
    const a = await dcpo.post('/api/v1/locations/villages', { name: 'Navi Wadi', parentId: 'sd:4009', blockCode: 4299 });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ level: 'village', districtCode: 468, subdistrictCode: 4009, blockCode: 4299, parentId: 'sd:4009' });
    const b = await dcpo.post('/api/v1/locations/villages', { name: 'Juni Wadi', parentId: 'bl:4299' });
    expect(b.statusCode, b.body).toBe(201);
    expect(b.json()).toMatchObject({ districtCode: 468, blockCode: 4299 });
  });

  it('an Akola officer cannot add a village to an Amravati taluka, whatever the block', async () => {
    const akola = await t.login('dcpo.akola');
    expect((await akola.post('/api/v1/locations/villages', { name: 'X', parentId: 'sd:4009', blockCode: akolaBlock })).statusCode).toBe(
      403,
    );
  });
});
