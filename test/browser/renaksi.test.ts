import type { Browser, Page } from 'playwright-core';
import { buildUser, createTestContext, TEST_PASSWORD, type TestContext } from '../helpers/test-app';
import { launchBrowser, login, screenshot, serve } from '../helpers/browser';
import { seedGaps } from '../helpers/renaksi';

/**
 * The Renaksi team in real Chromium: draft the plan, edit a row, regenerate after an assessment changed, and the
 * edit is still there; the closed gap and the new gap are marked. Core forms also work with JavaScript off.
 */
describe('shaping the Renaksi in a real browser', () => {
  let ctx: TestContext;
  let browser: Browser;
  let server: { baseUrl: string; close: () => Promise<void> };
  let tim: string;
  let ids: Awaited<ReturnType<typeof seedGaps>>;

  beforeAll(async () => {
    ctx = createTestContext();
    tim = (await buildUser(ctx.repos, { role: 'tim_renaksi', username: 'tim.renaksi' })).username;
    // three Lampiran I rows: I.1 A1 (Busang 1, Dinkes 3), I.2 A2 (Busang 2), II.1 B1 (Telen 2)
    ids = await seedGaps(ctx);
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

    // the evidence of A1 (I.1): both units below target with their levels, linked to the indicator
    await row(page, 'I.1').locator('summary', { hasText: 'Dasar baris ini' }).click();
    const busangLink = row(page, 'I.1').getByRole('link', { name: 'Kecamatan Busang' });
    expect(await busangLink.isVisible()).toBe(true);
    expect(await busangLink.getAttribute('href')).toMatch(/\/units\/\d+\/assessment#ind-A1$/);

    await page.getByRole('link', { name: 'Ubah baris I.1' }).click();
    await page.getByLabel(/^Kegiatan \(/).fill('Bagian Organisasi menyiapkan templat SK Tim Pengelola Pengaduan');
    await page.getByLabel('Anggaran dan sumber dana').fill('APBD 2023 – DPA Bagian Organisasi');
    // the enhancement checks the unit counts while typing, with the server's wording
    await page.getByLabel('Unit 2023').fill('55');
    await page.getByText('Target 2023 (55) lebih kecil dari target 2022 (56); jumlah unit yang mencapai target tidak boleh turun.').waitFor();
    await page.getByLabel('Unit 2023').fill('56');
    await screenshot(page, 'renaksi-ubah-baris');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Baris tersimpan: Kegiatan, Anggaran dan sumber dana.').waitFor();

    // A1 reaches its target at Busang and Dinas Kesehatan (gap closed) and a new gap appears at B2
    const assessment = (unit: number) => ctx.repos.assessments.find(ctx.periodId, unit)?.id ?? 0;
    ctx.repos.assessments.setVerifiedLevel({ assessmentId: assessment(ids.dinkes), code: 'A1', level: 4, note: 'SK sudah ada' });
    ctx.repos.assessments.setVerifiedLevel({ assessmentId: assessment(ids.busang), code: 'A1', level: 4, note: 'SK sudah ada' });
    ctx.repos.assessments.setVerifiedLevel({ assessmentId: assessment(ids.dinkes), code: 'B2', level: 2, note: 'Belum ada pelatihan' });
    await page.getByRole('button', { name: 'Susun ulang dari kesenjangan terbaru' }).click();
    await page.getByText('Draf Renaksi disusun: 1 baris baru').waitFor();

    expect(await row(page, 'I.1').locator('td').nth(3).textContent()).toBe('Bagian Organisasi menyiapkan templat SK Tim Pengelola Pengaduan');
    expect(await page.locator('.gap-closed-note strong').textContent()).toBe('1 baris tidak lagi memiliki kesenjangan');
    expect(await row(page, 'I.1').locator('.badge-closed').textContent()).toBe('kesenjangan tertutup');
    expect(await page.locator('table.renaksi-plan .badge-new').count()).toBe(1);
    await screenshot(page, 'renaksi-susun-ulang');
    const stored = ctx.db.prepare("SELECT activity, budget, edited_fields FROM renaksi_rows WHERE source_key = 'kab:A1'").get();
    expect(stored).toEqual({ activity: 'Bagian Organisasi menyiapkan templat SK Tim Pengelola Pengaduan', budget: 'APBD 2023 – DPA Bagian Organisasi', edited_fields: '["activity","budget"]' });
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
    await page.getByLabel(/Catatan tim/).fill('SK sedang diparaf');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Baris tersimpan: Catatan tim.').waitFor();
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
