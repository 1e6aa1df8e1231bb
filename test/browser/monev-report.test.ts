import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../helpers/test-app';
import { launchBrowser, login, screenshot, serve, SCREENSHOT_DIR } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';
import { finalPlanForMonev, type MonevSetup } from '../helpers/monev';
import { rowByKey } from '../helpers/renaksi';

/**
 * The semester report for the Bupati in real Chromium: readable on screen with its links, and printed on A4 without
 * the application's menus and links, the small plan of seedGaps on a single page.
 */
describe('the monev semester report in a real browser', () => {
  let ctx: TestContext;
  let m: MonevSetup;
  let browser: Browser;
  let server: { baseUrl: string; close: () => Promise<void> };

  beforeAll(async () => {
    ctx = createTestContext();
    m = await finalPlanForMonev(ctx);
    const row = rowByKey(ctx, 'kab:A1');
    ctx.db.prepare(
      `INSERT INTO monev_row_reports (row_id, year, semester, status, realisasi, kendala, tindak_lanjut, review_state, created_at, updated_at)
       VALUES (?, 2022, 1, 'berjalan', 0, 'Templat SOP dari Bagian Organisasi belum terbit', 'Bimbingan teknis pada TW III', 'diterima', '2022-07-10', '2022-07-10')`,
    ).run(row.id);
    server = await serve(ctx.app);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the semester on screen and prints it on one A4 page without the menus and links', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await login(page, server.baseUrl, m.users.verifikator, TEST_PASSWORD);

    await page.goto(`${server.baseUrl}${m.url}/laporan?semester=2022-1`);
    await screenshot(page, 'monev-laporan-1366');
    const violations = await seriousViolations(page);
    const onScreen = await page.isVisible('.monev-tools');
    await page.emulateMedia({ media: 'print' });
    const printed = { tools: await page.isVisible('.monev-tools'), menu: await page.isVisible('header.top'), report: await page.isVisible('#behind') };
    const pdf = await page.pdf({ format: 'A4' });
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    fs.writeFileSync(path.join(SCREENSHOT_DIR, 'monev-laporan.pdf'), pdf);

    expect(violations).toEqual([]);
    expect(onScreen).toBe(true);
    expect(await page.textContent('#behind')).toContain('Templat SOP dari Bagian Organisasi belum terbit');
    expect(printed).toEqual({ tools: false, menu: false, report: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    // A4 is 595,3 × 841,9 pt; Chromium rounds it to whole CSS pixels (794 × 1124 px).
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.9\d* 842\.88\]/);
    await context.close();
  });

  it('reads on a phone without sideways scrolling: the wide table of rows behind schedule scrolls in its own box', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await login(page, server.baseUrl, m.users.verifikator, TEST_PASSWORD);

    await page.goto(`${server.baseUrl}${m.url}/laporan?semester=2022-1`);
    await screenshot(page, 'monev-laporan-390');
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      aspects: (document.querySelector('#aspects') as HTMLElement).getBoundingClientRect().right,
    }));

    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.aspects).toBeLessThanOrEqual(390);
    expect(await page.getByRole('region', { name: 'Tabel baris yang tertinggal dari jadwal' }).textContent()).toContain('Templat SOP dari Bagian Organisasi belum terbit');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
