import type { RequestHandler } from 'express';
import multer from 'multer';
import { AppError } from '../errors/app-error';
import { formatFileSize } from '../shared/format';
import { ACCEPTED_EXTENSIONS } from '../shared/file-sniffer';
import type { UploadedFile } from './evidence.schemas';

/** At most this many files in one request (a no-JavaScript form may carry one per indicator picked). */
export const MAX_FILES_PER_REQUEST = 5;
/**
 * NOTE: busboy counts every file part toward `files`, including the empty part a browser sends for each file
 * input left blank, so this bounds the parts (one input per indicator); real files are bounded by the storage.
 */
const MAX_FILE_PARTS = 200;

/**
 * Keeps each file in memory up to `maxBytes`; past that it drops what it held and drains the rest, so the
 * form's other fields are still read and a too-large file can be refused with everything typed kept. Files
 * beyond MAX_FILES_PER_REQUEST in one request are drained unkept (the route refuses the request).
 */
function softLimitMemoryStorage(maxBytes: number): multer.StorageEngine {
  const kept = new WeakMap<object, number>();
  return {
    _handleFile(req, file, cb) {
      const n = (kept.get(req) ?? 0) + 1;
      kept.set(req, n);
      const keep = n <= MAX_FILES_PER_REQUEST;
      const chunks: Buffer[] = [];
      let size = 0;
      file.stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (keep && size <= maxBytes) chunks.push(chunk);
        else chunks.length = 0;
      });
      file.stream.on('error', cb);
      file.stream.on('end', () => cb(null, keep && size <= maxBytes ? { buffer: Buffer.concat(chunks), size } : { size }));
    },
    _removeFile(_req, file, cb) {
      delete (file as { buffer?: Buffer }).buffer;
      cb(null);
    },
  };
}

/**
 * Parses a multipart questionnaire form (fields and `file_<code>` files) with the upload limits; other bodies pass
 * untouched. A file far beyond the limit (3×) stops the parsing with 413.
 */
export function evidenceUpload(maxBytes: number): RequestHandler {
  const parse = multer({
    storage: softLimitMemoryStorage(maxBytes),
    limits: { fileSize: maxBytes * 3, files: MAX_FILE_PARTS, fields: 1000, fieldSize: 64 * 1024, parts: 1000 + MAX_FILE_PARTS },
    defParamCharset: 'utf8',
  }).any();
  return (req, res, next) => {
    parse(req, res, (err: unknown) => {
      if (!err) return next();
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') return next(new AppError(413, 'file-too-large', `Berkas melebihi batas ukuran ${formatFileSize(maxBytes)}.`));
        return next(new AppError(400, 'malformed-body', 'Formulir yang dikirim tidak dapat dibaca.'));
      }
      next(err);
    });
  };
}

/** The files parsed by evidenceUpload, in the shape the content check takes; 422 when there are too many. */
export function uploadedFiles(files: unknown): UploadedFile[] {
  if (!Array.isArray(files)) return [];
  if (files.length > MAX_FILES_PER_REQUEST) throw new AppError(422, 'too-many-files', `Unggah paling banyak ${MAX_FILES_PER_REQUEST} berkas sekaligus.`);
  return (files as Express.Multer.File[]).map((f) => ({ fieldName: f.fieldname, originalName: f.originalname, data: f.buffer, size: f.size }));
}

/** What an evidence form tells the person and the browser: the accepted kinds and size, and the file input's accept list. */
export interface UploadHints {
  uploadHint: string;
  maxBytes: number;
  accept: string;
}

export function uploadHints(maxBytes: number): UploadHints {
  return {
    uploadHint: `PDF, JPG/PNG, DOC/DOCX, XLS/XLSX atau PPTX, paling besar ${formatFileSize(maxBytes)} per berkas`,
    maxBytes,
    accept: ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(','),
  };
}
