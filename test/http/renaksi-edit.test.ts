import { readWorkbook } from '../helpers/workbook';
import { buildUser, createTestContext, loginAs, type TestContext } from '../helpers/test-app';
import { renaksiState, rowByKey, rowForm, draftedPlan, type seedGaps, storedRows } from '../helpers/renaksi';

describe('editing Renaksi rows over HTTP', () => {
  let ctx: TestContext;
  let tim: string;
  let ids: Awaited<ReturnType<typeof seedGaps>>;
  let url: string;

  beforeEach(async () => {
    ctx = createTestContext();
    ({ ids, tim, url } = await draftedPlan(ctx));
  });

  const busangKey = () => 'kab:A1';
  const aspectName = (code: string) => ctx.instrument.aspects.find((a) => a.code === code)?.name ?? '';
  const indicator = (code: string) => ctx.instrument.aspects.flatMap((a) => a.indicators).find((i) => i.code === code);

  it('shows one aspect at a time numbered as in the workbook, and the evidence of a row on its edit form', async () => {
    const { agent } = await loginAs(ctx.app, tim);
    const a1 = rowByKey(ctx, 'kab:A1');

    const page = await agent.get(url);
    const second = await agent.get(`${url}?aspek=B`);
    const edit = await agent.get(`${url}/rows/${a1.id}/edit`);

    expect(page.status).toBe(200);
    // sasaran I (aspect A) by default: I.1 A1 and I.2 A2; aspect B (II.1) only on its own tab
    expect(page.text).toContain(`I. Aspek A – ${aspectName('A')}`);
    expect(page.text).toContain('<span class="no">I.2</span>');
    expect(page.text).not.toContain('<span class="no">II.1</span>');
    expect(page.text).toContain(`href="${url}?aspek=B"`);
    expect(page.text).toContain('Menampilkan sasaran I: 2 dari 3 baris.');
    // baseline and targets as counts of units with their shares
    expect(page.text).toContain('55 dari 57 (96,5 %)');
    expect(second.text).toContain('<span class="no">II.1</span>');
    expect(second.text).not.toContain('<span class="no">I.1</span>');
    // A1: Busang level 1 and Dinkes level 3 are below target 4; the other 55 units at 4
    expect(edit.text).toContain('2 dari 57 unit di bawah target (55 sudah mencapai target):');
    expect(edit.text).toContain(`href="/periods/${ctx.periodId}/units/${ids.busang}/assessment#ind-A1">Kecamatan Busang</a> – tingkat 1`);
    expect(edit.text).toContain(`href="/periods/${ctx.periodId}/units/${ids.dinkes}/assessment#ind-A1">Dinas Kesehatan</a> – tingkat 3`);
  });

  it('saves an edit of every kind of column, records the edited fields, bumps the version and audits it', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const row = rowByKey(ctx, busangKey());
    const form = rowForm(row, {
      _csrf: csrf, activity: 'Bagian Organisasi menyiapkan templat SK', budget: 'APBD 2023 – DPA Bagian Organisasi',
      target_2022: '55', target_2023: '56', target_2024: '57', output_2023: '2 SK', dpa: 'Program Penunjang Urusan Pemerintahan Daerah',
    });

    const res = await agent.post(`${url}/rows/${row.id}`).type('form').send(form);

    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`${url}#row-${row.id}`);
    const after = rowByKey(ctx, busangKey());
    expect(after).toMatchObject({ activity: 'Bagian Organisasi menyiapkan templat SK', budget: 'APBD 2023 – DPA Bagian Organisasi', version: row.version + 1 });
    expect(JSON.parse(after.targets)).toEqual({ 2022: 55, 2023: 56, 2024: 57 });
    expect(JSON.parse(after.output_targets)).toMatchObject({ 2023: '2 SK' });
    expect(JSON.parse(after.edited_fields).sort()).toEqual(['activity', 'budget', 'dpa', 'outputTargets', 'targets']);
    const audit = ctx.db.prepare("SELECT old_value, new_value FROM audit_log WHERE action = 'renaksi.row.update' AND entity_id = ?").get(row.id) as { old_value: string; new_value: string };
    expect(JSON.parse(audit.old_value)).toMatchObject({ budget: 'Sesuai DPA masing-masing PD', dpa: '' });
    expect(JSON.parse(audit.new_value)).toMatchObject({ budget: 'APBD 2023 – DPA Bagian Organisasi' });
  });

  it('refuses a stale edit with 409, shows both values and changes nothing', async () => {
    const first = await loginAs(ctx.app, tim);
    const second = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin' })).username);
    const row = rowByKey(ctx, busangKey());
    await first.agent.post(`${url}/rows/${row.id}`).type('form').send(rowForm(row, { _csrf: first.csrf, budget: 'APBD Perubahan 2022' }));
    const before = renaksiState(ctx);

    const res = await second.agent.post(`${url}/rows/${row.id}`).type('form').send(rowForm(row, { _csrf: second.csrf, budget: 'Dana desa' }));

    expect(res.status).toBe(409);
    expect(res.text).toContain('Baris ini sudah diubah orang lain');
    expect(res.text).toMatch(/Anggaran dan sumber dana<\/th><td class="pre">Dana desa<\/td><td class="pre">APBD Perubahan 2022<\/td>/);
    // the form now carries the current version, so saving again is a deliberate overwrite
    expect(res.text).toContain(`name="version" value="${row.version + 1}"`);
    expect(renaksiState(ctx)).toBe(before);
  });

  it.each([
    [{ target_2022: '56', target_2023: '55', target_2024: '57' }, 'target_2023', 'Target 2023 (55) lebih kecil dari target 2022 (56); jumlah unit yang mencapai target tidak boleh turun.'],
    [{ target_2022: '56', target_2023: '57', target_2024: '58' }, 'target_2024', 'Target 2024 (58) melebihi jumlah unit yang dinilai pada indikator ini (57).'],
    [{ target_2022: '-1', target_2023: '56', target_2024: '57' }, 'target_2022', 'Target 2022 tidak boleh kurang dari 0.'],
    [{ target_2022: 'dua', target_2023: '56', target_2024: '57' }, 'target_2022', 'Target 2022 harus berupa bilangan bulat 0–57 (jumlah unit).'],
  ])('refuses targets %p with 422 naming the year, keeps the typed values and changes nothing', async (targets, field, message) => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const row = rowByKey(ctx, busangKey());
    const before = renaksiState(ctx);

    const res = await agent.post(`${url}/rows/${row.id}`).type('form').send(rowForm(row, { _csrf: csrf, ...targets, budget: 'APBD 2023' }));

    expect(res.status).toBe(422);
    expect(res.text).toContain(`<p class="field-error" id="err-${field}">${message}</p>`);
    expect(res.text).toContain('APBD 2023');
    expect(renaksiState(ctx)).toBe(before);
  });

  it('refuses an emptied required column and text over 2.000 characters with 422', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const row = rowByKey(ctx, busangKey());
    const before = renaksiState(ctx);

    const res = await agent.post(`${url}/rows/${row.id}`).type('form').send(rowForm(row, { _csrf: csrf, activity: '  ', support: 'x'.repeat(2001) }));

    expect(res.status).toBe(422);
    expect(res.text).toContain('Kegiatan wajib diisi.');
    expect(res.text).toContain('Dukungan kebijakan, kelembagaan, sumber daya maksimal 2.000 karakter.');
    expect(renaksiState(ctx)).toBe(before);
  });

  it.each(['fasilitator', 'verifikator', 'narahubung'] as const)('forbids a %s to edit, add, delete, move or regenerate (403, nothing changed)', async (role) => {
    const user = await buildUser(ctx.repos, { role, unitId: role === 'narahubung' ? ids.busang : null });
    const { agent, csrf } = await loginAs(ctx.app, user.username);
    const row = rowByKey(ctx, busangKey());
    const before = renaksiState(ctx);

    const responses = await Promise.all([
      agent.get(`${url}/rows/${row.id}/edit`),
      agent.post(`${url}/rows/${row.id}`).type('form').send(rowForm(row, { _csrf: csrf, budget: 'APBD' })),
      agent.post(`${url}/rows`).type('form').send({ _csrf: csrf, aspectCode: 'A', problem: 'x', activity: 'y' }),
      agent.post(`${url}/rows/${row.id}/delete`).type('form').send({ _csrf: csrf, version: String(row.version) }),
      agent.post(`${url}/rows/${row.id}/move`).type('form').send({ _csrf: csrf, direction: 'down' }),
      agent.post(`${url}/generate`).type('form').send({ _csrf: csrf }),
      agent.post(`${url}/years`).type('form').send({ _csrf: csrf, startYear: '2022', endYear: '2026' }),
    ]);

    expect(responses.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect(renaksiState(ctx)).toBe(before);
  });

  it('refuses an edit without the CSRF token (403) and changes nothing', async () => {
    const { agent } = await loginAs(ctx.app, tim);
    const row = rowByKey(ctx, busangKey());
    const before = renaksiState(ctx);

    const res = await agent.post(`${url}/rows/${row.id}`).type('form').send(rowForm(row, { budget: 'APBD' }));

    expect(res.status).toBe(403);
    expect(renaksiState(ctx)).toBe(before);
  });

  it('adds a manual row under the chosen aspect, at the end of that aspect', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);

    const res = await agent.post(`${url}/rows`).type('form').send({
      _csrf: csrf, aspectCode: 'E', indicatorCode: 'E1', problem: 'Masyarakat belum mengenal kanal SP4N-LAPOR!',
      activity: 'Sosialisasi di 18 kecamatan', target_2022: '', target_2023: '2', target_2024: '3', isPriority: '1',
    });

    expect(res.status).toBe(302);
    const manual = storedRows(ctx).find((r) => r.scope === 'manual');
    expect(manual).toMatchObject({ aspect_code: 'E', indicator_code: 'E1', source_key: null, is_priority: 1 });
    expect(JSON.parse(manual?.targets ?? '')).toEqual({ 2023: 2, 2024: 3 });
    expect(res.headers.location).toBe(`${url}?aspek=E#row-${manual?.id}`);
    const page = await agent.get(`${url}?aspek=E`);
    expect(page.text).toContain(`III. Aspek E – ${aspectName('E')}`);
    expect(page.text).toContain('Sosialisasi di 18 kecamatan');
  });

  it('refuses a manual row without an aspect or with an indicator of another aspect (422, nothing added)', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const before = renaksiState(ctx);

    const none = await agent.post(`${url}/rows`).type('form').send({ _csrf: csrf, aspectCode: '', problem: 'x', activity: 'y' });
    const wrong = await agent.post(`${url}/rows`).type('form').send({ _csrf: csrf, aspectCode: 'B', indicatorCode: 'E1', problem: 'x', activity: 'y' });

    expect(none.status).toBe(422);
    expect(none.text).toContain('Pilih aspek yang tersedia.');
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('Indikator harus termasuk aspek B.');
    expect(renaksiState(ctx)).toBe(before);
  });

  it('soft-deletes a row (kept, restorable) and leaves it out of the page table and the workbook', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const row = rowByKey(ctx, busangKey());

    const del = await agent.post(`${url}/rows/${row.id}/delete`).type('form').send({ _csrf: csrf, version: String(row.version) });

    expect(del.status).toBe(302);
    expect(rowByKey(ctx, busangKey()).deleted_at).not.toBeNull();
    const page = await agent.get(url);
    expect(page.text).toContain('Baris terhapus (1)');
    expect(page.text).toContain('Menampilkan sasaran I: 1 dari 2 baris.');
    const xlsx = await agent.get(`/periods/${ctx.periodId}/renaksi.xlsx`).buffer(true).responseType('blob');
    const ws = (await readWorkbook(xlsx.body as Buffer)).getWorksheet('Lampiran I');
    // A1's row is gone and the numbering closes up: I.1 is A2 (sheet row 12), II.1 is B1 (row 14)
    expect([12, 14].map((r) => ws?.getCell(r, 1).value)).toEqual(['I.1', 'II.1']);
    expect([12, 14].map((r) => ws?.getCell(r, 14).value)).toEqual([indicator('A2')?.coordinator, indicator('B1')?.coordinator]);
    const restore = await agent.post(`${url}/rows/${row.id}/restore`).type('form').send({ _csrf: csrf });
    expect(restore.status).toBe(302);
    expect(rowByKey(ctx, busangKey()).deleted_at).toBeNull();
  });

  it('refuses to delete a row that changed since the page was loaded (409, nothing changed)', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const row = rowByKey(ctx, busangKey());
    await agent.post(`${url}/rows/${row.id}`).type('form').send(rowForm(row, { _csrf: csrf, budget: 'APBD' }));
    const before = renaksiState(ctx);

    const res = await agent.post(`${url}/rows/${row.id}/delete`).type('form').send({ _csrf: csrf, version: String(row.version) });

    expect(res.status).toBe(409);
    expect(renaksiState(ctx)).toBe(before);
  });

  it('moves a row up and down within its aspect without touching its version', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const order = () => storedRows(ctx).map((r) => r.source_key);
    const a2 = rowByKey(ctx, 'kab:A2');

    await agent.post(`${url}/rows/${a2.id}/move`).type('form').send({ _csrf: csrf, direction: 'up' });

    expect(order()).toEqual(['kab:A2', 'kab:A1', 'kab:B1']);
    expect(rowByKey(ctx, 'kab:A2').version).toBe(a2.version);
    await agent.post(`${url}/rows/${a2.id}/move`).type('form').send({ _csrf: csrf, direction: 'up' });
    expect(order()).toEqual(['kab:A2', 'kab:A1', 'kab:B1']);
    await agent.post(`${url}/rows/${a2.id}/move`).type('form').send({ _csrf: csrf, direction: 'down' });
    expect(order()).toEqual(['kab:A1', 'kab:A2', 'kab:B1']);
    const bad = await agent.post(`${url}/rows/${a2.id}/move`).type('form').send({ _csrf: csrf, direction: 'sideways' });
    expect(bad.status).toBe(422);
  });

  it('marks and unmarks a row as a priority', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const row = rowByKey(ctx, 'kab:A1');

    await agent.post(`${url}/rows/${row.id}/priority`).type('form').send({ _csrf: csrf, isPriority: '1' });

    expect(rowByKey(ctx, 'kab:A1')).toMatchObject({ is_priority: 1, version: row.version + 1 });
    const page = await agent.get(`${url}?tampil=prioritas`);
    expect(page.text).toContain('★ prioritas');
    expect(page.text).toContain('Saringan dari semua aspek: 1 dari 3 baris sesuai.');
    const xlsx = await agent.get(`/periods/${ctx.periodId}/renaksi.xlsx`).buffer(true).responseType('blob');
    // A1 is I.1 (sheet row 12); its Baseline cell carries the mark for the reader
    expect((await readWorkbook(xlsx.body as Buffer)).getWorksheet('Lampiran I')?.getCell('F12').value).toMatch(/ pada tingkat target.*\n\(prioritas\)$/s);
    await agent.post(`${url}/rows/${row.id}/priority`).type('form').send({ _csrf: csrf, isPriority: '0' });
    expect(rowByKey(ctx, 'kab:A1').is_priority).toBe(0);
  });

  it('regenerates after changed assessments: keeps the edit, adds the new gap and shows the closed one', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const row = rowByKey(ctx, 'kab:A1');
    await agent.post(`${url}/rows/${row.id}`).type('form').send(rowForm(row, { _csrf: csrf, activity: 'Templat SK dari Bagian Organisasi' }));
    const dinkes = ctx.repos.assessments.find(ctx.periodId, ids.dinkes);
    const busang = ctx.repos.assessments.find(ctx.periodId, ids.busang);
    ctx.repos.assessments.setVerifiedLevel({ assessmentId: dinkes?.id ?? 0, code: 'A1', level: 4, note: 'SK ada' });
    ctx.repos.assessments.setVerifiedLevel({ assessmentId: busang?.id ?? 0, code: 'A1', level: 4, note: 'SK ada' });
    ctx.repos.assessments.setVerifiedLevel({ assessmentId: dinkes?.id ?? 0, code: 'B2', level: 2, note: 'Belum ada pelatihan' });

    const res = await agent.post(`${url}/generate`).type('form').send({ _csrf: csrf });

    expect(res.status).toBe(302);
    expect(rowByKey(ctx, 'kab:A1')).toMatchObject({ activity: 'Templat SK dari Bagian Organisasi', gap_open: 0 });
    expect(rowByKey(ctx, 'kab:B2').gap_open).toBe(1);
    const page = await agent.get(url);
    expect(page.text).toContain('1 baris tidak lagi memiliki kesenjangan');
    expect(page.text).toContain('kesenjangan tertutup');
    expect(page.text).toContain('1 baris baru');
    const xlsx = await agent.get(`/periods/${ctx.periodId}/renaksi.xlsx`).buffer(true).responseType('blob');
    const ws = (await readWorkbook(xlsx.body as Buffer)).getWorksheet('Lampiran I');
    expect(ws?.getCell('F12').value).toMatch(/\n\(kesenjangan sudah tertutup pada penilaian terbaru\)$/);
  });

  it('changes the plan years: recounts untouched targets, keeps edited ones and carries them into the new years', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const a2 = rowByKey(ctx, 'kab:A2');
    await agent.post(`${url}/rows/${a2.id}`).type('form').send(rowForm(a2, { _csrf: csrf, target_2022: '56', target_2023: '56', target_2024: '57' }));

    const res = await agent.post(`${url}/years`).type('form').send({ _csrf: csrf, startYear: '2022', endYear: '2026' });

    expect(res.status).toBe(302);
    expect(ctx.repos.renaksi.findPlan(ctx.periodId)).toMatchObject({ startYear: 2022, endYear: 2026 });
    // A1 units per gap 55, 1 (Dinkes), 0, 1 (Busang): 56, 56, 57, 57, 57
    expect(JSON.parse(rowByKey(ctx, 'kab:A1').targets)).toEqual({ 2022: 56, 2023: 56, 2024: 57, 2025: 57, 2026: 57 });
    expect(JSON.parse(rowByKey(ctx, 'kab:A2').targets)).toEqual({ 2022: 56, 2023: 56, 2024: 57, 2025: 57, 2026: 57 });
    const back = await agent.post(`${url}/years`).type('form').send({ _csrf: csrf, startYear: '2023', endYear: '2024' });
    expect(back.status).toBe(302);
    // A1 recounted for a two-year plan starting 2023: 56, 56
    expect(JSON.parse(rowByKey(ctx, 'kab:A1').targets)).toEqual({ 2023: 56, 2024: 56 });
  });

  it('refuses plan years that end before they start or span more than 10 years (422, nothing changed)', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const before = renaksiState(ctx);

    const backwards = await agent.post(`${url}/years`).type('form').send({ _csrf: csrf, startYear: '2024', endYear: '2022' });
    const long = await agent.post(`${url}/years`).type('form').send({ _csrf: csrf, startYear: '2022', endYear: '2035' });

    expect(backwards.status).toBe(422);
    expect(backwards.text).toContain('Tahun akhir tidak boleh sebelum tahun awal.');
    expect(long.status).toBe(422);
    expect(long.text).toContain('Rencana paling lama 10 tahun.');
    expect(renaksiState(ctx)).toBe(before);
  });
});
