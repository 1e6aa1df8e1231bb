import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { buildUser, createTestContext, TEST_PASSWORD, unitId, type TestContext } from '../helpers/test-app';
import { launchBrowser, login, screenshot, serve } from '../helpers/browser';

/**
 * Contexts for the tests that stub the network with page.route, which does not see requests a service worker
 * handles; the last test is the one about the worker.
 */
const NO_WORKER = { serviceWorkers: 'block' } as const;

type AnswerRow = { indicator_code: string; level: number | null; note: string; updated_by: number };

/**
 * The questionnaire's browser queue on a shared office PC: two people, one browser. Changes wait under the id of
 * the person who made them, signing out clears them, a change the server refused stays with its message, a link
 * retried after a lost response is added once, and a reload without a connection shows what is waiting.
 */
describe('the browser queue on a shared computer', () => {
  let ctx: TestContext;
  let browser: Browser;
  let server: { baseUrl: string; close: () => Promise<void> };
  let unit: number;
  let url: string;
  let first: { id: number; username: string };
  let second: { id: number; username: string };

  beforeAll(async () => {
    ctx = createTestContext();
    server = await serve(ctx.app);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const units = ['KEC-BUSANG', 'KEC-TELEN', 'KEC-KONGBENG', 'KEC-KAUBUN', 'KEC-SANDARAN'];
  let next = 0;
  beforeEach(async () => {
    unit = unitId(ctx.repos, units[next++] as string);
    first = await buildUser(ctx.repos, { role: 'narahubung', unitId: unit });
    second = await buildUser(ctx.repos, { role: 'narahubung', unitId: unit });
    url = `${server.baseUrl}/periods/${ctx.periodId}/units/${unit}/assessment`;
  });

  const answers = (): AnswerRow[] =>
    ctx.db
      .prepare('SELECT an.indicator_code, an.level, an.note, an.updated_by FROM answers an JOIN assessments a ON a.id = an.assessment_id WHERE a.unit_id = ? ORDER BY an.indicator_code')
      .all(unit) as AnswerRow[];
  const queued = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sp4n:q:')).sort());
  const allSaved = (page: Page) =>
    page.waitForFunction(() => (document.getElementById('save-live')?.textContent ?? '').startsWith('Semua perubahan tersimpan'), undefined, { timeout: 20_000 });
  const waitingOffline = (page: Page, code: string) =>
    page.waitForFunction((c) => document.querySelector(`#ind-${c} .st`)?.textContent === 'Belum tersimpan – menunggu koneksi', code);

  /** Types two changes while the answers API cannot be reached (the rest of the site can). */
  async function typeWithoutApi(page: Page): Promise<void> {
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await page.locator('#ind-A1 label.level', { hasText: /^\s*Tingkat 3\b/ }).click();
    await page.locator('#note_A2').fill('Diketik oleh narahubung pertama tanpa sinyal.');
    await page.locator('#note_A2').blur();
    await waitingOffline(page, 'A2');
  }

  /** The app on a loopback port of its own (0: any free one), to stop and start again on the same port. */
  async function serveOnPort(port: number): Promise<{ baseUrl: string; port: number; close: () => Promise<void> }> {
    const listening: Server = await new Promise((resolve) => {
      const s = ctx.app.listen(port, '127.0.0.1', () => resolve(s));
    });
    const bound = (listening.address() as AddressInfo).port;
    return {
      baseUrl: `http://127.0.0.1:${bound}`,
      port: bound,
      close: () => new Promise((resolve) => { listening.closeAllConnections(); listening.close(() => resolve()); }),
    };
  }

  /** Every request to the JSON API the page makes from now on. */
  function apiRequests(page: Page): string[] {
    const sent: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/')) sent.push(`${r.method()} ${r.url()}`); });
    return sent;
  }

  async function signOut(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
  }

  it('clears the first person\'s unsent changes when they sign out, and sends or shows none of them to the next person', async () => {
    const context = await browser.newContext({ ...NO_WORKER, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await login(page, server.baseUrl, first.username, TEST_PASSWORD);
    await page.goto(url);
    await typeWithoutApi(page);
    expect(await queued(page)).toEqual([
      `sp4n:q:${first.id}:${ctx.periodId}:${unit}:a:A1`, `sp4n:q:${first.id}:${ctx.periodId}:${unit}:a:A2`,
    ]);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.accept();
    });

    await signOut(page);
    await page.unrouteAll();
    const sent = apiRequests(page);
    await login(page, server.baseUrl, second.username, TEST_PASSWORD);
    await page.goto(url); // NOTE: the page sends its queue before its load event, so anything sent is seen by now
    await screenshot(page, 'antrean-pengguna-kedua');

    expect(sent).toEqual([]);
    expect(answers()).toEqual([]);
    expect(dialogs).toEqual([expect.stringContaining('Masih ada 2 perubahan yang belum tersimpan di server')]);
    expect(await page.locator('input[name="level_A1"][value="3"]').isChecked()).toBe(false);
    expect(await page.locator('#note_A2').inputValue()).toBe('');
    expect(await page.locator('#save-live').textContent()).toBe('');
    expect(await queued(page)).toEqual([]);
    await context.close();
  });

  it('keeps the first person\'s changes for them when their session ends without signing out, never for the next person', async () => {
    const context = await browser.newContext(NO_WORKER);
    const page = await context.newPage();
    await login(page, server.baseUrl, first.username, TEST_PASSWORD);
    await page.goto(url);
    await typeWithoutApi(page);
    page.on('dialog', (d) => void d.accept());
    await page.unrouteAll();
    await context.clearCookies(); // the session ends on the server (idle), nobody pressed "Keluar"

    const sent = apiRequests(page);
    await login(page, server.baseUrl, second.username, TEST_PASSWORD);
    await page.goto(url);
    const seenBySecond = { a1: await page.locator('input[name="level_A1"][value="3"]').isChecked(), sent: [...sent], queued: (await queued(page)).length };
    expect(seenBySecond).toEqual({ a1: false, sent: [], queued: 2 }); // the first person's two stay, under their id
    await signOut(page);
    await login(page, server.baseUrl, first.username, TEST_PASSWORD);
    await page.goto(url);
    await allSaved(page);

    expect(answers()).toEqual([
      { indicator_code: 'A1', level: 3, note: '', updated_by: first.id },
      { indicator_code: 'A2', level: null, note: 'Diketik oleh narahubung pertama tanpa sinyal.', updated_by: first.id },
    ]);
    expect(await queued(page)).toEqual([]);
    await context.close();
  });

  it('keeps a change the server refused visible with its message, after a reload too, until it is discarded', async () => {
    const context = await browser.newContext({ ...NO_WORKER, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await login(page, server.baseUrl, first.username, TEST_PASSWORD);
    await page.goto(url);
    await page.locator('#ind-B1 label.level', { hasText: /^\s*Tingkat 1\b/ }).click();
    await allSaved(page);
    const assessmentId = ctx.repos.assessments.find(ctx.periodId, unit)?.id as number;
    ctx.repos.assessments.setStatus(assessmentId, 'diajukan'); // a colleague submitted meanwhile

    await page.locator('#ind-B1 label.level', { hasText: /^\s*Tingkat 4\b/ }).click();
    const refusal = page.locator('#ind-B1 p.refused');
    await refusal.waitFor();
    const shown = { text: await refusal.textContent(), state: await page.locator('#ind-B1 .st').textContent(), live: await page.locator('#save-live').textContent() };
    await page.locator('#ind-B1').screenshot({ path: 'test-results/antrean-ditolak.png' });
    ctx.repos.assessments.setStatus(assessmentId, 'dikembalikan'); // the verifier returns it: the form is editable again
    await page.reload();
    await page.locator('#ind-B1 p.refused').waitFor();
    const afterReload = { text: await page.locator('#ind-B1 p.refused').textContent(), level4: await page.locator('input[name="level_B1"][value="4"]').isChecked() };
    await page.locator('#ind-B1').getByRole('button', { name: 'Buang perubahan ini' }).click();

    expect(shown.text).toContain('Jawaban tidak disimpan: Penilaian sudah diajukan sehingga jawabannya terkunci.');
    expect(shown.state).toBe('Gagal disimpan – Penilaian sudah diajukan sehingga jawabannya terkunci.');
    expect(shown.live).toBe('1 ditolak server – lihat pesannya pada indikator');
    expect(afterReload).toEqual({ text: expect.stringContaining('Penilaian sudah diajukan sehingga jawabannya terkunci.'), level4: true });
    expect(await page.locator('#ind-B1 p.refused').count()).toBe(0);
    expect(await page.locator('input[name="level_B1"][value="1"]').isChecked()).toBe(true);
    expect(await queued(page)).toEqual([]);
    expect(answers()).toEqual([{ indicator_code: 'B1', level: 1, note: '', updated_by: first.id }]);
    await context.close();
  });

  it('adds an evidence link once when its first answer was lost on the way back and the page sends it again', async () => {
    const context = await browser.newContext(NO_WORKER);
    const page = await context.newPage();
    await login(page, server.baseUrl, first.username, TEST_PASSWORD);
    await page.goto(url);
    let posts = 0;
    await page.route('**/evidence-links', async (route) => {
      posts++;
      if (posts > 1) return route.continue();
      await route.fetch(); // the server stores the link…
      await route.abort('connectionreset'); // …and its answer never reaches the browser
    });

    await page.locator('#link_C1').fill('https://kutaitimurkab.go.id/lapor/sk-tim');
    await page.locator('#link_C1').press('Tab');
    await page.locator('#ind-C1 .evst', { hasText: 'menunggu koneksi' }).waitFor();
    await context.setOffline(true);
    await context.setOffline(false); // the connection returns: the queue is sent again
    await page.locator('#ind-C1 .evst', { hasText: 'Tautan ditambahkan.' }).waitFor();

    const rows = ctx.db.prepare("SELECT e.url, e.created_by FROM evidence e JOIN assessments a ON a.id = e.assessment_id WHERE a.unit_id = ? AND e.deleted_at IS NULL").all(unit);
    expect(posts).toBe(2);
    expect(rows).toEqual([{ url: 'https://kutaitimurkab.go.id/lapor/sk-tim', created_by: first.id }]);
    expect(await page.locator('#ind-C1 .evidence li').count()).toBe(1);
    await page.reload();
    expect(await page.locator('#ind-C1 .evidence li').count()).toBe(1);
    await context.close();
  });

  it('shows the changes waiting in this person\'s queue when the questionnaire is reloaded offline, and forgets the worker on signing out', async () => {
    // NOTE: Chromium's offline emulation does not hold for requests a service worker lets through, so "offline"
    // here is the server itself going away, as when the office's link drops.
    const own = await serveOnPort(0);
    const ownUrl = url.replace(server.baseUrl, own.baseUrl);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await login(page, own.baseUrl, first.username, TEST_PASSWORD);
    await page.goto(ownUrl);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await own.close();
    await page.locator('#ind-D2 label.level', { hasText: /^\s*Tingkat 2\b/ }).click();
    await page.locator('#note_D2').fill('Rapat evaluasi triwulan.');
    await page.locator('#note_D2').blur();
    await waitingOffline(page, 'D2');
    page.on('dialog', (d) => void d.accept());

    await page.reload();
    await page.getByRole('heading', { name: 'Tidak ada koneksi internet' }).waitFor();
    await screenshot(page, 'kuesioner-luring-muat-ulang');
    const offline = { status: await page.locator('#count').textContent(), items: await page.locator('#waiting li').allTextContents() };
    const back = await serveOnPort(own.port); // the offline page opens the questionnaire again once the server answers
    await page.locator('#questionnaire').waitFor();
    await allSaved(page);
    await signOut(page);
    const left = await page.evaluate(async () => ({ workers: (await navigator.serviceWorker.getRegistrations()).length, caches: (await caches.keys()).length }));
    await back.close();

    expect(offline).toEqual({ status: '1 perubahan menunggu dikirim:', items: ['D2: Tingkat 2, penjelasan “Rapat evaluasi triwulan.”'] });
    expect(answers()).toEqual([{ indicator_code: 'D2', level: 2, note: 'Rapat evaluasi triwulan.', updated_by: first.id }]);
    expect(left).toEqual({ workers: 0, caches: 0 });
    await context.close();
  });
});
