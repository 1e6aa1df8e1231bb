import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildUser, createTestContext, loginAs, type TestContext, type Agent } from '../helpers/test-app';
import { finalPlanForMonev, rowReportForm, type MonevSetup } from '../helpers/monev';
import { planHashOf, uploadExport } from '../helpers/lapor';
import { parseCsv } from '../helpers/csv';
import { readWorkbook } from '../helpers/workbook';
import { readDocx } from '../helpers/docx';
import { zipEntries, entryChunks } from '../../src/shared/zip-read';

/**
 * What people type is shown as text everywhere: a script in a unit name, a kendala, a kabupaten note or an
 * SP4N-LAPOR! export never runs in a page, and a formula never runs in an export (CSV cells starting with = + - @ are
 * kept as text with an apostrophe; workbook cells are strings, never formulas).
 */
const SCRIPT = '<script>alert(1)</script>';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';
const FORMULA = '=HYPERLINK("https://evil.example/x","klik")';
/** Both at once: the unit name, the kendala and the note start like a formula and carry a script. */
const PAYLOAD = `${FORMULA}${SCRIPT}`;

const binary = (agent: Agent, url: string) => agent.get(url).buffer(true).parse((res, cb) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
});

/** Every worksheet XML part of an .xlsx, as stored. */
async function sheetXml(buf: Buffer): Promise<string> {
  const entries = zipEntries(buf) ?? [];
  let xml = '';
  for (const e of entries.filter((x) => x.name.startsWith('xl/worksheets/'))) {
    for await (const c of entryChunks(buf, e, { limit: 64 * 1024 * 1024, remaining: 64 * 1024 * 1024 })) xml += c.toString('utf8');
  }
  return xml;
}

function expectEscaped(page: { status: number; text: string }, what: string): void {
  expect({ what, status: page.status }).toEqual({ what, status: 200 });
  expect({ what, raw: page.text.includes(SCRIPT) }).toEqual({ what, raw: false });
  expect({ what, escaped: page.text.includes(ESCAPED) }).toEqual({ what, escaped: true });
}

describe('user text in pages and exports', () => {
  let ctx: TestContext;
  let dataDir: string;
  let m: MonevSetup;

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-escape-'));
    ctx = createTestContext({ dataDir });
    // Named before the plan is signed: a final plan shows its units as they were signed.
    ctx.db.prepare("UPDATE units SET name = ? WHERE code = 'KEC-BUSANG'").run(PAYLOAD);
    ctx.db.prepare("UPDATE units SET name = ? WHERE code = 'PD-SETKAB'").run(`Sekretariat Daerah ${SCRIPT}`);
    m = await finalPlanForMonev(ctx);
  });

  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  /** The Setda row and Busang's own part reported and submitted with the payload as kendala. */
  async function reportWithPayload(): Promise<void> {
    const admin = await loginAs(ctx.app, m.users.admin);
    const setdaId = (ctx.repos.units.findByCode('PD-SETKAB') as { id: number }).id;
    const named = await admin.agent.post(`${m.url}/rows/${m.rowA1}/coordinator`).type('form').send({ _csrf: admin.csrf, unitId: String(setdaId) });
    expect(named.status).toBe(302);
    const setda = await loginAs(ctx.app, m.users.setda);
    const row = await setda.agent.post(`${m.url}/rows/${m.rowA1}/2022-1`).type('form')
      .send(rowReportForm(setda.csrf, { realisasi: '0', kendala: PAYLOAD, tindakLanjut: PAYLOAD, action: 'ajukan' }));
    const busang = await loginAs(ctx.app, m.users.busang);
    const unit = await busang.agent.post(`${m.url}/units/${m.busang}/2022-1`).type('form').send({
      _csrf: busang.csrf, version: '0', action: 'ajukan', status_A1: 'berjalan', activity_A1: PAYLOAD, kendala_A1: PAYLOAD, link_A1: '',
      status_A2: 'belum_dimulai', activity_A2: '', kendala_A2: '', link_A2: '',
    });
    expect([row.status, unit.status]).toEqual([302, 302]);
  }

  it('escapes unit names and kendala on every monev page, for staff and for the narahubung', async () => {
    await reportWithPayload();
    const admin = (await loginAs(ctx.app, m.users.admin)).agent;
    const busang = (await loginAs(ctx.app, m.users.busang)).agent;
    const setda = (await loginAs(ctx.app, m.users.setda)).agent;

    expectEscaped(await admin.get(`${m.url}?semester=2022-1`), 'overview');
    expectEscaped(await admin.get(`${m.url}/rows/${m.rowA1}/2022-1`), 'row report');
    expectEscaped(await setda.get(`${m.url}/rows/${m.rowA1}/2022-1`), 'row report (narahubung)');
    expectEscaped(await admin.get(`${m.url}/units/${m.busang}/2022-1`), 'unit report');
    expectEscaped(await busang.get(`${m.url}/units/${m.busang}/2022-1`), 'unit report (narahubung)');
    expectEscaped(await admin.get(`${m.url}/laporan?semester=2022-1`), 'semester report');
    expectEscaped(await admin.get(`/periods/${ctx.periodId}/dashboard`), 'dashboard');
  });

  it('keeps the WhatsApp reminder a plain text: the unit name URL-encoded in the link and escaped in the page', async () => {
    ctx.db.prepare("UPDATE users SET phone = '6281350001234' WHERE username = ?").run(m.users.busang);
    const admin = (await loginAs(ctx.app, m.users.admin)).agent;

    const board = await admin.get(`${m.url}/board?semester=2022-1`);

    expectEscaped(board, 'board');
    const href = /href="(https:\/\/wa\.me\/6281350001234\?text=[^"]*)"/.exec(board.text)?.[1] ?? '';
    const text = new URL(href.replace(/&amp;/g, '&')).searchParams.get('text') ?? '';
    expect(text).toContain(`Yth. Narahubung ${PAYLOAD},`);
    expect(href).not.toMatch(/[<>" ]/);
  });

  it('writes the payload in Lampiran III as text cells, never as a formula', async () => {
    await reportWithPayload();
    const verifikator = (await loginAs(ctx.app, m.users.verifikator)).agent;

    const res = await binary(verifikator, `/periods/${ctx.periodId}/renaksi/monev.xlsx`);

    expect(res.status).toBe(200);
    const xml = await sheetXml(res.body as Buffer);
    expect(xml).not.toContain('<f>');
    expect(xml).not.toContain('<f ');
    const wb = await readWorkbook(res.body as Buffer);
    const hits: { type: ExcelJS.ValueType; text: string }[] = [];
    wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => { if (c.text.includes('HYPERLINK')) hits.push({ type: c.type, text: c.text }); })));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.type === ExcelJS.ValueType.String || h.type === ExcelJS.ValueType.RichText)).toBe(true);
  });

  it("escapes a kabupaten note on the kabupaten page", async () => {
    const admin = await loginAs(ctx.app, m.users.admin);
    const saved = await admin.agent.post(`/periods/${ctx.periodId}/kabupaten`).field('_csrf', admin.csrf).field('value_K1', 'ya').field('note_K1', PAYLOAD);
    expect(saved.status).toBe(302);
    const fasilitator = (await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'fasilitator' })).username)).agent;

    expectEscaped(await fasilitator.get(`/periods/${ctx.periodId}/kabupaten`), 'kabupaten page');
  });

  it("escapes the unit name in the unit's own Renaksi .docx", async () => {
    const busang = (await loginAs(ctx.app, m.users.busang)).agent;

    const res = await binary(busang, `/periods/${ctx.periodId}/units/${m.busang}/renaksi.docx`);

    expect(res.status).toBe(200);
    const doc = await readDocx(res.body as Buffer);
    expect(doc.xml).not.toContain(SCRIPT);
    expect(doc.text).toContain(PAYLOAD);
  });

  it('escapes SP4N-LAPOR! headers, instansi and categories on the preview, and guards unit names in its CSV', async () => {
    const admin = await loginAs(ctx.app, m.users.admin);
    const csv = [
      `ID Tracking,Tanggal Laporan,Instansi,Status,Kategori,"${SCRIPT}"`,
      `4200001,2022-08-05,Dinas Kesehatan Kabupaten Kutai Timur,Selesai,"+HYPERLINK(""https://evil.example"")${SCRIPT}",x`,
      `4200002,2022-08-06,"Kantor ${SCRIPT}",Proses,"@SUM(1)${SCRIPT}",y`,
    ].join('\r\n');

    const up = await uploadExport(admin.agent, admin.csrf, ctx.periodId, csv);
    const preview = await admin.agent.get(up.headers.location as string);
    const applied = await admin.agent.post(`${up.headers.location as string}/apply`).type('form').send({ _csrf: admin.csrf, planHash: planHashOf(preview.text) });
    const index = await admin.agent.get(`/periods/${ctx.periodId}/lapor`);
    const units = await admin.agent.get(`/periods/${ctx.periodId}/lapor/units.csv`);

    expect(up.status).toBe(303);
    expectEscaped(preview, 'lapor preview');
    expect(applied.status).toBe(303);
    expectEscaped(index, 'lapor page');
    const rows = parseCsv(units.text);
    const names = rows.map((r) => r.find((c) => c.includes('HYPERLINK')) ?? '').filter((c) => c !== '');
    expect(names).toEqual([`'${PAYLOAD}`]);
    expect(rows.flat().filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    const stored = ctx.db.prepare('SELECT category FROM lapor_reports ORDER BY tracking_id').all() as { category: string }[];
    expect(stored[0]?.category).toBe(`+HYPERLINK("https://evil.example")${SCRIPT}`);
  });
});
