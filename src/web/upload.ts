import type { Request, Response } from 'express';
import multer from 'multer';
import { verifyCsrf } from './csrf';
import { AppError, badInput } from '../errors/app-error';
import { formatInt } from '../shared/format';

export interface UploadedFile {
  originalName: string;
  data: Buffer;
}

/**
 * Parses a multipart form holding one small file (kept in memory) and checks its CSRF token (multipart bodies are
 * read by their route, so formBody cannot check them). A missing file or one over `maxBytes` is refused with a message on `field`.
 * Returns the file and leaves the other fields in req.body.
 */
export async function receiveUpload(req: Request, res: Response, opts: { field: string; maxBytes: number }): Promise<UploadedFile> {
  const parse = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: { fileSize: opts.maxBytes, files: 1, fields: 20, parts: 25, fieldSize: 64 * 1024 },
  }).single(opts.field);
  await new Promise<void>((resolve, reject) => {
    parse(req, res, (err: unknown) => {
      if (!err) return resolve();
      req.body ??= {};
      // The token field precedes the file in the form, so a forged request is refused before its file is judged.
      try {
        verifyCsrf(req, res);
      } catch (csrfErr) {
        return reject(csrfErr);
      }
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') {
          return reject(new AppError(413, 'file-too-large', `Berkas terlalu besar (maksimal ${formatInt(opts.maxBytes / 1024)} KB).`, { [opts.field]: 'Berkas terlalu besar.' }));
        }
        return reject(badInput({ [opts.field]: 'Unggah tepat satu berkas melalui formulir ini.' }));
      }
      return reject(err);
    });
  });
  req.body ??= {};
  verifyCsrf(req, res);
  const file = req.file;
  if (!file) throw badInput({ [opts.field]: 'Pilih berkas yang akan diunggah.' });
  if (file.size === 0) throw badInput({ [opts.field]: `Berkas "${file.originalname}" kosong (0 byte); pilih berkas yang berisi data.` });
  return { originalName: file.originalname, data: file.buffer };
}
