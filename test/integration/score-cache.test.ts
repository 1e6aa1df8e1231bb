import { INCLUDED_STATUSES } from '../../src/scoring';
import { buildAssessment, buildUser, createTestContext, unitId } from '../helpers/test-app';

describe('cached unit scores', () => {
  it('recomputes a unit only after its answers change, in the same transaction as the change', async () => {
    const ctx = createTestContext();
    const user = await buildUser(ctx.repos, { role: 'admin' });
    const busang = unitId(ctx.repos, 'KEC-BUSANG');
    const assessmentId = buildAssessment(ctx, { unitId: busang, fill: 2, status: 'diajukan', userId: user.id });
    const before = ctx.modules.scoring.service.computePeriodScores(ctx.periodId).units.find((u) => u.unitId === busang);

    ctx.repos.assessments.setVerifiedLevel({ assessmentId, code: 'A1', level: 4, note: 'bukti lengkap' });
    const afterVerify = ctx.modules.scoring.service.computePeriodScores(ctx.periodId).units.find((u) => u.unitId === busang);
    const selfBasis = ctx.modules.scoring.service.computePeriodScores(ctx.periodId, 'self').units.find((u) => u.unitId === busang);
    ctx.repos.assessments.upsertAnswer({ assessmentId, code: 'B1', level: 0, isNa: false, note: '', userId: user.id });
    const afterAnswer = ctx.modules.scoring.service.computePeriodScores(ctx.periodId).units.find((u) => u.unitId === busang);

    expect(before?.score.index).toBeCloseTo(50, 10);
    // A: (100 + 4×50)/5 = 60 → index = (15×60 + 85×50)/100 = 51,5
    expect(afterVerify?.score.index).toBeCloseTo(51.5, 10);
    expect(selfBasis?.score.index).toBeCloseTo(50, 10);
    // B: (0 + 4×50)/5 = 40 → index = (15×60 + 20×40 + 65×50)/100 = 49,5
    expect(afterAnswer?.score.index).toBeCloseTo(49.5, 10);
  });

  it('keeps a rolled-back change out of the scores', async () => {
    const ctx = createTestContext();
    const user = await buildUser(ctx.repos, { role: 'admin' });
    const busang = unitId(ctx.repos, 'KEC-BUSANG');
    const assessmentId = buildAssessment(ctx, { unitId: busang, fill: 4, status: 'diajukan', userId: user.id });
    ctx.modules.scoring.service.computePeriodScores(ctx.periodId);

    expect(() =>
      ctx.db.transaction(() => {
        ctx.repos.assessments.upsertAnswer({ assessmentId, code: 'A1', level: 0, isNa: false, note: '', userId: user.id });
        ctx.modules.scoring.service.computePeriodScores(ctx.periodId);
        throw new Error('batal');
      })(),
    ).toThrow('batal');
    const after = ctx.modules.scoring.service.computePeriodScores(ctx.periodId).units.find((u) => u.unitId === busang);
    ctx.repos.assessments.upsertAnswer({ assessmentId, code: 'A1', level: 2, isNa: false, note: '', userId: user.id });
    const later = ctx.modules.scoring.service.computePeriodScores(ctx.periodId).units.find((u) => u.unitId === busang);

    expect(after?.score.index).toBeCloseTo(100, 10);
    // The real change reaches the rolled-back revision number again: A = (50 + 4×100)/5 = 90 → (15×90 + 85×100)/100 = 98,5
    expect(later?.score.index).toBeCloseTo(98.5, 10);
  });
  it('keys the counted figures: drafts being filled in leave the key alone, anything counted changes it', async () => {
    const ctx = createTestContext();
    const user = await buildUser(ctx.repos, { role: 'admin' });
    const counted = buildAssessment(ctx, { unitId: unitId(ctx.repos, 'KEC-BUSANG'), fill: 2, status: 'diajukan', userId: user.id });
    const draft = buildAssessment(ctx, { unitId: unitId(ctx.repos, 'KEC-TELEN'), fill: 1, status: 'draf', userId: user.id });
    const key = () => ctx.repos.scoreCache.countedKey(ctx.periodId, INCLUDED_STATUSES);
    const keys = [key()];

    ctx.repos.assessments.upsertAnswer({ assessmentId: draft, code: 'A1', level: 3, isNa: false, note: '', userId: user.id });
    ctx.repos.assessments.touch(draft);
    keys.push(key());
    ctx.repos.assessments.setVerifiedLevel({ assessmentId: counted, code: 'A1', level: 4, note: '' });
    keys.push(key());
    ctx.repos.assessments.setStatus(draft, 'diajukan');
    keys.push(key());
    ctx.repos.assessments.findOrCreate(ctx.periodId, unitId(ctx.repos, 'PD-DINKES'));
    keys.push(key());

    expect(keys[1]).toBe(keys[0]);
    expect(new Set(keys.slice(1)).size).toBe(4);
  });
});
