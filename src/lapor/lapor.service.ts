import { periodLapor, unitClaims, unitLapor } from './lapor-figures.service';
import { claimsTable } from './lapor-outputs';
import { dataReason, figureLine, laporSection, presentLapor, raporLine, verifyView, type LaporSection, type PresentedLapor, type VerifyView } from './lapor-view';
import { seedLaporDemo, type DemoLaporInput } from './lapor-demo.service';
import type { LaporContext } from './lapor-context';
import { sampleFrame, type SampleFrame } from './lapor-sample';

/**
 * What other modules show of the SP4N-LAPOR! figures, each already in the words and levels its page needs. Every
 * function answers null while the period has no import (or the unit no figures), so a page simply leaves the part out.
 */

/** The questionnaire: the figure and the level it reaches, by indicator code. */
function questionnaireFigures(ctx: LaporContext, periodId: number, unitId: number): Record<string, { text: string; level: string }> | null {
  const u = unitLapor(ctx, periodId, unitId);
  const asOf = periodLapor(ctx, periodId)?.asOf;
  return u && asOf ? Object.fromEntries(u.levels.map((d) => [d.code, figureLine(d, asOf)])) : null;
}

/** The verification page: claim beside data, by indicator code. */
function verificationChecks(ctx: LaporContext, periodId: number, unitId: number): Record<string, VerifyView> | null {
  const c = unitClaims(ctx, periodId, unitId);
  return c ? Object.fromEntries(c.claims.map((x) => [x.code, verifyView(x, c.lapor.asOf)])) : null;
}

/** "Pakai tingkat menurut data LAPOR!": the level the data gives an indicator and the reason that says why, or null. */
function dataDecision(ctx: LaporContext, periodId: number, unitId: number, code: string): { level: number; reason: string } | null {
  const c = unitClaims(ctx, periodId, unitId);
  const check = c?.claims.find((x) => x.code === code);
  if (!c || !check || typeof check.level !== 'number') return null;
  return { level: check.level, reason: dataReason(check, c.lapor.asOf) };
}

/** D3's sample on the verification page: the unit's finished reports, a suggested draw, recorded IDs not among them. */
function d3SampleFrame(ctx: LaporContext, periodId: number, unitId: number, recorded: readonly string[], max: number): SampleFrame | null {
  const asOf = ctx.repo.stamp(periodId).asOf;
  if (asOf === null) return null;
  return sampleFrame(ctx.repo.finishedTrackingIds(periodId, unitId), recorded, asOf, max, `${periodId}:${unitId}`);
}

function dashboardSection(ctx: LaporContext, periodId: number): LaporSection | null {
  const l = periodLapor(ctx, periodId);
  return l && laporSection(l, claimsTable(l, (unitId) => ctx.answers(periodId, unitId)));
}

function unitRaporLine(ctx: LaporContext, periodId: number, unitId: number): string | null {
  const u = unitLapor(ctx, periodId, unitId);
  return u && raporLine(u);
}

function presented(ctx: LaporContext, periodId: number): PresentedLapor | null {
  const l = periodLapor(ctx, periodId);
  return l && presentLapor(l, claimsTable(l, (unitId) => ctx.answers(periodId, unitId)));
}

export function createLaporService(ctx: LaporContext) {
  return {
    questionnaireFigures: (periodId: number, unitId: number) => questionnaireFigures(ctx, periodId, unitId),
    verificationChecks: (periodId: number, unitId: number) => verificationChecks(ctx, periodId, unitId),
    dataDecision: (periodId: number, unitId: number, code: string) => dataDecision(ctx, periodId, unitId, code),
    sampleFrame: (periodId: number, unitId: number, recorded: readonly string[], max: number) => d3SampleFrame(ctx, periodId, unitId, recorded, max),
    dashboardSection: (periodId: number) => dashboardSection(ctx, periodId),
    raporLine: (periodId: number, unitId: number) => unitRaporLine(ctx, periodId, unitId),
    /** The FGD slide's numbers. */
    presented: (periodId: number) => presented(ctx, periodId),
    /** Changes whenever the figures may (imports, days off, targets): the live deck's cue to recompute. */
    stamp: (periodId: number) => ctx.repo.versionKey(periodId),
    /** The period's figures, or null without an import. */
    periodLapor: (periodId: number) => periodLapor(ctx, periodId),
    /** Demo data (DEMO=1); false when the period already has an import. */
    seedDemo: (input: DemoLaporInput) => seedLaporDemo(ctx, input),
  };
}
export type LaporService = ReturnType<typeof createLaporService>;
