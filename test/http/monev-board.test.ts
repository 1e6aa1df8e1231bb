import request from 'supertest';
import { buildUser, createTestContext, loginAs, unitId, type TestContext } from '../helpers/test-app';
import { finalPlanForMonev, type MonevSetup } from '../helpers/monev';

const NOW = new Date().toISOString();

/** The board's line of one unit (its <tr>), and the reminder row after it when there is one. */
function unitLine(html: string, id: number): { line: string; reminder: string | null } {
  const start = html.indexOf(`<tr id="unit-${id}"`);
  if (start < 0) return { line: '', reminder: null };
  const end = html.indexOf('</tr>', start);
  const next = html.slice(end + 5).match(/^\s*<tr class="reminder-row[^"]*">([\s\S]*?)<\/tr>/);
  return { line: html.slice(start, end), reminder: next ? (next[1] as string) : null };
}

const decode = (s: string) => s.replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

describe('the monev reporting board', () => {
  let ctx: TestContext;
  let m: MonevSetup;
  let url: string;
  let ids: Record<'setda' | 'dinkes' | 'kominfo' | 'telen' | 'busang', number>;

  beforeAll(async () => {
    ctx = createTestContext();
    m = await finalPlanForMonev(ctx);
    url = `${m.url}/board`;
    ids = {
      setda: unitId(ctx.repos, 'PD-SETKAB'), dinkes: unitId(ctx.repos, 'PD-DINKES'), kominfo: unitId(ctx.repos, 'PD-DISKOMINFO-STAPER'),
      telen: unitId(ctx.repos, 'KEC-TELEN'), busang: unitId(ctx.repos, 'KEC-BUSANG'),
    };
    const planId = (ctx.db.prepare('SELECT id FROM renaksi_plans WHERE period_id = ?').get(ctx.periodId) as { id: number }).id;
    const window = ctx.db.prepare('INSERT INTO monev_windows (plan_id, year, semester, opens_on, deadline, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    window.run(planId, 2022, 2, '2022-07-01', '2023-01-31', NOW);
    const rowReport = ctx.db.prepare("INSERT INTO monev_row_reports (row_id, year, semester, status, review_state, created_at, updated_at) VALUES (?, 2022, 2, 'berjalan', ?, ?, ?)");
    const [row1, row2, row3] = (ctx.db.prepare('SELECT id FROM renaksi_rows WHERE plan_id = ? ORDER BY id').all(planId) as { id: number }[]).map((r) => r.id);
    rowReport.run(row1, 'diajukan', NOW, NOW);
    rowReport.run(row2, 'dikembalikan', NOW, NOW);
    rowReport.run(row3, 'diterima', NOW, NOW);
    ctx.db.prepare("INSERT INTO monev_unit_reports (plan_id, unit_id, year, semester, review_state, created_at, updated_at) VALUES (?, ?, 2022, 2, 'diajukan', ?, ?)").run(planId, ids.telen, NOW, NOW);
    ctx.db.prepare("UPDATE users SET phone = '6281350001234', display_name = 'Rina Setda' WHERE username = ?").run(m.users.setda);
  });

  it('shows every reporting unit in official order with what is due, reported, its state and "terlambat" after the deadline', async () => {
    const { agent } = await loginAs(ctx.app, m.users.verifikator);

    const res = await agent.get(`${url}?semester=2022-2`);

    expect(res.status).toBe(200);
    const order = [...res.text.matchAll(/<tr id="unit-(\d+)"/g)].map((x) => Number(x[1]));
    expect(order).toEqual([ids.setda, ids.dinkes, ids.kominfo, ids.telen, ids.busang]);
    expect(res.text).toContain('Batas pelaporan <strong>31 Januari 2023</strong> sudah lewat');
    expect(res.text).toMatch(/Unit pelapor 5<\/li>\s*<li><span class="status mstate-diterima">Diterima<\/span> 1<\/li><li><span class="status mstate-diajukan">Menunggu verifikasi<\/span> 1<\/li><li><span class="status mstate-dikembalikan">Dikembalikan<\/span> 1<\/li><li><span class="status mstate-belum">Belum melapor<\/span> 2<\/li>\s*<li><span class="status mstate-terlambat">Terlambat<\/span> 3<\/li>/);
    const setda = unitLine(res.text, ids.setda).line;
    expect(setda).toContain('class="late"');
    expect(setda).toContain('1 dari 2 dilaporkan · 1 dikembalikan');
    expect(setda).toContain('<span class="status mstate-dikembalikan">Dikembalikan</span> <span class="status mstate-terlambat">terlambat</span>');
    expect(setda).toContain('Rina Setda <span class="muted">(0813 5000 1234)</span>');
    const kominfo = unitLine(res.text, ids.kominfo);
    expect(kominfo.line).toContain('1 dari 1 dilaporkan');
    expect(kominfo.line).toContain('mstate-diterima');
    expect(kominfo.line).not.toContain('terlambat');
    expect(kominfo.reminder).toBeNull();
    const telen = unitLine(res.text, ids.telen);
    expect(telen.line).toContain('<td data-label="Bagian unit">Diajukan</td>');
    expect(telen.line).toContain('Menunggu verifikasi');
    expect(telen.reminder).toBeNull();
    expect(unitLine(res.text, ids.busang).line).toContain('<td data-label="Bagian unit">belum diisi</td>');
    expect(unitLine(res.text, ids.dinkes).line).toContain('Belum ada akun narahubung');
  });

  it('offers each late unit a WhatsApp link to its narahubung with the unit, the semester and the page where it reports', async () => {
    const { agent } = await loginAs(ctx.app, m.users.tim);

    const res = await agent.get(`${url}?semester=2022-2`);

    const reminder = unitLine(res.text, ids.setda).reminder ?? '';
    const href = decode(/<a class="button wa" href="([^"]+)"/.exec(reminder)?.[1] ?? '');
    expect(href.startsWith('https://wa.me/6281350001234?text=')).toBe(true);
    const text = decodeURIComponent(href.slice('https://wa.me/6281350001234?text='.length));
    const host = /^http:\/\/127\.0\.0\.1:\d+$/;
    const [first, , owed, missing, where] = text.split('\n');
    expect(first).toBe('Yth. Narahubung Sekretariat Daerah,');
    expect(owed).toBe('Laporan monev Renaksi SP4N-LAPOR! Semester II 2022 dari Sekretariat Daerah belum kami terima, padahal batas pelaporannya 31 Januari 2023 sudah lewat.');
    expect(missing).toBe('Yang belum dilaporkan: 1 dari 2 baris Renaksi yang dikoordinasikan unit Anda.');
    const link = (where ?? '').replace('Silakan laporkan melalui: ', '');
    expect(link.replace(/\/periods\/.*$/, '')).toMatch(host);
    expect(link.slice(link.indexOf('/periods/'))).toBe(`/periods/${ctx.periodId}/renaksi/monev?semester=2022-2`);
    expect(decode(/<textarea[^>]*>([\s\S]*?)<\/textarea>/.exec(reminder)?.[1] ?? '')).toBe(text);
    const busang = unitLine(res.text, ids.busang).reminder ?? '';
    expect(busang).toContain('Narahubung unit ini belum punya nomor HP');
    expect(busang).not.toContain('wa.me');
    expect(decode(busang)).toContain(`Silakan laporkan melalui: ${link.replace(/\/periods\/.*$/, '')}/periods/${ctx.periodId}/renaksi/monev/units/${ids.busang}/2022-2`);
    expect(unitLine(res.text, ids.dinkes).reminder).toContain('Unit ini belum punya akun narahubung');
  });

  it('lists only the units a filter keeps (late ones, a group, a name), the counts staying over every unit, and the filter in the form', async () => {
    const { agent } = await loginAs(ctx.app, m.users.verifikator);
    const order = (html: string) => [...html.matchAll(/<tr id="unit-(\d+)"/g)].map((x) => Number(x[1]));

    const late = await agent.get(`${url}?semester=2022-2&status=terlambat`);
    const kecamatan = await agent.get(`${url}?semester=2022-2&kelompok=kecamatan&status=belum`);
    const named = await agent.get(`${url}?semester=2022-2&cari=${encodeURIComponent('busang')}`);
    const none = await agent.get(`${url}?semester=2022-2&status=diterima&kelompok=kecamatan`);
    const unknown = await agent.get(`${url}?semester=2022-2&status=semua&kelompok=x&hal=abc`);

    expect(order(late.text)).toEqual([ids.setda, ids.dinkes, ids.busang]);
    expect(late.text).toContain('(3 unit yang cocok dengan saringan, urutan resmi)');
    expect(late.text).toMatch(/Unit pelapor 5<\/li>/);
    expect(late.text).toContain('<option value="terlambat" selected>Terlambat</option>');
    expect(decode(unitLine(late.text, ids.setda).reminder ?? '')).toContain('Yth. Narahubung Sekretariat Daerah,');
    expect(order(kecamatan.text)).toEqual([ids.busang]);
    expect(kecamatan.text).toContain('<option value="kecamatan" selected>Kecamatan</option>');
    expect(order(named.text)).toEqual([ids.busang]);
    expect(named.text).toContain('value="busang"');
    expect(order(none.text)).toEqual([]);
    expect(none.text).toContain('Tidak ada unit yang cocok dengan saringan.');
    expect(unknown.status).toBe(200);
    expect(order(unknown.text)).toEqual([ids.setda, ids.dinkes, ids.kominfo, ids.telen, ids.busang]);
    expect(unknown.text).not.toContain('class="pager"');
  });

  it('finds a unit by name on the monev overview, the rows and aspects still whole', async () => {
    const { agent } = await loginAs(ctx.app, m.users.verifikator);
    const unitsTable = (html: string) => html.slice(html.indexOf('id="monev-units"'), html.indexOf('</table>', html.indexOf('id="monev-units"')));
    const listed = (html: string) => [...unitsTable(html).matchAll(/<tr id="unit-(\d+)"/g)].map((x) => Number(x[1]));

    const all = await agent.get(`${m.url}?semester=2022-2`);
    const found = await agent.get(`${m.url}?semester=2022-2&cari=BUSANG`);

    expect(listed(all.text)).toContain(ids.busang);
    expect(listed(all.text).length).toBeGreaterThan(1);
    expect(listed(found.text)).toEqual([ids.busang]);
    expect(found.text).toContain('unit yang cocok dengan &ldquo;BUSANG&rdquo;');
    expect(found.text).toContain('name="cari" type="search" maxlength="100" value="BUSANG"');
    expect(found.text.match(/<tr id="baris-/g)?.length).toBe(all.text.match(/<tr id="baris-/g)?.length);
    expect(all.text.match(/<tr id="baris-/g)?.length).toBeGreaterThan(0);
  });

  it('defaults to the semester whose window is open, where nobody is late yet', async () => {
    const planId = (ctx.db.prepare('SELECT id FROM renaksi_plans WHERE period_id = ?').get(ctx.periodId) as { id: number }).id;
    const today = new Date();
    const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    ctx.db.prepare('INSERT INTO monev_windows (plan_id, year, semester, opens_on, deadline, updated_at) VALUES (?, 2023, 1, ?, ?, ?)').run(planId, day(-10), day(10), NOW);
    const { agent } = await loginAs(ctx.app, m.users.admin);

    const res = await agent.get(url);

    ctx.db.prepare('DELETE FROM monev_windows WHERE year = 2023').run();
    expect(res.status).toBe(200);
    expect(res.text).toContain('<option value="2023-1" selected>Semester I 2023</option>');
    expect(res.text).toContain('Pelaporan dibuka; batas pelaporan');
    expect(res.text).toMatch(/<span class="status mstate-terlambat">Terlambat<\/span> 0<\/li>/);
    expect(res.text).not.toContain('class="late"');
    expect(decode(unitLine(res.text, ids.setda).reminder ?? '')).toContain('belum kami terima. Batas pelaporan:');
  });

  it('shows the fasilitator the board without numbers or reminders, and keeps the narahubung and strangers out', async () => {
    const fasilitator = (await buildUser(ctx.repos, { role: 'fasilitator' })).username;

    const fasil = await (await loginAs(ctx.app, fasilitator)).agent.get(`${url}?semester=2022-2`);
    const nara = await (await loginAs(ctx.app, m.users.setda)).agent.get(`${url}?semester=2022-2`);
    const anonymous = await request(ctx.app).get(url);

    expect(fasil.status).toBe(200);
    expect(fasil.text).toContain('Rina Setda');
    expect(fasil.text).not.toContain('0813 5000 1234');
    expect(fasil.text).not.toContain('wa.me');
    expect(fasil.text).not.toContain('reminder-row');
    expect(nara.status).toBe(403);
    expect(anonymous.status).toBe(302);
  });

  it('says so for a period without a Renaksi', async () => {
    const other = createTestContext();
    const admin = (await buildUser(other.repos, { role: 'admin' })).username;

    const res = await (await loginAs(other.app, admin)).agent.get(`/periods/${other.periodId}/renaksi/monev/board`);

    expect(res.status).toBe(200);
    expect(res.text).toContain('Belum ada Renaksi untuk periode ini');
  });
});
