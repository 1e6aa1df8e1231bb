import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildAssessment, buildUser, createTestContext, TEST_PASSWORD, unitId } from '../helpers/test-app';
import { launchBrowser, login, SCREENSHOT_DIR, serve } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';

/** Ticks sample row n's tracking ID and the checklist boxes by their position (1-based). */
async function fillRow(page: Page, n: number, trackingId: string, boxes: number[]): Promise<void> {
  const d3 = page.locator('#ind-D3');
  await d3.getByLabel(`ID Tracking laporan sampel ke-${n}`, { exact: true }).fill(trackingId);
  for (const b of boxes) await d3.getByRole('checkbox', { name: new RegExp(`^Laporan ke-${n}: butir ${b},`) }).check();
}

/**
 * The D3 reply sample in real Chromium: the verifikator records reports and ticks, the page saves them as they are
 * made and shows the share, and after a reload the sample is there as stored.
 */
describe('D3 reply sample on the verification page (Chromium)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('autosaves the sample, shows the share of replies meeting every item and keeps it after a reload', async () => {
    const ctx = createTestContext();
    const busang = unitId(ctx.repos, 'KEC-BUSANG');
    const admin = await buildUser(ctx.repos, { role: 'admin', username: 'admin' });
    await buildUser(ctx.repos, { role: 'verifikator', username: 'verif' });
    const assessmentId = buildAssessment(ctx, { unitId: busang, fill: 3, status: 'diajukan', userId: admin.id });
    const server = await serve(ctx.app);
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await login(page, server.baseUrl, 'verif', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/periods/${ctx.periodId}/units/${busang}/verification#ind-D3`);

    await fillRow(page, 1, '6110421', [1, 2, 3, 4]);
    await fillRow(page, 2, '6110577', [1, 2]);
    await fillRow(page, 3, '6111002', [1, 2, 3, 4]);
    await fillRow(page, 4, '6111290', [1, 2, 3, 4]);
    await page.locator('#ind-D3').getByRole('radio', { name: 'Tetapkan tingkat hasil verifikasi' }).check();
    await page.locator('#vlevel_D3').selectOption('3');
    await page.locator('#reason_D3').fill('Tiga dari empat jawaban memenuhi keempat butir (75%).');
    const share = page.locator('#ind-D3 [data-sample-share]');
    await page.waitForFunction(() => (document.querySelector('#ind-D3 [data-sample-share]')?.textContent ?? '').startsWith('3 dari 4'));
    await page.waitForFunction(() => (document.getElementById('save-live')?.textContent ?? '').startsWith('Semua keputusan dan catatan tersimpan'));
    const shown = await share.textContent();
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.locator('#ind-D3 .sample').screenshot({ path: path.join(SCREENSHOT_DIR, 'sampel-d3-verifikasi.png') });
    await page.reload();

    expect(shown).toBe('3 dari 4 jawaban dalam sampel memenuhi seluruh butir daftar periksa (75,0 %).');
    const stored = ctx.db.prepare('SELECT report_count, meeting_all FROM verification_samples WHERE assessment_id = ?').get(assessmentId);
    expect(stored).toEqual({ report_count: 4, meeting_all: 3 });
    expect(ctx.db.prepare("SELECT decision FROM verification_decisions WHERE assessment_id = ? AND indicator_code = 'D3'").get(assessmentId)).toEqual({ decision: 'ubah' });
    expect(await page.locator('#ind-D3').getByLabel('ID Tracking laporan sampel ke-2', { exact: true }).inputValue()).toBe('6110577');
    expect(await page.locator('#ind-D3').getByRole('checkbox', { name: /^Laporan ke-2: butir 3,/ }).isChecked()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
    await server.close();
  });
});
