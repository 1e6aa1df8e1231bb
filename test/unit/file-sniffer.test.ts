import ExcelJS from 'exceljs';
import { extensionMatches, sniffFileType, type EvidenceFileKind } from '../../src/shared/file-sniffer';
import { cfbBytes, EXE_BYTES, fixture, JPEG_HEAD, pdfBytes, PNG_BYTES, pptxBytes, zipBytes } from '../helpers/evidence-files';

async function xlsxBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Rekap').getCell('A1').value = 'Jumlah pengaduan';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('sniffFileType: recognising evidence files by their content', () => {
  it.each<[string, () => Buffer, EvidenceFileKind]>([
    ['a PDF', () => pdfBytes(), 'pdf'],
    ['a PNG image', () => PNG_BYTES, 'png'],
    ['a JPEG image', () => JPEG_HEAD, 'jpeg'],
    ['a Word document written by python-docx', () => fixture('sk-camat.docx'), 'docx'],
    ['a PowerPoint presentation', pptxBytes, 'pptx'],
    ['an Excel 97–2003 workbook written by python-xlwt', () => fixture('rekap-pengaduan.xls'), 'xls'],
    ['a Word 97–2003 document', () => cfbBytes(['WordDocument', '1Table', 'SummaryInformation']), 'doc'],
    ['an Excel 5 workbook (Book stream)', () => cfbBytes(['Book']), 'xls'],
  ])('recognises %s', (_what, bytes, kind) => {
    expect(sniffFileType(bytes())).toBe(kind);
  });

  it('recognises an Excel workbook written by exceljs', async () => {
    expect(sniffFileType(await xlsxBytes())).toBe('xlsx');
  });

  it.each<[string, () => Buffer]>([
    ['a Windows program', () => EXE_BYTES],
    ['an empty file', () => Buffer.alloc(0)],
    ['plain text', () => Buffer.from('Laporan pengaduan triwulan I')],
    ['an HTML page', () => Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['a PDF header cut short', () => Buffer.from('%PD')],
    ['a PDF marker that is not at the start', () => Buffer.from(' %PDF-1.4')],
    ['a ZIP archive that is not an Office document', () => zipBytes({ 'a.txt': 'isi' })],
    ['a ZIP with content types but no known main part', () => zipBytes({ '[Content_Types].xml': '<Types/>', 'x/y.xml': '<a/>' })],
    ['a macro-enabled Word document', () => zipBytes({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>', 'word/vbaProject.bin': 'x' })],
    ['a docx with its end cut off', () => fixture('sk-camat.docx').subarray(0, 20_000)],
    ['a compound file holding neither Word nor Excel (e.g. an installer)', () => cfbBytes(['SummaryInformation'])],
    ['a compound file claiming to be both Word and Excel', () => cfbBytes(['WordDocument', 'Workbook'])],
    ['a compound file header without a body', () => cfbBytes(['WordDocument']).subarray(0, 512)],
  ])('refuses %s', (_what, bytes) => {
    expect(sniffFileType(bytes())).toBeNull();
  });

  it('follows the directory chain only as far as the file goes (a loop or a sector past the end is refused)', () => {
    const looped = cfbBytes(['WordDocument']);
    looped.writeUInt32LE(1, 512 + 4); // FAT: the directory sector points to itself

    expect(sniffFileType(looped)).toBeNull();
  });
});

describe('extensionMatches', () => {
  it.each<[string, EvidenceFileKind, boolean]>([
    ['SK Camat.PDF', 'pdf', true],
    ['foto.jpg', 'jpeg', true],
    ['foto.JPEG', 'jpeg', true],
    ['rekap.xls', 'xls', true],
    ['rekap.xlsx', 'xls', false],
    ['laporan.pdf', 'png', false],
    ['tanpa-ekstensi', 'pdf', false],
    ['program.pdf.exe', 'pdf', false],
  ])('%s as %s → %s', (name, kind, expected) => {
    expect(extensionMatches(name, kind)).toBe(expected);
  });
});
