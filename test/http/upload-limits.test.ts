import ExcelJS from 'exceljs';
import { lyingBomb, questionnaireBomb, xmlBomb } from '../../src/bench/bomb-files';
import { buildUser, createTestContext, loginAs, unitId, type TestContext, type TestSession } from '../helpers/test-app';
import { dbSnapshot } from '../helpers/db-snapshot';
import { draftedPlan, renaksiState } from '../helpers/renaksi';

const MB = 1024 * 1024;

/** Every upload that takes a spreadsheet, as the person allowed to use it sends it. */
interface Upload {
  name: string;
  path: () => string;
  session: () => TestSession;
  sheet: string;
  maxDataRows: number;
  /** Where the refusal is shown: the page's text, which always names the upload. */
  page: string;
}

async function xlsx(sheet: string, rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const unescape = (html: string) => html.replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('every spreadsheet upload refuses hostile and over-limit files, writing nothing', () => {
  let ctx: TestContext;
  let admin: TestSession;
  let tim: TestSession;
  let nara: TestSession;
  let busang: number;

  beforeAll(async () => {
    ctx = createTestContext();
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    const plan = await draftedPlan(ctx);
    // the plan's seed submits every unit; Bengalon's narahubung must still be able to fill the questionnaire offline
    const bengalon = ctx.repos.assessments.find(ctx.periodId, unitId(ctx.repos, 'KEC-BENGALON'));
    ctx.repos.assessments.setStatus(bengalon?.id ?? 0, 'draf', null);
    tim = await loginAs(ctx.app, plan.tim);
    admin = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin' })).username);
    nara = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'narahubung', unitId: unitId(ctx.repos, 'KEC-BENGALON') })).username);
  });

  const uploads: Upload[] = [
    { name: 'offline questionnaire', path: () => `/periods/${ctx.periodId}/units/${unitId(ctx.repos, 'KEC-BENGALON')}/questionnaire-upload`, session: () => nara, sheet: 'Kuesioner', maxDataRows: 500, page: 'Isi tanpa koneksi' },
    { name: 'Renaksi', path: () => `/periods/${ctx.periodId}/renaksi/upload`, session: () => tim, sheet: 'Lampiran I', maxDataRows: 5000, page: 'Unggah' },
    { name: 'units import', path: () => '/admin/units/import/upload', session: () => admin, sheet: 'Unit', maxDataRows: 2000, page: 'Impor Daftar Unit' },
    { name: 'users import', path: () => '/admin/users/import/upload', session: () => admin, sheet: 'Pengguna', maxDataRows: 5000, page: 'Impor Pengguna' },
  ];

  async function refused(u: Upload, file: Buffer, fileName = 'berkas.xlsx'): Promise<string> {
    const before = { db: dbSnapshot(ctx.db), renaksi: renaksiState(ctx) };
    const s = u.session();
    const started = Date.now();

    const res = await s.agent.post(u.path()).field('_csrf', s.csrf).attach('file', file, fileName);

    // The benchmark holds the 2 s target on a quiet machine; here the bound only has to tell a refusal from a parse.
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.status).toBe(422);
    expect(res.text).toContain(u.page);
    expect({ db: dbSnapshot(ctx.db), renaksi: renaksiState(ctx) }).toEqual(before);
    return unescape(res.text);
  }

  describe.each(uploads)('$name', (u) => {
    it('refuses a small file of hundreds of MB of XML rows', async () => {
      const bomb = u.name === 'offline questionnaire'
        ? await questionnaireBomb(ctx.periodId, busang, 'KEC-BUSANG', 40 * MB)
        : await xmlBomb(u.sheet, 40 * MB);

      const text = await refused(u, bomb);

      expect(text).toMatch(/Isi berkas \.xlsx terlalu besar setelah dibuka \(lebih dari (8|16) MB\)|Berkas berisi data sampai baris/);
    });

    it('refuses a file declaring 4,000 bytes that inflates into far more, by the bytes actually inflated', async () => {
      const text = await refused(u, await lyingBomb(u.sheet, 40 * MB));

      expect(text).toMatch(/terlalu besar setelah dibuka|Berkas berisi data sampai baris/);
    });

    it('refuses a file whose unpacked size passes the limit without a single row', async () => {
      const text = await refused(u, await xmlBomb(u.sheet, 24 * MB, true));

      expect(text).toMatch(/Isi berkas \.xlsx terlalu besar setelah dibuka \(lebih dari (8|16) MB\)/);
    });

    it('refuses rows past the limit at the first one', async () => {
      const text = await refused(u, await xlsx(u.sheet, Array.from({ length: u.maxDataRows + 11 }, (_v, i) => [`baris ${i + 1}`])));

      expect(text).toContain(`Berkas berisi data sampai baris ${(u.maxDataRows + 11).toLocaleString('id-ID')} atau lebih; maksimal ${u.maxDataRows.toLocaleString('id-ID')} baris data dalam satu berkas.`);
    });

    it('refuses a value beyond the columns read and a cell longer than Excel allows', async () => {
      const wide = await refused(u, await xlsx(u.sheet, [['a'], [...Array.from({ length: 120 }, () => ''), 'jauh di kanan']]));
      const long = await refused(u, await xlsx(u.sheet, [['a'], ['x'.repeat(40_000)]]));

      expect(wide).toMatch(/Sel [A-Z]+2 berisi data di luar (30|100) kolom pertama/);
      expect(long).toContain('berisi lebih dari 32.767 karakter, batas Excel untuk satu sel.');
    });
  });

  it.each([['units import', 2010 * 20], ['users import', 5010 * 20]])('%s refuses more cells than allowed', async (name, maxCells) => {
    const u = uploads.find((x) => x.name === name) as Upload;
    const columns = 25;
    const rows = Math.ceil(maxCells / columns) + 1;
    const csv = Array.from({ length: Math.min(rows, u.maxDataRows) }, (_v, r) => Array.from({ length: columns }, (_c, c) => `${r}-${c}`).join(';')).join('\n');

    const text = await refused(u, Buffer.from(csv), 'berkas.csv');

    expect(text).toContain(`Berkas berisi lebih dari ${maxCells.toLocaleString('id-ID')} sel berisi data`);
  });
});
