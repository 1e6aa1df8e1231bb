import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { buildAssessment, buildUser, createTestContext, TEST_PASSWORD, unitId, REVISION_1, type TestContext } from '../helpers/test-app';
import { launchBrowser, login, paintedPixels, screenshot, serve } from '../helpers/browser';

/**
 * The whole cycle in real Chromium: admin creates accounts, the narahubung fills and submits, the fasilitator sees
 * the chart, the Renaksi team drafts and downloads the workbook.
 */
describe('the whole cycle in a real browser', () => {
  let ctx: TestContext;
  let browser: Browser;
  let server: { baseUrl: string; close: () => Promise<void> };

  beforeAll(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    await buildUser(ctx.repos, { role: 'admin', username: 'admin' });
    const other = await buildUser(ctx.repos, { role: 'admin' });
    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'KEC-TELEN'), fill: 3, levels: { B1: 1, D2: 2 }, status: 'diajukan', userId: other.id });
    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'PD-DINKES'), fill: 4, levels: { E1: 1, F2: 2 }, status: 'diverifikasi', userId: other.id });
    server = await serve(ctx.app);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('admin creates the narahubung, fasilitator and Renaksi-team accounts', async () => {
    const page = await browser.newPage();
    await login(page, server.baseUrl, 'admin', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/admin/users`);
    const accounts: [string, string, string | null][] = [
      ['nara.busang', 'narahubung', 'Kecamatan Busang'],
      ['fasil', 'fasilitator', null],
      ['tim.renaksi', 'tim_renaksi', null],
    ];

    for (const [username, role, unit] of accounts) {
      await page.getByLabel('Nama pengguna').fill(username);
      await page.getByLabel('Nama lengkap').fill(`Nama ${username}`);
      await page.getByLabel('Peran').selectOption(role);
      if (unit) await page.getByLabel('Unit (wajib untuk narahubung)').selectOption({ label: unit });
      await page.getByLabel('Kata sandi awal').fill('sandi-kuat-2022');
      await page.getByRole('button', { name: 'Buat akun' }).click();
      await page.getByText(`Akun "${username}" berhasil dibuat.`).waitFor();
    }

    expect(await page.locator('table tbody tr').count()).toBe(5);
    await page.close();
  });

  it('the narahubung sees only their unit, answers every indicator with evidence and submits', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await login(page, server.baseUrl, 'nara.busang', 'sandi-kuat-2022');

    await page.getByText('Unit Anda: Kecamatan Busang').waitFor();
    await page.getByRole('link', { name: 'Isi penilaian mandiri' }).click();
    for (const ind of ctx.instrument.aspects.flatMap((a) => a.indicators)) {
      const level = ind.code.startsWith('D') && ind.allowNa ? 'Tidak berlaku' : `Tingkat ${ind.code === 'A1' ? 3 : 2}`;
      await page.locator(`#ind-${ind.code} label.level`, { hasText: new RegExp(`^\\s*${level}\\b`) }).click();
    }
    await page.getByLabel('Penjelasan', { exact: false }).first().fill('SK Camat Busang Nomor 5 Tahun 2022 sudah ditetapkan.');
    await page.locator('#link_A1').fill('https://busang.kutaitimurkab.go.id/sk-pengaduan.pdf');
    await screenshot(page, 'kuesioner-ponsel');
    await page.getByRole('button', { name: 'Simpan dan ajukan' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ya, ajukan sekarang' }).click();

    await page.getByText('Penilaian mandiri berhasil diajukan untuk diverifikasi.').waitFor();
    expect(await page.getByText('30 dari 30 indikator').isVisible()).toBe(true);
    const row = ctx.db.prepare("SELECT a.status, an.level, an.note FROM assessments a JOIN answers an ON an.assessment_id = a.id JOIN units u ON u.id = a.unit_id WHERE u.code = 'KEC-BUSANG' AND an.indicator_code = 'A1'").get();
    expect(row).toEqual({ status: 'diajukan', level: 3, note: 'SK Camat Busang Nomor 5 Tahun 2022 sudah ditetapkan.' });
    const other = await page.goto(`${server.baseUrl}/periods/${ctx.periodId}/units/${unitId(ctx.repos, 'KEC-TELEN')}/assessment`);
    expect(other?.status()).toBe(403);
    await page.close();
  });

  it('the fasilitator sees the kabupaten index, six aspect scores and a drawn chart', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await login(page, server.baseUrl, 'fasil', 'sandi-kuat-2022');

    await page.getByRole('link', { name: 'Dasbor skor' }).click();
    await page.locator('#aspect-chart').waitFor();
    await page.waitForFunction(() => {
      const c = document.getElementById('aspect-chart') as HTMLCanvasElement | null;
      return !!c && c.width > 0;
    });

    expect(await paintedPixels(page, '#aspect-chart')).toBeGreaterThan(1000);
    expect(await page.locator('table').first().locator('tbody tr').count()).toBe(6);
    expect(await page.locator('#kabupaten-index').textContent()).toMatch(/^\d{2},\d{2}$/);
    await screenshot(page, 'dasbor-1366');
    await page.close();
  });

  it('the Renaksi team drafts the plan and downloads the workbook', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await login(page, server.baseUrl, 'tim.renaksi', 'sandi-kuat-2022');

    await page.getByRole('link', { name: 'Renaksi', exact: true }).click();
    await page.getByRole('button', { name: 'Susun draf Renaksi dari kesenjangan' }).click();
    await page.getByText('Draf Renaksi disusun').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh Excel (.xlsx)' }).click()]);
    const file = await download.path();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Lampiran I');
    expect(ws?.getCell(6, 1).value).toBe('MATRIKS RENCANA AKSI PENGELOLAAN PENGADUAN PELAYANAN PUBLIK MELALUI SP4N-LAPOR! KABUPATEN KUTAI TIMUR TAHUN 2022–2024');
    expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['Lampiran I', 'Lampiran II']);
    const stored = ctx.db.prepare('SELECT COUNT(*) AS n FROM renaksi_rows').get() as { n: number };
    expect(stored.n).toBeGreaterThan(10);
    await screenshot(page, 'renaksi');
    await page.close();
  });
});
