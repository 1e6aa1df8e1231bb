import type { AuditService } from '../audit';
import { notFound } from '../errors/app-error';
import { bindDeps } from '../shared/bind-deps';
import type { User } from '../shared/identity';
import type { EvidenceRecord, EvidenceRepo } from './evidence.repo';
import type { EvidenceStore } from './evidence-store';
import type { CheckedFile } from './evidence.schemas';

export interface EvidenceDeps {
  evidence: EvidenceRepo;
  store: EvidenceStore;
  audit: AuditService;
}

/** The assessment a piece of evidence is attached to: its id and its unit (for the audit row). */
export interface EvidenceOwner {
  id: number;
  unitId: number;
}

/**
 * Stores checked files as evidence of an assessment the caller has already found editable, with an audit row
 * each. Call inside the caller's transaction: the bytes are written last, after every refusal had its chance.
 * Returns the new evidence ids.
 */
export function storeEvidenceFiles(deps: EvidenceDeps, user: User, assessment: EvidenceOwner, files: CheckedFile[]): number[] {
  return files.map((f) => {
    const sha256 = deps.store.put(f.data);
    const id = deps.evidence.insertFile({
      assessmentId: assessment.id, code: f.code, fileName: f.fileName, size: f.data.length, sha256, mimeType: f.mimeType, userId: user.id,
    });
    deps.audit.record({
      userId: user.id, action: 'evidence.add', entity: 'evidence', entityId: id, unitId: assessment.unitId,
      newValue: { indikator: f.code, berkas: f.fileName, ukuran: f.data.length, sha256 },
    });
    return id;
  });
}

/** Adds a link as evidence for one indicator of an assessment the caller found editable; audited. Returns its id. */
export function addEvidenceLink(deps: EvidenceDeps, user: User, assessment: EvidenceOwner, code: string, url: string): number {
  const id = deps.evidence.insertLink(assessment.id, code, url, user.id);
  deps.audit.record({ userId: user.id, action: 'evidence.add', entity: 'evidence', entityId: id, unitId: assessment.unitId, newValue: { indikator: code, tautan: url } });
  return id;
}

/** The evidence row when it belongs to this unit's assessment in this period and is not deleted; else 404. */
export function findUnitEvidence(deps: EvidenceDeps, periodId: number, unitId: number, evidenceId: number): EvidenceRecord {
  const e = deps.evidence.findById(evidenceId);
  if (!e || e.deletedAt !== null || e.periodId !== periodId || e.unitId !== unitId) throw notFound('Bukti dukung');
  return e;
}

/** Soft-deletes evidence the caller may delete, with its audit row (the file stays: other rows may share it). */
export function removeEvidence(deps: EvidenceDeps, user: User, e: EvidenceRecord): void {
  deps.evidence.softDelete(e.id);
  deps.audit.record({
    userId: user.id, action: 'evidence.delete', entity: 'evidence', entityId: e.id, unitId: e.unitId,
    oldValue: { indikator: e.indicatorCode, ...(e.kind === 'file' ? { berkas: e.fileName, sha256: e.sha256 } : { tautan: e.url }) },
  });
}

/** Where a stored evidence file is on disk, with its name and type for the download; 404 when it is a link or missing. */
export function evidenceFile(deps: EvidenceDeps, e: EvidenceRecord): { path: string; fileName: string; mimeType: string } {
  if (e.kind !== 'file' || !e.sha256) throw notFound('Berkas bukti dukung');
  const file = deps.store.pathOf(e.sha256);
  if (!file) throw notFound('Berkas bukti dukung');
  return { path: file, fileName: e.fileName ?? 'bukti-dukung', mimeType: e.mimeType ?? 'application/octet-stream' };
}

/** The evidence service: the records and files behind the questionnaire's bukti dukung. */
export function createEvidenceService(deps: EvidenceDeps) {
  const { listByIndicator, findById } = deps.evidence;
  return { listByIndicator, findById, ...bindDeps(deps, { storeEvidenceFiles, addEvidenceLink, findUnitEvidence, removeEvidence, evidenceFile }) };
}
export type EvidenceService = ReturnType<typeof createEvidenceService>;
