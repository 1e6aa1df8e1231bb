import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { buildUser, createTestContext, TEST_PASSWORD, type TestContext } from '../helpers/test-app';
import { launchBrowser, login, screenshot, serve } from '../helpers/browser';
import { seedGaps } from '../helpers/renaksi';
import { readDocx } from '../helpers/docx';

/**
 * The Renaksi team in real Chromium: from the Renaksi page to the narrative editor, a paragraph rewritten and saved,
 * then the Word document downloaded from the Renaksi page carries it.
 */
describe('the Renaksi narrative in a real browser', () => {
  let ctx: TestContext;
  let browser: Browser;
  let server: { baseUrl: string; close: () => Promise<void> };
  let tim: string;

  beforeAll(async () => {
    ctx = createTestContext();
    tim = (await buildUser(ctx.repos, { role: 'tim_renaksi', username: 'tim.narasi' })).username;
    await seedGaps(ctx);
    server = await serve(ctx.app);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('edits the closing paragraph and downloads a document that prints it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    await login(page, server.baseUrl, tim, TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/periods/${ctx.periodId}/renaksi`);

    await page.getByRole('link', { name: 'Narasi dokumen' }).click();
    const penutup = page.getByLabel(/^BAB VI Penutup/);
    await penutup.fill('Rencana Aksi ini ditetapkan bersama seluruh perangkat daerah dan kecamatan.\nSemoga bermanfaat.');
    await screenshot(page, 'renaksi-narasi');
    await page.getByRole('button', { name: 'Simpan narasi' }).click();
    await page.getByText('Narasi tersimpan: BAB VI Penutup.').waitFor();
    expect(await penutup.inputValue()).toBe('Rencana Aksi ini ditetapkan bersama seluruh perangkat daerah dan kecamatan.\nSemoga bermanfaat.');

    await page.getByRole('link', { name: '← Kembali ke Renaksi' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh narasi (.docx)' }).click()]);
    const { text, kind } = await readDocx(fs.readFileSync(await download.path()));

    expect(download.suggestedFilename()).toBe(`renaksi-sp4n-lapor-periode-${ctx.periodId}-narasi.docx`);
    expect(kind).toBe('docx');
    expect(text).toContain('PENUTUP\nRencana Aksi ini ditetapkan bersama seluruh perangkat daerah dan kecamatan.\nSemoga bermanfaat.\n');
  });
});
