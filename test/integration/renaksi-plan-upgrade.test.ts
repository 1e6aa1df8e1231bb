import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, createModules } from '../../src/app';
import { testConfig } from '../../src/config/config';
import { openDatabase, type Db } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { createRepos } from '../helpers/repos';
import { createInstrumentRepo } from '../../src/instrument/instrument.repo';
import { loadInstrumentTemplates } from '../../src/instrument/instrument.loader';
import { MIGRATIONS_DIR, TEMPLATES_DIR } from '../../src/shared/paths';
import { buildUser, loginAs } from '../helpers/test-app';

const NOW = '2022-07-01T01:00:00.000Z';
const LEVELS = JSON.stringify({ 2022: 2, 2023: 3, 2024: 4 });

interface OldRow {
  key: string | null;
  scope: 'kabupaten' | 'unit' | 'manual';
  unit?: number;
  indicator: string | null;
  edited?: string[];
  priority?: boolean;
  deleted?: boolean;
  fields?: Record<string, string>;
  targets?: string;
}

/** A database migrated only up to 012 with a Renaksi draft in the old shape (kabupaten and unit rows, level targets). */
function installationWithOldPlan(): { db: Db; units: Record<'busang' | 'telen' | 'dinkes', number>; periodId: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-renaksi-lama-'));
  for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((n) => n < '013')) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
  const db = openDatabase(':memory:');
  migrate(db, dir);
  const unit = (code: string, name: string, group: string, order: number) =>
    Number(db.prepare('INSERT INTO units (code, name, group_kind, sort_order, created_at) VALUES (?, ?, ?, ?, ?)').run(code, name, group, order, NOW).lastInsertRowid);
  const units = { dinkes: unit('PD-DINKES', 'Dinas Kesehatan', 'pd', 1), busang: unit('KEC-BUSANG', 'Kecamatan Busang', 'kecamatan', 2), telen: unit('KEC-TELEN', 'Kecamatan Telen', 'kecamatan', 3) };
  const instruments = createInstrumentRepo(db);
  const instrumentId = loadInstrumentTemplates(TEMPLATES_DIR).map((i) => instruments.ensure(i))[0] as number;
  const periodId = Number(db.prepare("INSERT INTO periods (name, year, instrument_id, created_at) VALUES ('Penilaian 2022', 2022, ?, ?)").run(instrumentId, NOW).lastInsertRowid);
  const planId = Number(db.prepare("INSERT INTO renaksi_plans (period_id, start_year, end_year, generated_at, updated_at) VALUES (?, 2022, 2024, ?, ?)").run(periodId, NOW, NOW).lastInsertRowid);
  const rows: OldRow[] = [
    { key: 'kab:A1', scope: 'kabupaten', indicator: 'A1', edited: ['activity', 'targets', 'realization'], fields: { activity: 'Templat SK dari Bagian Organisasi', realization: 'Rapat koordinasi TW I selesai' } },
    { key: 'kab:A2', scope: 'kabupaten', indicator: 'A2' },
    { key: `unit:${units.busang}:A1`, scope: 'unit', unit: units.busang, indicator: 'A1', edited: ['budget', 'targets'], fields: { budget: 'DPA Kecamatan Busang 2023' } },
    { key: `unit:${units.dinkes}:A1`, scope: 'unit', unit: units.dinkes, indicator: 'A1' },
    { key: `unit:${units.telen}:A2`, scope: 'unit', unit: units.telen, indicator: 'A2', priority: true },
    { key: `unit:${units.dinkes}:A2`, scope: 'unit', unit: units.dinkes, indicator: 'A2', edited: ['activity'], deleted: true, fields: { activity: 'Dinkes menyusun SOP' } },
    { key: null, scope: 'manual', indicator: null, targets: JSON.stringify({ 2023: 2 }), fields: { problem: 'Kanal belum dikenal', activity: 'Sosialisasi' } },
  ];
  rows.forEach((r, i) => {
    const f = { problem: `Masalah ${r.key ?? 'manual'}`, activity: `Kegiatan ${r.key ?? 'manual'}`, budget: '', realization: '', ...r.fields };
    db.prepare(
      `INSERT INTO renaksi_rows (plan_id, source_key, scope, unit_id, aspect_code, indicator_code, problem, activity, budget, realization,
         targets, base_level, is_priority, sort_order, edited_fields, deleted_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'A', ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
    ).run(planId, r.key, r.scope, r.unit ?? null, r.indicator, f.problem, f.activity, f.budget, f.realization, r.targets ?? LEVELS,
      r.priority ? 1 : 0, i + 1, JSON.stringify(r.edited ?? []), r.deleted ? NOW : null, NOW, NOW);
  });
  db.prepare("INSERT INTO renaksi_versions (plan_id, version_no, start_year, end_year, row_count, finalized_at, rows_json, xlsx) VALUES (?, 1, 2022, 2024, 6, ?, '[{\"id\":1}]', x'504b0304deadbeef')").run(planId, NOW);
  const uploader = Number(db.prepare("INSERT INTO users (username, display_name, password_hash, role, created_at) VALUES ('tim1', 'Tim Satu', 'x', 'tim_renaksi', ?)").run(NOW).lastInsertRowid);
  db.prepare("INSERT INTO renaksi_uploads (plan_id, user_id, file_name, changes, created_at, applied_at) VALUES (?, ?, 'lama.xlsx', '{}', ?, NULL), (?, ?, 'diterapkan.xlsx', '{}', ?, ?)")
    .run(planId, uploader, NOW, planId, uploader, NOW, NOW);
  const codes = (JSON.parse((db.prepare('SELECT content FROM instruments WHERE id = ?').get(instrumentId) as { content: string }).content) as { aspects: { indicators: { code: string }[] }[] })
    .aspects.flatMap((a) => a.indicators.map((i) => i.code));
  for (const [id, low] of [[units.busang, { A1: 1 }], [units.telen, {}], [units.dinkes, { A1: 3 }]] as const) {
    const a = Number(db.prepare("INSERT INTO assessments (period_id, unit_id, status, updated_at) VALUES (?, ?, 'diajukan', ?)").run(periodId, id, NOW).lastInsertRowid);
    for (const code of codes) db.prepare('INSERT INTO answers (assessment_id, indicator_code, level, updated_at) VALUES (?, ?, ?, ?)').run(a, code, (low as Record<string, number>)[code] ?? 4, NOW);
  }
  return { db, units, periodId };
}

type Stored = { source_key: string | null; targets: string; notes: string; edited_fields: string; budget: string; activity: string; realization: string };

describe('upgrading a database with a Renaksi draft in the old shape', () => {
  it('keeps kabupaten and manual rows with their hand edits, typed level targets as a visible note, edited unit rows as unit notes', () => {
    const { db, units } = installationWithOldPlan();
    const versionsBefore = db.prepare('SELECT * FROM renaksi_versions').all();

    migrate(db);

    const rows = db.prepare('SELECT * FROM renaksi_rows ORDER BY sort_order').all() as Stored[];
    expect(rows.map((r) => r.source_key)).toEqual(['kab:A1', 'kab:A2', null]);
    const [a1, a2, manual] = rows as [Stored, Stored, Stored];
    expect(a1).toMatchObject({ activity: 'Templat SK dari Bagian Organisasi', targets: '{}', edited_fields: '["activity"]', budget: 'Sesuai DPA masing-masing PD' });
    expect(a1.notes).toBe(
      'Target per tahun yang diketik sebelum pembaruan, berupa tingkat (bukan jumlah unit): 2022: tingkat 2; 2023: tingkat 3; 2024: tingkat 4. ' +
        'Target kini dihitung sebagai jumlah unit yang mencapai tingkat target; isi ulang bila perlu.\n' +
        'Realisasi yang dicatat sebelum pembaruan (kini dicatat di matriks monitoring): Rapat koordinasi TW I selesai',
    );
    // the realisasi stays in its column for the monitoring matrix
    expect(a1.realization).toBe('Rapat koordinasi TW I selesai');
    expect(a2).toMatchObject({ targets: '{}', notes: '', edited_fields: '[]' });
    expect(manual.notes).toContain('2023: tingkat 2');
    const notes = db.prepare('SELECT unit_id, indicator_code, note FROM renaksi_unit_notes ORDER BY id').all();
    expect(notes).toEqual([
      { unit_id: units.busang, indicator_code: 'A1', note: 'Dari baris unit Renaksi sebelum pembaruan (indikator A1):\nAnggaran: DPA Kecamatan Busang 2023\nTarget tingkat per tahun: 2022: 2; 2023: 3; 2024: 4' },
      { unit_id: units.telen, indicator_code: 'A2', note: 'Dari baris unit Renaksi sebelum pembaruan (indikator A2):\nDitandai prioritas oleh tim.' },
      { unit_id: units.dinkes, indicator_code: 'A2', note: 'Dari baris unit Renaksi sebelum pembaruan (indikator A2), yang telah dihapus tim:\nKegiatan: Dinkes menyusun SOP' },
    ]);
    // The stored version keeps its rows and bytes; migrations 021 and 023 only add units_json, kabupaten_json and
    // settings_json, left NULL for it (the documents of such a version fall back to the current data).
    expect(db.prepare('SELECT * FROM renaksi_versions').all()).toEqual(versionsBefore.map((v) => ({ ...(v as object), units_json: null, kabupaten_json: null, settings_json: null })));
    expect(db.prepare('SELECT file_name FROM renaksi_uploads').all()).toEqual([{ file_name: 'diterapkan.xlsx' }]);
  });

  it('drafts unit counts into the carried-over rows on the next drafting and shows the unit notes in Lampiran II', async () => {
    const { db, units, periodId } = installationWithOldPlan();
    migrate(db);
    const repos = createRepos(db);
    const modules = createModules({ db, config: testConfig() });
    const app = createApp({ db, config: testConfig() }, modules);
    const { agent, csrf } = await loginAs(app, (await buildUser(repos, { role: 'tim_renaksi' })).username);

    const res = await agent.post(`/periods/${periodId}/renaksi/generate`).type('form').send({ _csrf: csrf });

    expect(res.status).toBe(302);
    const a1 = db.prepare("SELECT activity, targets, counts, notes FROM renaksi_rows WHERE source_key = 'kab:A1'").get() as Stored & { counts: string };
    expect(a1.activity).toBe('Templat SK dari Bagian Organisasi');
    // three units: Telen at 4, Dinkes 3 (gap 1), Busang 1 (gap 3) → 2, 2, 3 units at target
    expect(JSON.parse(a1.targets)).toEqual({ 2022: 2, 2023: 2, 2024: 3 });
    expect(JSON.parse(a1.counts)).toMatchObject({ total: 3, atTarget: 1 });
    expect(a1.notes).toContain('2022: tingkat 2');
    const map = modules.renaksi.service.targetMap(periodId);
    expect(map.units.map((u) => [u.name, u.notes.length])).toEqual([['Dinas Kesehatan', 1], ['Kecamatan Busang', 1], ['Kecamatan Telen', 1]]);
    expect(map.units.find((u) => u.unitId === units.busang)?.notes[0]?.note).toContain('Anggaran: DPA Kecamatan Busang 2023');
    const page = await agent.get(`/periods/${periodId}/renaksi`);
    expect(page.status).toBe(200);
  });
});
