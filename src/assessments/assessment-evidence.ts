import { AppError, badInput } from '../errors/app-error';
import type { EvidenceRecord } from '../evidence';
import type { User } from '../shared/identity';
import { requireEditable, requirePeriodUnit, type AssessmentsDeps } from './assessment-access';

/** A link added with a browser key: `created` is false when the key had already added it (a retried request). */
export interface AddedLink {
  evidence: EvidenceRecord;
  created: boolean;
}

/**
 * Adds a link as evidence for one indicator of the unit's (editable) assessment; audited. With `key` (made in the
 * browser, unique) the call is idempotent: repeating it answers with the row the first call made and adds nothing.
 */
export function attachLink(
  deps: AssessmentsDeps, user: User, where: { periodId: number; unitId: number }, link: { code: string; url: string; key?: string | undefined },
): AddedLink {
  const { periodId, unitId } = where;
  const { code, url, key } = link;
  const { instrument } = requirePeriodUnit(deps, user, periodId, unitId);
  if (!instrument.aspects.some((a) => a.indicators.some((i) => i.code === code))) {
    throw badInput({ indicator: `Indikator ${code} tidak ada pada instrumen periode ini.` });
  }
  return deps.db.transaction((): AddedLink => {
    const assessment = deps.assessments.findOrCreate(periodId, unitId);
    const earlier = key === undefined ? undefined : deps.evidence.earlierLink(user, assessment.id, code, url, key);
    if (earlier) return { evidence: earlier, created: false };
    requireEditable(assessment);
    const id = deps.evidence.addEvidenceLink(user, assessment, code, url, key ?? null);
    deps.assessments.touch(assessment.id);
    return { evidence: deps.evidence.findById(id) as EvidenceRecord, created: true };
  })();
}

/**
 * Soft-deletes evidence while the assessment is editable: the uploader's own, or any for an admin. Audited.
 * Safe inside the caller's transaction.
 */
export function deleteEvidence(deps: AssessmentsDeps, user: User, periodId: number, unitId: number, evidenceId: number): EvidenceRecord {
  requirePeriodUnit(deps, user, periodId, unitId);
  return deps.db.transaction(() => {
    const e = deps.evidence.findUnitEvidence(periodId, unitId, evidenceId);
    requireEditable({ status: e.assessmentStatus });
    if (e.createdById !== user.id && user.role !== 'admin') {
      throw new AppError(403, 'forbidden', 'Hanya pengunggah bukti dukung ini atau admin yang dapat menghapusnya.');
    }
    deps.evidence.removeEvidence(user, e);
    deps.assessments.touch(e.assessmentId);
    return e;
  })();
}

/** A stored evidence file for download, for anyone who may see the unit (the route checks the role). */
export function evidenceDownload(deps: AssessmentsDeps, user: User, periodId: number, unitId: number, evidenceId: number): { path: string; fileName: string; mimeType: string } {
  requirePeriodUnit(deps, user, periodId, unitId);
  return deps.evidence.evidenceFile(deps.evidence.findUnitEvidence(periodId, unitId, evidenceId));
}
