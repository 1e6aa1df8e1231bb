import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildAssessment, buildUser, createTestContext, TEST_PASSWORD, unitId, REVISION_1, type TestContext } from '../helpers/test-app';
import { launchBrowser, login, screenshot, serve } from '../helpers/browser';

const AXE = path.resolve('node_modules/axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's serious and critical violations on the current page (injected past the CSP by the context). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} → ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
}

/**
 * Return and resubmit in real Chromium: the verifikator returns the assessment with a comment on one indicator, the
 * narahubung reads it beside the indicator link, fixes it and resubmits, the verifikator finishes. axe-core checks the
 * verification, review and board pages.
 */
describe('return and resubmit in a real browser', () => {
  let ctx: TestContext;
  let browser: Browser;
  let server: { baseUrl: string; close: () => Promise<void> };
  let busang: number;
  const comment = 'Lampirkan SK penetapan pejabat pengelola pengaduan yang sudah ditandatangani camat.';

  async function newContext(viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
    return browser.newContext({ bypassCSP: true, viewport });
  }

  beforeAll(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    const admin = await buildUser(ctx.repos, { role: 'admin', username: 'admin' });
    await buildUser(ctx.repos, { role: 'narahubung', unitId: busang, username: 'nara.busang' });
    await buildUser(ctx.repos, { role: 'verifikator', username: 'verif' });
    await buildUser(ctx.repos, { role: 'fasilitator', username: 'fasil' });
    const a = buildAssessment(ctx, { unitId: busang, fill: 3, levels: { D1: 'na' }, status: 'diajukan', userId: admin.id });
    ctx.repos.evidence.insertLink(a, 'A2', 'https://busang.kutaitimurkab.go.id/sop-pengaduan.pdf', admin.id);
    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'KEC-TELEN'), levels: { A1: 2 }, userId: admin.id });
    server = await serve(ctx.app);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the verifikator opens the queue, sees the evidence and returns the assessment with a comment on A2', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await login(page, server.baseUrl, 'verif', TEST_PASSWORD);

    await page.getByRole('link', { name: 'Antrean verifikasi' }).click();
    await page.getByRole('link', { name: 'Kecamatan Busang' }).click();
    await page.locator('#ind-A2').getByRole('link', { name: 'https://busang.kutaitimurkab.go.id/sop-pengaduan.pdf' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#ind-A1').getByText('Terima tingkat mandiri').click();
    await page.getByLabel('Catatan untuk narahubung (dikirim bila penilaian dikembalikan)').nth(1).fill(comment);
    await screenshot(page, 'verifikasi-kembalikan');
    await page.getByRole('button', { name: 'Kembalikan ke narahubung' }).click();

    await page.getByText('Penilaian dikembalikan ke narahubung dengan 1 catatan.').waitFor();
    expect(await page.getByText('Dikembalikan ke unit (1)').isVisible()).toBe(true);
    expect(ctx.db.prepare('SELECT status FROM assessments WHERE unit_id = ?').get(busang)).toEqual({ status: 'dikembalikan' });
    await context.close();
  });

  it('the narahubung on a phone reads the comment, follows it to A2, fixes the level and resubmits', async () => {
    const context = await newContext({ width: 390, height: 844 });
    const page = await context.newPage();
    await login(page, server.baseUrl, 'nara.busang', TEST_PASSWORD);

    await page.getByText('Penilaian dikembalikan oleh verifikator dengan catatan').waitFor();
    await page.getByRole('link', { name: 'Lihat catatan verifikator' }).click();
    await page.getByText(comment).waitFor();
    expect(await page.getByRole('heading', { name: 'Perlu ditindaklanjuti: Catatan putaran 1' }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'catatan-verifikator-ponsel');
    await page.getByRole('link', { name: /^A2/ }).click();

    await page.waitForURL(/\/assessment#ind-A2$/);
    await page.locator('#ind-A2 label.level', { hasText: /^\s*Tingkat 2\b/ }).click();
    await page.getByRole('button', { name: 'Simpan dan ajukan' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ya, ajukan sekarang' }).click();
    await page.getByText('Penilaian mandiri berhasil diajukan untuk diverifikasi.').waitFor();

    const row = ctx.db.prepare("SELECT a.status, an.level FROM assessments a JOIN answers an ON an.assessment_id = a.id WHERE a.unit_id = ? AND an.indicator_code = 'A2'").get(busang);
    expect(row).toEqual({ status: 'diajukan', level: 2 });
    await page.goto(`${server.baseUrl}/periods/${ctx.periodId}/units/${busang}/review`);
    expect(await page.getByText(comment).isVisible()).toBe(true);
    expect(await page.getByText('Perlu ditindaklanjuti').count()).toBe(0);
    await context.close();
  });

  it('the verifikator sees the earlier comment, re-checks the changed A2 and finishes the verification', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await login(page, server.baseUrl, 'verif', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/periods/${ctx.periodId}/units/${busang}/verification`);

    expect(await page.locator('#ind-A2').getByText(comment).isVisible()).toBe(true);
    expect(await page.getByText('1 dari 30 indikator').isVisible()).toBe(true);
    for (const code of ctx.instrument.aspects.flatMap((a) => a.indicators.map((i) => i.code))) {
      if (code === 'B1') continue;
      await page.locator(`#ind-${code}`).getByText('Terima tingkat mandiri').click();
    }
    await page.locator('#ind-B1').getByText('Tetapkan tingkat hasil verifikasi').click();
    await page.locator('#vlevel_B1').selectOption('1');
    await page.locator('#reason_B1').fill('SK tim belum ditandatangani.');
    await page.getByRole('button', { name: 'Selesaikan verifikasi' }).click();

    await page.getByText('Verifikasi selesai. Status penilaian: Diverifikasi.').waitFor();
    expect(ctx.db.prepare("SELECT an.level, an.verified_level FROM answers an JOIN assessments a ON a.id = an.assessment_id WHERE a.unit_id = ? AND an.indicator_code IN ('A2', 'B1') ORDER BY an.indicator_code").all(busang)).toEqual([
      { level: 2, verified_level: 2 },
      { level: 3, verified_level: 1 },
    ]);
    await context.close();
  });

  it('the completion board has no serious accessibility violation, sorts and filters without JavaScript', async () => {
    const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await login(page, server.baseUrl, 'fasil', TEST_PASSWORD);

    await page.getByRole('link', { name: 'Status pengisian' }).click();
    await page.getByLabel('Kelompok').selectOption('kecamatan');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByRole('link', { name: /^Terjawab/ }).click();
    await page.getByRole('link', { name: /^Terjawab/ }).click();

    expect(page.url()).toContain('kelompok=kecamatan&urut=terjawab&arah=desc');
    // column 1 is the unit's number in the official order, column 2 its name
    const first = await page.locator('tbody tr').first().locator('td').nth(1).textContent();
    expect(first).toContain('Kecamatan Busang');
    expect(await page.locator('tbody tr').count()).toBe(18);
    await screenshot(page, 'papan-status');
    await context.close();

    const withJs = await newContext();
    const axePage = await withJs.newPage();
    await login(axePage, server.baseUrl, 'admin', TEST_PASSWORD);
    await axePage.goto(`${server.baseUrl}/periods/${ctx.periodId}/units`);
    expect(await seriousViolations(axePage)).toEqual([]);
    await axePage.goto(`${server.baseUrl}/periods/${ctx.periodId}/verification`);
    expect(await seriousViolations(axePage)).toEqual([]);
    await axePage.goto(`${server.baseUrl}/periods/${ctx.periodId}/units/${busang}/verification`);
    expect(await seriousViolations(axePage)).toEqual([]);
    await withJs.close();
  });
});
