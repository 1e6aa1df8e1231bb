import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildUser, createTestContext, TEST_PASSWORD, type TestContext } from '../helpers/test-app';
import { launchBrowser, paintedPixels, signedInContext, screenshot, SCREENSHOT_DIR, serve } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';
import { seedDemoData } from '../../src/bootstrap';
import { DEMO_ADDED_UNIT, DEMO_NEXT_PERIOD_NAME } from '../../src/seed';
import { formatInt, formatScore } from '../../src/shared/format';

async function drawn(page: Page, selector: string): Promise<number> {
  await page.waitForFunction((sel) => ((document.querySelector(sel) as HTMLCanvasElement | null)?.width ?? 0) > 0, selector);
  return paintedPixels(page, selector);
}

/**
 * The demo's second period in real Chromium: the dashboard compares 2023 with 2022 and with the signed 2022–2024
 * Renaksi, the FGD deck has its kemajuan slide, and a unit's rapor carries its trajectory on one printed page.
 */
describe('progress between periods in a real browser', () => {
  let ctx: TestContext;
  let browser: Browser;
  let server: { baseUrl: string; close: () => Promise<void> };
  let context: BrowserContext;
  let p2023: number;

  beforeAll(async () => {
    ctx = createTestContext();
    await buildUser(ctx.repos, { role: 'admin', username: 'admin' });
    await buildUser(ctx.repos, { role: 'fasilitator', username: 'fasil' });
    await seedDemoData(ctx.db, ctx.modules);
    p2023 = ctx.repos.periods.findByName(DEMO_NEXT_PERIOD_NAME)?.id ?? 0;
    server = await serve(ctx.app);
    browser = await launchBrowser();
    context = await signedInContext(browser, server.baseUrl, 'fasil', TEST_PASSWORD);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const url = (p: string) => `${server.baseUrl}/periods/${p2023}${p}`;

  it('draws the target-vs-achieved chart and shows the same numbers per aspect and per unit as the API', async () => {
    const page = await context.newPage();
    await page.goto(url('/dashboard'));
    await page.locator('#kemajuan').scrollIntoViewIfNeeded();

    const painted = await drawn(page, '#progress-chart');
    await screenshot(page, 'kemajuan-dasbor-1366');
    const api = await (await page.request.get(`${server.baseUrl}/api/periods/${p2023}/progress`)).json();
    const aspects = await page.$$eval('#progress-plan-aspects tbody tr', (trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent?.trim() ?? '')));
    const units = await page.$$eval('#progress-units tbody tr', (trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent?.trim() ?? '')));
    const indexChange = await page.locator('#progress-index-change').textContent();
    const violations = await seriousViolations(page);

    expect(painted).toBeGreaterThan(2000);
    expect(aspects.map((r) => [r[0]?.slice(0, 1), r[2], r[3]])).toEqual(
      api.plan.aspects.map((a: { code: string; expected: number; achieved: number }) => [a.code, formatInt(a.expected), formatInt(a.achieved)]),
    );
    expect(indexChange).toBe(`+${formatScore(api.comparison.kabupaten.index.change)}`);
    expect(units.map((r) => r[0])).toEqual(api.comparison.units.map((u: { name: string }) => u.name));
    expect(units.find((r) => r[0] === DEMO_ADDED_UNIT.name)?.[5]).toBe('unit baru (tidak ada di Renaksi)');
    expect(violations).toEqual([]);
    await page.close();
  });

  it('shows the kemajuan slide in the FGD deck, drawn and accessible', async () => {
    const page = await context.newPage();
    await page.goto(url('/presentation'));
    const index = await page.locator('[data-slide]').evaluateAll((s) => s.findIndex((x) => x.classList.contains('slide-progress')));

    await page.goto(url(`/presentation#slide-${index + 1}`));
    const painted = await drawn(page, '[data-slide].current canvas');
    await screenshot(page, 'kemajuan-slide-1366');
    const title = await page.locator('[data-slide].current h2').textContent();
    const planText = await page.locator('[data-slide].current [data-progress-plan]').textContent();

    expect(index).toBeGreaterThan(2);
    expect(painted).toBeGreaterThan(2000);
    expect(title).toBe('Kemajuan sejak 2022 dan capaian Renaksi 2023');
    expect(planText).toMatch(/^\d+ dari \d+ indikator Renaksi 2022–2024 mencapai jumlah unit yang ditargetkan untuk 2023\.$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('prints the rapor of the unit with the longest trajectory on one A4 page', async () => {
    const progress = ctx.modules.progress.service.progress(p2023, undefined);
    const longest = [...(progress.plan?.progress.units ?? [])].filter((u) => u.presence === 'both').sort((a, b) => b.items.length - a.items.length)[0];
    const page = await context.newPage();
    await page.goto(url(`/units/${longest?.unitId}/rapor`));
    await drawn(page, '#radar-chart');

    const lines = await page.locator('#rapor-trajectory li').allTextContents();
    await screenshot(page, 'kemajuan-rapor-1366');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(path.join(SCREENSHOT_DIR, 'kemajuan-rapor.pdf'), pdf);

    expect(longest?.items.length).toBeGreaterThan(10);
    expect(lines.map((l) => l.slice(0, 4))).toEqual(['2023', '2024']);
    expect(lines[0]).toMatch(/^2023 \d+ dari \d+ indikator mencapai target tingkat tahun ini/);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await page.close();
  });
});
