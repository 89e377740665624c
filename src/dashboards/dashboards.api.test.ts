import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { pdfPageTexts } from '../reports/pdf';
import net from 'node:net';
import { previousQuarter, runMonthlyReports, runQuarterlyReports } from '../reports/mission-vatsalya/schedule';
import { SmtpSender, smtpConfigFromUrl } from '../notifications/smtp';
import { LogSender } from '../notifications/senders';

let t: TestApp;
const NOW = new Date('2026-11-23T06:30:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
}, 240_000);
afterAll(async () => t?.close());

async function childrenIn(district: number): Promise<number> {
  const [r] = await t.ctx.database.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM child WHERE district_code = $1 AND merged_into IS NULL',
    [district],
  );
  return r.n;
}

async function countOf(query: string): Promise<number> {
  const [r] = await t.ctx.database.query<{ n: number }>(query);
  return r.n;
}

describe('dashboards API on the demo (Amravati 468, Akola 467)', () => {
  it('the DCPU officer’s district home counts their district only, with 12-month trends', async () => {
    const c = await t.login('dcpo.amravati');
    const res = await c.get('/api/v1/dashboards/district');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.area).toMatchObject({ level: 'district', districtCode: 468 });
    const identified = body.indicators.find((i: { id: string }) => i.id === 'children_identified');
    expect(identified.numerator).toBe(await childrenIn(468));
    expect(identified.trend).toHaveLength(12);
    expect(identified.trend.at(-1)).toMatchObject({ month: '2026-11', numerator: identified.numerator });
    // Care and the helpline are live: the demo's stays in Amravati's institutions, and its calls.
    const care = body.indicators.find((i: { id: string }) => i.id === 'children_in_institutional_care');
    expect(care).toMatchObject({
      status: 'live',
      numerator: await countOf(`SELECT count(*)::int AS n FROM care_stay WHERE district_code = 468 AND status IN ('in_care', 'on_leave')`),
    });
    expect(care.numerator).toBeGreaterThan(0);
    // The care trend's last point (today) is the figures now, from past and current placements.
    const family = body.indicators.find((i: { id: string }) => i.id === 'children_in_family_based_care');
    expect(body.careTrend).toHaveLength(12);
    expect(body.careTrend.at(-1)).toEqual({ month: '2026-11', institution: care.numerator, family: family.numerator });
    const calls = body.indicators.find((i: { id: string }) => i.id === 'helpline_reached_in_target');
    expect(calls).toMatchObject({
      status: 'live',
      numerator: await countOf(
        `SELECT count(*)::int AS n FROM helpline_call WHERE district_code = 468 AND status <> 'draft' AND reached_at <= target_at`,
      ),
    });
    expect(calls.denominator).toBeGreaterThan(0);
    expect(body.indicators.filter((i: { status: string }) => i.status !== 'live')).toEqual([]);
    for (const d of body.departmentsBehind) expect(d.overdue).toBeGreaterThan(0);
  });

  it('a district officer may not look at another district; a state officer may drill down to it', async () => {
    expect((await (await t.login('dcpo.amravati')).get('/api/v1/dashboards/district?district=467')).statusCode).toBe(403);
    const res = await (await t.login('scps.mh')).get('/api/v1/dashboards/indicators/values?district=467');
    expect(res.statusCode).toBe(200);
    expect(res.json().indicators.find((i: { id: string }) => i.id === 'children_identified').numerator).toBe(await childrenIn(467));
  });

  it('a bad district or disaggregation is a 400 naming the field', async () => {
    const c = await t.login('scps.mh');
    const bad = await c.get('/api/v1/dashboards/indicators/values?district=abc');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('district');
    const wrongBy = await c.get('/api/v1/dashboards/indicators/actions_done_on_time/breakdown?by=sex');
    expect(wrongBy.statusCode).toBe(400);
    expect(wrongBy.json().issues[0].field).toBe('by');
  });

  it('breaks an indicator down by sex within the jurisdiction, adding up to the total', async () => {
    const c = await t.login('dcpo.amravati');
    const res = await c.get('/api/v1/dashboards/indicators/children_identified/breakdown?by=sex');
    expect(res.statusCode).toBe(200);
    const sum = res.json().rows.reduce((s: number, r: { numerator: number }) => s + r.numerator, 0);
    expect(sum).toBe(await childrenIn(468));
  });

  it('the state comparison lists every district of the state with the state total, worst first', async () => {
    const res = await (await t.login('scps.mh')).get('/api/v1/dashboards/state-comparison?rank=children_assessed');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const names = body.districts.map((d: { name: string }) => d.name);
    expect(names).toEqual(expect.arrayContaining(['Amravati', 'Akola']));
    const sum = body.districts.reduce(
      (s: number, d: { cells: Record<string, { numerator: number }> }) => s + d.cells.children_identified.numerator,
      0,
    );
    expect(body.total.children_identified.numerator).toBe(sum);
    // Higher is better for assessment: the first district with a rate has the lowest one.
    const rates = body.districts
      .map((d: { cells: Record<string, { rate: number | null }> }) => d.cells.children_assessed.rate)
      .filter((r: number | null) => r !== null);
    expect(rates).toEqual([...rates].sort((a: number, b: number) => a - b));
    expect((await (await t.login('dcpo.amravati')).get('/api/v1/dashboards/state-comparison')).statusCode).toBe(403);
  });

  it('the CWC pendency sorts by days pending either way; a nodal officer without case access is refused', async () => {
    const c = await t.login('cwc.amravati');
    const asc = (await c.get('/api/v1/dashboards/cwc-pendency?sort=days_pending&dir=asc')).json();
    const desc = (await c.get('/api/v1/dashboards/cwc-pendency?sort=days_pending&dir=desc')).json();
    const days = (b: { items: { daysPending: number }[] }) => b.items.map((i) => i.daysPending);
    expect(days(asc)).toEqual([...days(asc)].sort((a, b) => a - b));
    expect(days(desc)).toEqual([...days(desc)].sort((a, b) => b - a));
    expect(asc.counts.cwc_production + asc.counts.sir_submission + asc.counts.cwc_final_order).toBe(asc.items.length);
    for (const i of asc.items) expect(i.daysOver > 0).toBe(Date.parse(i.dueAt) < NOW.getTime());
    expect((await (await t.login('nodal.education')).get('/api/v1/dashboards/cwc-pendency')).statusCode).toBe(403);
  });

  it('a caseworker’s day lists their own tasks', async () => {
    const res = await (await t.login('caseworker.amravati')).get('/api/v1/dashboards/my-day');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.tasks.length).toBeLessThanOrEqual(body.tasksDue);
    expect(body.tasksOverdue).toBeLessThanOrEqual(body.tasksDue);
  });

  it('the monthly report is a real PDF in Marathi, an Excel workbook and a CSV with the same figures', async () => {
    const c = await t.login('dcpo.amravati');
    const pdf = await c.get('/api/v1/reports/mission-vatsalya/monthly?district=468&month=2026-11&format=pdf&lang=mr');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = pdfPageTexts(pdf.rawPayload).join('\n');
    // Glyphs come out in visual order, so the check uses words without a pre-base vowel sign.
    expect(text).toContain('वात्सल्य');
    expect(text).toContain('अहवाल');
    const xlsx = await c.get('/api/v1/reports/mission-vatsalya/monthly?district=468&month=2026-11&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const row = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(2).value === 'children_identified')!;
    expect(row.getCell(5).value).toBe(await childrenIn(468));
    const csv = await c.get('/api/v1/reports/mission-vatsalya/monthly?district=468&month=2026-11&format=csv');
    expect(csv.body).toContain('children_identified');
    expect((await c.get('/api/v1/reports/mission-vatsalya/monthly?district=467&month=2026-11')).statusCode).toBe(403);
    const bad = await c.get('/api/v1/reports/mission-vatsalya/monthly?district=468&month=2026-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe('querystring.month');
  });

  it('the quarterly state report has a line per district', async () => {
    const c = await t.login('scps.mh');
    const xlsx = await c.get('/api/v1/reports/mission-vatsalya/quarterly?state=27&quarter=2026-Q3&format=xlsx&lang=hi');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const districts = wb.getWorksheet('Districts')!;
    const names = districts.getColumn(1).values as unknown[];
    expect(names).toEqual(expect.arrayContaining(['Amravati', 'Akola']));
    const pdf = await c.get('/api/v1/reports/mission-vatsalya/quarterly?state=27&quarter=2026-Q3&format=pdf&lang=hi');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageTexts(pdf.rawPayload).join('')).toContain('वात्सल्य');
  });
});

describe('every figure opens its list (through the registry’s and the case module’s lists)', () => {
  const figure = async (user: string, id: string) => {
    const body = (await (await t.login(user)).get('/api/v1/dashboards/district')).json();
    return body.indicators.find((i: { id: string }) => i.id === id);
  };

  it('a child figure lists exactly the children it counts, paged, audited, and as CSV', async () => {
    const c = await t.login('dcpo.amravati');
    const ind = await figure('dcpo.amravati', 'children_open_case');
    const before = await countOf(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'list' AND entity_type = 'child'`);
    const res = await c.get('/api/v1/dashboards/indicators/children_open_case/records?pageSize=5');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'child', total: ind.numerator, page: 1, pageSize: 5 });
    expect(body.children.length).toBe(Math.min(5, ind.numerator));
    expect(body.children[0].name).toBeTruthy();
    expect(await countOf(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'list' AND entity_type = 'child'`)).toBe(before + 1);
    // The denominator of a rate, and one group of a breakdown, open too.
    const all = (await c.get('/api/v1/dashboards/indicators/children_open_case/records?set=denominator&pageSize=1')).json();
    expect(all.total).toBe(ind.denominator);
    const bySex = (await c.get('/api/v1/dashboards/indicators/children_open_case/breakdown?by=sex')).json();
    const g = bySex.rows[0];
    const group = (await c.get(`/api/v1/dashboards/indicators/children_open_case/records?by=sex&key=${g.key}&pageSize=1`)).json();
    expect(group.total).toBe(g.numerator);
    const csv = await c.get('/api/v1/dashboards/indicators/children_open_case/records/export');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.trim().split('\n')).toHaveLength(ind.numerator + 1);
  });

  it('a statutory figure lists its cases; a nodal officer gets the minimal fields only, and no export', async () => {
    const ind = await figure('dcpo.amravati', 'cases_past_sir');
    const cases = (await (await t.login('dcpo.amravati')).get('/api/v1/dashboards/indicators/cases_past_sir/records?pageSize=100')).json();
    expect(cases).toMatchObject({ kind: 'case', total: ind.numerator });
    const n = await t.login('nodal.health');
    const res = (await n.get('/api/v1/dashboards/indicators/children_identified/records?pageSize=3')).json();
    expect(res.children.length).toBeGreaterThan(0);
    for (const ch of res.children) {
      expect(ch.name).toBeTruthy();
      expect(ch).not.toHaveProperty('dob');
      expect(ch).not.toHaveProperty('familyId');
    }
    expect((await n.get('/api/v1/dashboards/indicators/children_identified/records/export')).statusCode).toBe(403);
    // A half-given group is refused by name.
    const c = await t.login('dcpo.amravati');
    const half = await c.get('/api/v1/dashboards/indicators/children_open_case/records?by=sex');
    expect(half.statusCode).toBe(400);
    expect(half.json().issues[0].field).toBe('key');
  });
});

describe('action items, missing reports and 1098 calls open their lists through their own modules', () => {
  const figure = async (user: string, id: string) => {
    const body = (await (await t.login(user)).get('/api/v1/dashboards/district')).json();
    return body.indicators.find((i: { id: string }) => i.id === id);
  };
  const audits = (entity: string) =>
    countOf(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'list' AND entity_type = '${entity}'`);

  it.each([
    ['actions_done_on_time', 'action', 'actions', 'convergence_action'],
    ['missing_matched', 'missing', 'missing', 'missing_record'],
    ['helpline_reached_in_target', 'call', 'calls', 'helpline_call'],
  ])('%s lists the %s records it counts, audited by their module, and as CSV', async (id, kind, field, entity) => {
    const c = await t.login('dcpo.amravati');
    const ind = await figure('dcpo.amravati', id);
    expect(ind.denominator).toBeGreaterThan(0);
    const before = await audits(entity);
    const num = await c.get(`/api/v1/dashboards/indicators/${id}/records?pageSize=100`);
    expect(num.statusCode).toBe(200);
    expect(num.json()).toMatchObject({ kind, total: ind.numerator });
    expect(num.json()[field]).toHaveLength(Math.min(100, ind.numerator));
    const den = (await c.get(`/api/v1/dashboards/indicators/${id}/records?set=denominator&pageSize=100`)).json();
    expect(den.total).toBe(ind.denominator);
    expect(den[field]).toHaveLength(Math.min(100, ind.denominator));
    // Each listed record is one of the district's.
    for (const r of den[field] as { districtCode?: number }[]) if (r.districtCode !== undefined) expect(r.districtCode).toBe(468);
    expect(await audits(entity)).toBe(before + 2);
    const csv = await c.get(`/api/v1/dashboards/indicators/${id}/records/export?set=denominator`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.trim().split('\n')).toHaveLength(ind.denominator + 1);
  });

  // Counted from the kept care-now count (1010), listed through the registry: the two must agree.
  it.each(['children_in_institutional_care', 'children_in_family_based_care'])('%s lists the children it counts', async (id) => {
    const c = await t.login('dcpo.amravati');
    const ind = await figure('dcpo.amravati', id);
    expect(ind.numerator).toBeGreaterThan(0);
    const res = await c.get(`/api/v1/dashboards/indicators/${id}/records?pageSize=100`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'child', total: ind.numerator });
  });

  it('a reader whose role may not list missing reports or calls sees the figure but not the records', async () => {
    const n = await t.login('nodal.health');
    expect((await n.get('/api/v1/dashboards/indicators/missing_matched/records?set=denominator')).statusCode).toBe(403);
    expect((await n.get('/api/v1/dashboards/indicators/helpline_reached_in_target/records?set=denominator')).statusCode).toBe(403);
    // Action items: as the convergence module's own list gives them to this reader.
    const own = (await n.get('/api/v1/convergence/actions?pageSize=100')).json();
    const listed = (await n.get('/api/v1/dashboards/indicators/actions_done_on_time/records?set=denominator&pageSize=100')).json();
    expect(listed.total).toBeLessThanOrEqual(own.total);
    const ids = new Set(own.items.map((a: { id: string }) => a.id));
    for (const a of listed.actions) expect(ids.has(a.id)).toBe(true);
  });
});

/** A plain SMTP sink on a local port (RFC 5321 without TLS): keeps each message's data. */
async function smtpSink() {
  const messages: string[] = [];
  const server = net.createServer((sock) => {
    let buf = '';
    let data = false;
    sock.write('220 sink ESMTP\r\n');
    sock.on('data', (chunk) => {
      buf += chunk.toString('utf8');
      for (;;) {
        if (data) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          messages.push(buf.slice(0, end));
          buf = buf.slice(end + 5);
          data = false;
          sock.write('250 queued\r\n');
          continue;
        }
        const i = buf.indexOf('\r\n');
        if (i < 0) return;
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (/^EHLO/i.test(line)) sock.write('250-sink\r\n250 8BITMIME\r\n');
        else if (/^DATA/i.test(line)) {
          data = true;
          sock.write('354 go ahead\r\n');
        } else if (/^QUIT/i.test(line)) sock.end('221 bye\r\n');
        else sock.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { messages, port: (server.address() as net.AddressInfo).port, close: () => new Promise((r) => server.close(r)) };
}

describe('monthly reports, frozen and on a schedule', () => {
  it('a submitted report is frozen: later edits leave it as it was, a re-run shows the difference', async () => {
    const c = await t.login('dcpo.amravati');
    const sub = await c.post('/api/v1/reports/mission-vatsalya/monthly/snapshots', { district: 468, month: '2026-10' });
    expect(sub.statusCode).toBe(201);
    const snap = sub.json();
    expect(snap).toMatchObject({
      origin: 'submitted',
      districtCode: 468,
      period: '2026-10',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await c.post('/api/v1/reports/mission-vatsalya/monthly/snapshots', { district: 468, month: '2026-10' })).statusCode).toBe(409);
    const notOver = await c.post('/api/v1/reports/mission-vatsalya/monthly/snapshots', { district: 468, month: '2026-11' });
    expect(notOver.json().issues[0].field).toBe('month');
    // A record changes after submission: one open case of the district is closed.
    await t.ctx.database.query(
      `UPDATE case_record SET status = 'closed' WHERE id = (SELECT id FROM case_record WHERE district_code = 468 AND status <> 'closed' ORDER BY id LIMIT 1)`,
    );
    const read = (await c.get(`/api/v1/reports/mission-vatsalya/snapshots/${snap.id}`)).json();
    expect(read.intact).toBe(true);
    const frozen = read.report.sections
      .flatMap((s: { rows: { id: string; current: number }[] }) => s.rows)
      .find((r: { id: string }) => r.id === 'children_open_case');
    const change = read.changes.find(
      (x: { indicator: string; figure: string }) => x.indicator === 'children_open_case' && x.figure === 'current',
    );
    expect(change).toMatchObject({ frozen: frozen.current });
    expect(change.now).toBeLessThan(change.frozen);
    const pdf = await c.get(`/api/v1/reports/mission-vatsalya/snapshots/${snap.id}/file?format=pdf&lang=hi`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await c.get(`/api/v1/reports/mission-vatsalya/snapshots/${snap.id}/file?format=csv`);
    expect(csv.body).toContain(`children_open_case`);
    expect((await c.get('/api/v1/reports/mission-vatsalya/snapshots')).json().items.map((i: { id: string }) => i.id)).toContain(snap.id);
    const akola = await t.login('dcpo.akola');
    expect((await akola.get('/api/v1/reports/mission-vatsalya/snapshots')).json().items).toEqual([]);
    expect((await akola.get(`/api/v1/reports/mission-vatsalya/snapshots/${snap.id}`)).statusCode).toBe(404);
    expect((await akola.get(`/api/v1/reports/mission-vatsalya/snapshots/${snap.id}/file?format=csv`)).statusCode).toBe(404);
    await expect(t.ctx.database.query(`UPDATE report_snapshot SET period = '2026-09' WHERE id = $1`, [snap.id])).rejects.toThrow(/frozen/);
  });

  it('on the 5th, last month’s report is frozen and mailed to each recipient once, through the outbox', async () => {
    const c = await t.login('dcpo.amravati');
    const add = await c.post('/api/v1/reports/mission-vatsalya/recipients', { district: 468, address: 'scps@mh.test', lang: 'mr' });
    expect(add.statusCode).toBe(201);
    expect((await c.post('/api/v1/reports/mission-vatsalya/recipients', { district: 468, address: 'SCPS@mh.test' })).statusCode).toBe(409);
    const akola = await t.login('dcpo.akola');
    expect((await akola.get('/api/v1/reports/mission-vatsalya/recipients?district=468')).statusCode).toBe(403);
    // Another district's officer cannot remove Amravati's recipient.
    const rid = add.json().id;
    expect((await akola.del(`/api/v1/reports/mission-vatsalya/recipients/${rid}?district=468`)).statusCode).toBe(403);
    expect((await c.get('/api/v1/reports/mission-vatsalya/recipients?district=468')).json().items.length).toBe(1);
    const sink = await smtpSink();
    try {
      const smtp = new SmtpSender({
        ...smtpConfigFromUrl(`smtp://127.0.0.1:${sink.port}?from=noreply@samanvay.test&starttls=never`),
        timeoutMs: 5000,
      });
      const senders = { byChannel: { email: smtp }, fallback: new LogSender(() => undefined) };
      const run = await runMonthlyReports(t.ctx, senders);
      expect(run).toMatchObject({ month: '2026-10', districts: 1, queued: 1 });
      expect(run.delivery.sent).toBeGreaterThanOrEqual(1);
      const mail = sink.messages.find((m) => m.includes('scps@mh.test'))!;
      expect(mail).toBeTruthy();
      // A second run (a retry) queues nothing new and keeps the one frozen copy.
      expect((await runMonthlyReports(t.ctx, senders)).queued).toBe(0);
    } finally {
      await sink.close();
    }
    expect(
      await countOf(
        `SELECT count(*)::int AS n FROM report_snapshot WHERE origin = 'scheduled' AND district_code = 468 AND period = '2026-10'`,
      ),
    ).toBe(1);
  });

  it('after each quarter, the state’s quarterly report is frozen and mailed to the state’s recipients once, through the outbox', async () => {
    expect([
      previousQuarter('2026-07-05'),
      previousQuarter('2026-11-20'),
      previousQuarter('2027-01-05'),
      previousQuarter('2027-04-05'),
    ]).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    const scps = await t.login('scps.mh');
    const add = await scps.post('/api/v1/reports/mission-vatsalya/recipients', { state: 27, address: 'wcd.secretary@mh.test', lang: 'hi' });
    expect(add.statusCode).toBe(201);
    expect(
      (await scps.post('/api/v1/reports/mission-vatsalya/recipients', { state: 27, address: 'WCD.Secretary@mh.test' })).statusCode,
    ).toBe(409);
    // A district and a state at once, or neither: 400 naming the field; nothing written.
    const both = await scps.post('/api/v1/reports/mission-vatsalya/recipients', { state: 27, district: 468, address: 'x@mh.test' });
    expect(both.statusCode).toBe(400);
    expect(both.json().issues[0].field).toBe('district');
    expect((await scps.get('/api/v1/reports/mission-vatsalya/recipients')).statusCode).toBe(400);
    // Another state, and a district officer (no right to the state's list): refused.
    expect((await scps.get('/api/v1/reports/mission-vatsalya/recipients?state=29')).statusCode).toBe(403);
    const dcpo = await t.login('dcpo.amravati');
    expect((await dcpo.get('/api/v1/reports/mission-vatsalya/recipients?state=27')).statusCode).toBe(403);
    expect((await dcpo.del(`/api/v1/reports/mission-vatsalya/recipients/${add.json().id}?state=27`)).statusCode).toBe(403);
    // The state's list holds the state's recipients only; the district's list not the state's.
    expect(
      (await scps.get('/api/v1/reports/mission-vatsalya/recipients?state=27')).json().items.map((i: { address: string }) => i.address),
    ).toEqual(['wcd.secretary@mh.test']);
    const districtList = (await dcpo.get('/api/v1/reports/mission-vatsalya/recipients?district=468')).json().items;
    expect(districtList.map((i: { address: string }) => i.address)).not.toContain('wcd.secretary@mh.test');
    const sink = await smtpSink();
    try {
      const smtp = new SmtpSender({
        ...smtpConfigFromUrl(`smtp://127.0.0.1:${sink.port}?from=noreply@samanvay.test&starttls=never`),
        timeoutMs: 5000,
      });
      const senders = { byChannel: { email: smtp }, fallback: new LogSender(() => undefined) };
      const run = await runQuarterlyReports(t.ctx, senders);
      expect(run).toMatchObject({ quarter: '2026-Q2', states: 1, queued: 1 });
      expect(run.delivery.sent).toBeGreaterThanOrEqual(1);
      const mail = sink.messages.find((m) => m.includes('wcd.secretary@mh.test'))!;
      expect(mail).toBeTruthy();
      // The monthly run does not mail the state's recipient; a retry of the quarterly run queues nothing new.
      await runMonthlyReports(t.ctx, senders);
      expect(sink.messages.filter((m) => m.includes('wcd.secretary@mh.test')).length).toBe(1);
      expect((await runQuarterlyReports(t.ctx, senders)).queued).toBe(0);
    } finally {
      await sink.close();
    }
    const [snap] = await t.ctx.database.query<{ id: string; district_code: number | null }>(
      `SELECT id, district_code FROM report_snapshot WHERE kind = 'quarterly' AND origin = 'scheduled' AND state_code = 27 AND period = '2026-Q2'`,
    );
    expect(snap.district_code).toBeNull();
    // Frozen, and read back by the state's officer (intact, with a re-run); not by a district officer.
    const read = await scps.get(`/api/v1/reports/mission-vatsalya/snapshots/${snap.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ kind: 'quarterly', districtCode: null, period: '2026-Q2', intact: true });
    expect((await dcpo.get(`/api/v1/reports/mission-vatsalya/snapshots/${snap.id}`)).statusCode).toBe(404);
    await expect(t.ctx.database.query(`UPDATE report_snapshot SET period = '2026-Q1' WHERE id = $1`, [snap.id])).rejects.toThrow(/frozen/);
  });
});
