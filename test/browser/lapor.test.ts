import type { Browser, Page } from 'playwright-core';
import { buildAssessment, buildUser, createTestContext, TEST_PASSWORD, unitId, type TestContext } from '../helpers/test-app';
import { launchBrowser, login, paintedPixels, screenshot, serve } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';

/**
 * An export with headers the tool does not know, the reporter's name in it. Dinas Kesehatan: report 9001 (received
 * Tuesday 1 March 2022, first follow-up the next day: 1 hari kerja) reaches it only once "Dinkes Kutim" is confirmed;
 * 9002 (received Monday 7 March, answered Monday 21 March: 10 hari kerja) is late. So D1: 1 of 2 within 5 HK, 50 % → tingkat 2.
 */
const EXPORT = [
  'No. Tiket;Tgl Masuk;Nama Pelapor;OPD Tujuan;Keadaan;Respon Awal;Selesai Pada',
  '9001;01/03/2022;Budi Santoso;Dinkes Kutim;Selesai;02/03/2022;04/03/2022',
  '9002;07/03/2022;Siti Aminah;Dinas Kesehatan Kabupaten Kutai Timur;Diproses;21/03/2022;',
  '9003;10/03/2022;Andi Wijaya;Dinas Pendidikan Kab. Kutai Timur;Selesai;11/03/2022;15/03/2022',
].join('\n');

/**
 * The admin imports an SP4N-LAPOR! export in real Chromium without JavaScript (map the columns, confirm the unit
 * matches, apply); the narahubung sees the figure under D1; the verifikator sees it beside the claim and takes the
 * data's level in one click (with the page's JavaScript on, as verifikators work).
 */
describe('SP4N-LAPOR! data in a real browser', () => {
  let ctx: TestContext;
  let browser: Browser;
  let server: { baseUrl: string; close: () => Promise<void> };
  let dinkes: number;

  beforeAll(async () => {
    ctx = createTestContext();
    dinkes = unitId(ctx.repos, 'PD-DINKES');
    await buildUser(ctx.repos, { role: 'admin', username: 'admin' });
    const n = await buildUser(ctx.repos, { role: 'narahubung', unitId: dinkes, username: 'nara.dinkes' });
    await buildUser(ctx.repos, { role: 'verifikator', username: 'verif' });
    buildAssessment(ctx, { unitId: dinkes, status: 'diajukan', fill: 3, levels: { D1: 4 }, userId: n.id });
    server = await serve(ctx.app);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedIn(username: string, javaScript: boolean): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled: javaScript, bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await login(page, server.baseUrl, username, TEST_PASSWORD);
    return page;
  }

  it('imports an export with unusual headers: map the columns, confirm the units, apply', async () => {
    const page = await signedIn('admin', false);
    await page.getByRole('link', { name: 'Data SP4N-LAPOR!' }).click();
    await page.getByLabel('Berkas ekspor SP4N-LAPOR!').setInputFiles({ name: 'ekspor-maret.csv', mimeType: 'text/csv', buffer: Buffer.from(EXPORT, 'utf8') });
    await page.getByLabel(/Tanggal ekspor/).fill('2022-12-30');
    await page.getByRole('button', { name: 'Unggah dan lihat pratinjau' }).click();
    await page.getByRole('heading', { name: 'Pratinjau data SP4N-LAPOR!' }).waitFor();
    expect(await page.getByRole('alert').first().textContent()).toContain('Kolom wajib belum ditemukan: ID Tracking, Tanggal Laporan, Instansi, Status');
    expect(await page.locator('.lapor-privacy').textContent()).toContain('sudah diabaikan sejak berkas dibaca: Nama Pelapor');

    await page.getByLabel('ID Tracking (wajib)').selectOption({ label: 'No. Tiket' });
    await page.getByLabel('Tanggal Laporan (wajib)').selectOption({ label: 'Tgl Masuk' });
    await page.getByLabel('Instansi (wajib)').selectOption({ label: 'OPD Tujuan' });
    await page.getByLabel('Status (wajib)').selectOption({ label: 'Keadaan' });
    await page.getByLabel('Tanggal Tindak Lanjut Pertama').selectOption({ label: 'Respon Awal' });
    await page.getByLabel('Tanggal Selesai').selectOption({ label: 'Selesai Pada' });
    await page.getByRole('button', { name: 'Simpan pemetaan kolom' }).click();
    await page.locator('#lapor-instansi').waitFor();
    const summary = page.locator('#lapor-plan-summary');
    expect(await summary.textContent()).toMatch(/Akan disimpan: 2 laporan baru/);
    const dinkesKutim = page.getByLabel('Dinkes Kutim');
    expect(await dinkesKutim.locator('option:checked').textContent()).toBe('Dinas Kesehatan');
    expect(await page.locator('#lapor-instansi tr', { hasText: 'Dinkes Kutim' }).textContent()).toContain('saran, belum dikonfirmasi');
    await screenshot(page, 'lapor-pratinjau');
    await page.setViewportSize({ width: 390, height: 844 });
    const boxes = await page.locator('#lapor-instansi select').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    expect(boxes.length).toBeGreaterThan(0);
    expect(Math.max(...boxes)).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'lapor-pratinjau-ponsel');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'Simpan pencocokan' }).click();
    await page.locator('#lapor-instansi').waitFor();
    expect(await summary.textContent()).toMatch(/Akan disimpan: 3 laporan baru/);
    expect(await page.locator('#lapor-instansi tr', { hasText: 'Dinkes Kutim' }).textContent()).toContain('sudah dikonfirmasi');
    expect(await seriousViolationsWithScripts(page)).toEqual([]);
    await page.getByRole('button', { name: 'Terapkan data SP4N-LAPOR!' }).click();

    await page.getByRole('status').filter({ hasText: 'Data SP4N-LAPOR! diterapkan' }).waitFor();
    expect(await page.getByRole('status').first().textContent()).toContain('3 laporan baru, 0 diperbarui');
    expect(await page.locator('#lapor-summary').textContent()).toContain('Laporan diterima: 3');
    expect(ctx.db.prepare('SELECT tracking_id FROM lapor_reports ORDER BY tracking_id').all()).toEqual([{ tracking_id: '9001' }, { tracking_id: '9002' }, { tracking_id: '9003' }]);

    // On a phone the import history and every unit's E3 target box are on screen, nothing scrolled sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    const targets = await page.locator('#lapor-targets input').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    expect(targets.length).toBeGreaterThan(50);
    expect(Math.max(...targets)).toBeLessThanOrEqual(390);
    const overflow = await page.locator('.table-wrap').evaluateAll((els) => els.map((e) => e.scrollWidth - e.clientWidth));
    expect(overflow).toEqual(overflow.map(() => 0));
    expect(await page.locator('#lapor-imports td[data-label="Baru"]').first().textContent()).toBe('3');
    await screenshot(page, 'lapor-target-ponsel');
  });

  it('shows the narahubung the figure under D1 on the questionnaire', async () => {
    const page = await signedIn('nara.dinkes', false);
    await page.goto(`${server.baseUrl}/periods/${ctx.periodId}/units/${dinkes}/assessment`);

    const d1 = page.locator('#ind-D1 [data-lapor="D1"]');

    expect(await d1.textContent()).toContain('Data SP4N-LAPOR! per 30 Desember 2022: 50,0 % laporan mendapat tindak lanjut pertama paling lambat 5 hari kerja (1 dari 2 laporan).');
    expect(await d1.textContent()).toContain('→ tingkat 2 menurut data');
    await d1.scrollIntoViewIfNeeded();
    await screenshot(page, 'lapor-kuesioner-d1');
  });

  it('puts claim and data side by side for the verifikator, who takes the data\'s level in one click', async () => {
    const page = await signedIn('verif', true);
    await page.goto(`${server.baseUrl}/periods/${ctx.periodId}/units/${dinkes}/verification`);
    const d1 = page.locator('#ind-D1 [data-lapor="D1"]');
    expect(await d1.textContent()).toMatch(/Klaim unit:\s*tingkat 4/);
    expect(await d1.textContent()).toMatch(/Menurut data SP4N-LAPOR!:\s*tingkat 2/);
    expect(await d1.locator('.flag').textContent()).toContain('Klaim lebih tinggi daripada data');
    await d1.scrollIntoViewIfNeeded();
    await screenshot(page, 'lapor-verifikasi-d1');

    await Promise.all([
      page.waitForURL((u) => u.pathname.endsWith('/verification')),
      d1.getByRole('button', { name: 'Pakai tingkat menurut data LAPOR! (tingkat 2)' }).click(),
    ]);

    await page.locator('#ind-D1 .decided').waitFor();
    expect(await page.locator('#ind-D1 .decided').textContent()).toContain('tingkat hasil verifikasi 2');
    expect(await page.locator('#ind-D1 .decided').textContent()).toContain('50,0 % laporan mendapat tindak lanjut pertama paling lambat 5 hari kerja (1 dari 2 laporan) → tingkat 2');
    const stored = ctx.db.prepare("SELECT an.verified_level FROM answers an JOIN assessments a ON a.id = an.assessment_id WHERE a.unit_id = ? AND an.indicator_code = 'D1'").get(dinkes);
    expect(stored).toEqual({ verified_level: 2 });
  });

  it('draws the monthly volume on the dashboard and a slide in the FGD presentation', async () => {
    const page = await signedIn('admin', true);
    await page.goto(`${server.baseUrl}/periods/${ctx.periodId}/dashboard`);
    await page.locator('#data-lapor').scrollIntoViewIfNeeded();

    await page.waitForFunction(() => (document.querySelector('#lapor-monthly-chart') as HTMLCanvasElement | null)?.width ?? 0 > 0);

    expect(await paintedPixels(page, '#lapor-monthly-chart')).toBeGreaterThan(500);
    expect(await page.locator('#lapor-groups').textContent()).toMatch(/Kabupaten\s*3/);
    await screenshot(page, 'lapor-dasbor');
    await page.goto(`${server.baseUrl}/periods/${ctx.periodId}/presentation`);
    expect(await page.locator('.slide-lapor h2').textContent()).toBe('Data SP4N-LAPOR!: laporan yang sebenarnya');
  });
});

/** axe-core on the current page, in a page whose scripts are off: read from a fresh scripted context. */
async function seriousViolationsWithScripts(page: Page): Promise<string[]> {
  const context = await page.context().browser()?.newContext({ bypassCSP: true, storageState: await page.context().storageState() });
  if (!context) return [];
  const copy = await context.newPage();
  await copy.goto(page.url());
  const found = await seriousViolations(copy);
  await context.close();
  return found.map((v) => `${v.id}: ${v.help} → ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
}
