import { cellText } from '../../src/renaksi/renaksi-matrix';
import { buildUser, createTestContext, loginAs, type TestContext, type Agent } from '../helpers/test-app';
import { draftedPlan, finalizePlan, type seedGaps } from '../helpers/renaksi';
import { readDocx } from '../helpers/docx';

/**
 * What a final plan shows is what was signed: a verifikator's correction after finalising changes neither Lampiran II,
 * nor a unit's own Renaksi (.docx), nor the unit's monev page, nor the plan's progress; a reopened draft shows it; the
 * next final version carries it. seedGaps: Kecamatan Busang A1 = 1, A2 = 2 (submitted), Dinkes A1 = 3, Telen B1 = 2.
 */
describe('documents of a final Renaksi read the version that was signed', () => {
  let ctx: TestContext;
  let ids: Awaited<ReturnType<typeof seedGaps>>;
  let tim: string;
  let admin: { agent: Agent; csrf: string };
  const plan = () => `/periods/${ctx.periodId}/renaksi`;

  beforeEach(async () => {
    ctx = createTestContext();
    ({ ids, tim } = await draftedPlan(ctx));
    admin = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin' })).username);
  });

  async function reopen(): Promise<void> {
    expect((await admin.agent.post(`${plan()}/reopen`).type('form').send({ _csrf: admin.csrf })).status).toBe(302);
  }

  /** The verifikator's level for Busang's A1, as the verification stores it. */
  function verifyBusangA1(level: number): void {
    const a = ctx.repos.assessments.find(ctx.periodId, ids.busang);
    ctx.repos.assessments.setVerifiedLevel({ assessmentId: a?.id ?? 0, code: 'A1', level, note: 'Bukti SK diperiksa ulang' });
  }

  /** Busang's A1 row in its own Renaksi: the level it starts from, then the target level per plan year. */
  async function busangA1Levels(): Promise<string> {
    const res = await admin.agent.get(`/periods/${ctx.periodId}/units/${ids.busang}/renaksi.docx`).buffer(true).responseType('blob');
    expect(res.status).toBe(200);
    const { text } = await readDocx(res.body as Buffer);
    const m = /\nA1 [^\n]*\n[^\n]*\n(\d)\n(\d)\n(\d)\n(\d)\n/.exec(text);
    return m ? m.slice(1).join(' ') : 'no A1 row';
  }

  /** The narrative document's text (BAB II carries the index, the aspects and the units that did not submit). */
  async function narrative(): Promise<string> {
    const res = await admin.agent.get(`/periods/${ctx.periodId}/renaksi.docx`).buffer(true).responseType('blob');
    expect(res.status).toBe(200);
    return (await readDocx(res.body as Buffer)).text;
  }

  const kabupatenIndex = (text: string) => /Kabupaten Kutai Timur adalah ([\d,]+)/.exec(text)?.[1] ?? 'no index';

  const busangCells = () => {
    const u = ctx.modules.renaksi.service.targetMap(ctx.periodId).units.find((x) => x.unitId === ids.busang);
    return ['A1', 'A2'].map((c) => cellText(u?.cells[c] ?? { kind: 'na' }));
  };

  const busangProgressFrom = () =>
    ctx.modules.progress.service.againstPlan(ctx.periodId, 2023)?.progress.units.find((u) => u.unitId === ids.busang)?.items.map((i) => `${i.code}:${i.from}→${i.targetLevel}`);

  it('keeps the signed levels in the unit document, Lampiran II, the narrative, the monev page and progress after a verification changes a level and a unit is formed', async () => {
    await finalizePlan(ctx, tim);
    const signedNarrative = await narrative();

    verifyBusangA1(3);
    ctx.repos.units.insert({ code: 'PD-BRIDA', name: 'Badan Riset dan Inovasi Daerah', group: 'pd', provisional: false });
    const docLevels = await busangA1Levels();
    const narrativeAfter = await narrative();
    const monev = await admin.agent.get(`${plan()}/monev/units/${ids.busang}/2022-2`);

    expect(docLevels).toBe('1 2 3 4');
    expect(narrativeAfter).toBe(signedNarrative);
    expect(kabupatenIndex(signedNarrative)).toMatch(/^\d+,\d\d$/);
    expect(signedNarrative).toContain('seluruh 57 unit');
    expect(narrativeAfter).not.toContain('Badan Riset dan Inovasi Daerah');
    expect(busangCells()).toEqual(['1→4', '2→4']);
    expect(ctx.modules.renaksi.service.targetMap(ctx.periodId).signed?.versionNo).toBe(1);
    expect(monev.status).toBe(200);
    expect(monev.text).toContain('Tingkat awal 1 · target tingkat 2022: 2 (target akhir 4)');
    expect(busangProgressFrom()).toEqual(['A1:1→3', 'A2:2→4']);
    // The live scores did change: the dashboard's figures follow the verification.
    expect(ctx.modules.scoring.service.computePeriodScores(ctx.periodId, 'verified').units.find((u) => u.unitId === ids.busang)?.score.levels.A1).toBe(3);
  });

  it('shows the new level in a reopened draft and follows the newest final version after finalising again', async () => {
    await finalizePlan(ctx, tim);
    verifyBusangA1(3);

    const signedNarrative = await narrative();

    await reopen();
    const draftNarrative = await narrative();
    const draftLevels = await busangA1Levels();
    const draftCells = busangCells();
    const draftSigned = ctx.modules.renaksi.service.targetMap(ctx.periodId).signed;
    await finalizePlan(ctx, tim);
    verifyBusangA1(2);

    expect(draftLevels).toBe('3 4 4 4');
    expect(kabupatenIndex(draftNarrative)).toMatch(/^\d+,\d\d$/);
    expect(kabupatenIndex(draftNarrative)).not.toBe(kabupatenIndex(signedNarrative));
    expect(draftCells).toEqual(['3→4', '2→4']);
    expect(draftSigned).toBeNull();
    expect(await busangA1Levels()).toBe('3 4 4 4');
    expect(busangCells()).toEqual(['3→4', '2→4']);
    expect(ctx.modules.renaksi.service.targetMap(ctx.periodId).signed?.versionNo).toBe(2);
    expect(busangProgressFrom()).toEqual(['A1:3→4', 'A2:2→4']);
    const stored = ctx.db.prepare('SELECT version_no, units_json FROM renaksi_versions ORDER BY version_no').all() as { version_no: number; units_json: string }[];
    const a1 = (json: string) => (JSON.parse(json) as { units: { unitId: number; score: { levels: Record<string, number> } }[] }).units.find((u) => u.unitId === ids.busang)?.score.levels.A1;
    expect(stored.map((v) => [v.version_no, a1(v.units_json)])).toEqual([[1, 1], [2, 3]]);
  });

  it('falls back to the current levels for a final version stored before the units were (an upgraded database)', async () => {
    const planRow = ctx.repos.renaksi.findPlan(ctx.periodId);
    const rows = ctx.repos.renaksi.listRows(planRow?.id ?? 0);
    // A version as finalising wrote it before migration 021: rows and workbook, no units.
    ctx.db.prepare(
      `INSERT INTO renaksi_versions (plan_id, version_no, start_year, end_year, row_count, finalized_at, finalized_by, rows_json, xlsx)
       VALUES (?, 1, 2022, 2024, ?, '2022-07-01T02:00:00.000Z', ?, ?, ?)`,
    ).run(planRow?.id, rows.length, ids.adminId, JSON.stringify(rows), Buffer.from('PK'));
    ctx.repos.renaksi.setStatus(planRow?.id ?? 0, 'final');

    const before = await narrative();
    verifyBusangA1(3);

    expect(await narrative()).not.toBe(before);
    expect(await busangA1Levels()).toBe('3 4 4 4');
    expect(busangCells()).toEqual(['3→4', '2→4']);
    expect(ctx.modules.renaksi.service.targetMap(ctx.periodId).signed).toBeNull();
    expect(ctx.modules.renaksi.service.finalPlan(ctx.periodId)?.units).toBeNull();
    expect(busangProgressFrom()).toEqual(['A1:3→4', 'A2:2→4']);
  });
});
