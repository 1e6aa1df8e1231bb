import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { buildAssessment, buildUser, createTestContext, TEST_PASSWORD, unitId, type TestContext } from '../helpers/test-app';
import { launchBrowser, SCREENSHOT_DIR, serve, signedInContext } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';
import { pdfBytes } from '../helpers/evidence-files';

/**
 * Kondisi tingkat kabupaten in real Chromium: the admin fills the checklist without JavaScript help (radios, notes,
 * a link, a PDF), a verifikator changes one answer, and the dashboard and the FGD deck show the conditions.
 */
describe('kabupaten conditions in a real browser', () => {
  let ctx: TestContext;
  let dataDir: string;
  let browser: Browser;
  let server: { baseUrl: string; close: () => Promise<void> };
  let admin: BrowserContext;
  let verifier: BrowserContext;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-kab-browser-'));
    ctx = createTestContext({ dataDir });
    const adminId = (await buildUser(ctx.repos, { role: 'admin', username: 'admin' })).id;
    await buildUser(ctx.repos, { role: 'verifikator', username: 'verif' });
    for (const [code, fill] of [['KEC-BUSANG', 2], ['KEC-TELEN', 3]] as const) {
      buildAssessment(ctx, { unitId: unitId(ctx.repos, code), status: 'diajukan', fill, userId: adminId });
    }
    server = await serve(ctx.app);
    browser = await launchBrowser();
    admin = await signedInContext(browser, server.baseUrl, 'admin', TEST_PASSWORD);
    verifier = await signedInContext(browser, server.baseUrl, 'verif', TEST_PASSWORD);
  });

  afterAll(async () => {
    await admin?.close();
    await verifier?.close();
    await browser?.close();
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const url = (p: string) => `${server.baseUrl}/periods/${ctx.periodId}${p}`;

  it('lets the admin answer every condition with a note, a link and a PDF from the home page', async () => {
    const page = await admin.newPage();
    await page.goto(server.baseUrl);
    await page.getByRole('link', { name: 'Kondisi tingkat kabupaten' }).click();
    await page.waitForURL(/\/kabupaten$/);

    const k1 = page.locator('#kondisi-K1');
    await k1.getByRole('radio', { name: /^Sebagian/ }).check();
    await k1.getByLabel('Penjelasan').fill('Rancangan Perbup sedang dibahas Bagian Hukum.');
    await k1.getByLabel('Unggah berkas bukti dukung').setInputFiles({ name: 'Rancangan Perbup.pdf', mimeType: 'application/pdf', buffer: pdfBytes('Rancangan') });
    await page.locator('#kondisi-K2').getByRole('radio', { name: /^Ya/ }).check();
    await page.locator('#kondisi-K3').getByRole('radio', { name: /^Tingkat 1/ }).check();
    const k4 = page.locator('#kondisi-K4');
    await k4.getByRole('radio', { name: /^Tingkat 3/ }).check();
    await k4.getByLabel('Tambah tautan bukti dukung').fill('https://www.lapor.go.id');
    await page.locator('#kondisi-K5').getByRole('radio', { name: /^Tidak/ }).check();
    await page.getByRole('button', { name: 'Simpan kondisi kabupaten' }).click();
    await page.waitForURL(/\/kabupaten$/);

    await expectText(page.locator('.flash-success'), 'Jawaban tersimpan (5 perubahan). 1 berkas bukti dukung diunggah. 1 tautan bukti dukung ditambahkan.');
    await expectText(page.locator('#kabupaten-summary'), '5 dari 5 kondisi terjawab · 0 diverifikasi · 1 terpenuhi, 3 terpenuhi sebagian, 1 belum terpenuhi');
    expect(await page.locator('#kondisi-K1 .evidence').textContent()).toContain('Rancangan Perbup.pdf');
    expect(await page.locator('#kondisi-K1').getByRole('radio', { name: /^Sebagian/ }).isChecked()).toBe(true);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.locator('#kondisi-K1').screenshot({ path: path.join(SCREENSHOT_DIR, 'kondisi-kabupaten-admin-k1.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('lets the verifikator accept one answer and change another with a comment', async () => {
    const page = await verifier.newPage();
    await page.goto(url('/kabupaten'));

    await page.locator('#kondisi-K2').getByRole('radio', { name: /^Terima jawaban admin/ }).check();
    const k4 = page.locator('#kondisi-K4');
    await k4.getByRole('radio', { name: 'Ubah jawaban' }).check();
    await k4.getByLabel('Jawaban hasil verifikasi').selectOption('2');
    await k4.getByRole('textbox', { name: /^Catatan/ }).fill('Daftar akun instansi memuat 41 dari 57 unit (72%).');
    await page.getByRole('button', { name: 'Simpan hasil pemeriksaan' }).click();
    await page.waitForURL(/\/kabupaten$/);

    await expectText(page.locator('.flash-success'), 'Hasil pemeriksaan tersimpan (2 perubahan).');
    expect(await page.locator('[data-review="K4"]').textContent()).toContain('Jawaban hasil verifikasi: Tingkat 2');
    await page.locator('#kondisi-K4').screenshot({ path: path.join(SCREENSHOT_DIR, 'kondisi-kabupaten-verifikator-k4.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows "Kondisi tingkat kabupaten" on the dashboard and as a slide of the FGD deck', async () => {
    const page = await admin.newPage();
    await page.goto(url('/dashboard'));
    const section = page.locator('#kabupaten-conditions');

    await expectText(section.locator('h2'), 'Kondisi tingkat kabupaten');
    const rows = await section.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim())));
    expect(rows.map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      ['K1. Peraturan Bupati tentang Pengelolaan Pengaduan Pelayanan Publik', 'Terpenuhi sebagian', 'Menunggu verifikasi', '1'],
      ['K2. SK Bupati tentang Pengelola SP4N-LAPOR! dan Pejabat Penghubung', 'Terpenuhi', 'Diverifikasi (diterima)', '0'],
      ['K3. Rencana Aksi SP4N-LAPOR! Kabupaten', 'Terpenuhi sebagian', 'Menunggu verifikasi', '0'],
      ['K4. Unit yang Terhubung ke SP4N-LAPOR!', 'Terpenuhi sebagian', 'Diverifikasi (diubah)', '1'],
      ['K5. Anggaran Pengelolaan Pengaduan', 'Belum terpenuhi', 'Menunggu verifikasi', '0'],
    ]);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await section.screenshot({ path: path.join(SCREENSHOT_DIR, 'kondisi-kabupaten-dasbor.png') });
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(url('/presentation#slide-4'));
    const slide = page.locator('[data-slide].current');
    await expectText(slide.locator('h2'), 'Kondisi tingkat kabupaten');
    expect(await slide.locator('[data-kabupaten-summary]').textContent()).toContain('1 dari 5 kondisi terpenuhi');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'kondisi-kabupaten-presentasi-1366.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

async function expectText(locator: { textContent(): Promise<string | null> }, text: string): Promise<void> {
  expect(((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()).toBe(text);
}
