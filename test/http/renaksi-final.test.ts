import { readWorkbook } from '../helpers/workbook';
import { buildUser, createTestContext, loginAs, type TestContext, type Agent } from '../helpers/test-app';
import { renaksiState, rowByKey, rowForm, draftedPlan, type seedGaps } from '../helpers/renaksi';

const binary = { buffer: true, type: 'blob' } as const;

describe('finalising the Renaksi and its versions over HTTP', () => {
  let ctx: TestContext;
  let tim: string;
  let admin: string;
  let url: string;
  let ids: Awaited<ReturnType<typeof seedGaps>>;

  beforeEach(async () => {
    ctx = createTestContext();
    ({ ids, tim, url } = await draftedPlan(ctx));
    admin = (await buildUser(ctx.repos, { role: 'admin' })).username;
  });

  const download = async (agent: Agent, path: string) =>
    agent.get(path).buffer(binary.buffer).responseType(binary.type);

  it('stores a dated, read-only version with the exact workbook bytes and serves them for download', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);

    const res = await agent.post(`${url}/finalize`).type('form').send({ _csrf: csrf });

    expect(res.status).toBe(302);
    expect(ctx.repos.renaksi.findPlan(ctx.periodId)?.status).toBe('final');
    const stored = ctx.db.prepare('SELECT version_no, row_count, finalized_at, rows_json, xlsx FROM renaksi_versions').get() as { version_no: number; row_count: number; finalized_at: string; rows_json: string; xlsx: Buffer };
    expect(stored).toMatchObject({ version_no: 1, row_count: 3 });
    expect(JSON.parse(stored.rows_json)).toHaveLength(3);
    const v1 = await download(agent, `${url}/versions/1.xlsx`);
    expect(v1.status).toBe(200);
    expect(Buffer.compare(v1.body as Buffer, stored.xlsx)).toBe(0);
    const current = await download(agent, `/periods/${ctx.periodId}/renaksi.xlsx`);
    expect(Buffer.compare(current.body as Buffer, stored.xlsx)).toBe(0);
    const ws = (await readWorkbook(stored.xlsx)).getWorksheet('Lampiran I');
    expect(String(ws?.getCell(6, 1).value)).toMatch(/TAHUN 2022–2024$/);
    const page = await agent.get(url);
    expect(page.text).toContain('Renaksi ini <strong>final</strong>');
    expect(page.text).toContain(`href="${url}/versions/1.xlsx"`);
    expect(ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'renaksi.finalize'").get()).toEqual({ n: 1 });
  });

  it('refuses every change to a final plan with 409 and changes nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    await agent.post(`${url}/finalize`).type('form').send({ _csrf: csrf });
    const row = rowByKey(ctx, 'kab:A1');
    const before = renaksiState(ctx);

    const responses = await Promise.all([
      agent.post(`${url}/rows/${row.id}`).type('form').send(rowForm(row, { _csrf: csrf, budget: 'APBD' })),
      agent.post(`${url}/generate`).type('form').send({ _csrf: csrf }),
      agent.post(`${url}/rows`).type('form').send({ _csrf: csrf, aspectCode: 'A', problem: 'x', activity: 'y' }),
      agent.post(`${url}/rows/${row.id}/delete`).type('form').send({ _csrf: csrf, version: String(row.version) }),
      agent.post(`${url}/rows/${row.id}/move`).type('form').send({ _csrf: csrf, direction: 'down' }),
      agent.post(`${url}/rows/${row.id}/priority`).type('form').send({ _csrf: csrf, isPriority: '1' }),
      agent.post(`${url}/years`).type('form').send({ _csrf: csrf, startYear: '2022', endYear: '2026' }),
      agent.post(`${url}/finalize`).type('form').send({ _csrf: csrf }),
      agent.post(`${url}/upload`).field('_csrf', csrf).attach('file', Buffer.from('PK\x03\x04'), 'renaksi.xlsx'),
    ]);

    expect(responses.map((r) => r.status)).toEqual([409, 409, 409, 409, 409, 409, 409, 409, 409]);
    expect(responses[0]?.text).toContain('Renaksi sudah final dan tidak dapat diubah.');
    expect(renaksiState(ctx)).toBe(before);
  });

  it('lets only the admin reopen a final plan as a new draft; earlier versions stay downloadable unchanged', async () => {
    const team = await loginAs(ctx.app, tim);
    await team.agent.post(`${url}/finalize`).type('form').send({ _csrf: team.csrf });
    const v1 = (ctx.db.prepare('SELECT xlsx FROM renaksi_versions WHERE version_no = 1').get() as { xlsx: Buffer }).xlsx;
    const before = renaksiState(ctx);

    const refused = await team.agent.post(`${url}/reopen`).type('form').send({ _csrf: team.csrf });
    expect(refused.status).toBe(403);
    expect(renaksiState(ctx)).toBe(before);

    const boss = await loginAs(ctx.app, admin);
    const reopened = await boss.agent.post(`${url}/reopen`).type('form').send({ _csrf: boss.csrf });
    expect(reopened.status).toBe(302);
    expect(ctx.repos.renaksi.findPlan(ctx.periodId)?.status).toBe('draf');
    const row = rowByKey(ctx, 'kab:A1');
    const edit = await team.agent.post(`${url}/rows/${row.id}`).type('form').send(rowForm(row, { _csrf: team.csrf, budget: 'APBD 2023' }));
    expect(edit.status).toBe(302);
    await team.agent.post(`${url}/finalize`).type('form').send({ _csrf: team.csrf });

    const versions = ctx.db.prepare('SELECT version_no FROM renaksi_versions ORDER BY version_no').all();
    expect(versions).toEqual([{ version_no: 1 }, { version_no: 2 }]);
    const again = await download(team.agent, `${url}/versions/1.xlsx`);
    expect(Buffer.compare(again.body as Buffer, v1)).toBe(0);
    const v2 = (await readWorkbook((await download(team.agent, `${url}/versions/2.xlsx`)).body as Buffer)).getWorksheet('Lampiran I');
    // kab:A1 is the first row (I.1, sheet row 12); Anggaran is column 17
    expect(v2?.getCell(12, 17).value).toBe('APBD 2023');
    const fasil = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'fasilitator' })).username);
    expect((await download(fasil.agent, `${url}/versions/2.xlsx`)).status).toBe(200);
    expect((await download(fasil.agent, `${url}/versions/3.xlsx`)).status).toBe(404);
  });

  it('serves the workbook built for the same document again, builds anew once the document changes, and keeps a final version', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const current = async () => (await download(agent, `/periods/${ctx.periodId}/renaksi.xlsx`)).body as Buffer;
    const first = await current();
    const second = await current();
    const row = rowByKey(ctx, 'kab:A1');
    await agent.post(`${url}/rows/${row.id}`).type('form').send(rowForm(row, { _csrf: csrf, budget: 'APBD 2023' }));

    const edited = await current();
    await agent.post(`${url}/finalize`).type('form').send({ _csrf: csrf });
    const stored = (ctx.db.prepare('SELECT xlsx FROM renaksi_versions').get() as { xlsx: Buffer }).xlsx;

    expect(second.equals(first)).toBe(true);
    expect(edited.equals(first)).toBe(false);
    expect((await readWorkbook(edited)).getWorksheet('Lampiran I')?.getCell(12, 17).value).toBe('APBD 2023');
    expect(stored.equals(edited)).toBe(true);
    expect((await current()).equals(stored)).toBe(true);
    expect(ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'export.renaksi'").get()).toEqual({ n: 4 });
  });

  it('keeps a stored version read-only even for direct SQL', () => {
    ctx.db.prepare("INSERT INTO renaksi_versions (plan_id, version_no, start_year, end_year, row_count, finalized_at, rows_json, xlsx) VALUES (?, 1, 2022, 2024, 0, '2022-06-01', '[]', x'00')")
      .run(ctx.repos.renaksi.findPlan(ctx.periodId)?.id);

    expect(() => ctx.db.prepare('UPDATE renaksi_versions SET row_count = 9').run()).toThrow('renaksi_versions is read-only');
    expect(() => ctx.db.prepare('DELETE FROM renaksi_versions').run()).toThrow('renaksi_versions is read-only');
  });

  it('uses the document settings (paper, place, date, office, name, NIP) in the workbook and refuses a bad NIP', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const settings = {
      'renaksi.paper': 'a4', 'renaksi.region': 'Kabupaten Kutai Timur', 'renaksi.place': 'Sangatta', 'renaksi.date': '30 Juni 2022',
      'renaksi.office': 'BUPATI KUTAI TIMUR', 'renaksi.signer': 'NAMA PENANDA TANGAN', 'renaksi.nip': '',
    };
    const bad = await agent.post(`${url}/settings`).type('form').send({ _csrf: csrf, ...settings, 'renaksi.nip': '12345' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('NIP terdiri atas 18 angka (boleh dikosongkan).');
    expect(bad.text).toContain('value="NAMA PENANDA TANGAN"');
    expect(ctx.repos.settings.get('renaksi.signer')).toBeUndefined();

    const ok = await agent.post(`${url}/settings`).type('form').send({ _csrf: csrf, ...settings, 'renaksi.nip': '197001012000031001' });

    expect(ok.status).toBe(302);
    const ws = (await readWorkbook((await download(agent, `/periods/${ctx.periodId}/renaksi.xlsx`)).body as Buffer)).getWorksheet('Lampiran I');
    expect(ws?.pageSetup.paperSize).toBe(9);
    // I.1, I.2 and II.1 under two group rows end on row 15; the closing starts on row 17 over columns O…S
    expect([17, 18, 22].map((r) => ws?.getCell(r, 15).value)).toEqual(['Sangatta, 30 Juni 2022', 'BUPATI KUTAI TIMUR,', 'NAMA PENANDA TANGAN']);
    expect(ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'renaksi.settings'").get()).toEqual({ n: 1 });
    expect(ids.busang).toBeGreaterThan(0);
  });
});
