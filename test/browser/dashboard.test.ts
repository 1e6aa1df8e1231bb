import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildAssessment, buildUser, createTestContext, TEST_PASSWORD, REVISION_1, type TestContext } from '../helpers/test-app';
import { launchBrowser, login, paintedPixels, signedInContext, screenshot, SCREENSHOT_DIR, serve } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';
import { idNumber, parseCsv } from '../helpers/csv';
import { seedDemo } from '../../src/seed';
import { seedDepsOf } from '../../src/bootstrap';
import { formatScore } from '../../src/shared/format';
import { LIVE_POLL_SECONDS } from '../../src/dashboard/presentation.routes';

const CHARTS = ['#aspect-chart', '#ranking-chart', '#distribution-chart', '#weakest-chart'];
/** How often the live deck polls (LIVE_POLL_SECONDS); the tests move the page's clock by it instead of waiting. */
const LIVE_POLL_MS = LIVE_POLL_SECONDS * 1000;

/** Runs in the page before its scripts: counts the requests its scripts start (the live deck polls by fetch). */
function countFetches(): void {
  const w = window as unknown as { fetches: number };
  const real = window.fetch.bind(window);
  w.fetches = 0;
  window.fetch = (...args: Parameters<typeof fetch>) => {
    w.fetches++;
    return real(...args);
  };
}

/** Cell texts of a table's body rows: the visible number of a "cara menghitung" cell, else the cell's text. */
function tableRows(page: Page, selector: string): Promise<string[][]> {
  return page.$$eval(`${selector} tbody tr`, (trs) =>
    trs.map((tr) => Array.from(tr.children).map((c) => (c.querySelector('summary .v')?.textContent ?? c.textContent ?? '').trim())),
  );
}

async function chartsDrawn(page: Page, selectors: string[]): Promise<number[]> {
  for (const s of selectors) await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLCanvasElement | null)?.width ?? 0 > 0, s);
  return Promise.all(selectors.map((s) => paintedPixels(page, s)));
}

/**
 * The FGD in real Chromium: the dashboard and its tables, the unit pages and rapor, the presentation deck with
 * its keyboard, live updates, snapshots and print, each checked with axe-core.
 */
describe('FGD dashboard, presentation and rapor in a real browser', () => {
  let ctx: TestContext;
  let browser: Browser;
  let server: { baseUrl: string; close: () => Promise<void> };
  let context: BrowserContext;
  let verifiedUnitId: number;
  let pendingUnits: number[];
  let adminId: number;

  beforeAll(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    adminId = (await buildUser(ctx.repos, { role: 'admin', username: 'admin' })).id;
    await buildUser(ctx.repos, { role: 'fasilitator', username: 'fasil' });
    seedDemo(seedDepsOf(ctx.db, ctx.modules));
    const units = ctx.repos.assessments.listPeriodUnits(ctx.periodId);
    verifiedUnitId = units.find((u) => u.status === 'diverifikasi')?.unitId ?? 0;
    pendingUnits = units.filter((u) => u.status === null).map((u) => u.unitId);
    await buildUser(ctx.repos, { role: 'narahubung', unitId: verifiedUnitId, username: 'nara' });
    server = await serve(ctx.app);
    browser = await launchBrowser();
    context = await signedInContext(browser, server.baseUrl, 'fasil', TEST_PASSWORD);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const url = (p: string) => `${server.baseUrl}/periods/${ctx.periodId}${p}`;

  it('draws every dashboard chart at 1366×768 with no serious accessibility violation', async () => {
    const page = await context.newPage();
    await page.goto(url('/dashboard'));

    const painted = await chartsDrawn(page, CHARTS);

    painted.forEach((n) => expect(n).toBeGreaterThan(2000));
    expect(await page.locator('#kabupaten-index').textContent()).toMatch(/^\d{2},\d{2}$/);
    await screenshot(page, 'fgd-dasbor-1366');
    await page.locator('#peta-panas').scrollIntoViewIfNeeded();
    await screenshot(page, 'fgd-dasbor-peta-panas-1366');
    await page.locator('#sebaran').scrollIntoViewIfNeeded();
    await screenshot(page, 'fgd-dasbor-sebaran-1366');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('fits the dashboard on a phone: charts drawn, only the wide tables scroll', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url('/dashboard'));

    const painted = await chartsDrawn(page, CHARTS);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);

    painted.forEach((n) => expect(n).toBeGreaterThan(1000));
    expect(pageWidth).toBeLessThanOrEqual(390);
    await screenshot(page, 'fgd-dasbor-ponsel');
    await page.locator('#aspek').scrollIntoViewIfNeeded();
    await screenshot(page, 'fgd-dasbor-aspek-ponsel');
    await page.locator('#peta-panas').scrollIntoViewIfNeeded();
    await screenshot(page, 'fgd-dasbor-peta-panas-ponsel');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows the same numbers in the tables as in the JSON and the CSV', async () => {
    const page = await context.newPage();
    await page.goto(url('/dashboard'));

    const aspects = await tableRows(page, '#aspect-table');
    const aspectsJson = await (await page.request.get(url('/dashboard/aspects.json'))).json();
    const aspectsCsv = parseCsv(await (await page.request.get(url('/dashboard/aspects.csv'))).text());
    const heat = await tableRows(page, '#heatmap');
    const heatJson = await (await page.request.get(url('/dashboard/heatmap.json'))).json();
    const ranking = await tableRows(page, '#ranking-table');
    const rankingCsv = parseCsv(await (await page.request.get(url('/dashboard/ranking.csv'))).text());
    const weakest = await tableRows(page, '#weakest-table');
    const weakestJson = await (await page.request.get(url('/dashboard/weakest.json'))).json();
    const summaryJson = await (await page.request.get(url('/dashboard/summary.json'))).json();

    expect(await page.locator('#kabupaten-index').textContent()).toBe(formatScore(summaryJson.kabupaten.score));
    aspectsJson.aspects.forEach((a: { kabupaten: { score: number }; groups: Record<string, { score: number }> }, i: number) => {
      expect(aspects[i]?.slice(2)).toEqual([formatScore(a.kabupaten.score), formatScore(a.groups['perangkat daerah']?.score), formatScore(a.groups.kecamatan?.score)]);
      expect(aspectsCsv[i + 1]?.[3]).toBe(aspects[i]?.[2]);
      expect(idNumber(aspectsCsv[i + 1]?.[3] ?? '')).toBeCloseTo(a.kabupaten.score, 2);
    });
    expect(heat.map((r) => r[0])).toEqual(heatJson.units.map((u: { name: string }) => u.name));
    heatJson.units.forEach((u: { aspects: Record<string, { score: number | null }>; index: number }, i: number) => {
      expect(heat[i]?.[2]).toContain(formatScore(u.aspects.A?.score ?? null));
      expect(heat[i]?.[8]).toContain(formatScore(u.index));
    });
    const rankedCsv = rankingCsv.slice(1).filter((r) => r[0] !== '');
    expect(ranking.filter((r) => /^\d+$/.test(r[0] ?? '')).map((r) => [r[0], r[1], r[4]])).toEqual(rankedCsv.map((r) => [r[0], r[2], r[5]]));
    expect(weakest.map((r) => [r[1]?.slice(0, 2), r[2]])).toEqual(weakestJson.indicators.map((w: { code: string; mean: number }) => [w.code, formatScore(w.mean)]));
    await page.close();
  });

  it('opens a number’s computation, sorts the heatmap by a column and opens a cell’s indicators', async () => {
    const page = await context.newPage();
    await page.goto(url('/dashboard'));

    await page.locator('#aspect-table tbody tr').first().locator('summary').first().click();
    const how = await page.locator('#aspect-table tbody tr').first().locator('details p').first().textContent();
    await page.locator('#heatmap thead a', { hasText: /^D/ }).click();
    await page.waitForURL(/sort=D/);
    const dScores = (await tableRows(page, '#heatmap')).map((r) => idNumber((r[5] ?? '').slice(0, 5)));
    await page.locator('#heatmap tbody tr').first().locator('td.heat a').first().click();

    expect(how).toMatch(/^Rata-rata skor aspek A dari \d+ unit \(kabupaten\): \(.+\) ÷ \d+ = \d{2},\d{2}\.$/);
    expect(dScores).toEqual([...dScores].sort((a, b) => b - a));
    await page.waitForURL(/\/units\/\d+\/assessment#aspect-A$/);
    await page.close();
  });

  it('draws a unit’s radar against the kabupaten with its gaps, and its one-page rapor', async () => {
    const page = await context.newPage();
    await page.goto(url(`/units/${verifiedUnitId}/scores`));
    const radar = await chartsDrawn(page, ['#radar-chart']);
    await screenshot(page, 'fgd-skor-unit-1366');
    const unitViolations = await seriousViolations(page);

    await page.goto(url(`/units/${verifiedUnitId}/rapor`));
    const raporRadar = await chartsDrawn(page, ['#radar-chart']);
    await screenshot(page, 'fgd-rapor-1366');
    const raporViolations = await seriousViolations(page);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(path.join(SCREENSHOT_DIR, 'fgd-rapor.pdf'), pdf);

    expect(radar[0]).toBeGreaterThan(2000);
    expect(raporRadar[0]).toBeGreaterThan(1000);
    expect(unitViolations).toEqual([]);
    expect(raporViolations).toEqual([]);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await page.close();
  });

  it('shows the narahubung their own verified rapor on a phone', async () => {
    const own = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    const page = await own.newPage();
    await login(page, server.baseUrl, 'nara', TEST_PASSWORD);

    const res = await page.goto(url(`/units/${verifiedUnitId}/rapor`));
    await chartsDrawn(page, ['#radar-chart']);
    await screenshot(page, 'fgd-rapor-ponsel');
    const other = await page.goto(url(`/units/${pendingUnits[0]}/rapor`));

    expect(res?.status()).toBe(200);
    expect(other?.status()).toBe(403);
    await own.close();
  });

  it('steps through every slide by keyboard and buttons, each drawn and accessible', async () => {
    const page = await context.newPage();
    await page.goto(url('/presentation'));
    const count = await page.locator('[data-slide]').count();
    const counter = page.locator('[data-counter]');

    const seen: { n: string; painted: number[]; violations: unknown[] }[] = [];
    for (let i = 0; i < count; i++) {
      const slide = page.locator('[data-slide].current');
      const canvases = await slide.locator('canvas').evaluateAll((cs) => cs.map((c) => `#${c.id}`));
      await screenshot(page, `fgd-slide-${i + 1}-1366`);
      seen.push({ n: (await counter.textContent()) ?? '', painted: await Promise.all(canvases.map((c) => paintedPixels(page, c))), violations: await seriousViolations(page) });
      await page.keyboard.press(['PageDown', 'ArrowRight', ' ', 'ArrowDown'][i % 4] as string);
    }
    await page.keyboard.press('Home');
    const afterHome = await counter.textContent();
    await page.keyboard.press('End');
    const afterEnd = await counter.textContent();
    await page.keyboard.press('PageUp');
    const afterPageUp = await counter.textContent();
    await page.getByRole('button', { name: 'Slide berikutnya' }).click();

    expect(seen.map((s) => s.n)).toEqual(Array.from({ length: count }, (_, i) => `${i + 1} / ${count}`));
    seen.forEach((s) => s.painted.forEach((p) => expect(p).toBeGreaterThan(2000)));
    // Index gauge, aspects, groups, the SP4N-LAPOR! volume (the demo data has an export) and the weakest indicators.
    expect(seen.filter((s) => s.painted.length > 0).length).toBe(5);
    seen.forEach((s) => expect(s.violations).toEqual([]));
    expect([afterHome, afterEnd, afterPageUp]).toEqual([`1 / ${count}`, `${count} / ${count}`, `${count - 1} / ${count}`]);
    expect(await counter.textContent()).toBe(`${count} / ${count}`);
    expect(page.url()).toMatch(new RegExp(`#slide-${count}$`));
    await page.close();
  });

  it('updates the live slide without a reload when another unit submits', async () => {
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(url('/presentation'));
    const index = page.locator('[data-slide].current [data-kab-index]');
    const before = await index.textContent();
    const marker = await page.evaluate(() => { (window as unknown as { stayed: boolean }).stayed = true; return true; });

    buildAssessment(ctx, { unitId: pendingUnits[0] as number, fill: 4, status: 'diajukan', userId: adminId });
    await page.clock.runFor(LIVE_POLL_MS);
    await page.waitForFunction((old) => document.querySelector('[data-slide].current [data-kab-index]')?.textContent !== old, before, { timeout: 20000 });

    expect(marker).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await index.textContent()).not.toBe(before);
    expect(await paintedPixels(page, '[data-slide].current canvas')).toBeGreaterThan(2000);
    await page.close();
  });

  it('freezes the numbers in a snapshot that does not move while units keep submitting, names hidden', async () => {
    const page = await context.newPage();
    await page.addInitScript(countFetches);
    await page.clock.install();
    await page.goto(url('/presentation?anon=1'));
    await page.getByText('Menu', { exact: true }).click();
    await page.getByRole('button', { name: 'Bekukan angka (snapshot)' }).click();
    await page.waitForURL(/\/presentation\/snapshots\/\d+\?anon=1/);
    const frozen = await page.locator('[data-slide].current [data-kab-index]').textContent();
    const stamp = await page.locator('[data-live-status]').textContent();

    buildAssessment(ctx, { unitId: pendingUnits[1] as number, fill: 0, status: 'diajukan', userId: adminId });
    await page.clock.runFor(LIVE_POLL_MS + 1500);
    const fetched = await page.evaluate(() => (window as unknown as { fetches: number }).fetches);
    const stillFrozen = await page.locator('[data-slide].current [data-kab-index]').textContent();
    await page.keyboard.press('End');
    const heatmapNames = await page.locator('.slide-heatmap tbody th').allTextContents();
    await page.reload();
    const afterReload = await page.locator('[data-kab-index]').textContent();
    const live = await (await page.request.get(url('/presentation.json'))).json();

    expect(stamp).toMatch(/^Snapshot \d{1,2} [A-Z][a-z]+ \d{4} pukul \d{2}\.\d{2} WITA/);
    expect(fetched).toBe(0);
    expect(stillFrozen).toBe(frozen);
    expect(afterReload).toBe(frozen);
    expect(formatScore(live.index.kabupaten.mean)).not.toBe(frozen);
    expect(heatmapNames.length).toBeGreaterThan(0);
    heatmapNames.forEach((n) => expect(n).toMatch(/^Unit \d+$/));
    await page.close();
  });

  it('prints one slide per page and works on a phone', async () => {
    const page = await context.newPage();
    await page.goto(url('/presentation'));
    const count = await page.locator('[data-slide]').count();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(path.join(SCREENSHOT_DIR, 'fgd-presentasi.pdf'), pdf);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url('/presentation#slide-4'));
    const heatmapSlide = await page.locator('[data-counter]').textContent();
    await screenshot(page, 'fgd-slide-peta-panas-ponsel');
    await page.goto(url('/presentation#slide-1'));
    await screenshot(page, 'fgd-slide-indeks-ponsel');
    const phoneWidth = await page.evaluate(() => document.documentElement.scrollWidth);

    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(count);
    expect(heatmapSlide).toBe(`4 / ${count}`);
    expect(phoneWidth).toBeLessThanOrEqual(390);
    expect(await paintedPixels(page, '[data-slide].current canvas')).toBeGreaterThan(1000);
    await page.close();
  });
});
