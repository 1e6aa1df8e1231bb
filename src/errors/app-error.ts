/** An expected failure with an HTTP status, a kebab-case code and a message for the user (Bahasa Indonesia). */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = 'Halaman') => new AppError(404, 'not-found', `${what} tidak ditemukan.`);
export const forbidden = () => new AppError(403, 'forbidden', 'Anda tidak memiliki akses ke halaman ini.');
export const unauthorized = () => new AppError(401, 'unauthorized', 'Silakan masuk terlebih dahulu.');
export const badInput = (fields: Record<string, string>, message = 'Periksa kembali isian Anda.') =>
  new AppError(422, 'invalid-input', message, fields);
export const conflict = (message: string) => new AppError(409, 'conflict', message);
