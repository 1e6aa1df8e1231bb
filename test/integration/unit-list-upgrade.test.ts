import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/app';
import { testConfig } from '../../src/config/config';
import { openDatabase, type Db } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { createInstrumentRepo } from '../../src/instrument/instrument.repo';
import { loadInstrumentTemplates } from '../../src/instrument/instrument.loader';
import { MIGRATIONS_DIR, TEMPLATES_DIR } from '../../src/shared/paths';
import { readUnitTemplate } from '../../src/units/unit-template';
import { createRepos } from '../helpers/repos';
import { buildUser, loginAs } from '../helpers/test-app';

interface OldUnit {
  code: string;
  name: string;
  group: 'pd' | 'kecamatan';
  provisional: boolean;
}

const PROVISIONAL = (JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/units-provisional-2022.json'), 'utf8')) as { units: OldUnit[] }).units;
const NOW = '2022-06-20T01:00:00.000Z';

/** An installation as it was before the official list: migrations up to 009, the provisional 36 units, answers. */
function installationWithProvisionalList(): { db: Db; ids: Map<string, number>; assessments: Record<string, number>; verifierId: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-migrasi-lama-'));
  for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((n) => n < '010')) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
  const db = openDatabase(':memory:');
  migrate(db, dir);
  const insertUnit = db.prepare("INSERT INTO units (code, name, group_kind, provisional, created_at) VALUES (?, ?, ?, ?, ?)");
  const ids = new Map(PROVISIONAL.map((u) => [u.code, Number(insertUnit.run(u.code, u.name, u.group, u.provisional ? 1 : 0, NOW).lastInsertRowid)]));
  const instruments = createInstrumentRepo(db);
  const instrumentId = loadInstrumentTemplates(TEMPLATES_DIR).map((i) => instruments.ensure(i)).pop() as number;
  const periodId = Number(db.prepare("INSERT INTO periods (name, year, instrument_id, created_at) VALUES ('Penilaian 2022', 2022, ?, ?)").run(instrumentId, NOW).lastInsertRowid);
  const verifierId = Number(db.prepare("INSERT INTO users (username, display_name, password_hash, role, created_at) VALUES ('siti', 'Siti Rahmawati', 'x', 'verifikator', ?)").run(NOW).lastInsertRowid);
  const assess = (code: string, status: string) => {
    const id = Number(db.prepare('INSERT INTO assessments (period_id, unit_id, status, updated_at, verified_at) VALUES (?, ?, ?, ?, ?)')
      .run(periodId, ids.get(code), status, NOW, status === 'diverifikasi' ? NOW : null).lastInsertRowid);
    for (const code of ['A1', 'A2', 'B1']) db.prepare('INSERT INTO answers (assessment_id, indicator_code, level, note, updated_at) VALUES (?, ?, 2, ?, ?)').run(id, code, `catatan ${code}`, NOW);
    return id;
  };
  const assessments = { setkab: assess('PD-SETKAB', 'diverifikasi'), dpupr: assess('PD-DPUPR', 'diajukan'), busang: assess('KEC-BUSANG', 'draf') };
  db.prepare("INSERT INTO audit_log (at, user_id, action, entity, entity_id, unit_id) VALUES (?, ?, 'assessment.verify', 'assessment', ?, ?)")
    .run(NOW, verifierId, assessments.setkab, ids.get('PD-SETKAB'));
  return { db, ids, assessments, verifierId };
}

describe('an installation with the provisional unit list takes the official Kutai Timur list', () => {
  it('keeps its order until the import, then has all 57 units in the official order with every answer in place', async () => {
    const { db, ids, assessments, verifierId } = installationWithProvisionalList();
    const answersBefore = db.prepare('SELECT assessment_id, indicator_code, level, note FROM answers ORDER BY id').all();
    const assessmentsBefore = db.prepare('SELECT id, unit_id, status FROM assessments ORDER BY id').all();

    migrate(db);
    const repos = createRepos(db);
    const app = createApp({ db, config: testConfig() });
    const admin = await buildUser(repos, { role: 'admin' });
    const { agent, csrf } = await loginAs(app, admin.username);
    const orderAfterMigration = repos.units.listAll().map((u) => u.name);
    const listBefore = await agent.get('/admin/units');
    const file = await agent.get('/admin/units/daftar-kutai-timur.xlsx').buffer(true).responseType('blob');
    const up = await agent.post('/admin/units/import/upload').field('_csrf', csrf).attach('file', file.body as Buffer, 'daftar-unit-kutai-timur.xlsx');
    const preview = await agent.get(up.headers.location as string);
    const planHash = /name="planHash" value="([0-9a-f]+)"/.exec(preview.text)?.[1] ?? '';
    const apply = await agent.post(up.headers.location as string).type('form').send({ _csrf: csrf, planHash });
    const listAfter = await agent.get('/admin/units');
    const period = (db.prepare('SELECT id FROM periods').get() as { id: number }).id;
    const rapor = await agent.get(`/periods/${period}/units/${ids.get('PD-SETKAB')}/rapor`);

    // the migration keeps the order the list had (perangkat daerah, then kecamatan, each by name)
    expect(orderAfterMigration.slice(0, 2)).toEqual(['Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'Badan Pengelolaan Keuangan dan Aset Daerah']);
    expect(listBefore.text).toContain('Daftar perangkat daerah masih sementara');
    // 36 units matched by code (18 provisional perangkat daerah, 18 kecamatan that gain their order and abbreviation), 21 new
    expect(preview.text).toContain('Baru: <strong>21</strong>');
    expect(preview.text).toContain('Diubah: <strong>36</strong>');
    expect(preview.text).toContain('nama: Sekretariat Kabupaten → Sekretariat Daerah');
    expect(preview.text).not.toContain('Nonaktifkan');
    expect(apply.status).toBe(302);

    const units = repos.units.listAll();
    expect(units.map((u) => u.code)).toEqual(readUnitTemplate(TEMPLATES_DIR).map((u) => u.code));
    expect(units.every((u) => u.active && !u.provisional)).toBe(true);
    for (const [code, id] of ids) expect(repos.units.findByCode(code)?.id).toBe(id);
    expect(repos.units.findByCode('PD-SETKAB')).toMatchObject({ name: 'Sekretariat Daerah', abbreviation: 'Setda', sortOrder: 1 });
    expect(repos.units.findByCode('PD-DPUPR')).toMatchObject({ name: 'Dinas Pekerjaan Umum', abbreviation: 'DPU', sortOrder: 7 });
    expect(units.filter((u) => u.needsConfirmation).map((u) => u.code)).toEqual(['PD-RSUD-KUDUNGGA', 'PD-RSUD-SANGKULIRANG']);
    expect(db.prepare('SELECT id, unit_id, status FROM assessments ORDER BY id').all()).toEqual(assessmentsBefore);
    expect(db.prepare('SELECT assessment_id, indicator_code, level, note FROM answers ORDER BY id').all()).toEqual(answersBefore);
    expect(db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'unit.import'").get()).toEqual({ n: 57 });
    expect(listAfter.text).not.toContain('masih sementara');
    expect(listAfter.text).toContain('<strong>2 unit perlu dikonfirmasi</strong>');
    // the verification finished before the upgrade is credited to whoever the audit log says finished it
    expect(db.prepare('SELECT verified_by FROM assessments WHERE id = ?').get(assessments.setkab)).toEqual({ verified_by: verifierId });
    expect(rapor.text).toContain('Sekretariat Daerah');
    expect(rapor.text).toMatch(/Diverifikasi: 20 Juni 2022 oleh <strong>Siti Rahmawati<\/strong>/);
  });
});
