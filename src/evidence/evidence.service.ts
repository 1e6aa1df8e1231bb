import type { AuditService } from '../audit';
import { AppError, notFound } from '../errors/app-error';
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

/** A checked file already written to the evidence store, known by the SHA-256 of its content. */
export interface StoredFile extends Omit<CheckedFile, 'data'> {
  sha256: string;
  size: number;
}

/**
 * Writes checked files to the store, before any transaction (hashing and writing stay off the request thread and
 * out of the database lock). A file whose transaction is later refused stays on disk unreferenced: it is named by
 * its content, so sending it again reuses it.
 */
export async function writeEvidenceFiles(deps: EvidenceDeps, files: CheckedFile[]): Promise<StoredFile[]> {
  return Promise.all(files.map(async ({ data, ...f }) => ({ ...f, size: data.length, sha256: await deps.store.write(data) })));
}

/**
 * Records written files as evidence of an assessment the caller has already found editable, with an audit row
 * each. Call inside the caller's transaction. Returns the new evidence ids.
 */
export function storeEvidenceFiles(deps: EvidenceDeps, user: User, assessment: EvidenceOwner, files: StoredFile[]): number[] {
  return files.map((f) => {
    const { sha256, size } = f;
    const id = deps.evidence.insertFile({
      assessmentId: assessment.id, code: f.code, fileName: f.fileName, size, sha256, mimeType: f.mimeType, userId: user.id,
    });
    deps.audit.record({
      userId: user.id, action: 'evidence.add', entity: 'evidence', entityId: id, unitId: assessment.unitId,
      newValue: { indikator: f.code, berkas: f.fileName, ukuran: size, sha256 },
    });
    return id;
  });
}

/**
 * Adds a link as evidence for one indicator of an assessment the caller found editable; audited. `key` (made in the
 * browser, unique) marks the row so a retried request can find it (earlierLink). Returns its id.
 */
export function addEvidenceLink(deps: EvidenceDeps, user: User, assessment: EvidenceOwner, code: string, url: string, key: string | null = null): number {
  const id = deps.evidence.insertLink(assessment.id, code, url, user.id, key);
  deps.audit.record({ userId: user.id, action: 'evidence.add', entity: 'evidence', entityId: id, unitId: assessment.unitId, newValue: { indikator: code, tautan: url } });
  return id;
}

/**
 * The row an earlier request with this key added, when it is the same link by the same person for the same
 * indicator of the same assessment; a key that made anything else is refused (409) rather than reused.
 */
export function earlierLink(deps: EvidenceDeps, user: User, assessmentId: number, code: string, url: string, key: string): EvidenceRecord | undefined {
  const e = deps.evidence.findByClientKey(key);
  if (!e) return undefined;
  if (e.assessmentId !== assessmentId || e.createdById !== user.id || e.indicatorCode !== code || e.url !== url) {
    throw new AppError(409, 'evidence-key-used', 'Kunci tautan ini sudah dipakai untuk bukti dukung lain; muat ulang halaman lalu tambahkan tautannya lagi.');
  }
  return e;
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
export function evidenceFile(deps: EvidenceDeps, e: Pick<EvidenceRecord, 'kind' | 'sha256' | 'fileName' | 'mimeType'>): { path: string; fileName: string; mimeType: string } {
  if (e.kind !== 'file' || !e.sha256) throw notFound('Berkas bukti dukung');
  const file = deps.store.pathOf(e.sha256);
  if (!file) throw notFound('Berkas bukti dukung');
  return { path: file, fileName: e.fileName ?? 'bukti-dukung', mimeType: e.mimeType ?? 'application/octet-stream' };
}

/** The evidence service: the records and files behind the questionnaire's bukti dukung. */
export function createEvidenceService(deps: EvidenceDeps) {
  const { listByIndicator, findById } = deps.evidence;
  return {
    listByIndicator, findById,
    ...bindDeps(deps, { writeEvidenceFiles, storeEvidenceFiles, addEvidenceLink, earlierLink, findUnitEvidence, removeEvidence, evidenceFile }),
  };
}
export type EvidenceService = ReturnType<typeof createEvidenceService>;
