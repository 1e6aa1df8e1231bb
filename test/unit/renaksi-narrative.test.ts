import {
  INCOMPLETE_LABEL, NOT_SUBMITTED_LABEL, sasaranLines, signatureDateLine, unitCategories, type AspectFigure, type NarrativeDocument, type UnitStanding,
} from '../../src/renaksi-narrative/narrative-model';
import { legalBasisItems, listItemOf, NARRATIVE_DEFAULTS, narrativeTexts, paragraphsOf } from '../../src/renaksi-narrative/narrative-texts';
import { NARRATIVE_FORM_SCHEMA, normalizeNarrative } from '../../src/renaksi-narrative/narrative.schemas';
import { fieldMessages } from '../../src/web/validate';
import { buildNarrativeDocx } from '../../src/renaksi-narrative/narrative-docx';
import { readDocx } from '../helpers/docx';

const CATEGORIES = ['Sangat Baik', 'Baik', 'Sedang', 'Kurang'];

describe('unit categories over every unit of the period', () => {
  const u = (name: string, group: 'pd' | 'kecamatan', included: boolean, complete: boolean, category: string | null): UnitStanding => ({ name, group, included, complete, category });
  const units = [
    u('Dinas A', 'pd', true, true, 'Baik'),
    u('Dinas B', 'pd', true, true, 'Kurang'),
    u('Dinas C', 'pd', false, true, 'Sangat Baik'), // a complete draft that was never submitted
    u('Dinas D', 'pd', true, false, null),
    u('Kecamatan E', 'kecamatan', true, true, 'Baik'),
    u('Kecamatan F', 'kecamatan', false, false, null),
    u('Kecamatan G', 'kecamatan', false, false, null),
  ];

  it('puts each unit in exactly one row, a draft among the units that did not submit whatever its score', () => {
    const c = unitCategories(units, CATEGORIES);

    expect(c.rows).toEqual([
      { label: 'Sangat Baik', pd: 0, kecamatan: 0 },
      { label: 'Baik', pd: 1, kecamatan: 1 },
      { label: 'Sedang', pd: 0, kecamatan: 0 },
      { label: 'Kurang', pd: 1, kecamatan: 0 },
      { label: INCOMPLETE_LABEL, pd: 1, kecamatan: 0 },
      { label: NOT_SUBMITTED_LABEL, pd: 1, kecamatan: 2 },
    ]);
    expect(c.total).toEqual({ pd: 4, kecamatan: 3 });
    expect(c.rows.reduce((s, r) => s + r.pd + r.kecamatan, 0)).toBe(units.length);
  });

  it('names the units that did not submit and the incomplete ones, by group in the given order', () => {
    const c = unitCategories(units, CATEGORIES);

    expect(c.notSubmitted).toEqual({ pd: ['Dinas C'], kecamatan: ['Kecamatan F', 'Kecamatan G'] });
    expect(c.incomplete).toEqual({ pd: ['Dinas D'], kecamatan: [] });
  });
});

describe('sasaran from the plan', () => {
  const aspects: AspectFigure[] = [
    { code: 'A', name: 'Kebijakan', weight: 15, score: 62.5, category: 'Sedang', pd: null, kecamatan: null },
    { code: 'B', name: 'Kelembagaan', weight: 20, score: null, category: null, pd: null, kecamatan: null },
  ];

  it('keeps the plan numbering, lists each indicator once in row order and each coordinator once', () => {
    const lines = sasaranLines(
      {
        status: 'draf', years: [2022, 2023, 2024],
        groups: [
          { number: 'I', aspectCode: 'A', rows: [{ no: 'I.1', indicatorCode: 'A2', responsible: 'Bagian Organisasi' }, { no: 'I.2', indicatorCode: 'A1', responsible: ' Bagian Organisasi ' }, { no: 'I.3', indicatorCode: null, responsible: 'Bappeda' }] },
          { number: 'II', aspectCode: 'B', rows: [{ no: 'II.1', indicatorCode: 'B1', responsible: '' }] },
        ],
      },
      aspects,
      new Map([['A1', 'Penetapan pengelola'], ['A2', 'SOP']]),
    );

    expect(lines).toEqual([
      { number: 'I', aspectCode: 'A', aspectName: 'Kebijakan', score: 62.5, category: 'Sedang', indicators: [{ code: 'A2', title: 'SOP' }, { code: 'A1', title: 'Penetapan pengelola' }], rowCount: 3, responsible: ['Bagian Organisasi', 'Bappeda'] },
      { number: 'II', aspectCode: 'B', aspectName: 'Kelembagaan', score: null, category: null, indicators: [{ code: 'B1', title: '' }], rowCount: 1, responsible: [] },
    ]);
  });
});

describe('the signature date line', () => {
  it.each([
    ['Sangatta', '', null],
    ['Sangatta', '  ', null],
    ['Sangatta', '2022-09-28', 'Sangatta, 28 September 2022'],
    ['Sangatta', '28 September 2022', 'Sangatta, 28 September 2022'],
    ['', '2022-06-27', '27 Juni 2022'],
  ])('with place %j and date %j reads %j', (place, date, line) => {
    expect(signatureDateLine(place, date)).toBe(line);
  });
});

describe('narrative texts', () => {
  it('splits a text into paragraphs, one per non-empty line, and reads item labels', () => {
    expect(paragraphsOf(' Satu. \n\n  Dua.\n')).toEqual(['Satu.', 'Dua.']);
    expect([listItemOf('a. menetapkan kegiatan;'), listItemOf('12) butir'), listItemOf('Angka 1. bukan butir'), listItemOf('ab. bukan')]).toEqual([
      { label: 'a.', text: 'menetapkan kegiatan;' }, { label: '12)', text: 'butir' }, null, null,
    ]);
  });

  it('numbers the legal basis itself: a number typed in front of an item is dropped', () => {
    expect(legalBasisItems('1. UU 25/2009;\n2) Perpres 76/2013;\nPermenpan RB 46/2020.')).toEqual(['UU 25/2009;', 'Perpres 76/2013;', 'Permenpan RB 46/2020.']);
  });

  it('cites the legal basis the brief names, and fills every section by default', () => {
    const basis = legalBasisItems(NARRATIVE_DEFAULTS.dasarHukum).join('\n');
    for (const law of ['Undang-Undang Nomor 25 Tahun 2009', 'Peraturan Presiden Nomor 76 Tahun 2013', 'Nomor 62 Tahun 2018', 'Nomor 46 Tahun 2020']) expect(basis).toContain(law);
    expect(narrativeTexts({ penutup: 'Tim.' })).toEqual({ ...NARRATIVE_DEFAULTS, penutup: 'Tim.' });
    expect(Object.values(NARRATIVE_DEFAULTS).every((t) => t.length > 0 && !/\d{2},\d{2}/.test(t))).toBe(true);
  });

  it('stores text with \\n line breaks, no blanks around lines and at most one empty line', () => {
    expect(normalizeNarrative('  Satu  \r\nDua\r\r\n\n\n\nTiga  ')).toBe('Satu\nDua\n\nTiga');
  });

  it('names the field of each refused section in Bahasa Indonesia', () => {
    const parsed = NARRATIVE_FORM_SCHEMA.safeParse({ ...NARRATIVE_DEFAULTS, latarBelakang: ' ', penutup: 'x'.repeat(20_001), dasarHukum: `UU;\n${'y'.repeat(601)}`, monev: ['a', 'b'] });

    expect(parsed.success).toBe(false);
    expect(parsed.error && fieldMessages(parsed.error)).toEqual({
      latarBelakang: 'BAB I A. Latar Belakang wajib diisi.',
      penutup: 'BAB VI Penutup paling banyak 20.000 karakter.',
      monev: 'BAB V Mekanisme Monitoring dan Evaluasi harus berupa teks.',
      dasarHukum: 'BAB I B. Dasar Hukum: butir 2 lebih dari 600 karakter; tulis satu peraturan per baris.',
    });
  });
});

function documentWith(overrides: Partial<NarrativeDocument>): NarrativeDocument {
  return {
    paper: 'folio', regionName: 'Kabupaten Kutai Timur', periodName: 'Periode Uji', years: [2022, 2023, 2024], basisNote: 'Catatan.',
    texts: NARRATIVE_DEFAULTS,
    kabupaten: { label: 'Kabupaten', index: 61.25, category: 'Sedang', counted: 2, total: 3 },
    groups: [{ label: 'Perangkat Daerah', index: 61.25, category: 'Sedang', counted: 2, total: 2 }, { label: 'Kecamatan', index: null, category: null, counted: 0, total: 1 }],
    aspects: [{ code: 'A', name: 'Kebijakan', weight: 100, score: 61.25, category: 'Sedang', pd: 61.25, kecamatan: null }],
    chart: { bars: [{ code: 'A', score: 61.25, category: 'Sedang' }], thresholds: [85, 70, 50, 0] },
    categories: [{ label: 'Sangat Baik', min: 85 }, { label: 'Baik', min: 70 }, { label: 'Sedang', min: 50 }, { label: 'Kurang', min: 0 }],
    unitCategories: unitCategories([
      { name: 'Dinas A', group: 'pd', included: true, complete: true, category: 'Sedang' },
      { name: 'Dinas B', group: 'pd', included: true, complete: true, category: 'Sedang' },
      { name: 'Kecamatan C', group: 'kecamatan', included: false, complete: false, category: null },
    ], CATEGORIES),
    conditions: null,
    sasaran: [],
    signature: { dateLine: null, office: 'BUPATI KUTAI TIMUR', name: 'NAMA BUPATI', nip: '' },
    ...overrides,
  };
}

describe('the narrative document', () => {
  it('adds the kabupaten conditions as section D with their tally when the instrument has a checklist', async () => {
    const conditions = [
      { code: 'K1', title: 'Perbup pengelolaan pengaduan', answer: 'Ya', state: 'Terpenuhi', review: 'Diverifikasi (diterima)' },
      { code: 'K2', title: 'Forum koordinasi', answer: 'Sebagian', state: 'Terpenuhi sebagian', review: 'Menunggu verifikasi' },
      { code: 'K3', title: 'Anggaran', answer: 'Belum diisi', state: '–', review: 'Belum diisi' },
    ];

    const { text } = await readDocx(await buildNarrativeDocx(documentWith({ conditions })));

    expect(text).toContain('D. Kondisi Tingkat Kabupaten\nSelain penilaian unit, kondisi pengelolaan pengaduan tingkat kabupaten dinilai terhadap 3 kondisi: 1 terpenuhi, 1 terpenuhi sebagian, 0 belum terpenuhi dan 1 belum diisi.');
    expect(text).toContain('\n1\nK1 Perbup pengelolaan pengaduan\nYa\nTerpenuhi\nDiverifikasi (diterima)\n');
    expect(text).toContain('E. Permasalahan Utama');
  });

  it('letters the sections without a gap when there is no checklist, and says so when no plan was drafted', async () => {
    const { text } = await readDocx(await buildNarrativeDocx(documentWith({})));

    expect(text).toContain('D. Permasalahan Utama');
    expect(text).not.toContain('Kondisi Tingkat Kabupaten');
    expect(text).toContain('Sasaran belum dapat diuraikan karena matriks Rencana Aksi belum disusun');
    expect(text).toContain('Matriks Rencana Aksi belum disusun.');
    expect(text).toContain('Kecamatan\n0 dari 1\n–\n–');
    expect(text).toContain('Unit yang belum mengajukan penilaian: kecamatan (1): Kecamatan C.');
  });

  it('prints a NIP under the name only when one is set', async () => {
    const withNip = await readDocx(await buildNarrativeDocx(documentWith({ signature: { dateLine: 'Sangatta, 1 Juli 2022', office: 'BUPATI KUTAI TIMUR,', name: 'NAMA', nip: '197001012000031001' } })));

    expect(withNip.text).toContain('Sangatta, 1 Juli 2022\nBUPATI KUTAI TIMUR,\nNAMA\nNIP. 197001012000031001');
  });
});
