import { createTestContext, loginAs, unitId, type TestContext } from '../helpers/test-app';
import { finalPlanForMonev, monevState, type MonevSetup } from '../helpers/monev';

const NOW = new Date().toISOString();

const decode = (s: string) => s.replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** The board's line of one unit (its <tr>) and the reminder row after it, if any. */
function unitLine(html: string, id: number): { line: string; reminder: string } {
  const start = html.indexOf(`<tr id="unit-${id}"`);
  if (start < 0) return { line: '', reminder: '' };
  const end = html.indexOf('</tr>', start);
  const next = html.slice(end + 5).match(/^\s*<tr class="reminder-row[^"]*">([\s\S]*?)<\/tr>/);
  return { line: html.slice(start, end), reminder: next ? (next[1] as string) : '' };
}

/** The counts on top of the board, by label. */
function counts(html: string): Record<string, number> {
  const list = html.slice(html.indexOf('aria-label="Jumlah unit per status pelaporan"'), html.indexOf('</ul>', html.indexOf('aria-label="Jumlah unit per status pelaporan"')));
  const out: Record<string, number> = { total: Number(/Unit pelapor (\d+)/.exec(list)?.[1]) };
  for (const m of list.matchAll(/<span class="status mstate-(\w+)">[^<]*<\/span> (\d+)<\/li>/g)) out[m[1] as string] = Number(m[2]);
  return out;
}

const order = (html: string) => [...html.matchAll(/<tr id="unit-(\d+)"/g)].map((x) => Number(x[1]));

/**
 * Kecamatan Busang owes four parts in Semester II 2022 (closed 31 Januari 2023): its own part (accepted) and the
 * three Lampiran I rows it coordinates (one accepted). The board must not call it "Belum melapor".
 */
describe('the monev board for a unit that reported part of what it owes', () => {
  let ctx: TestContext;
  let m: MonevSetup;
  let url: string;

  beforeAll(async () => {
    ctx = createTestContext();
    m = await finalPlanForMonev(ctx);
    url = `${m.url}/board?semester=2022-2`;
    const planId = (ctx.db.prepare('SELECT id FROM renaksi_plans WHERE period_id = ?').get(ctx.periodId) as { id: number }).id;
    ctx.db.prepare('INSERT INTO monev_windows (plan_id, year, semester, opens_on, deadline, updated_at) VALUES (?, 2022, 2, ?, ?, ?)').run(planId, '2022-07-01', '2023-01-31', NOW);
    const rows = (ctx.db.prepare('SELECT id FROM renaksi_rows WHERE plan_id = ? ORDER BY id').all(planId) as { id: number }[]).map((r) => r.id);
    expect(rows).toHaveLength(3);
    for (const row of rows) ctx.db.prepare('INSERT INTO monev_coordinators (row_id, unit_id, updated_at) VALUES (?, ?, ?)').run(row, m.busang, NOW);
    ctx.db.prepare("INSERT INTO monev_row_reports (row_id, year, semester, status, review_state, created_at, updated_at) VALUES (?, 2022, 2, 'berjalan', 'diterima', ?, ?)").run(rows[0], NOW, NOW);
    ctx.db.prepare("INSERT INTO monev_unit_reports (plan_id, unit_id, year, semester, review_state, created_at, updated_at) VALUES (?, ?, 2022, 2, 'diterima', ?, ?)").run(planId, m.busang, NOW, NOW);
    ctx.db.prepare("UPDATE users SET phone = '6281350009876' WHERE username = ?").run(m.users.busang);
  });

  it('shows "Sebagian dilaporkan (2 dari 4)", what is missing, and marks only the missing parts late', async () => {
    const { agent } = await loginAs(ctx.app, m.users.verifikator);
    const before = monevState(ctx);

    const res = await agent.get(url);

    expect(res.status).toBe(200);
    const busang = unitLine(res.text, m.busang).line;
    expect(busang).toContain('<td data-label="Baris koordinasi">1 dari 3 dilaporkan</td>');
    expect(busang).toContain('<td data-label="Bagian unit">Diterima</td>');
    expect(busang).toContain('<span class="status mstate-sebagian">Sebagian dilaporkan (2 dari 4)</span>');
    expect(busang).toContain('<span class="status mstate-terlambat">2 bagian terlambat</span>');
    expect(busang).toContain('Belum dilaporkan: 2 baris koordinasi');
    expect(busang).not.toContain('Belum melapor');
    expect(busang).not.toContain('bagian unit (Lampiran II)');
    expect(monevState(ctx)).toBe(before);
  });

  it('counts the unit as partly reported (not "Belum melapor") and still late, and the status filter agrees with the counts', async () => {
    const { agent } = await loginAs(ctx.app, m.users.verifikator);

    const all = await agent.get(url);
    const partial = await agent.get(`${url}&status=sebagian`);
    const none = await agent.get(`${url}&status=belum`);
    const late = await agent.get(`${url}&status=terlambat`);

    const c = counts(all.text);
    expect(c.sebagian).toBe(1);
    expect((c.diterima ?? 0) + (c.diajukan ?? 0) + (c.dikembalikan ?? 0) + (c.sebagian ?? 0) + (c.belum ?? 0)).toBe(c.total);
    expect(order(partial.text)).toEqual([m.busang]);
    expect(partial.text).toContain('<option value="sebagian" selected>Sebagian dilaporkan</option>');
    expect(order(none.text)).not.toContain(m.busang);
    expect(order(none.text)).toHaveLength(c.belum as number);
    expect(order(late.text)).toContain(m.busang);
    expect(order(late.text)).toHaveLength(c.terlambat as number);
    expect(order(all.text)).toHaveLength(c.total as number);
    expect(order(all.text)).toContain(unitId(ctx.repos, 'KEC-TELEN'));
  });

  it('reminds the unit of what is still missing instead of claiming nothing was received', async () => {
    const { agent } = await loginAs(ctx.app, m.users.tim);

    const res = await agent.get(url);

    const reminder = unitLine(res.text, m.busang).reminder;
    const href = decode(/<a class="button wa" href="([^"]+)"/.exec(reminder)?.[1] ?? '');
    expect(href.startsWith('https://wa.me/6281350009876?text=')).toBe(true);
    const text = decodeURIComponent(href.slice('https://wa.me/6281350009876?text='.length));
    const [, , owed, missing] = text.split('\n');
    expect(owed).toBe('Laporan monev Renaksi SP4N-LAPOR! Semester II 2022 dari Kecamatan Busang baru sebagian kami terima (2 dari 4 bagian); batas pelaporannya 31 Januari 2023 sudah lewat.');
    expect(missing).toBe('Yang belum dilaporkan: 2 dari 3 baris Renaksi yang dikoordinasikan unit Anda.');
    expect(text).not.toContain('belum kami terima');
    expect(decode(/<textarea[^>]*>([\s\S]*?)<\/textarea>/.exec(reminder)?.[1] ?? '')).toBe(text);
  });
});
