import { buildUser, createTestContext, loginAs, type TestContext, type Agent } from '../helpers/test-app';
import { draftedPlan, renaksiState, rowByKey, rowForm, storedRows } from '../helpers/renaksi';

describe('the Renaksi editor: in-place saves, the filter kept, split and merge', () => {
  let ctx: TestContext;
  let tim: string;
  let url: string;

  beforeEach(async () => {
    ctx = createTestContext();
    ({ tim, url } = await draftedPlan(ctx));
  });

  const saveJson = (agent: Agent, id: number, form: Record<string, string>) =>
    agent.post(`${url}/rows/${id}`).set('Accept', 'application/json').type('form').send(form);

  it('saves a row in place as JSON: the new version and the row as the page shows it, stored and audited', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const b1 = rowByKey(ctx, 'kab:B1');

    const res = await saveJson(agent, b1.id, rowForm(b1, { _csrf: csrf, kembali: 'aspek=B', dpa: 'Program Pengelolaan Aplikasi Informatika', target_2023: '57' }));

    expect(res.status).toBe(200);
    expect(res.body.message).toBe('Baris tersimpan: Program / Kegiatan / Sub Kegiatan (DPA).');
    expect(res.body.version).toBe(b1.version + 1);
    expect(res.body.html.trim()).toMatch(new RegExp(`^<article id="row-${b1.id}" class="plan-row"`));
    expect(res.body.html).toContain('<span class="no">II.1</span>');
    expect(res.body.html).toContain('Program Pengelolaan Aplikasi Informatika');
    // the row's links keep the filter the page had
    expect(res.body.html).toContain(`/rows/${b1.id}/edit?kembali=aspek%3DB`);
    expect(rowByKey(ctx, 'kab:B1')).toMatchObject({ dpa: 'Program Pengelolaan Aplikasi Informatika', version: b1.version + 1 });
    expect(ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'renaksi.row.update'").get()).toEqual({ n: 1 });
  });

  it('answers a refused in-place save with the message per field (422) and stores nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const a1 = rowByKey(ctx, 'kab:A1');
    const before = renaksiState(ctx);

    const res = await saveJson(agent, a1.id, rowForm(a1, { _csrf: csrf, target_2022: '57', target_2023: '50', activity: '' }));

    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual({
      activity: 'Kegiatan wajib diisi.',
      target_2023: 'Target 2023 (50) lebih kecil dari target 2022 (57); jumlah unit yang mencapai target tidak boleh turun.',
    });
    expect(renaksiState(ctx)).toBe(before);
  });

  it('answers a stale in-place save with both values and the current version (409), storing nothing', async () => {
    const first = await loginAs(ctx.app, tim);
    const second = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin' })).username);
    const a2 = rowByKey(ctx, 'kab:A2');
    await saveJson(first.agent, a2.id, rowForm(a2, { _csrf: first.csrf, budget: 'APBD 2023' }));
    const before = renaksiState(ctx);

    const res = await saveJson(second.agent, a2.id, rowForm(a2, { _csrf: second.csrf, budget: 'APBD Perubahan 2022' }));

    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('row-conflict');
    expect(res.body.version).toBe(a2.version + 1);
    expect(res.body.conflict).toContainEqual({ label: 'Anggaran dan sumber dana', mine: 'APBD Perubahan 2022', stored: 'APBD 2023' });
    expect(renaksiState(ctx)).toBe(before);
  });

  it('serves the editor alone for the page to insert, and comes back to the same filter after a plain save', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const b1 = rowByKey(ctx, 'kab:B1');

    const fragment = await agent.get(`${url}/rows/${b1.id}/edit?kembali=aspek%3DB&bagian=form`);
    const saved = await agent.post(`${url}/rows/${b1.id}`).type('form').send(rowForm(b1, { _csrf: csrf, kembali: 'aspek=B', budget: 'APBD 2023' }));
    const filtered = await agent.post(`${url}/rows/${b1.id}/priority`).type('form').send({ _csrf: csrf, isPriority: '1', kembali: 'tampil=prioritas&hal=1' });

    expect(fragment.status).toBe(200);
    expect(fragment.text).not.toContain('<html');
    expect(fragment.text).toContain('data-inplace');
    expect(fragment.text).toContain('name="kembali" value="aspek=B"');
    expect(saved.status).toBe(302);
    expect(saved.headers.location).toBe(`${url}?aspek=B#row-${b1.id}`);
    expect(filtered.headers.location).toBe(`${url}?tampil=prioritas#row-${b1.id}`);
  });

  it('never sends anyone off the plan page, whatever the form carried back', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const b1 = rowByKey(ctx, 'kab:B1');

    const res = await agent.post(`${url}/rows/${b1.id}/move`).type('form').send({ _csrf: csrf, direction: 'up', kembali: '//contoh.example/?aspek=<b>&tampil=x' });

    expect(res.headers.location).toBe(`${url}#row-${b1.id}`);
  });

  it('splits a row: a copy of the team right below it, with its counts and a note, which regeneration leaves alone', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const a1 = rowByKey(ctx, 'kab:A1');

    const res = await agent.post(`${url}/rows/${a1.id}/split`).type('form').send({ _csrf: csrf, version: String(a1.version), kembali: 'aspek=A' });
    await agent.post(`${url}/generate`).type('form').send({ _csrf: csrf });

    const rows = storedRows(ctx);
    expect(rows.map((r) => [r.source_key, r.scope])).toEqual([['kab:A1', 'kabupaten'], [null, 'manual'], ['kab:A2', 'kabupaten'], ['kab:B1', 'kabupaten']]);
    const copy = rows[1];
    expect(res.headers.location).toBe(`${url}?aspek=A#row-${copy?.id}`);
    expect(copy).toMatchObject({ indicator_code: 'A1', activity: a1.activity, targets: a1.targets, counts: a1.counts, notes: 'Dipecah dari baris indikator A1.' });
    const stale = await agent.post(`${url}/rows/${a1.id}/split`).type('form').send({ _csrf: csrf, version: String(a1.version + 5) });
    expect(stale.status).toBe(409);
    expect(storedRows(ctx)).toHaveLength(4);
  });

  it('merges a row into another of its aspect: activities and outputs added and kept on regeneration, the merged row deleted', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const a1 = rowByKey(ctx, 'kab:A1');
    const a2 = rowByKey(ctx, 'kab:A2');

    const res = await agent.post(`${url}/rows/${a2.id}/merge`).type('form').send({ _csrf: csrf, version: String(a2.version), into: String(a1.id), kembali: 'aspek=A' });
    await agent.post(`${url}/generate`).type('form').send({ _csrf: csrf });

    expect(res.headers.location).toBe(`${url}?aspek=A#row-${a1.id}`);
    const kept = rowByKey(ctx, 'kab:A1');
    expect(kept.activity).toBe(`${a1.activity}\n${a2.activity}`);
    expect(JSON.parse(kept.edited_fields)).toEqual(expect.arrayContaining(['activity', 'outputIndicator']));
    expect(kept.notes).toContain('Digabung dengan baris indikator A2');
    expect(rowByKey(ctx, 'kab:A2').deleted_at).not.toBeNull();
    const self = await agent.post(`${url}/rows/${a1.id}/merge`).type('form').send({ _csrf: csrf, version: String(kept.version), into: String(a1.id) });
    expect(self.status).toBe(422);
  });

  it.each(['fasilitator', 'verifikator'] as const)('forbids a %s to split or merge (403, nothing changed)', async (role) => {
    const { agent, csrf } = await loginAs(ctx.app, (await buildUser(ctx.repos, { role })).username);
    const a1 = rowByKey(ctx, 'kab:A1');
    const a2 = rowByKey(ctx, 'kab:A2');
    const before = renaksiState(ctx);

    const split = await agent.post(`${url}/rows/${a1.id}/split`).type('form').send({ _csrf: csrf, version: String(a1.version) });
    const merge = await agent.post(`${url}/rows/${a2.id}/merge`).type('form').send({ _csrf: csrf, version: String(a2.version), into: String(a1.id) });
    const fragment = await agent.get(`${url}/rows/${a1.id}/edit?bagian=form`);

    expect([split.status, merge.status, fragment.status]).toEqual([403, 403, 403]);
    expect(renaksiState(ctx)).toBe(before);
  });
});
