import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../helpers/test-app';
import { launchBrowser, login, screenshot, serve } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';
import { pdfBytes } from '../helpers/evidence-files';
import { finalPlanForMonev, type MonevSetup } from '../helpers/monev';
import { readWorkbook } from '../helpers/workbook';

/**
 * The monev in real Chromium: a kecamatan's narahubung on a phone reports its own part of the final Renaksi with a
 * PDF, the verifikator returns it with a comment, the narahubung fixes it and submits it again; the board shows it
 * reported and the monev workbook carries it.
 */
describe('monev of the Renaksi in a real browser', () => {
  let ctx: TestContext;
  let dataDir: string;
  let m: MonevSetup;
  let browser: Browser;
  let server: { baseUrl: string; close: () => Promise<void> };
  let phone: BrowserContext;
  let desk: BrowserContext;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-monev-browser-'));
    ctx = createTestContext({ dataDir });
    m = await finalPlanForMonev(ctx);
    server = await serve(ctx.app);
    browser = await launchBrowser();
    phone = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    desk = await browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 768 } });
    await login(await phone.newPage(), server.baseUrl, m.users.busang, TEST_PASSWORD);
    await login(await desk.newPage(), server.baseUrl, m.users.verifikator, TEST_PASSWORD);
  });

  afterAll(async () => {
    await phone?.close();
    await desk?.close();
    await browser?.close();
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const unitUrl = () => `${server.baseUrl}/periods/${ctx.periodId}/renaksi/monev/units/${m.busang}/2022-2`;
  const stored = () => ctx.db.prepare('SELECT review_state, verifier_comment FROM monev_unit_reports').all();
  const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('lets the narahubung report a semester with evidence on a phone, from the home page', async () => {
    const page = await phone.newPage();
    await page.goto(server.baseUrl);
    await page.getByRole('link', { name: 'Laporan monev Renaksi' }).click();
    await page.getByRole('link', { name: 'Semester II 2022' }).click();
    await page.locator(`#unit-${m.busang} a`).first().click();
    await page.waitForURL(unitUrl());

    const a1 = page.locator('#indikator-A1');
    await a1.getByRole('radio', { name: 'Berjalan' }).check();
    await a1.getByLabel('Yang dilakukan semester ini').fill('Rancangan SK Tim Pengelola Pengaduan disusun.');
    await a1.getByLabel('Unggah berkas bukti dukung').setInputFiles({ name: 'rancangan-sk.pdf', mimeType: 'application/pdf', buffer: pdfBytes('Rancangan SK') });
    await page.locator('#indikator-A2').getByRole('radio', { name: 'Belum dimulai' }).check();
    await screenshot(page, 'monev-phone-form');
    await page.getByRole('button', { name: 'Simpan dan ajukan' }).click();
    await page.waitForURL(unitUrl());

    expect(await page.locator('.flash-success').textContent()).toContain('Laporan monev unit diajukan ke verifikator.');
    expect(await page.locator('#indikator-A1 .evidence').textContent()).toContain('rancangan-sk.pdf');
    expect(await fitsWidth(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(stored()).toEqual([{ review_state: 'diajukan', verifier_comment: '' }]);
    await screenshot(page, 'monev-phone-submitted');
    await page.close();
  });

  it('lets the verifikator return the report with a comment', async () => {
    const page = await desk.newPage();
    await page.goto(unitUrl());

    await page.getByRole('radio', { name: 'Kembalikan untuk diperbaiki' }).check();
    await page.getByLabel('Komentar verifikator (wajib bila dikembalikan)').fill('Unggah SK yang sudah ditandatangani Camat.');
    await page.getByRole('button', { name: 'Simpan pemeriksaan' }).click();
    await page.waitForURL(unitUrl());

    expect(await page.locator('.flash-success').textContent()).toContain('Laporan dikembalikan');
    expect(stored()).toEqual([{ review_state: 'dikembalikan', verifier_comment: 'Unggah SK yang sudah ditandatangani Camat.' }]);
    await page.close();
  });

  it('lets the narahubung read the comment, fix the report and submit it again', async () => {
    const page = await phone.newPage();
    await page.goto(unitUrl());
    expect(await page.locator('#komentar-verifikator').textContent()).toContain('Unggah SK yang sudah ditandatangani Camat.');
    await screenshot(page, 'monev-phone-returned');

    const a1 = page.locator('#indikator-A1');
    await a1.getByRole('radio', { name: 'Selesai' }).check();
    await a1.getByLabel('Yang dilakukan semester ini').fill('SK Tim Pengelola Pengaduan ditandatangani Camat.');
    await a1.getByLabel('Unggah berkas bukti dukung').setInputFiles({ name: 'sk-ditandatangani.pdf', mimeType: 'application/pdf', buffer: pdfBytes('SK') });
    await page.getByRole('button', { name: 'Simpan dan ajukan' }).click();
    await page.waitForURL(unitUrl());

    expect(await page.locator('.flash-success').textContent()).toContain('diajukan ke verifikator');
    expect(stored()).toEqual([{ review_state: 'diajukan', verifier_comment: 'Unggah SK yang sudah ditandatangani Camat.' }]);
    expect(ctx.db.prepare("SELECT status, activity FROM monev_unit_items WHERE indicator_code = 'A1'").get()).toEqual({ status: 'selesai', activity: 'SK Tim Pengelola Pengaduan ditandatangani Camat.' });
    expect(ctx.db.prepare('SELECT file_name FROM monev_evidence WHERE deleted_at IS NULL ORDER BY id').all()).toEqual([{ file_name: 'rancangan-sk.pdf' }, { file_name: 'sk-ditandatangani.pdf' }]);
    expect(await fitsWidth(page)).toBe(true);
    await page.close();
  });

  it('shows the verifikator the unit reported on the board, and the monev workbook carries its report', async () => {
    const page = await desk.newPage();
    await page.goto(`${server.baseUrl}/periods/${ctx.periodId}/renaksi/monev?semester=2022-2`);
    await page.getByRole('link', { name: 'Papan pelaporan unit Semester II 2022' }).click();
    const busangOnBoard = await page.locator(`#unit-${m.busang}`).textContent();
    await page.getByRole('link', { name: 'Halaman monev semester ini' }).click();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh matriks monev, Lampiran III (Excel)' }).click()]);
    const wb = await readWorkbook(fs.readFileSync(await download.path()));

    expect(busangOnBoard).toContain('Menunggu verifikasi');
    expect(busangOnBoard).not.toContain('Belum melapor');
    const ws = wb.getWorksheet('Laporan Unit');
    const header = ws?.getRow(4).values as unknown[];
    const busang = [...Array(ws?.rowCount ?? 0).keys()].map((i) => ws?.getRow(i + 1).values as unknown[]).find((v) => v?.[2] === 'Kecamatan Busang');
    expect(busang?.[header.indexOf('Semester II 2022')]).toBe('Menunggu verifikasi; 2 bukti');
    await page.close();
  });
});
