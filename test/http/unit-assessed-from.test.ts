import { buildAssessment, buildUser, createTestContext, loginAs, unitId, REVISION_1, type Agent, type TestContext } from '../helpers/test-app';
import { readWorkbook } from '../helpers/workbook';
import { dbSnapshot } from '../helpers/db-snapshot';

const BRIDA = 'Badan Riset dan Inovasi Daerah';
const PILOT = 'Dinas Uji Coba';

/**
 * "Dinilai mulai tahun": the 57 seeded units (no start year), BRIDA assessed from 2023 without an assessment, and a
 * unit assessed from 2023 with a stray complete 2022 assessment (level 4 everywhere, submitted before the guard
 * refused it). So the 2022 period has the 57 units only (the stray row is stored but not counted), the 2023 period
 * 57 + 2 = 59.
 */
describe('a unit assessed from a later year', () => {
  let ctx: TestContext;
  let fasil: string;
  let p2023: number;

  beforeAll(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    const admin = await buildUser(ctx.repos, { role: 'admin' });
    fasil = (await buildUser(ctx.repos, { role: 'fasilitator' })).username;
    ctx.repos.units.insert({ code: 'PD-BRIDA', name: BRIDA, group: 'pd', provisional: false, assessedFrom: 2023 });
    const pilot = ctx.repos.units.insert({ code: 'PD-UJI', name: PILOT, group: 'pd', provisional: false, assessedFrom: 2023 });
    buildAssessment(ctx, { unitId: pilot, fill: 4, status: 'diajukan', userId: admin.id });
    p2023 = ctx.repos.periods.insert({ name: 'Penilaian Mandiri 2023', year: 2023, instrumentId: ctx.repos.periods.findById(ctx.periodId)!.instrumentId, deadline: null });
  });

  const get = async (path: string) => (await loginAs(ctx.app, fasil)).agent.get(path);

  it('is not on the board of a 2022 period, even with a stray assessment there, and is on the 2023 board', async () => {
    const b2022 = await get(`/periods/${ctx.periodId}/units`);
    const b2023 = await get(`/periods/${p2023}/units`);

    expect(b2022.status).toBe(200);
    expect(b2022.text).not.toContain(BRIDA);
    expect(b2022.text).not.toContain(PILOT);
    expect(b2023.text).toContain(BRIDA);
    expect(b2023.text).toContain(PILOT);
  });

  it('is not counted in the 2022 dashboard figures: 0 of 57 units, 57 not submitted, the stray row left out', async () => {
    const page = await get(`/periods/${ctx.periodId}/dashboard`);
    const summary = await get(`/periods/${ctx.periodId}/dashboard/summary.json`);
    const later = await get(`/periods/${p2023}/dashboard/summary.json`);

    expect(page.text).toMatch(/id="unit-count">0 <small>dari 57 unit<\/small>/);
    expect(summary.body.counts).toMatchObject({ total: 57, counted: 0, notSubmitted: 57 });
    expect(summary.body.kabupaten.units).toEqual([]);
    expect(ctx.db.prepare("SELECT count(*) AS n FROM assessments a JOIN units u ON u.id = a.unit_id WHERE u.code = 'PD-UJI'").get()).toEqual({ n: 1 });
    expect(later.body.counts).toMatchObject({ total: 59, counted: 0, notSubmitted: 59 });
  });

  it('is absent from the 2022 scores API and present in the 2023 one', async () => {
    const s2022 = await get(`/api/periods/${ctx.periodId}/scores`);
    const s2023 = await get(`/api/periods/${p2023}/scores`);
    const codes = (res: typeof s2022) => (res.body.units as { code: string }[]).map((u) => u.code);

    expect(s2022.body.units).toHaveLength(57);
    expect(codes(s2022)).not.toContain('PD-BRIDA');
    expect(codes(s2022)).not.toContain('PD-UJI');
    expect(s2023.body.units).toHaveLength(59);
    expect(codes(s2023)).toContain('PD-BRIDA');
  });

  it('counts from its year once the admin changes it: BRIDA from 2022 is on the 2022 board, the stray row counts again', async () => {
    const brida = ctx.repos.units.findById(unitId(ctx.repos, 'PD-BRIDA'))!;
    const pilot = ctx.repos.units.findById(unitId(ctx.repos, 'PD-UJI'))!;
    ctx.repos.units.update({ ...brida, assessedFrom: 2022 });
    ctx.repos.units.update({ ...pilot, assessedFrom: null });

    const summary = await get(`/periods/${ctx.periodId}/dashboard/summary.json`);
    const scores = await get(`/api/periods/${ctx.periodId}/scores`);

    expect(summary.body.counts).toMatchObject({ total: 59, counted: 1, notSubmitted: 58 });
    expect(scores.body.units.find((u: { code: string }) => u.code === 'PD-UJI')).toMatchObject({ status: 'diajukan', index: 100 });
    ctx.repos.units.update(brida);
    ctx.repos.units.update(pilot);
    expect((await get(`/periods/${ctx.periodId}/dashboard/summary.json`)).body.counts.total).toBe(57);
  });

  it('is an added unit when 2023 is compared with 2022', async () => {
    const res = await get(`/api/periods/${p2023}/progress`);

    expect(res.status).toBe(200);
    const units = res.body.comparison.units as { code: string; presence: string }[];
    expect(units.find((u) => u.code === 'PD-BRIDA')?.presence).toBe('added');
    expect(units.find((u) => u.code === 'PD-UJI')?.presence).toBe('added');
  });
});

/** Uploads a unit list, reads its preview and applies it with the preview's plan hash. */
async function applyImport(agent: Agent, csrf: string, file: string | Buffer, name = 'daftar.csv') {
  const up = await agent.post('/admin/units/import/upload').field('_csrf', csrf).attach('file', Buffer.from(file), name);
  const preview = await agent.get(up.headers.location as string);
  const planHash = /name="planHash" value="([0-9a-f]+)"/.exec(preview.text)?.[1] ?? '';
  return { preview, res: await agent.post(up.headers.location as string).type('form').send({ _csrf: csrf, planHash }) };
}

describe('"Dinilai mulai tahun" on the unit form and in the import', () => {
  let ctx: TestContext;
  let admin: { id: number; username: string };

  beforeEach(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    admin = await buildUser(ctx.repos, { role: 'admin' });
  });

  it('adds a unit with its start year, edits it and clears it, audited', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);

    const add = await agent.post('/admin/units').type('form').send({ _csrf: csrf, code: 'PD-BRIDA', name: BRIDA, group: 'pd', assessedFrom: ' 2023 ' });
    const id = unitId(ctx.repos, 'PD-BRIDA');
    const form = await agent.get(`/admin/units/${id}/edit`);
    const list = await agent.get('/admin/units');

    expect(add.status).toBe(302);
    expect(ctx.repos.units.findById(id)?.assessedFrom).toBe(2023);
    expect(form.text).toMatch(/id="assessedFrom" name="assessedFrom" value="2023"/);
    expect(list.text).toContain('dinilai mulai 2023');

    const edit = await agent.post(`/admin/units/${id}`).type('form').send({ _csrf: csrf, code: 'PD-BRIDA', name: BRIDA, group: 'pd', assessedFrom: '2024' });
    expect(edit.status).toBe(302);
    expect(ctx.repos.units.findById(id)?.assessedFrom).toBe(2024);
    const log = ctx.db.prepare("SELECT old_value, new_value FROM audit_log WHERE action = 'unit.update'").get() as { old_value: string; new_value: string };
    expect(JSON.parse(log.old_value)).toMatchObject({ dinilaiMulaiTahun: 2023 });
    expect(JSON.parse(log.new_value)).toMatchObject({ dinilaiMulaiTahun: 2024 });

    await agent.post(`/admin/units/${id}`).type('form').send({ _csrf: csrf, code: 'PD-BRIDA', name: BRIDA, group: 'pd', assessedFrom: '' });
    expect(ctx.repos.units.findById(id)?.assessedFrom).toBeNull();
  });

  it('tells the admin on saving the form which answered period a later start year stops counting', async () => {
    const id = unitId(ctx.repos, 'PD-DINKES');
    buildAssessment(ctx, { unitId: id, levels: { A1: 3 }, userId: admin.id });
    const { agent, csrf } = await loginAs(ctx.app, admin.username);

    const res = await agent.post(`/admin/units/${id}`).type('form').send({ _csrf: csrf, code: 'PD-DINKES', name: 'Dinas Kesehatan', group: 'pd', assessedFrom: '2023' });
    const list = await agent.get('/admin/units');

    expect(res.status).toBe(302);
    expect(list.text).toContain('Perubahan unit tersimpan. Penilaian tahun 2022 tidak lagi dihitung (jawabannya tetap tersimpan).');
    expect(ctx.repos.units.findById(id)?.assessedFrom).toBe(2023);
  });

  it.each([['2014'], ['2101'], ['23'], ['20231'], ['dua ribu'], ['2023.5']])(
    'refuses %s with 422 naming the field, keeps the value and saves nothing',
    async (typed) => {
      const id = unitId(ctx.repos, 'PD-DINKES');
      const { agent, csrf } = await loginAs(ctx.app, admin.username);
      const before = dbSnapshot(ctx.db);

      const res = await agent.post(`/admin/units/${id}`).type('form').send({ _csrf: csrf, code: 'PD-DINKES', name: 'Dinas Kesehatan Baru', group: 'pd', assessedFrom: typed });

      expect(res.status).toBe(422);
      expect(res.text).toContain('id="err-assessedFrom"');
      expect(res.text).toContain('Dinilai mulai tahun harus tahun 4 angka antara 2015 dan 2100, atau kosong');
      expect(res.text).toContain(`value="${typed}"`);
      expect(res.text).toContain('value="Dinas Kesehatan Baru"');
      expect(dbSnapshot(ctx.db)).toEqual(before);
    },
  );

  it('reads the optional column in the import: a year sets it, a bad one refuses the line, no column leaves it', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);

    const bad = await applyImport(agent, csrf, 'kode;nama;kelompok;dinilai mulai tahun\nPD-BRIDA;Badan Riset dan Inovasi Daerah;pd;23');
    expect(bad.preview.text).toContain('dinilai mulai tahun &#34;23&#34; bukan tahun 4 angka 2015–2100 (atau kosongkan agar tidak berubah)');
    expect(bad.res.status).toBe(422);
    expect(ctx.repos.units.findByCode('PD-BRIDA')).toBeUndefined();

    const good = await applyImport(agent, csrf, 'kode;nama;kelompok;dinilai mulai tahun\nPD-BRIDA;Badan Riset dan Inovasi Daerah;pd;2023\nPD-DINKES;Dinas Kesehatan;pd;2022');
    expect(good.preview.text).toContain('dinilai mulai tahun: setiap periode → 2022');
    expect(good.res.status).toBe(302);
    expect(ctx.repos.units.findByCode('PD-BRIDA')?.assessedFrom).toBe(2023);
    expect(ctx.repos.units.findByCode('PD-DINKES')?.assessedFrom).toBe(2022);

    const without = await applyImport(agent, csrf, 'kode;nama;kelompok\nPD-BRIDA;Badan Riset dan Inovasi Daerah (BRIDA);pd');
    expect(without.res.status).toBe(302);
    expect(ctx.repos.units.findByCode('PD-BRIDA')).toMatchObject({ name: 'Badan Riset dan Inovasi Daerah (BRIDA)', assessedFrom: 2023 });
  });

  it('keeps the stored years for blank cells, shows the year each line will have, and says where a year is cleared', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    await applyImport(agent, csrf, 'kode;nama;kelompok;dinilai mulai tahun\nPD-BRIDA;Badan Riset dan Inovasi Daerah;pd;2023\nPD-DINKES;Dinas Kesehatan;pd;2022');
    const page = await agent.get('/admin/units/import');

    const blank = await applyImport(agent, csrf, 'kode;nama;kelompok;dinilai mulai tahun\nPD-BRIDA;Badan Riset dan Inovasi Daerah;pd;\nPD-DINKES;Dinas Kesehatan Kabupaten;pd; \nPD-NEW;Unit Baru;pd;');

    expect(page.text).toContain('Sel <code>dinilai mulai tahun</code> yang kosong juga tidak mengubah tahun yang tersimpan');
    expect(blank.preview.text).toMatch(/<td>PD-BRIDA<\/td>(?:(?!<\/tr>)[\s\S])*<td>2023<\/td>\s*<td><strong>tidak berubah<\/strong>/);
    expect(blank.preview.text).toMatch(/<td>PD-NEW<\/td>(?:(?!<\/tr>)[\s\S])*<td>setiap periode<\/td>\s*<td><strong>baru<\/strong>/);
    expect(blank.res.status).toBe(302);
    expect(ctx.repos.units.findByCode('PD-BRIDA')?.assessedFrom).toBe(2023);
    expect(ctx.repos.units.findByCode('PD-DINKES')).toMatchObject({ name: 'Dinas Kesehatan Kabupaten', assessedFrom: 2022 });
    expect(ctx.repos.units.findByCode('PD-NEW')?.assessedFrom).toBeNull();
  });

  it('names on the preview the answered periods a new start year stops or starts counting', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'PD-DINKES'), levels: { A1: 2 }, userId: admin.id });

    const later = await applyImport(agent, csrf, 'kode;nama;kelompok;dinilai mulai tahun\nPD-DINKES;Dinas Kesehatan;pd;2023');
    const back = await applyImport(agent, csrf, 'kode;nama;kelompok;dinilai mulai tahun\nPD-DINKES;Dinas Kesehatan;pd;2022');

    expect(later.preview.text).toContain('dinilai mulai tahun: setiap periode → 2023; penilaian tahun 2022 tidak lagi dihitung (jawabannya tetap tersimpan)');
    expect(back.preview.text).toContain('dinilai mulai tahun: 2023 → 2022; penilaian tahun 2022 kembali dihitung');
    expect(ctx.repos.units.findByCode('PD-DINKES')?.assessedFrom).toBe(2022);
    expect(ctx.db.prepare("SELECT count(*) AS n FROM answers an JOIN assessments a ON a.id = an.assessment_id JOIN units u ON u.id = a.unit_id WHERE u.code = 'PD-DINKES'").get()).toEqual({ n: 1 });
  });

  it('reads its own unit list back: the note row above the header is skipped and no year or order changes', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    await applyImport(agent, csrf, 'kode;nama;kelompok;dinilai mulai tahun\nPD-BRIDA;Badan Riset dan Inovasi Daerah;pd;2023');
    const list = await agent.get('/admin/units.xlsx').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    const wb = await readWorkbook(list.body as Buffer);

    const again = await applyImport(agent, csrf, list.body as Buffer, 'daftar.xlsx');

    expect(String(wb.worksheets[0]?.getCell(2, 1).value)).toContain('Sel yang dikosongkan tidak mengubah tahun yang tersimpan');
    expect(again.preview.text).toContain('Ditolak: <strong>0</strong>');
    expect(again.preview.text).not.toContain('dinilai mulai tahun:');
    expect(again.preview.text).not.toContain('urutan:');
    expect(again.res.status).toBe(302);
    expect(ctx.repos.units.findByCode('PD-BRIDA')?.assessedFrom).toBe(2023);
    expect(ctx.repos.units.findByCode('PD-DINKES')?.assessedFrom).toBeNull();
  });
});
