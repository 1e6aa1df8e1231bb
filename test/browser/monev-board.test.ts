import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestContext, TEST_PASSWORD, unitId, type TestContext } from '../helpers/test-app';
import { launchBrowser, login, screenshot, serve } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';
import { finalPlanForMonev, type MonevSetup } from '../helpers/monev';

/**
 * The monev reporting board on a phone: the tim Renaksi picks a semester whose deadline has passed, sees Kecamatan
 * Busang late with a WhatsApp link to its narahubung, opens the reminder's text (folded, so thirty late units stay a
 * board) and copies it; without JavaScript the text is there.
 */
describe('the monev reporting board in a real browser', () => {
  let ctx: TestContext;
  let m: MonevSetup;
  let browser: Browser;
  let server: { baseUrl: string; close: () => Promise<void> };
  let phone: BrowserContext;
  let noScript: BrowserContext;
  const phoneView = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

  beforeAll(async () => {
    ctx = createTestContext();
    m = await finalPlanForMonev(ctx);
    const planId = (ctx.db.prepare('SELECT id FROM renaksi_plans WHERE period_id = ?').get(ctx.periodId) as { id: number }).id;
    ctx.db.prepare("INSERT INTO monev_windows (plan_id, year, semester, opens_on, deadline, updated_at) VALUES (?, 2022, 2, '2022-07-01', '2023-01-31', ?)").run(planId, new Date().toISOString());
    ctx.db.prepare("UPDATE users SET phone = '6281350001234', display_name = 'Siti Rahma' WHERE username = ?").run(m.users.busang);
    server = await serve(ctx.app);
    browser = await launchBrowser();
    phone = await browser.newContext({ bypassCSP: true, ...phoneView });
    await phone.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    noScript = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false, ...phoneView });
    await login(await phone.newPage(), server.baseUrl, m.users.tim, TEST_PASSWORD);
    await login(await noScript.newPage(), server.baseUrl, m.users.admin, TEST_PASSWORD);
  });

  afterAll(async () => {
    await phone?.close();
    await noScript?.close();
    await browser?.close();
    await server?.close();
  });

  const busangRow = (page: Page) => page.locator(`#unit-${unitId(ctx.repos, 'KEC-BUSANG')}`);
  const busangReminder = (page: Page) => page.locator(`#unit-${unitId(ctx.repos, 'KEC-BUSANG')} + tr.reminder-row`);

  it('shows a late unit with a WhatsApp link to its narahubung and copies the reminder, on a phone', async () => {
    const page = await phone.newPage();
    await page.goto(`${server.baseUrl}/periods/${ctx.periodId}/renaksi/monev/board`);
    await page.getByLabel('Semester', { exact: true }).selectOption({ label: 'Semester II 2022' });
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.waitForURL(/semester=2022-2/);
    await screenshot(page, 'monev-board-phone-top');

    expect(await busangRow(page).textContent()).toContain('terlambat');
    const wa = busangReminder(page).getByRole('link', { name: 'Kirim WhatsApp ke Siti Rahma (0813 5000 1234)' });
    await wa.scrollIntoViewIfNeeded();
    await screenshot(page, 'monev-board-phone');
    const href = (await wa.getAttribute('href')) ?? '';
    expect(href.startsWith('https://wa.me/6281350001234?text=')).toBe(true);
    const text = decodeURIComponent(href.slice(href.indexOf('?text=') + 6));
    expect(text).toContain('Yth. Narahubung Kecamatan Busang,');
    expect(text).toContain('Semester II 2022 dari Kecamatan Busang belum kami terima, padahal batas pelaporannya 31 Januari 2023 sudah lewat.');
    expect(text).toContain(`Silakan laporkan melalui: ${server.baseUrl}/periods/${ctx.periodId}/renaksi/monev/units/${m.busang}/2022-2`);
    expect(await busangReminder(page).getByLabel('Teks pengingat').inputValue()).toBe(text);
    expect(await busangReminder(page).getByLabel('Teks pengingat').isVisible()).toBe(false);
    expect(await busangReminder(page).evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(160);

    await busangReminder(page).getByText('Teks pengingat untuk Kecamatan Busang').click();
    await busangReminder(page).getByRole('button', { name: 'Salin teks' }).click();

    await busangReminder(page).locator('.copy-status', { hasText: 'Teks disalin.' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('works without JavaScript: the semester form, the link and the text to select; no copy button', async () => {
    const page = await noScript.newPage();
    await page.goto(`${server.baseUrl}/periods/${ctx.periodId}/renaksi/monev/board`);
    await page.getByLabel('Semester', { exact: true }).selectOption({ label: 'Semester II 2022' });
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.waitForURL(/semester=2022-2/);

    expect(await busangReminder(page).getByRole('link', { name: /Kirim WhatsApp ke Siti Rahma/ }).count()).toBe(1);
    await busangReminder(page).getByText('Teks pengingat untuk Kecamatan Busang').click();

    expect(await busangReminder(page).getByLabel('Teks pengingat').isVisible()).toBe(true);
    expect(await busangReminder(page).getByLabel('Teks pengingat').inputValue()).toContain('Kecamatan Busang');
    expect(await busangReminder(page).getByRole('button', { name: 'Salin teks' }).isVisible()).toBe(false);
    await page.close();
  });
});
