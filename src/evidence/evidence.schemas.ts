import { formatFileSize } from '../shared/format';
import { EVIDENCE_FILE_TYPES, extensionMatches, sniffFileType, type EvidenceFileKind } from '../shared/file-sniffer';

/** A file part as the upload parser hands it over; `data` is absent when it went past the size limit. */
export interface UploadedFile {
  fieldName: string;
  originalName: string;
  data: Buffer | undefined;
  size: number;
}

/** A file that passed the content check, ready to store. */
export interface CheckedFile {
  code: string;
  fileName: string;
  data: Buffer;
  kind: EvidenceFileKind;
  mimeType: string;
}

export interface CheckedUploads {
  files: CheckedFile[];
  /** Messages by form field (`file_A1`), naming the indicator and the file. */
  errors: Record<string, string>;
  /** 413 when a file is too large, else 422 when any error, else null. */
  status: 413 | 422 | null;
}

const FILE_NAME_MAX = 180;
const ACCEPTED_TEXT = 'PDF, gambar JPEG/PNG, atau dokumen Office (DOC/DOCX, XLS/XLSX, PPTX)';

/** The user's file name without folders or control characters, shortened keeping the extension. */
export function cleanFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').replace(/\s+/g, ' ').trim();
  if (base.length <= FILE_NAME_MAX) return base || 'berkas';
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(base)?.[0] ?? '';
  return base.slice(0, FILE_NAME_MAX - ext.length) + ext;
}

/**
 * Checks uploaded evidence files (field `file_<indicator code>`) by content: the indicator must exist, the file
 * must be within the size limit, be one of the accepted kinds by its bytes, and carry an extension of that kind.
 * `what` names the code in messages ("Indikator A1"; the kabupaten checklist says "Kondisi K1").
 */
export function checkUploadedFiles(
  uploads: UploadedFile[], codes: ReadonlySet<string>, maxBytes: number, what: (code: string) => string = (code) => `Indikator ${code}`,
): CheckedUploads {
  const files: CheckedFile[] = [];
  const errors: Record<string, string> = {};
  let tooLarge = false;
  for (const u of uploads) {
    const code = /^file_([A-Z][0-9]{1,2})$/.exec(u.fieldName)?.[1];
    const fileName = cleanFileName(u.originalName);
    if (!code || !codes.has(code)) {
      errors[u.fieldName] = `Berkas "${fileName}" dikirim untuk indikator yang tidak dikenal.`;
      continue;
    }
    const label = `${what(code)}: berkas "${fileName}"`;
    if (!u.data || u.size > maxBytes) {
      tooLarge = true;
      errors[u.fieldName] = `${label} melebihi batas ukuran ${formatFileSize(maxBytes)}.`;
      continue;
    }
    if (u.size === 0) {
      errors[u.fieldName] = `${label} kosong.`;
      continue;
    }
    const kind = sniffFileType(u.data);
    if (!kind) {
      errors[u.fieldName] = `${label} tidak diterima: isinya bukan ${ACCEPTED_TEXT}.`;
      continue;
    }
    const type = EVIDENCE_FILE_TYPES[kind];
    if (!extensionMatches(fileName, kind)) {
      errors[u.fieldName] = `${label} berisi ${type.label}; ganti nama berkas dengan ekstensi .${type.extensions[0] ?? kind}.`;
      continue;
    }
    files.push({ code, fileName, data: u.data, kind, mimeType: type.mime });
  }
  const status = tooLarge ? 413 : Object.keys(errors).length > 0 ? 422 : null;
  return { files, errors, status };
}
