import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildUser, createTestContext, TEST_PASSWORD, type TestContext } from '../helpers/test-app';
import { launchBrowser, login, screenshot, serve } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';
import { listRoutes } from '../helpers/routes';
import { seedDemo } from '../../src/seed';
import { seedDepsOf } from '../../src/bootstrap';

/** A phone's browser, so the sessions tables show what a narahubung's phone sends. */
const PHONE = 'Mozilla/5.0 (Linux; Android 13; SM-A146P Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36';

/** GET routes that answer with a file, JSON or a redirect rather than a page. */
const NOT_PAGES = /\.(json|csv|xlsx|docx)$|^\/api\/|^\/healthz$|\/evidence\/:evidenceId$|\/presentation\/deck$|^\/dashboard\/unit$/;

/**
 * Every page an admin can open, on a desktop and on a 390 px phone: no serious or critical axe-core violation, no
 * sideways scrolling of the page on the phone (wide tables scroll inside their own focusable region), and no
 * failed request (the favicon every page asks for included).
 */
describe('every page, desktop and phone', () => {
  let ctx: TestContext;
  let dataDir: string;
  let browser: Browser;
  let server: { baseUrl: string; close: () => Promise<void> };
  let unit: number;
  let pages: string[];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-halaman-'));
    ctx = createTestContext({ dataDir });
    const admin = await buildUser(ctx.repos, { role: 'admin', username: 'admin' });
    seedDemo(seedDepsOf(ctx.db, ctx.modules));
    unit = ctx.repos.assessments.listPeriodUnits(ctx.periodId).find((u) => u.status === 'draf')?.unitId ?? 0;
    pages = listRoutes(ctx.app)
      .filter((r) => r.method === 'GET' && !NOT_PAGES.test(r.path) && !r.path.includes(':token') && !r.path.includes(':handle'))
      .map((r) => r.path
        .replace(':periodId', String(ctx.periodId))
        .replace(':unitId', String(unit))
        .replace(':userId', String(admin.id))
        .replace(/:\w+/g, '1'));
    server = await serve(ctx.app);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function signedIn(width: number): Promise<{ context: BrowserContext; page: Page; failed: string[] }> {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 844 }, ...(width < 600 ? { userAgent: PHONE } : {}) });
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => { if ((r.status() === 404 || r.status() >= 500) && !r.request().isNavigationRequest()) failed.push(`${r.status()} ${r.url()}`); });
    // net::ERR_ABORTED is the browser cancelling a request itself (the favicon still loading when the next page is
    // opened); a server that fails shows as a 404/5xx response or a reset connection, and those are all counted.
    page.on('requestfailed', (r) => { if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${r.failure()?.errorText ?? 'failed'} ${r.url()}`); });
    await login(page, server.baseUrl, 'admin', TEST_PASSWORD);
    return { context, page, failed };
  }

  /** How far the page reaches past the viewport's right edge (0: nothing scrolls sideways). */
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it.each([1366, 390])('has no serious or critical violation at %i px, and no page wider than the screen', async (width) => {
    const { context, page, failed } = await signedIn(width);
    const problems: string[] = [];

    for (const url of pages) {
      await page.goto(`${server.baseUrl}${url}`);
      for (const v of await seriousViolations(page)) problems.push(`${url}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      const wide = await overflow(page);
      if (wide > 0) problems.push(`${url}: ${wide} px wider than the screen`);
    }

    expect(pages.length).toBeGreaterThan(30);
    expect(problems).toEqual([]);
    expect(failed).toEqual([]);
    await context.close();
  });

  it('fits the completion board and the units admin on a 390 px phone, one card per unit, sorting still at hand', async () => {
    const { context, page } = await signedIn(390);

    await page.goto(`${server.baseUrl}/periods/${ctx.periodId}/units`);
    await page.locator('table caption').evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'status-pengisian-390');
    const board = { wide: await overflow(page), sortLinks: await page.locator('thead a:visible').count(), label: await page.locator('tbody tr td[data-label="Kelompok"]').first().evaluate((td) => getComputedStyle(td, '::before').content) };
    await page.goto(`${server.baseUrl}/admin/units`);
    await page.locator('table caption').evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'admin-unit-390');
    const units = { wide: await overflow(page), cardWidth: (await page.locator('tbody tr').first().boundingBox())?.width ?? 999 };

    expect(board).toEqual({ wide: 0, sortLinks: 8, label: '"Kelompok: "' });
    expect(units.wide).toBe(0);
    expect(units.cardWidth).toBeLessThanOrEqual(390);
    await context.close();
  });

  it.each([1366, 390])('shows the offline questionnaire upload report at %i px with no serious violation and nothing sideways', async (width) => {
    const { context, page } = await signedIn(width);
    const base = `${server.baseUrl}/periods/${ctx.periodId}/units/${unit}`;
    const workbook = await page.request.get(`${base}/questionnaire.xlsx`);

    await page.goto(`${base}/questionnaire-upload`);
    await page.locator('#file').setInputFiles({ name: 'kuesioner.xlsx', mimeType: 'application/octet-stream', buffer: await workbook.body() });
    await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
    await page.getByRole('heading', { name: /Laporan unggahan/ }).waitFor();

    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await overflow(page)).toBe(0);
    await context.close();
  });

  it('keeps the demo badge of the presentation off its clock line on a projector', async () => {
    const { context, page } = await signedIn(1366);
    await page.setViewportSize({ width: 1366, height: 768 });

    await page.goto(`${server.baseUrl}/periods/${ctx.periodId}/presentation`);
    await page.locator('.slide.current').waitFor();
    await screenshot(page, 'presentasi-demo-1366');
    const boxes = await page.evaluate(() => {
      const onScreen = (el: Element) => el.getBoundingClientRect().width > 0 && (!el.closest('.slide') || !!el.closest('.slide.current'));
      const badge = Array.from(document.querySelectorAll('.demo-flag')).find(onScreen);
      const kicker = Array.from(document.querySelectorAll('.slide.current .kicker > span:not(.demo-flag)'));
      const r = (el: Element) => { const b = el.getBoundingClientRect(); return { left: b.left, right: b.right, top: b.top, bottom: b.bottom }; };
      return { badge: badge ? r(badge) : null, kicker: kicker.map(r), badgeText: badge?.textContent ?? '' };
    });
    const overlaps = boxes.kicker.filter((k) => boxes.badge && k.left < boxes.badge.right && boxes.badge.left < k.right && k.top < boxes.badge.bottom && boxes.badge.top < k.bottom);

    expect(boxes.badgeText).toContain('Data contoh (demo)');
    expect(boxes.kicker).toHaveLength(2);
    expect(overlaps).toEqual([]);
    await context.close();
  });

  it('serves a favicon at the site root and links it from every page', async () => {
    const { context, page, failed } = await signedIn(1366);

    const root = await page.request.get(`${server.baseUrl}/favicon.ico`);
    await page.goto(`${server.baseUrl}/`);
    const linked = await page.locator('link[rel="icon"]').getAttribute('href');
    const fingerprinted = await page.request.get(`${server.baseUrl}${linked ?? ''}`);

    expect([root.status(), root.headers()['content-type']]).toEqual([200, 'image/vnd.microsoft.icon']);
    expect((await root.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    expect(fingerprinted.status()).toBe(200);
    expect(failed).toEqual([]);
    await context.close();
  });
});
