import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildUser, createTestContext, TEST_PASSWORD, type TestContext } from '../helpers/test-app';
import { launchBrowser, login, screenshot, serve, SCREENSHOT_DIR } from '../helpers/browser';
import { readWorkbook } from '../helpers/workbook';
import { seriousViolations } from '../helpers/axe';

/** The admin's bulk import in real Chromium, with JavaScript off (the forms must work without it). */
describe('bulk user import in a real browser', () => {
  let ctx: TestContext;
  let browser: Browser;
  let server: { baseUrl: string; close: () => Promise<void> };

  beforeAll(async () => {
    ctx = createTestContext();
    await buildUser(ctx.repos, { role: 'admin', username: 'admin' });
    server = await serve(ctx.app);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** JavaScript off unless `axe` asks for a page axe-core can be injected into (scripts on, CSP bypassed). */
  async function adminPage(width: number, height: number, axe = false): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled: axe, bypassCSP: axe, viewport: { width, height }, acceptDownloads: true });
    const page = await context.newPage();
    await login(page, server.baseUrl, 'admin', TEST_PASSWORD);
    return page;
  }

  async function fullScreenshot(page: Page, name: string): Promise<void> {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  }

  it('downloads the template, fills it, sees each row in the preview, applies it and sees one link per new account', async () => {
    const page = await adminPage(1280, 900);
    await page.goto(`${server.baseUrl}/admin/users`);
    await page.getByRole('link', { name: 'Impor pengguna dari Excel/CSV' }).click();
    const [templateDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh templat Excel' }).click()]);
    const template = await readWorkbook(fs.readFileSync(await templateDownload.path()));
    const sheet = template.getWorksheet('Pengguna');
    if (!sheet) throw new Error('template without the Pengguna sheet');
    sheet.getRow(2).values = ['nara.busang', 'Siti Rahma', 'Narahubung', 'KEC-BUSANG', '+62 812-3456-7890'];
    sheet.getRow(3).values = ['verif.kab', 'Budi Santoso', 'Verifikator', ''];
    sheet.getRow(4).values = ['tim.renaksi', 'Ani Lestari', 'Tim Renaksi', ''];

    await page.getByLabel('Berkas daftar pengguna (.xlsx atau .csv)').setInputFiles({
      name: 'pengguna-kutim.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await template.xlsx.writeBuffer()),
    });
    await page.getByRole('button', { name: 'Unggah dan tampilkan pratinjau' }).click();
    await page.getByRole('heading', { name: 'Pratinjau impor pengguna' }).waitFor();

    const rows = page.locator('table.import-plan tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).locator('td').allTextContents()).toEqual(['2', 'nara.busang', 'Siti Rahma', 'Narahubung', 'Kecamatan Busang', '0812 3456 7890', 'akun baru', '–']);
    expect(await rows.nth(2).locator('td').nth(3).textContent()).toBe('Tim Penyusun Renaksi');
    await fullScreenshot(page, 'impor-pengguna-pratinjau-desktop');

    await page.getByRole('button', { name: 'Terapkan impor' }).click();
    await page.getByRole('heading', { name: 'Impor pengguna diterapkan' }).waitFor();

    const links = page.locator('table.import-links input');
    expect(await links.count()).toBe(3);
    const first = await links.nth(0).inputValue();
    expect(first).toMatch(new RegExp(`^${server.baseUrl}/atur-sandi/[A-Za-z0-9_-]{40,}$`));
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Simpan daftar tautan (CSV)' }).click()]);
    const csv = fs.readFileSync(await csvDownload.path(), 'utf8');
    expect(csvDownload.suggestedFilename()).toBe('tautan-atur-sandi.csv');
    expect(csv).toContain(`nara.busang;Siti Rahma;Narahubung;Kecamatan Busang;${first}`);
    await fullScreenshot(page, 'impor-pengguna-hasil-desktop');
    await page.context().close();

    const person = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await person.goto(first);
    await person.getByLabel(/^Kata sandi baru/).fill('Busang-Maju-2026');
    await person.getByLabel('Ulangi kata sandi baru').fill('Busang-Maju-2026');
    await person.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await person.waitForURL(/\/login$/);
    await login(person, server.baseUrl, 'nara.busang', 'Busang-Maju-2026');
    await person.getByText('Unit Anda: Kecamatan Busang').waitFor();
    await person.close();
  });

  it('on a phone, shows every refused row by row and column and offers nothing to apply (axe-checked)', async () => {
    const page = await adminPage(390, 844, true);
    await page.goto(`${server.baseUrl}/admin/users/import`);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'impor-pengguna-formulir-ponsel');
    const csv = ['Nama pengguna;Nama lengkap;Peran;Kode unit', 'nara.baru;Nara Baru;Narahubung;KEC-ANTAH', 'nara.busang;Ganda;Narahubung;', 'x;;Raja;', 'fasil.baru;Fasil Baru;Fasilitator FGD;'].join('\n');

    await page.getByLabel('Berkas daftar pengguna (.xlsx atau .csv)').setInputFiles({ name: 'salah.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Unggah dan tampilkan pratinjau' }).click();
    await page.getByRole('heading', { name: 'Pratinjau impor pengguna' }).waitFor();

    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('Tidak ada yang dapat diterapkan: 3 baris ditolak.');
    expect(await alert.locator('li').allTextContents()).toEqual([
      'Baris 2, kolom Kode unit: unit "KEC-ANTAH" tidak ditemukan',
      'Baris 3, kolom Kode unit: narahubung harus terikat pada satu unit',
      'Baris 4, kolom Nama pengguna: nama pengguna 3–40 karakter: huruf, angka, titik, garis bawah atau tanda hubung',
      'Baris 4, kolom Nama lengkap: nama lengkap wajib diisi',
      'Baris 4, kolom Peran: peran "Raja" tidak dikenal (isi salah satu: Admin Diskominfo, Verifikator, Narahubung, Fasilitator FGD, Tim Penyusun Renaksi)',
    ]);
    expect(await page.getByRole('button', { name: 'Terapkan impor' }).count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'impor-pengguna-ditolak-ponsel');

    await page.goto(`${server.baseUrl}/admin/users/import`);
    await page.getByLabel('Berkas daftar pengguna (.xlsx atau .csv)').setInputFiles({ name: 'gambar.xlsx', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') });
    await page.getByRole('button', { name: 'Unggah dan tampilkan pratinjau' }).click();
    await page.getByText('Berkas tidak dapat dibaca sebagai lembar kerja Excel (.xlsx).').waitFor();
    await page.context().close();
  });

  it('on a phone, applies a valid CSV and shows the links without widening the page (axe-checked)', async () => {
    const page = await adminPage(390, 844, true);
    await page.goto(`${server.baseUrl}/admin/users/import`);
    const csv = ['Nama pengguna,Nama lengkap,Peran,Kode unit', 'nara.telen,Rudi Hartono,narahubung,KEC-TELEN', 'fasil.fgd,Dewi Fasilitator,Fasilitator FGD,'].join('\r\n');

    await page.getByLabel('Berkas daftar pengguna (.xlsx atau .csv)').setInputFiles({ name: 'pengguna.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Unggah dan tampilkan pratinjau' }).click();
    await page.getByRole('button', { name: 'Terapkan impor' }).click();
    await page.getByRole('heading', { name: 'Impor pengguna diterapkan' }).waitFor();

    expect(await page.locator('table.import-links input').count()).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await fullScreenshot(page, 'impor-pengguna-hasil-ponsel');
    expect(ctx.repos.users.findCredentials('fasil.fgd')?.role).toBe('fasilitator');
    await page.context().close();
  });
});
