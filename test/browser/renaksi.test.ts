import type { Browser, Page } from 'playwright-core';
import { buildAssessment, buildUser, createTestContext, TEST_PASSWORD, unitId, type TestContext } from '../helpers/test-app';
import { launchBrowser, login, screenshot, serve } from '../helpers/browser';

/**
 * The Renaksi team in real Chromium: draft the plan, edit a row, regenerate after an assessment changed, and the
 * edit is still there; the closed gap and the new gap are marked. Core forms also work with JavaScript off.
 */
describe('shaping the Renaksi in a real browser', () => {
  let ctx: TestContext;
  let browser: Browser;
  let server: { baseUrl: string; close: () => Promise<void> };
  let tim: string;
  let dinkesAssessment: number;

  beforeAll(async () => {
    ctx = createTestContext();
    const admin = await buildUser(ctx.repos, { role: 'admin' });
    tim = (await buildUser(ctx.repos, { role: 'tim_renaksi', username: 'tim.renaksi' })).username;
    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'KEC-BUSANG'), fill: 4, levels: { A1: 1 }, status: 'diajukan', userId: admin.id });
    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'KEC-TELEN'), fill: 4, status: 'diajukan', userId: admin.id });
    dinkesAssessment = buildAssessment(ctx, { unitId: unitId(ctx.repos, 'PD-DINKES'), fill: 4, levels: { A1: 3 }, status: 'diverifikasi', userId: admin.id });
    server = await serve(ctx.app);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const renaksiUrl = () => `${server.baseUrl}/periods/${ctx.periodId}/renaksi`;
  const row = (page: Page, no: string) => page.locator('table.renaksi-plan tbody tr', { has: page.locator(`td:first-child:text-is("${no}")`) });

  it('drafts, edits a row, regenerates, and the edit survives while the closed and new gaps are marked', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await login(page, server.baseUrl, tim, TEST_PASSWORD);
    await page.goto(renaksiUrl());

    await page.getByRole('button', { name: 'Susun draf Renaksi dari kesenjangan' }).click();
    await page.getByText('Draf Renaksi disusun: 3 baris baru').waitFor();
    expect(await page.locator('table.renaksi-plan tbody tr:not(.group)').count()).toBe(3);

    // the evidence of the kabupaten row (I.2): both units below target with their levels, linked to the indicator
    await row(page, 'I.2').locator('summary', { hasText: 'Dasar baris ini' }).click();
    const busangLink = row(page, 'I.2').getByRole('link', { name: 'Kecamatan Busang' });
    expect(await busangLink.isVisible()).toBe(true);
    expect(await busangLink.getAttribute('href')).toMatch(/\/units\/\d+\/assessment#ind-A1$/);

    await page.getByRole('link', { name: 'Ubah baris I.1' }).click();
    await page.getByLabel('Kegiatan (rencana aksi)').fill('Camat menetapkan SK Tim Pengelola Pengaduan SP4N-LAPOR!');
    await page.getByLabel('Anggaran dan sumber dana').fill('APBD 2023 – DPA Kecamatan Busang');
    // the enhancement checks targets while typing, with the server's wording
    await page.getByLabel('Tahun 2023').fill('1');
    await page.getByText('Target 2023 (1) lebih rendah dari target 2022 (2); target tahunan tidak boleh turun.').waitFor();
    await page.getByLabel('Tahun 2023').fill('3');
    await screenshot(page, 'renaksi-ubah-baris');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Baris tersimpan: Kegiatan (rencana aksi), Anggaran dan sumber dana.').waitFor();

    // Dinas Kesehatan's A1 is verified at 4 (gap closed) and a new gap appears at B2
    ctx.repos.assessments.setVerifiedLevel({ assessmentId: dinkesAssessment, code: 'A1', level: 4, note: 'SK sudah ada' });
    ctx.repos.assessments.setVerifiedLevel({ assessmentId: dinkesAssessment, code: 'B2', level: 2, note: 'Belum ada pelatihan' });
    await page.getByRole('button', { name: 'Susun ulang dari kesenjangan terbaru' }).click();
    await page.getByText('Draf Renaksi disusun: 2 baris baru').waitFor();

    expect(await row(page, 'I.1').locator('td').nth(3).textContent()).toBe('Camat menetapkan SK Tim Pengelola Pengaduan SP4N-LAPOR!');
    expect(await page.locator('.gap-closed-note strong').textContent()).toBe('1 baris tidak lagi memiliki kesenjangan');
    expect(await row(page, 'I.3').locator('.badge-closed').textContent()).toBe('kesenjangan tertutup');
    expect(await page.locator('table.renaksi-plan .badge-new').count()).toBe(2);
    await screenshot(page, 'renaksi-susun-ulang');
    await row(page, 'I.2').locator('summary', { hasText: 'Dasar baris ini' }).click();
    await row(page, 'I.3').scrollIntoViewIfNeeded();
    await screenshot(page, 'renaksi-dasar-dan-tertutup');
    const stored = ctx.db.prepare("SELECT activity, budget, edited_fields FROM renaksi_rows WHERE responsible = 'Kecamatan Busang'").get();
    expect(stored).toEqual({ activity: 'Camat menetapkan SK Tim Pengelola Pengaduan SP4N-LAPOR!', budget: 'APBD 2023 – DPA Kecamatan Busang', edited_fields: '["activity","budget"]' });
    await page.close();
  });

  it('edits, reorders and marks a priority with JavaScript switched off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await login(page, server.baseUrl, tim, TEST_PASSWORD);
    await page.goto(renaksiUrl());
    const firstActivity = await row(page, 'I.1').locator('td').nth(3).textContent();

    await page.getByRole('button', { name: 'Pindahkan baris I.1 ke bawah' }).click();
    await page.waitForURL(/#row-\d+$/);
    expect(await row(page, 'I.2').locator('td').nth(3).textContent()).toBe(firstActivity);

    await page.getByRole('button', { name: 'Tandai baris I.2 sebagai prioritas' }).click();
    await page.waitForURL(/#row-\d+$/);
    expect(await row(page, 'I.2').locator('.badge-priority').isVisible()).toBe(true);

    await page.getByRole('link', { name: 'Ubah baris I.2' }).click();
    await page.getByLabel('Realisasi / status').fill('SK sedang diparaf');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Baris tersimpan: Realisasi / status.').waitFor();
    await context.close();
  });

  it('saves the document settings and reports a bad upload line by line, from the real forms', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, server.baseUrl, tim, TEST_PASSWORD);
    await page.goto(`${renaksiUrl()}/settings`);

    await page.getByLabel('Ukuran kertas (lanskap)').selectOption('a4');
    await page.getByLabel('NIP penanda tangan (18 angka, boleh kosong)').fill('19700101 200003 1 001');
    await page.getByRole('button', { name: 'Simpan pengaturan dokumen' }).click();
    await page.getByText('Pengaturan dokumen Renaksi tersimpan.').waitFor();
    expect(ctx.repos.settings.get('renaksi.paper')).toBe('a4');
    await screenshot(page, 'renaksi-pengaturan');

    await page.goto(`${renaksiUrl()}/upload`);
    await page.getByLabel(/Berkas Excel/).setInputFiles({ name: 'catatan.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('bukan spreadsheet') });
    await page.getByRole('button', { name: 'Periksa berkas' }).click();

    await page.getByText('belum dapat diterapkan').waitFor();
    expect(await page.locator('.upload-report tbody tr').count()).toBe(1);
    expect(await page.locator('.upload-report tbody td').nth(2).textContent()).toContain('berkas bukan spreadsheet Excel (.xlsx)');
    await screenshot(page, 'renaksi-unggah-laporan');
    await page.close();
  });
});
