import type { RequestHandler } from 'express';
import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import { createEvidenceRepo } from './evidence.repo';
import { createEvidenceStore } from './evidence-store';
import { createEvidenceService } from './evidence.service';
import { evidenceUpload, uploadedFiles, uploadHints } from './evidence-upload';
import { checkUploadedFiles, type CheckedUploads } from './evidence.schemas';

export type { Evidence, EvidenceColumns, EvidenceRecord } from './evidence.repo';
export { toEvidence } from './evidence.repo';
export type { CheckedFile } from './evidence.schemas';
export type { EvidenceOwner, EvidenceService, StoredFile } from './evidence.service';
export type { UploadHints } from './evidence-upload';

export interface EvidenceModuleDeps {
  db: Db;
  /** Where the files are kept (`<dataDir>/evidence`). */
  dataDir: string;
  /** The largest file accepted (config.uploadMaxBytes). */
  uploadMaxBytes: number;
  audit: AuditService;
}

/**
 * Bukti dukung: the evidence rows and the files behind them, stored by content outside public/. No pages of its own:
 * the questionnaire takes uploads through `upload` and `checkUploads` and shows and serves evidence through `service`;
 * the kabupaten checklist takes its files the same way and keeps them in the same store (`writeEvidenceFiles`,
 * `evidenceFile`). `hints` is what an evidence form says about accepted files.
 */
export function createEvidenceModule({ db, dataDir, uploadMaxBytes, audit }: EvidenceModuleDeps) {
  const service = createEvidenceService({ evidence: createEvidenceRepo(db), store: createEvidenceStore(dataDir), audit });
  const upload: RequestHandler = evidenceUpload(uploadMaxBytes);
  /** The files the upload parser read, checked by content against the codes (`what` names one in messages). */
  const checkUploads = (files: unknown, codes: ReadonlySet<string>, what?: (code: string) => string): CheckedUploads =>
    checkUploadedFiles(uploadedFiles(files), codes, uploadMaxBytes, what);
  return { service, upload, checkUploads, uploadMaxBytes, hints: uploadHints(uploadMaxBytes) };
}
export type EvidenceModule = ReturnType<typeof createEvidenceModule>;
