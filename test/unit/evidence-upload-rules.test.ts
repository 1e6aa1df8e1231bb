import { ConfigError, loadConfig } from '../../src/config/config';
import { formatFileSize } from '../../src/shared/format';
import { checkUploadedFiles, cleanFileName } from '../../src/evidence/evidence.schemas';
import { pdfBytes, PNG_BYTES } from '../helpers/evidence-files';

describe('UPLOAD_MAX_MB', () => {
  it('defaults to 10 MB and takes fractions', () => {
    expect(loadConfig({}).uploadMaxBytes).toBe(10 * 1024 * 1024);
    expect(loadConfig({ UPLOAD_MAX_MB: '2.5' }).uploadMaxBytes).toBe(2_621_440);
  });

  it.each(['0', '-1', 'sepuluh', '500'])('stops start-up on %s, naming the variable', (value) => {
    expect(() => loadConfig({ UPLOAD_MAX_MB: value })).toThrow(ConfigError);
    expect(() => loadConfig({ UPLOAD_MAX_MB: value })).toThrow(/UPLOAD_MAX_MB/);
  });
});

describe('formatFileSize (id-ID)', () => {
  it.each([
    [0, '0 B'],
    [1023, '1.023 B'],
    [1024, '1 KB'],
    [1536, '1,5 KB'],
    [10 * 1024 * 1024, '10 MB'],
    [1_288_490, '1,2 MB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatFileSize(bytes)).toBe(text);
  });
});

describe('cleanFileName', () => {
  it.each([
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['C:\\Users\\camat\\SK Camat.pdf', 'SK Camat.pdf'],
    ['laporan\u0000\n"akhir".pdf', 'laporanakhir.pdf'],
    ['   ', 'berkas'],
    [`${'a'.repeat(300)}.xlsx`, `${'a'.repeat(175)}.xlsx`],
  ])('%j → %j', (name, clean) => {
    expect(cleanFileName(name)).toBe(clean);
  });
});

describe('checkUploadedFiles', () => {
  const codes = new Set(['A1', 'A2']);

  it('passes a PDF and names the indicator in each refusal; a too-large file makes it a 413', () => {
    const result = checkUploadedFiles(
      [
        { fieldName: 'file_A1', originalName: 'sk.pdf', data: pdfBytes(), size: pdfBytes().length },
        { fieldName: 'file_A2', originalName: 'besar.pdf', data: undefined, size: 11 * 1024 * 1024 },
        { fieldName: 'file_B9', originalName: 'x.pdf', data: pdfBytes(), size: pdfBytes().length },
      ],
      codes,
      10 * 1024 * 1024,
    );

    expect(result.files.map((f) => [f.code, f.fileName, f.kind, f.mimeType])).toEqual([['A1', 'sk.pdf', 'pdf', 'application/pdf']]);
    expect(result.errors).toEqual({
      file_A2: 'Indikator A2: berkas "besar.pdf" melebihi batas ukuran 10 MB.',
      file_B9: 'Berkas "x.pdf" dikirim untuk indikator yang tidak dikenal.',
    });
    expect(result.status).toBe(413);
  });

  it('refuses a content and extension mismatch with 422', () => {
    const result = checkUploadedFiles([{ fieldName: 'file_A1', originalName: 'foto.pdf', data: PNG_BYTES, size: PNG_BYTES.length }], codes, 1024);

    expect(result.errors.file_A1).toBe('Indikator A1: berkas "foto.pdf" berisi gambar PNG; ganti nama berkas dengan ekstensi .png.');
    expect(result.status).toBe(422);
  });
});
