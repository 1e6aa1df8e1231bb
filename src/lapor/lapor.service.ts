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

/** One sampled indicator's sample as recorded: its code, the tracking IDs typed so far, how many reports it takes. */
export interface RecordedSample {
  code: string;
  recorded: readonly string[];
  max: number;
}

/**
 * The samples on the verification page (D3 in revision 2), by indicator code: the unit's finished reports, a suggested
 * draw, recorded IDs not among them. The import date and the finished reports are read once for every sampled
 * indicator of the page; empty while the period has no import.
 */
function sampleFrames(ctx: LaporContext, periodId: number, unitId: number, samples: readonly RecordedSample[]): Record<string, SampleFrame> {
  if (samples.length === 0) return {};
  const asOf = ctx.repo.stamp(periodId).asOf;
  if (asOf === null) return {};
  const finished = ctx.repo.finishedTrackingIds(periodId, unitId);
  return Object.fromEntries(samples.map((s) => [s.code, sampleFrame(finished, s.recorded, asOf, s.max, `${periodId}:${unitId}`)]));
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
    sampleFrames: (periodId: number, unitId: number, samples: readonly RecordedSample[]) => sampleFrames(ctx, periodId, unitId, samples),
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
