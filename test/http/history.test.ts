import { buildUser, createTestContext, loginAs, unitId, type TestContext } from '../helpers/test-app';

describe('unit history for the admin', () => {
  let ctx: TestContext;
  let busang: number;

  beforeEach(() => {
    ctx = createTestContext();
    busang = unitId(ctx.repos, 'KEC-BUSANG');
  });

  const history = (qs = '') => `/admin/units/${busang}/history${qs}`;

  it('lists answer, submission, verification, return and reopen changes with who, when and old → new in Indonesian', async () => {
    const nara = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'narahubung', unitId: busang, username: 'siti' })).username);
    const verif = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'verifikator', username: 'budi' })).username);
    const admin = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin', username: 'rina' })).username);
    const full = Object.fromEntries(ctx.instrument.aspects.flatMap((a) => a.indicators).map((i) => [`level_${i.code}`, '2']));
    const base = `/periods/${ctx.periodId}/units/${busang}`;
    await nara.agent.post(`${base}/assessment`).type('form').send({ _csrf: nara.csrf, level_A1: '1', note_A1: 'Draf awal' });
    await nara.agent.post(`${base}/assessment/submit`).type('form').send({ _csrf: nara.csrf, ...full, link_A1: 'https://busang.go.id/sk.pdf' });
    await verif.agent.post(`${base}/verification`).type('form').send({ _csrf: verif.csrf, decision_B1: 'ubah', vlevel_B1: '1', reason_B1: 'SK belum ditandatangani' });
    await verif.agent.post(`${base}/verification/return`).type('form').send({ _csrf: verif.csrf, comment_A1: 'Lengkapi SK' });
    await nara.agent.post(`${base}/assessment/submit`).type('form').send({ _csrf: nara.csrf, level_A1: '3' });
    await admin.agent.post(`${base}/reopen`).type('form').send({ _csrf: admin.csrf, target: 'draf', reason: 'Permintaan camat' });

    const res = await admin.agent.get(history());
    const older = await admin.agent.get(history('?halaman=2'));

    expect(res.status).toBe(200);
    expect(res.text).toContain('Halaman 1 dari 2');
    const text = (res.text + older.text).replace(/&#34;/g, '"');
    expect(text).toContain('Jawaban A1: belum ada → Tingkat 1; penjelasan diubah');
    expect(text).toContain('Jawaban A1: Tingkat 1 → Tingkat 2; penjelasan diubah');
    expect(text).toContain('Bukti dukung A1 ditambahkan: https://busang.go.id/sk.pdf');
    expect(text).toContain('Penilaian diajukan (Draf → Diajukan)');
    expect(text).toContain('Verifikasi B1: tingkat hasil verifikasi ditetapkan Tingkat 1; alasan: SK belum ditandatangani');
    expect(text).toContain('Penilaian dikembalikan ke narahubung dengan 1 catatan (Diajukan → Dikembalikan)');
    expect(text).toContain('Penilaian diajukan (Dikembalikan → Diajukan)');
    expect(text).toContain('Penilaian dibuka kembali oleh admin (Diajukan → Draf); alasan: Permintaan camat');
    expect(text).toContain('Pengguna siti');
    expect(text).toContain('Pengguna budi');
    expect(text).toContain('Penilaian Mandiri SP4N-LAPOR! 2022');
    expect(text).toMatch(/<td>\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4} pukul \d{2}\.\d{2}<\/td>/);
    const order = ['dibuka kembali', 'Dikembalikan → Diajukan', 'dikembalikan ke narahubung', 'Draf → Diajukan'].map((s) => text.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('pages the history 25 rows at a time, newest first', async () => {
    const admin = await buildUser(ctx.repos, { role: 'admin' });
    for (let i = 1; i <= 30; i++) {
      ctx.repos.audit.record({ userId: admin.id, action: 'unit.update', entity: 'unit', entityId: busang, unitId: busang, oldValue: { kode: 'KEC-BUSANG', nama: `Nama ${i - 1}`, kelompok: 'kecamatan' }, newValue: { kode: 'KEC-BUSANG', nama: `Nama ${i}`, kelompok: 'kecamatan' } });
    }
    const { agent } = await loginAs(ctx.app, admin.username);

    const first = await agent.get(history());
    const second = await agent.get(history('?halaman=2'));
    const beyond = await agent.get(history('?halaman=9'));

    expect(first.text).toContain('Halaman 1 dari 2');
    expect(first.text.match(/<tr>\s*<td>/g)).toHaveLength(25);
    expect(first.text).toContain('Data unit diubah: Nama 29 (KEC-BUSANG, Kecamatan) → Nama 30 (KEC-BUSANG, Kecamatan)');
    expect(second.text.match(/<tr>\s*<td>/g)).toHaveLength(5);
    expect(second.text).toContain('→ Nama 1 (KEC-BUSANG, Kecamatan)');
    expect(second.text).toContain('rel="prev"');
    expect(beyond.text).toContain('Halaman 2 dari 2');
  });

  it.each(['verifikator', 'fasilitator', 'narahubung'] as const)('forbids a %s the history', async (role) => {
    const user = await buildUser(ctx.repos, { role, unitId: role === 'narahubung' ? busang : null });
    const { agent } = await loginAs(ctx.app, user.username);

    expect((await agent.get(history())).status).toBe(403);
  });

  it('answers 404 for an unknown unit', async () => {
    const { agent } = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin' })).username);

    expect((await agent.get('/admin/units/99999/history')).status).toBe(404);
  });
});
