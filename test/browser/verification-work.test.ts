import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildAssessment, buildUser, createTestContext, TEST_PASSWORD, unitId, REVISION_1, type TestContext } from '../helpers/test-app';
import { launchBrowser, login, screenshot, serve } from '../helpers/browser';

type Server = { baseUrl: string; close: () => Promise<void> };

/** Resolves once `check` holds, polling it (no fixed sleep); fails after `timeoutMs`. */
async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the page says every decision and comment is stored. */
function allSaved(page: Page): Promise<unknown> {
  return page.waitForFunction(() => (document.getElementById('save-live')?.textContent ?? '').startsWith('Semua keputusan dan catatan tersimpan'));
}

function codesOf(ctx: TestContext): string[] {
  return ctx.instrument.aspects.flatMap((a) => a.indicators.map((i) => i.code));
}

/**
 * The verifier's work in real Chromium: comments typed before saving reach the unit, decisions survive an expired
 * session and a new login, a decision turns "berubah sejak diperiksa" when the unit adds evidence, and copied answers
 * must be confirmed before submitting.
 */
describe('verification work is never lost or hidden (Chromium)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A fresh app (config overrides allowed) with Busang submitted at level 3 (D1 not applicable). */
  async function setUp(overrides: Parameters<typeof createTestContext>[0] = {}) {
    const ctx = createTestContext(overrides, { instrumentVersion: REVISION_1 });
    const busang = unitId(ctx.repos, 'KEC-BUSANG');
    const admin = await buildUser(ctx.repos, { role: 'admin', username: 'admin' });
    const verif = await buildUser(ctx.repos, { role: 'verifikator', username: 'verif' });
    await buildUser(ctx.repos, { role: 'narahubung', unitId: busang, username: 'nara.busang' });
    const assessmentId = buildAssessment(ctx, { unitId: busang, fill: 3, levels: { D1: 'na' }, status: 'diajukan', userId: admin.id });
    const server = await serve(ctx.app);
    return { ctx, busang, assessmentId, verifId: verif.id, adminId: admin.id, server, url: `${server.baseUrl}/periods/${ctx.periodId}/units/${busang}/verification` };
  }

  async function signedIn(server: Server, username: string, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await login(page, server.baseUrl, username, TEST_PASSWORD);
    return { context, page };
  }

  it('keeps a comment typed before "Simpan hasil pemeriksaan" and returns it with the one typed last', async () => {
    const { ctx, server, url } = await setUp();
    const { context, page } = await signedIn(server, 'verif');
    await page.goto(url);

    await page.locator('#ind-A1').getByText('Terima tingkat mandiri').click();
    await page.locator('#comment_A3').fill('Unggah SK yang sudah ditandatangani camat.');
    await page.getByRole('button', { name: 'Simpan hasil pemeriksaan' }).click();
    await allSaved(page);
    await page.reload();
    const kept = await page.locator('#comment_A3').inputValue();
    await page.locator('#comment_A4').fill('Sertakan notulen rapat pimpinan.');
    await page.getByRole('button', { name: 'Kembalikan ke narahubung' }).click();
    await page.getByText('Penilaian dikembalikan ke narahubung dengan 2 catatan.').waitFor();

    expect(kept).toBe('Unggah SK yang sudah ditandatangani camat.');
    expect(ctx.db.prepare('SELECT indicator_code, comment FROM review_comments ORDER BY id').all()).toEqual([
      { indicator_code: 'A3', comment: 'Unggah SK yang sudah ditandatangani camat.' },
      { indicator_code: 'A4', comment: 'Sertakan notulen rapat pimpinan.' },
    ]);
    await context.close();
    await server.close();
  });

  it('keeps every decision made past the idle timeout: "Sesi Anda berakhir, masuk lagi", log in, all of it is stored', async () => {
    const { ctx, server, url, assessmentId, verifId } = await setUp({ sessionIdleMs: 3000 });
    const { context, page } = await signedIn(server, 'verif');
    await page.goto(url);
    await page.locator('#ind-A1').getByText('Terima tingkat mandiri').click();
    const live = () => (ctx.db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE user_id = ? AND expires_at > ?').get(verifId, Date.now()) as { n: number }).n;

    await until(() => live() === 0);
    await page.locator('#ind-B1').getByText('Terima tingkat mandiri').click();
    await page.locator('#ind-A2').getByText('Tetapkan tingkat hasil verifikasi').click();
    await page.locator('#vlevel_A2').selectOption('1');
    await page.locator('#reason_A2').fill('SOP belum ditetapkan dengan keputusan camat.');
    await page.locator('#comment_B2').fill('Tautan kanal pengaduan tidak dapat dibuka.');
    const banner = page.getByRole('alert').filter({ hasText: 'Sesi Anda berakhir, masuk lagi.' });
    await banner.waitFor();
    await screenshot(page, 'verifikasi-sesi-berakhir');
    await banner.getByRole('link', { name: 'Masuk lagi' }).click();
    await page.getByLabel('Nama pengguna').fill('verif');
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(url);
    await allSaved(page);

    const decisions = ctx.db.prepare('SELECT indicator_code, decision FROM verification_decisions WHERE assessment_id = ? ORDER BY indicator_code').all(assessmentId);
    expect(decisions).toEqual([{ indicator_code: 'A1', decision: 'terima' }, { indicator_code: 'A2', decision: 'ubah' }, { indicator_code: 'B1', decision: 'terima' }]);
    expect(ctx.db.prepare("SELECT verified_level, verifier_note FROM answers WHERE assessment_id = ? AND indicator_code = 'A2'").get(assessmentId)).toEqual({ verified_level: 1, verifier_note: 'SOP belum ditetapkan dengan keputusan camat.' });
    expect(ctx.db.prepare('SELECT indicator_code, comment FROM review_comment_drafts').all()).toEqual([{ indicator_code: 'B2', comment: 'Tautan kanal pengaduan tidak dapat dibuka.' }]);
    await page.reload();
    expect(await page.getByText('3 dari 30 indikator').isVisible()).toBe(true);
    expect(await page.locator('#comment_B2').inputValue()).toBe('Tautan kanal pengaduan tidak dapat dibuka.');
    await context.close();
    await server.close();
  });

  it('marks a decision "berubah sejak diperiksa" when the unit adds evidence without changing the level, until it is decided again', async () => {
    const { ctx, server, url, assessmentId } = await setUp();
    const v = await signedIn(server, 'verif');
    await v.page.goto(url);
    await v.page.locator('#comment_umum').fill('Lengkapi bukti dukung indikator A1.');
    await v.page.getByRole('button', { name: 'Terima semua yang belum diperiksa (30)' }).click();
    await v.page.getByText('30 indikator diterima dengan tingkat mandiri.').waitFor();
    await v.page.getByRole('button', { name: 'Kembalikan ke narahubung' }).click();
    await v.page.getByText('Penilaian dikembalikan ke narahubung dengan 1 catatan.').waitFor();

    const n = await signedIn(server, 'nara.busang', { width: 390, height: 844 });
    await n.page.goto(url.replace('/verification', '/assessment'));
    await n.page.locator('#link_A1').fill('https://busang.kutaitimurkab.go.id/sk-pengelola.pdf');
    await n.page.locator('#link_A1').press('Tab');
    await n.page.locator('#ind-A1 .evidence a', { hasText: 'sk-pengelola.pdf' }).waitFor();
    await n.page.getByRole('button', { name: 'Simpan dan ajukan' }).click();
    await n.page.getByRole('dialog').getByRole('button', { name: 'Ya, ajukan sekarang' }).click();
    await n.page.getByText('Penilaian mandiri berhasil diajukan untuk diverifikasi.').waitFor();

    const phone = await signedIn(server, 'verif', { width: 390, height: 844 });
    await phone.page.goto(url);
    await screenshot(phone.page, 'verifikasi-ponsel');
    await phone.page.goto(`${url}#ind-A1`);
    await screenshot(phone.page, 'verifikasi-berubah-ponsel');
    const phoneWidth = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    await phone.context.close();
    await v.page.goto(url);
    const warning = v.page.locator('#ind-A1').getByText('Berubah sejak diperiksa.');
    const seen = await warning.isVisible();
    await v.page.getByRole('button', { name: 'Selesaikan verifikasi' }).click();
    await v.page.getByText('Masih ada 1 indikator yang belum diperiksa: A1.').waitFor();
    const refusedStatus = ctx.db.prepare('SELECT status FROM assessments WHERE id = ?').get(assessmentId);
    await v.page.locator('#ind-A1').getByText('Terima tingkat mandiri').click();
    await allSaved(v.page);
    const cleared = await warning.count();
    await v.page.getByRole('button', { name: 'Selesaikan verifikasi' }).click();
    await v.page.getByText('Verifikasi selesai. Status penilaian: Diverifikasi.').waitFor();

    expect(phoneWidth).toBeLessThanOrEqual(390);
    expect(seen).toBe(true);
    expect(refusedStatus).toEqual({ status: 'diajukan' });
    expect(cleared).toBe(0);
    expect(ctx.db.prepare('SELECT status FROM assessments WHERE id = ?').get(assessmentId)).toEqual({ status: 'diverifikasi' });
    await v.context.close();
    await n.context.close();
    await server.close();
  });

  it('asks the narahubung to confirm copied answers before submitting; the verifier sees which answers are copies', async () => {
    const { ctx, server, busang, assessmentId } = await setUp();
    ctx.repos.assessments.setStatus(assessmentId, 'diverifikasi');
    const a = await signedIn(server, 'admin');
    await a.page.goto(`${server.baseUrl}/admin/periods`);
    await a.page.getByLabel('Nama periode').fill('Penilaian Mandiri SP4N-LAPOR! 2023');
    await a.page.getByLabel('Tahun').fill('2023');
    await a.page.getByLabel('Batas pengisian').fill('2023-11-30');
    // The form offers the newest instrument; this scenario copies every indicator, so it stays on revision 1.
    await a.page.getByLabel('Versi instrumen').selectOption({ label: `SP4N-PM versi ${REVISION_1}` });
    await a.page.getByLabel('Mulai dari jawaban periode sebelumnya (opsional)').selectOption({ label: 'Penilaian Mandiri SP4N-LAPOR! 2022' });
    await a.page.getByRole('button', { name: 'Buat periode' }).click();
    await a.page.waitForURL(/\/admin\/periods$/);
    const periodId = (ctx.db.prepare('SELECT id FROM periods WHERE year = 2023').get() as { id: number }).id;
    const copy = `${server.baseUrl}/periods/${periodId}/units/${busang}`;

    const n = await signedIn(server, 'nara.busang', { width: 390, height: 844 });
    await n.page.goto(`${copy}/assessment`);
    await n.page.locator('#ind-A1 label.level', { hasText: /^\s*Tingkat 4\b/ }).click();
    await n.page.waitForFunction(() => (document.getElementById('save-live')?.textContent ?? '').startsWith('Semua perubahan tersimpan'));
    await n.page.getByRole('button', { name: 'Simpan dan ajukan' }).click();
    const dialog = n.page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Belum dapat diajukan' }).waitFor();
    const listed = await dialog.getByRole('listitem').count();
    const copiedMarks = await n.page.locator('#ind-A1 .copied').count();
    await screenshot(n.page, 'salinan-belum-dikonfirmasi-ponsel');
    await dialog.getByRole('button', { name: 'Kembali mengisi' }).click();
    await n.page.getByRole('button', { name: 'Saya sudah memeriksa jawaban salinan' }).first().click();
    await n.page.getByText('Jawaban salinan dikonfirmasi.').waitFor();
    await n.page.getByRole('button', { name: 'Simpan dan ajukan' }).click();
    await n.page.getByRole('dialog').getByRole('button', { name: 'Ya, ajukan sekarang' }).click();
    await n.page.getByText('Penilaian mandiri berhasil diajukan untuk diverifikasi.').waitFor();

    const v = await signedIn(server, 'verif');
    await v.page.goto(`${copy}/verification`);
    expect(listed).toBe(codesOf(ctx).length - 1);
    expect(copiedMarks).toBe(0);
    expect(ctx.db.prepare('SELECT status FROM assessments WHERE period_id = ? AND unit_id = ?').get(periodId, busang)).toEqual({ status: 'diajukan' });
    expect(await v.page.locator('article.indicator .copied').count()).toBe(codesOf(ctx).length - 1);
    expect(await v.page.locator('#ind-A1 .copied').count()).toBe(0);
    expect(await v.page.locator('#ind-A2').getByText('Disalin dari periode Penilaian Mandiri SP4N-LAPOR! 2022 dan tidak diubah unit.').isVisible()).toBe(true);
    await a.context.close();
    await n.context.close();
    await v.context.close();
    await server.close();
  });
});
