import { createApp, createModules } from '../../src/app';
import { seedDemoData } from '../../src/bootstrap';
import { testConfig } from '../../src/config/config';
import { openDatabase } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { DEFAULT_PERIOD_NAME, seedDemoPlan, seedInstruments, seedUnits } from '../../src/seed';
import { TEMPLATES_DIR } from '../../src/shared/paths';
import { createRepos } from '../helpers/repos';
import { buildUser, loginAs } from '../helpers/test-app';

/** A database as `npm run cli -- demo:seed` finds it after the base seed: instruments, units, the period, admin. */
function seededBase() {
  const db = openDatabase(':memory:');
  migrate(db);
  const repos = createRepos(db);
  const modules = createModules({ db, config: testConfig() });
  const instrumentId = seedInstruments(modules.instrument.service, TEMPLATES_DIR);
  seedUnits(modules.units.service, TEMPLATES_DIR);
  const periodId = repos.periods.insert({ name: DEFAULT_PERIOD_NAME, year: 2022, instrumentId, deadline: null });
  repos.users.insert({ username: 'admin', displayName: 'Admin', passwordHash: '!uji', role: 'admin', unitId: null });
  return { db, modules, periodId };
}

const planState = (db: ReturnType<typeof openDatabase>, periodId: number) => db
  .prepare<[number], { status: string; rows: number; versions: number; finalizedAt: string | null }>(
    `SELECT p.status,
            (SELECT COUNT(*) FROM renaksi_rows r WHERE r.plan_id = p.id AND r.deleted_at IS NULL) AS rows,
            (SELECT COUNT(*) FROM renaksi_versions v WHERE v.plan_id = p.id) AS versions,
            (SELECT MAX(v.finalized_at) FROM renaksi_versions v WHERE v.plan_id = p.id) AS finalizedAt
       FROM renaksi_plans p WHERE p.period_id = ?`,
  )
  .get(periodId);

describe('the demo data signs its Renaksi', () => {
  it('drafts the 2022 plan from the demo answers, numbers the decree and finalises it on 30 November 2022, once', async () => {
    const { db, modules, periodId } = seededBase();

    await seedDemoData(db, modules);

    const state = planState(db, periodId);
    expect(state?.status).toBe('final');
    expect(state?.rows).toBeGreaterThan(0);
    expect(state?.versions).toBe(1);
    expect(state?.finalizedAt).toBe('2022-11-30T02:00:00.000Z');
    const settings = modules.renaksi.service.documentSettings();
    expect(settings['renaksi.decreeNumber']).toBe('100.3.3.2/K.512/HK/XI/2022');
    expect(settings['renaksi.decreeDate']).toBe('30 November 2022');

    await seedDemoData(db, modules);

    expect(planState(db, periodId)).toEqual(state);
  });

  it('signs nothing on a period that is not demo data: no plan, the decree settings untouched', async () => {
    const { db, modules, periodId } = seededBase();
    const before = modules.renaksi.service.documentSettings();

    await seedDemoPlan({ periods: modules.periods.service, users: modules.users.service, renaksi: modules.renaksi.service });

    expect(planState(db, periodId)).toBeUndefined();
    expect(modules.renaksi.service.documentSettings()).toEqual(before);
  });

  it('gives the signed plan three semesters of realisasi through the monitoring module: 2022 reported and mostly accepted, 2023 I partly', async () => {
    const { db, modules, periodId } = seededBase();

    await seedDemoData(db, modules);
    const p = modules.monitoring.service.progress(periodId);
    const reported = (key: string) => p.rows.filter((r) => r.semesters.find((c) => c.key === key)?.reported).length;
    const states = db.prepare('SELECT year, semester, review_state AS state, COUNT(*) AS n FROM monev_row_reports GROUP BY 1, 2, 3').all();
    const before = JSON.stringify([states, db.prepare('SELECT COUNT(*) AS n FROM monev_unit_reports').get(), db.prepare('SELECT COUNT(*) AS n FROM monev_evidence').get()]);

    expect([reported('2022-1'), reported('2022-2')]).toEqual([p.rows.length, p.rows.length]);
    expect(reported('2023-1')).toBeGreaterThan(p.rows.length / 2);
    expect(reported('2023-1')).toBeLessThan(p.rows.length);
    expect(reported('2023-2')).toBe(0);
    expect(states).toEqual(expect.arrayContaining([
      { year: 2022, semester: 2, state: 'diterima', n: expect.any(Number) }, { year: 2023, semester: 1, state: 'dikembalikan', n: 1 },
    ]));
    expect(p.rows.some((r) => r.semesters.some((c) => c.kendala !== '' && !c.onSchedule))).toBe(true);
    expect(p.rows.some((r) => r.semesters.some((c) => c.overTarget))).toBe(true);
    expect(p.units.filter((u) => u.semesters[0]?.reported).length).toBeGreaterThan(p.units.length / 2);
    expect(p.semesters.slice(0, 3).map((s) => s.window?.deadline)).toEqual(['2022-12-16', '2023-01-20', '2023-07-21']);

    await seedDemoData(db, modules);

    expect(JSON.stringify([
      db.prepare('SELECT year, semester, review_state AS state, COUNT(*) AS n FROM monev_row_reports GROUP BY 1, 2, 3').all(),
      db.prepare('SELECT COUNT(*) AS n FROM monev_unit_reports').get(), db.prepare('SELECT COUNT(*) AS n FROM monev_evidence').get(),
    ])).toBe(before);
  });

  it('dates every report on working days inside its semester\'s window, after the plan was signed, reviewed by someone else', async () => {
    const { db, modules } = seededBase();

    await seedDemoData(db, modules);
    const reports = db.prepare<[], { year: number; semester: number; created: string; submitted: string | null; reviewed: string | null; by: number; reviewer: number | null; opens: string; deadline: string }>(
      `SELECT m.year, m.semester, m.created_at AS created, m.submitted_at AS submitted, m.reviewed_at AS reviewed, m.reported_by AS by, m.reviewed_by AS reviewer,
              w.opens_on AS opens, w.deadline
         FROM (SELECT row_id AS x, year, semester, created_at, submitted_at, reviewed_at, reported_by, reviewed_by FROM monev_row_reports
               UNION ALL SELECT unit_id, year, semester, created_at, submitted_at, reviewed_at, reported_by, reviewed_by FROM monev_unit_reports) m
         JOIN monev_windows w ON w.year = m.year AND w.semester = m.semester`,
    ).all();
    const witaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString().slice(0, 10);
    const evidence = db.prepare<[], { created: string }>('SELECT created_at AS created FROM monev_evidence').all();

    expect(reports.length).toBeGreaterThan(50);
    for (const r of reports) {
      for (const at of [r.created, r.submitted, r.reviewed].filter((x): x is string => x !== null)) {
        expect(witaDay(at) >= r.opens && witaDay(at) <= r.deadline).toBe(true);
        expect([0, 6]).not.toContain(new Date(`${witaDay(at)}T00:00:00Z`).getUTCDay());
      }
      if (r.reviewed !== null) expect(r.reviewed > (r.submitted ?? '')).toBe(true);
      if (r.reviewer !== null) expect(r.reviewer).not.toBe(r.by);
    }
    expect(new Set(reports.map((r) => witaDay(r.submitted ?? r.created))).size).toBeGreaterThan(10);
    expect(evidence.every((e) => e.created > '2022-11-30' && e.created < '2023-08-01')).toBe(true);
  });

  it('gives some units late in Semester I 2023 a narahubung without a password, most with a number, so the board links WhatsApp reminders, once', async () => {
    const { db, modules, periodId } = seededBase();
    const narahubung = () => db.prepare<[], { username: string; unitId: number; phone: string | null; hash: string }>(
      "SELECT username, unit_id AS unitId, phone, password_hash AS hash FROM users WHERE role = 'narahubung' ORDER BY id",
    ).all();

    await seedDemoData(db, modules);
    const accounts = narahubung();
    const s = modules.monitoring.service.progress(periodId).semesters.findIndex((x) => x.key === '2023-1');
    const lateIds = modules.monitoring.service.progress(periodId).units.filter((u) => u.semesters[s]?.reported === false).map((u) => u.unitId);
    const verifier = await buildUser(createRepos(db), { role: 'verifikator' });
    const { agent } = await loginAs(createApp({ db, config: testConfig() }, modules), verifier.username);
    const board = await agent.get(`/periods/${periodId}/renaksi/monev/board?semester=2023-1`);

    expect(accounts.length).toBeGreaterThanOrEqual(5);
    expect(accounts.every((a) => lateIds.includes(a.unitId) && a.hash === '!belum-diatur')).toBe(true);
    expect(accounts.filter((a) => a.phone !== null).length).toBeGreaterThanOrEqual(4);
    expect(accounts.some((a) => a.phone === null)).toBe(true);
    expect(accounts.every((a) => a.phone === null || /^628125550\d{4}$/.test(a.phone))).toBe(true);
    const links = board.text.match(/href="https:\/\/wa\.me\/628125550\d{4}\?text=[^"]+"/g) ?? [];
    expect(links).toHaveLength(accounts.filter((a) => a.phone !== null).length);
    expect(decodeURIComponent(links[0] ?? '')).toContain('Semester I 2023');

    await seedDemoData(db, modules);

    expect(narahubung()).toEqual(accounts);
  });
});
