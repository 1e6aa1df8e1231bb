import { cellText } from '../../src/renaksi/renaksi-matrix';
import { buildUser, createTestContext, unitId, type TestContext } from '../helpers/test-app';
import { draftedPlan, type seedGaps } from '../helpers/renaksi';

describe('Lampiran II and a unit’s own plan from the stored plan', () => {
  let ctx: TestContext;
  let ids: Awaited<ReturnType<typeof seedGaps>>;

  beforeEach(async () => {
    ctx = createTestContext();
    ({ ids } = await draftedPlan(ctx));
  });

  it('maps every unit in the official order (perangkat daerah, then kecamatan) on the indicators of the plan’s rows', () => {
    const map = ctx.modules.renaksi.service.targetMap(ctx.periodId);

    expect(map.indicators.map((i) => i.code)).toEqual(['A1', 'A2', 'B1']);
    expect(map.units).toHaveLength(57);
    expect(map.units.slice(0, 39).every((u) => u.group === 'pd')).toBe(true);
    expect(map.units[0]?.code).toBe('PD-SETKAB');
    const cells = (id: number) => {
      const u = map.units.find((x) => x.unitId === id);
      return ['A1', 'A2', 'B1'].map((c) => cellText(u?.cells[c] ?? { kind: 'na' }));
    };
    // Busang A1 1 → 4 and A2 2 → 4 within three years; Dinkes A1 3 → 4; Telen B1 2 → 4
    expect(cells(ids.busang)).toEqual(['1→4', '2→4', '']);
    expect(cells(ids.dinkes)).toEqual(['3→4', '', '']);
    expect(cells(ids.telen)).toEqual(['', '', '2→4']);
    expect(map.units.filter((u) => u.gapCount > 0).map((u) => u.unitId).sort()).toEqual([ids.busang, ids.dinkes, ids.telen].sort());
  });

  it('marks a unit that stopped being submitted as starting from 0 on every indicator', () => {
    const a = ctx.repos.assessments.find(ctx.periodId, unitId(ctx.repos, 'KEC-KAUBUN'));
    ctx.repos.assessments.setStatus(a?.id ?? 0, 'dikembalikan', null);

    const kaubun = ctx.modules.renaksi.service.targetMap(ctx.periodId).units.find((u) => u.code === 'KEC-KAUBUN');

    expect(['A1', 'A2', 'B1'].map((c) => cellText(kaubun?.cells[c] ?? { kind: 'na' }))).toEqual(['0→3*', '0→3*', '0→3*']);
  });

  it('gives a unit its own plan: gap indicators, target levels per year, activities for its level, notes and narahubung', async () => {
    await buildUser(ctx.repos, { role: 'narahubung', unitId: ids.busang, username: 'narahubung.busang' });
    const plan = ctx.repos.renaksi.findPlan(ctx.periodId);
    ctx.repos.renaksiUnitNotes.insertNote({ planId: plan?.id ?? 0, unitId: ids.busang, indicatorCode: 'A1', note: 'SK menunggu tanda tangan Camat', userId: ids.adminId });

    const own = ctx.modules.renaksi.service.unitPlan(ctx.periodId, ids.busang);

    expect(own.unit).toMatchObject({ code: 'KEC-BUSANG', name: 'Kecamatan Busang', submitted: true });
    expect(own.items.map((i) => [i.code, i.level, i.yearly])).toEqual([
      ['A1', 1, { 2022: 2, 2023: 3, 2024: 4 }],
      ['A2', 2, { 2022: 3, 2023: 4, 2024: 4 }],
    ]);
    const a1 = ctx.instrument.aspects.flatMap((a) => a.indicators).find((i) => i.code === 'A1');
    // revision 1 names no starting levels (every activity); revision 2 those for level 1 and those for every level
    const forLevel1 = ((a1?.activities ?? []) as { activity: string; forLevels?: number[] }[]).filter((a) => a.forLevels === undefined || a.forLevels.includes(1));
    expect(own.items[0]?.activities.map((a) => a.activity)).toEqual(forLevel1.map((a) => a.activity));
    expect(own.notes.map((n) => n.note)).toEqual(['SK menunggu tanda tangan Camat']);
    expect(own.narahubung).toEqual(['Pengguna narahubung.busang']);
    expect(() => ctx.modules.renaksi.service.unitPlan(ctx.periodId, 999999)).toThrow('Unit');
  });
});
