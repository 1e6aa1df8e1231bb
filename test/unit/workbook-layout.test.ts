import { estimateRowHeight, fitColumnWidths, landscapeWidthUnits, lineHeight, widthForWord, wrappedLines, MAX_ROW_HEIGHT } from '../../src/shared/workbook-style';
import { planColumnWidths } from '../../src/renaksi/renaksi-workbook';

describe('wrappedLines', () => {
  it.each<[string, number, number]>([
    ['', 10, 1],
    ['pendek', 10, 1],
    // "aaaa bbbb" = 9 characters fits 10
    ['aaaa bbbb', 10, 1],
    // "aaaa bbbb cc" = 12 > 10 → "cc" wraps
    ['aaaa bbbb cc', 10, 2],
    // a 25-letter word in 10-character lines breaks into 10 + 10 + 5
    ['a'.repeat(25), 10, 3],
    // each paragraph starts a new line
    ['satu\ndua\ntiga', 10, 3],
    // "1) Menetapkan SK" is exactly 16; "2) Meninjau SK" + "tiap tahun"
    ['1) Menetapkan SK\n2) Meninjau SK tiap tahun', 16, 3],
  ])('wraps %p into %p-character lines as %p lines', (text, perLine, lines) => {
    expect(wrappedLines(text, perLine)).toBe(lines);
  });
});

describe('estimateRowHeight', () => {
  it('gives one line for short texts: 9 pt × 1,25 = 11,25 pt + 4 pt padding', () => {
    expect(lineHeight(9)).toBe(11.25);
    expect(estimateRowHeight([{ text: 'TW I–IV', width: 10 }], 9)).toBe(15.25);
  });

  it('sizes the row by its tallest cell', () => {
    // width 10 → 70 px − 4 = 66 px ÷ 6 px per character (9 pt) = 11 characters per line
    const cells = [
      { text: 'aaaa bbbb cccc dddd', width: 10 }, // "aaaa bbbb" + "cccc dddd" → 2 lines
      { text: 'a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f', width: 10 }, // 61 characters → 6 lines
    ];

    expect(estimateRowHeight(cells, 9)).toBe(6 * 11.25 + 4);
  });

  it('counts bold text as wider', () => {
    // 11 letters fit 11 characters per line in regular text, not in bold (6,6 px → 10 per line)
    expect(estimateRowHeight([{ text: 'Pelaksanaan', width: 10 }], 9)).toBe(15.25);
    expect(estimateRowHeight([{ text: 'Pelaksanaan', width: 10, bold: true }], 9)).toBe(2 * 11.25 + 4);
  });

  it('never exceeds the largest row height a spreadsheet allows', () => {
    expect(estimateRowHeight([{ text: 'kata '.repeat(2000), width: 8 }], 9)).toBe(MAX_ROW_HEIGHT);
  });
});

describe('fitColumnWidths', () => {
  it('keeps fixed widths and shares the rest by weight, rounded down to halves', () => {
    // 100 − 10 = 90 over weights 1 + 2 → 30 and 60
    expect(fitColumnWidths([{ fixed: 10 }, { weight: 1 }, { weight: 2 }], 100)).toEqual([10, 30, 60]);
    // 50 over 3 → 16,67 → 16,5 each
    expect(fitColumnWidths([{ weight: 1 }, { weight: 1 }, { weight: 1 }], 50)).toEqual([16.5, 16.5, 16.5]);
  });

  it('holds a column at its minimum and lets the others share what is left', () => {
    // by weight: 10, 90; the first needs 20 → 20, the other gets 80
    expect(fitColumnWidths([{ weight: 1, min: 20 }, { weight: 9 }], 100)).toEqual([20, 80]);
  });

  it('never writes width 9, which exceljs would drop as its default', () => {
    expect(fitColumnWidths([{ weight: 1 }, { weight: 1 }], 18)).toEqual([8.5, 8.5]);
  });
});

describe('planColumnWidths', () => {
  it.each([
    ['folio', 3],
    ['folio', 5],
    ['a4', 3],
  ] as const)('fits %s landscape with %p plan years at 100 %', (paper, years) => {
    const widths = planColumnWidths(paper, years);

    // No, five texts before the years, unit counts and output targets per year, seven texts after
    expect(widths).toHaveLength(1 + 5 + 2 * years + 7);
    expect(widths.reduce((s, w) => s + w, 0)).toBeLessThanOrEqual(landscapeWidthUnits(paper, 0.8));
  });

  it('lets a 2022–2026 plan on A4 exceed the page only as far as the word minimums force it (the print scales it)', () => {
    const widths = planColumnWidths('a4', 5);

    // Sasaran, Permasalahan and Kegiatan keep room for a 12-letter word of the 8 pt body ("Penganggaran")
    expect(Math.min(...widths.slice(1, 4))).toBeGreaterThanOrEqual(widthForWord('Penganggaran', 8, false));
  });
});
