import type { AuditService } from '../audit';
import type { Assessment } from '../assessments';
import type { PeriodsService } from '../periods';
import type { User } from '../shared/identity';
import { sampleShare, type SampleInput } from './reply-sample';
import type { VerificationSamplesRepo } from './verification-samples.repo';

/** What storing a reply sample needs (a part of VerificationDeps). */
export interface SampleDeps {
  samples: VerificationSamplesRepo;
  periods: Pick<PeriodsService, 'loadPeriod'>;
  audit: AuditService;
}

/**
 * Stores the reply samples sent (an empty one removes the stored sample) inside the caller's transaction, with an
 * audit row each naming how many replies meet every checklist item; returns how many changed.
 */
export function applySamples(deps: SampleDeps, user: User, assessment: Assessment, samples: SampleInput[]): number {
  if (samples.length === 0) return 0;
  const { instrument } = deps.periods.loadPeriod(assessment.periodId);
  const stored = deps.samples.byIndicator(assessment.id);
  let changed = 0;
  for (const s of samples) {
    const ind = instrument.aspects.flatMap((a) => a.indicators).find((i) => i.code === s.code);
    if (!ind?.sample) continue;
    const old = stored[s.code];
    if (JSON.stringify(old?.reports ?? []) === JSON.stringify(s.reports)) continue;
    const share = sampleShare(ind.sample, s.reports);
    if (s.reports.length === 0) deps.samples.remove(assessment.id, s.code);
    else deps.samples.upsert({ assessmentId: assessment.id, code: s.code, reports: s.reports, meetingAll: share.meetingAll, userId: user.id });
    deps.audit.record({
      userId: user.id, action: 'verification.sample', entity: 'answer', entityId: assessment.id, unitId: assessment.unitId,
      oldValue: old ? { indikator: s.code, laporan: old.reportCount, memenuhi: old.meetingAll } : null,
      newValue: { indikator: s.code, laporan: share.total, memenuhi: share.meetingAll, nomor: s.reports.map((r) => r.trackingId) },
    });
    changed++;
  }
  return changed;
}
