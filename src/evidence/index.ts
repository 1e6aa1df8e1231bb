import type { RequestHandler } from 'express';
import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import { createEvidenceRepo } from './evidence.repo';
import { createEvidenceStore } from './evidence-store';
import { createEvidenceService } from './evidence.service';
import { evidenceUpload, uploadedFiles } from './evidence-upload';
import { checkUploadedFiles, type CheckedUploads } from './evidence.schemas';

export type { Evidence, EvidenceRecord } from './evidence.repo';
export type { CheckedFile } from './evidence.schemas';
export type { EvidenceOwner, EvidenceService, StoredFile } from './evidence.service';

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
 * the questionnaire takes uploads through `upload` and `checkUploads` and shows and serves evidence through `service`.
 */
export function createEvidenceModule({ db, dataDir, uploadMaxBytes, audit }: EvidenceModuleDeps) {
  const service = createEvidenceService({ evidence: createEvidenceRepo(db), store: createEvidenceStore(dataDir), audit });
  const upload: RequestHandler = evidenceUpload(uploadMaxBytes);
  /** The files the upload parser read, checked by content against the instrument's indicator codes. */
  const checkUploads = (files: unknown, codes: ReadonlySet<string>): CheckedUploads => checkUploadedFiles(uploadedFiles(files), codes, uploadMaxBytes);
  return { service, upload, checkUploads, uploadMaxBytes };
}
export type EvidenceModule = ReturnType<typeof createEvidenceModule>;
