import type { Repos } from '../db/repos';
import { AppError, badInput, notFound } from '../errors/app-error';
import type { User } from '../shared/identity';
import type { Assessment } from '../assessments/assessments.repo';
import { loadUnit, requireEditable } from '../assessments/assessment-access';
import { loadPeriod } from '../scoring/scores.service';
import type { Evidence, EvidenceRecord } from './evidence.repo';
import type { EvidenceStore } from './evidence-store';
import type { CheckedFile } from './evidence.schemas';

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
export async function writeEvidenceFiles(store: EvidenceStore, files: CheckedFile[]): Promise<StoredFile[]> {
  return Promise.all(files.map(async ({ data, ...f }) => ({ ...f, size: data.length, sha256: await store.write(data) })));
}

/**
 * Records written files as evidence of an assessment the caller has already found editable, with an audit row
 * each. Call inside the caller's transaction. Returns the new evidence ids.
 */
export function storeEvidenceFiles(repos: Repos, user: User, assessment: Assessment, files: StoredFile[]): number[] {
  return files.map((f) => {
    const { sha256, size } = f;
    const id = repos.evidence.insertFile({
      assessmentId: assessment.id, code: f.code, fileName: f.fileName, size, sha256, mimeType: f.mimeType, userId: user.id,
    });
    repos.audit.record({
      userId: user.id, action: 'evidence.add', entity: 'evidence', entityId: id, unitId: assessment.unitId,
      newValue: { indikator: f.code, berkas: f.fileName, ukuran: size, sha256 },
    });
    return id;
  });
}

/** A link added with a browser key: `created` is false when the key had already added it (a retried request). */
export interface AddedLink {
  evidence: EvidenceRecord;
  created: boolean;
}

/**
 * The row an earlier request with this key added, when it is the same link by the same person for the same
 * indicator of the same assessment; a key that made anything else is refused (409) rather than reused.
 */
function earlierLink(repos: Repos, user: User, assessmentId: number, code: string, url: string, key: string): EvidenceRecord | undefined {
  const e = repos.evidence.findByClientKey(key);
  if (!e) return undefined;
  if (e.assessmentId !== assessmentId || e.createdById !== user.id || e.indicatorCode !== code || e.url !== url) {
    throw new AppError(409, 'evidence-key-used', 'Kunci tautan ini sudah dipakai untuk bukti dukung lain; muat ulang halaman lalu tambahkan tautannya lagi.');
  }
  return e;
}

/**
 * Adds a link as evidence for one indicator of the unit's (editable) assessment; audited. With `key` (made in the
 * browser, unique) the call is idempotent: repeating it answers with the row the first call made and adds nothing.
 */
export function addEvidenceLink(
  repos: Repos, user: User, where: { periodId: number; unitId: number }, link: { code: string; url: string; key?: string | undefined },
): AddedLink {
  const { periodId, unitId } = where;
  const { code, url, key } = link;
  loadUnit(repos, user, unitId);
  const { instrument } = loadPeriod(repos, periodId);
  if (!instrument.aspects.some((a) => a.indicators.some((i) => i.code === code))) {
    throw badInput({ indicator: `Indikator ${code} tidak ada pada instrumen periode ini.` });
  }
  return repos.db.transaction((): AddedLink => {
    const assessment = repos.assessments.findOrCreate(periodId, unitId);
    const earlier = key === undefined ? undefined : earlierLink(repos, user, assessment.id, code, url, key);
    if (earlier) return { evidence: earlier, created: false };
    requireEditable(assessment);
    const id = repos.evidence.insertLink(assessment.id, code, url, user.id, key ?? null);
    repos.audit.record({ userId: user.id, action: 'evidence.add', entity: 'evidence', entityId: id, unitId, newValue: { indikator: code, tautan: url } });
    repos.assessments.touch(assessment.id);
    return { evidence: repos.evidence.findById(id) as EvidenceRecord, created: true };
  })();
}

/** The evidence row when it belongs to this unit's assessment in this period and is not deleted; else 404. */
function findUnitEvidence(repos: Repos, periodId: number, unitId: number, evidenceId: number): EvidenceRecord {
  const e = repos.evidence.findById(evidenceId);
  if (!e || e.deletedAt !== null || e.periodId !== periodId || e.unitId !== unitId) throw notFound('Bukti dukung');
  return e;
}

/**
 * Soft-deletes evidence while the assessment is editable: the uploader's own, or any for an admin. Audited.
 * Safe inside the caller's transaction.
 */
export function deleteEvidence(repos: Repos, user: User, periodId: number, unitId: number, evidenceId: number): EvidenceRecord {
  loadUnit(repos, user, unitId);
  return repos.db.transaction(() => {
    const e = findUnitEvidence(repos, periodId, unitId, evidenceId);
    requireEditable({ status: e.assessmentStatus });
    if (e.createdById !== user.id && user.role !== 'admin') {
      throw new AppError(403, 'forbidden', 'Hanya pengunggah bukti dukung ini atau admin yang dapat menghapusnya.');
    }
    repos.evidence.softDelete(e.id);
    repos.audit.record({
      userId: user.id, action: 'evidence.delete', entity: 'evidence', entityId: e.id, unitId,
      oldValue: { indikator: e.indicatorCode, ...(e.kind === 'file' ? { berkas: e.fileName, sha256: e.sha256 } : { tautan: e.url }) },
    });
    repos.assessments.touch(e.assessmentId);
    return e;
  })();
}

/** A stored evidence file for download, for anyone who may see the unit (the route checks the role). */
export function evidenceDownload(
  repos: Repos, store: EvidenceStore, user: User, periodId: number, unitId: number, evidenceId: number,
): { path: string; fileName: string; mimeType: string } {
  loadUnit(repos, user, unitId);
  const e = findUnitEvidence(repos, periodId, unitId, evidenceId);
  if (e.kind !== 'file' || !e.sha256) throw notFound('Berkas bukti dukung');
  const file = store.pathOf(e.sha256);
  if (!file) throw notFound('Berkas bukti dukung');
  return { path: file, fileName: e.fileName ?? 'bukti-dukung', mimeType: e.mimeType ?? 'application/octet-stream' };
}
