import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildAssessment, buildUser, createTestContext, TEST_PASSWORD, unitId, REVISION_1, type TestContext } from '../helpers/test-app';
import { launchBrowser, login, SCREENSHOT_DIR, serve } from '../helpers/browser';
import { EXE_BYTES, pdfBytes } from '../helpers/evidence-files';

type AnswerRow = { indicator_code: string; level: number | null; is_na: number; note: string };

/**
 * The questionnaire as a narahubung on a phone and a weak connection uses it: autosave, the offline queue, keyboard
 * only, evidence in place, a conflict, the submit confirmation, accessibility, and the form without JavaScript.
 */
describe('the questionnaire in a real browser', () => {
  let ctx: TestContext;
  let dataDir: string;
  let browser: Browser;
  let server: { baseUrl: string; close: () => Promise<void> };
  let unit: number;
  let narahubung: { id: number; username: string };
  let url: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-kuesioner-'));
    ctx = createTestContext({ dataDir }, { instrumentVersion: REVISION_1 });
    server = await serve(ctx.app);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // Each test gets a unit of its own, so tests do not see each other's answers.
  const units = ['KEC-BUSANG', 'KEC-TELEN', 'KEC-KONGBENG', 'KEC-KAUBUN', 'KEC-SANDARAN', 'KEC-KARANGAN', 'KEC-BENGALON', 'KEC-KALIORANG', 'KEC-MUARA-WAHAU'];
  let next = 0;
  beforeEach(async () => {
    unit = unitId(ctx.repos, units[next++] as string);
    narahubung = await buildUser(ctx.repos, { role: 'narahubung', unitId: unit });
    url = `${server.baseUrl}/periods/${ctx.periodId}/units/${unit}/assessment`;
  });

  const indicators = () => ctx.instrument.aspects.flatMap((a) => a.indicators);
  const answers = (): AnswerRow[] =>
    ctx.db
      .prepare('SELECT an.indicator_code, an.level, an.is_na, an.note FROM answers an JOIN assessments a ON a.id = an.assessment_id WHERE a.unit_id = ? ORDER BY an.indicator_code')
      .all(unit) as AnswerRow[];
  const answerOf = (code: string) => answers().find((a) => a.indicator_code === code);

  async function openAsNarahubung(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
    const page = await context.newPage();
    await login(page, server.baseUrl, narahubung.username, TEST_PASSWORD);
    await page.goto(url);
    return { context, page };
  }

  const allSaved = (page: Page) =>
    page.waitForFunction(() => (document.getElementById('save-live')?.textContent ?? '').startsWith('Semua perubahan tersimpan'), undefined, { timeout: 20_000 });
  const stateOf = (page: Page, code: string) => page.locator(`#ind-${code} .st`).textContent();

  it('saves a whole unit by autosave alone (no button pressed) and shows every answer after a reload', async () => {
    const { context, page } = await openAsNarahubung();
    const chosen = new Map<string, string>();

    for (const [i, ind] of indicators().entries()) {
      const choice = ind.allowNa && i % 2 === 0 ? 'Tidak berlaku' : `Tingkat ${i % 5}`;
      chosen.set(ind.code, choice);
      await page.locator(`#ind-${ind.code} label.level`, { hasText: new RegExp(`^\\s*${choice}\\b`) }).click();
    }
    await page.locator('#note_A1').fill('SK Camat Nomor 5 Tahun 2022 berlaku sejak Maret.');
    await page.locator('#note_F5').fill('Data pengaduan dibahas dalam rapat staf setiap bulan.');
    await page.locator('#note_F5').blur();
    await allSaved(page);

    expect(await page.locator('#prog').textContent()).toBe('30 dari 30 indikator');
    expect(await stateOf(page, 'F5')).toMatch(/^Tersimpan \d{2}\.\d{2}$/);
    expect(answers()).toHaveLength(30);
    await page.reload();
    for (const ind of indicators()) {
      const choice = chosen.get(ind.code) as string;
      expect(await page.locator(`#ind-${ind.code} label.level`, { hasText: new RegExp(`^\\s*${choice}\\b`) }).locator('input').isChecked()).toBe(true);
    }
    expect(await page.locator('#note_A1').inputValue()).toBe('SK Camat Nomor 5 Tahun 2022 berlaku sejak Maret.');
    expect(await page.locator('#note_F5').inputValue()).toBe('Data pengaduan dibahas dalam rapat staf setiap bulan.');
    expect(await page.locator('#prog').textContent()).toBe('30 dari 30 indikator');
    await context.close();
  });

  it('keeps changes made offline in the browser, shows them as not saved, and sends them when the connection returns', async () => {
    const { context, page } = await openAsNarahubung();
    await page.locator('#ind-A1 label.level', { hasText: /^\s*Tingkat 1\b/ }).click();
    await allSaved(page);

    await context.setOffline(true);
    await page.locator('#ind-A1 label.level', { hasText: /^\s*Tingkat 3\b/ }).click();
    await page.locator('#note_A2').fill('Diketik tanpa sinyal di Long Mesangat.');
    await page.locator('#note_A2').blur();
    await page.waitForFunction(() => document.querySelector('#ind-A2 .st')?.textContent === 'Belum tersimpan – menunggu koneksi');

    expect(await stateOf(page, 'A1')).toBe('Belum tersimpan – menunggu koneksi');
    expect(await page.locator('#save-live').textContent()).toContain('2 perubahan belum tersimpan – menunggu koneksi');
    const queued = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sp4n:')).length);
    expect(queued).toBe(2);
    expect(answerOf('A1')?.level).toBe(1);
    expect(answerOf('A2')).toBeUndefined();

    await context.setOffline(false);
    await allSaved(page);

    expect(answerOf('A1')?.level).toBe(3);
    expect(answerOf('A2')?.note).toBe('Diketik tanpa sinyal di Long Mesangat.');
    expect(await stateOf(page, 'A1')).toMatch(/^Tersimpan/);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sp4n:')).length)).toBe(0);
    await context.close();
  });

  it('warns before closing a tab with unsaved changes, and sends them from the browser on the next visit', async () => {
    const { context, page } = await openAsNarahubung();
    await context.setOffline(true);
    await page.locator('#ind-B1 label.level', { hasText: /^\s*Tingkat 2\b/ }).click();
    await page.locator('#note_B1').fill('Ditulis saat sinyal hilang.');
    await page.locator('#note_B1').blur();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.accept();
    });

    const closed = page.waitForEvent('close');
    await page.close({ runBeforeUnload: true });
    await closed;
    await context.setOffline(false);
    const again = await context.newPage();
    await again.goto(url);
    await allSaved(again);

    expect(dialogs).toEqual(['beforeunload']);
    expect(answerOf('B1')).toEqual({ indicator_code: 'B1', level: 2, is_na: 0, note: 'Ditulis saat sinyal hilang.' });
    expect(await again.locator('#ind-B1 input[value="2"]').isChecked()).toBe(true);
    await context.close();
  });

  it('can be filled with the keyboard only: Tab to a level, Space and arrow keys to choose, type the note', async () => {
    const { context, page } = await openAsNarahubung();
    await page.locator('h1').click();

    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'level_A1')) break;
    }
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Diisi dengan papan ketik.');
    await page.keyboard.press('Tab'); // link
    await page.keyboard.press('Tab'); // file
    await page.keyboard.press('Tab'); // A2's levels
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await allSaved(page);

    expect(answerOf('A1')).toEqual({ indicator_code: 'A1', level: 2, is_na: 0, note: 'Diisi dengan papan ketik.' });
    expect(answerOf('A2')?.level).toBe(1);
    expect(await page.locator('#prog').textContent()).toBe('2 dari 30 indikator');
    await context.close();
  });

  it('uploads evidence in place, refuses a disguised program, and lifts and restores the missing-evidence warning', async () => {
    const { context, page } = await openAsNarahubung();
    await page.locator('#ind-A1 label.level', { hasText: /^\s*Tingkat 3\b/ }).click();
    await page.locator('#ind-A1 p.warn').waitFor();

    await page.locator('#file_A1').setInputFiles({ name: 'program.pdf', mimeType: 'application/pdf', buffer: EXE_BYTES });
    await page.locator('#ind-A1 .evst.bad').waitFor();
    expect(await page.locator('#ind-A1 .evst').textContent()).toContain('tidak diterima');
    await page.locator('#file_A1').setInputFiles({ name: 'SK Camat.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
    await page.locator('#ind-A1 .evidence a', { hasText: 'SK Camat.pdf' }).waitFor();

    expect(await page.locator('#ind-A1 p.warn').count()).toBe(0);
    await page.locator('#link_A1').fill('https://busang.kutaitimurkab.go.id/sk');
    await page.locator('#link_A1').press('Tab');
    await page.locator('#ind-A1 .evidence a', { hasText: 'https://busang.kutaitimurkab.go.id/sk' }).waitFor();
    expect(await page.locator('#link_A1').inputValue()).toBe('');

    page.once('dialog', (d) => void d.accept());
    await page.locator('#ind-A1 .evidence li', { hasText: 'SK Camat.pdf' }).getByLabel('Hapus').click();
    await page.locator('#ind-A1 .evidence li', { hasText: 'SK Camat.pdf' }).waitFor({ state: 'detached' });
    page.once('dialog', (d) => void d.accept());
    await page.locator('#ind-A1 .evidence li').getByLabel('Hapus').click();
    await page.locator('#ind-A1 p.warn').waitFor();

    const rows = ctx.db.prepare("SELECT kind, deleted_at IS NOT NULL AS gone FROM evidence e JOIN assessments a ON a.id = e.assessment_id WHERE a.unit_id = ? ORDER BY e.id").all(unit);
    expect(rows).toEqual([{ kind: 'file', gone: 1 }, { kind: 'link', gone: 1 }]);
    await context.close();
  });

  it('shows both values when someone else saved the same answer meanwhile, and lets the person choose', async () => {
    const { context, page } = await openAsNarahubung();
    const rekan = await buildUser(ctx.repos, { role: 'narahubung', unitId: unit, username: `rekan${unit}` });
    buildAssessment(ctx, { unitId: unit, levels: { C1: 4, C2: 4 }, userId: rekan.id });

    await page.locator('#ind-C1 label.level', { hasText: /^\s*Tingkat 1\b/ }).click();
    await page.locator('#ind-C1 .conflict').waitFor();
    const box = await page.locator('#ind-C1 .conflict').textContent();
    await page.locator('#ind-C1').getByRole('button', { name: 'Pakai nilai tersimpan' }).click();
    await page.locator('#ind-C2 label.level', { hasText: /^\s*Tingkat 2\b/ }).click();
    await page.locator('#ind-C2').getByRole('button', { name: 'Pakai nilai saya' }).click();
    await allSaved(page);

    expect(box).toContain(`sudah diubah oleh Pengguna rekan${unit}`);
    expect(box).toMatch(/Nilai tersimpanTingkat 4 –/);
    expect(box).toMatch(/Nilai AndaTingkat 1 –/);
    expect(await page.locator('#ind-C1 input[value="4"]').isChecked()).toBe(true);
    expect([answerOf('C1')?.level, answerOf('C2')?.level]).toEqual([4, 2]);
    await context.close();
  });

  it('confirms before submitting, listing level ≥ 1 without evidence without blocking, then locks', async () => {
    buildAssessment(ctx, { unitId: unit, fill: 2, levels: { A1: 0, B2: 0 }, userId: narahubung.id });
    const { context, page } = await openAsNarahubung();

    await page.getByRole('button', { name: 'Simpan dan ajukan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajukan penilaian mandiri?' });
    await dialog.waitFor();
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'kuesioner-ajukan-ponsel.png') });

    expect(await dialog.textContent()).toContain('Tingkat 1 ke atas tanpa bukti dukung (28)');
    expect(await dialog.getByRole('link').count()).toBe(28);
    await dialog.getByRole('button', { name: 'Ya, ajukan sekarang' }).click();
    await page.getByText('Penilaian mandiri berhasil diajukan untuk diverifikasi.').waitFor();
    expect(ctx.db.prepare('SELECT status FROM assessments WHERE unit_id = ?').get(unit)).toEqual({ status: 'diajukan' });
    expect(await page.locator('input[name="level_A1"]').count()).toBe(0);
    await context.close();
  });

  it('has no serious or critical accessibility violation (axe-core), phone-sized, with evidence, warnings and a conflict', async () => {
    const rekan = await buildUser(ctx.repos, { role: 'narahubung', unitId: unit, username: `rekan.axe${unit}` });
    buildAssessment(ctx, { unitId: unit, levels: { A1: 3, A2: 2, D1: 'na' }, userId: narahubung.id });
    const { context, page } = await openAsNarahubung({ bypassCSP: true });
    await page.locator('#file_A1').setInputFiles({ name: 'SK Camat.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
    await page.locator('#ind-A1 .evidence a').waitFor();
    ctx.repos.assessments.upsertAnswer({ assessmentId: ctx.repos.assessments.find(ctx.periodId, unit)!.id, code: 'A2', level: 4, isNa: false, note: 'oleh rekan', userId: rekan.id });
    await page.locator('#ind-A2 label.level', { hasText: /^\s*Tingkat 1\b/ }).click();
    await page.locator('#ind-A2 .conflict').waitFor();
    await page.locator('#ind-A3 label.level', { hasText: /^\s*Tingkat 2\b/ }).click();
    await page.locator('#ind-A3 p.warn').waitFor();
    await page.locator('#ind-A1 .evidence').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'kuesioner-ponsel-bukti.png') });
    await page.locator('#ind-A2').screenshot({ path: path.join(SCREENSHOT_DIR, 'kuesioner-ponsel-bentrok.png') });
    await page.locator('#ind-A3').screenshot({ path: path.join(SCREENSHOT_DIR, 'kuesioner-ponsel-peringatan.png') });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'kuesioner-ponsel-atas.png') });

    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document);
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });

    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await context.close();
  });

  it('works without JavaScript: a level, a file and Enter in a link field all save, landing back at the indicator', async () => {
    const { context, page } = await openAsNarahubung({ javaScriptEnabled: false });

    await page.locator('#ind-B2 label.level', { hasText: /^\s*Tingkat 2\b/ }).click();
    await page.locator('#file_B2').setInputFiles({ name: 'daftar-hadir.pdf', mimeType: 'application/pdf', buffer: pdfBytes('hadir') });
    await page.locator('#ind-B2').getByRole('button', { name: 'Simpan & unggah' }).click();
    await page.getByText('1 berkas bukti dukung diunggah.').waitFor();

    expect(new URL(page.url()).hash).toBe('#ind-B2');
    expect(await page.locator('#ind-B2 .evidence a', { hasText: 'daftar-hadir.pdf' }).count()).toBe(1);
    await page.locator('#ind-C1 label.level', { hasText: /^\s*Tingkat 1\b/ }).click();
    await page.locator('#link_C1').fill('https://kutaitimurkab.go.id/lapor');
    await page.locator('#link_C1').press('Enter');
    await page.getByText('Jawaban tersimpan (2 perubahan).').waitFor();
    expect(new URL(page.url()).hash).toBe('');
    expect(answerOf('B2')?.level).toBe(2);
    expect(answerOf('C1')?.level).toBe(1);
    expect(await page.locator('#ind-C1 .evidence a', { hasText: 'https://kutaitimurkab.go.id/lapor' }).count()).toBe(1);
    await context.close();
  });
});
