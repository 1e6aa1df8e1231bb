import { escapeXml } from './xml-text';

/** A cell's look, in the terms of SpreadsheetML's styles part. */
export interface CellStyle {
  font?: { name: string; size: number; bold?: boolean };
  /** Solid fill colour, ARGB (FFD9E1F2). */
  fill?: string;
  border?: 'thin';
  alignment?: { horizontal?: 'left' | 'center' | 'right'; vertical?: 'top' | 'center' | 'bottom'; wrapText?: boolean };
  /** Number format code ('0.00'). */
  numFmt?: string;
}

export interface StyleSheet {
  /** Registers a style and returns its index for a cell's `s` attribute (0 is the default look). */
  add(style: CellStyle): number;
  /** The xl/styles.xml part. */
  xml(): string;
}

/** Formats Excel knows by number; anything else is declared from 164 up. */
const BUILTIN_FORMATS: Record<string, number> = { '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

function fontXml(f: { name: string; size: number; bold?: boolean }): string {
  return `<font>${f.bold ? '<b/>' : ''}<sz val="${f.size}"/><name val="${escapeXml(f.name)}"/><family val="2"/></font>`;
}

function fillXml(argb: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${escapeXml(argb)}"/><bgColor indexed="64"/></patternFill></fill>`;
}

const THIN = '<border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border>';

/** Index of `key` in `list`, appended if new: fonts, fills, borders and formats are each listed once. */
function indexOf(list: string[], key: string): number {
  const i = list.indexOf(key);
  return i >= 0 ? i : list.push(key) - 1;
}

/** A styles part built from the few looks a writer registers; the default font is the first one. */
export function createStyleSheet(defaultFont: { name: string; size: number } = { name: 'Calibri', size: 11 }): StyleSheet {
  const fonts = [fontXml(defaultFont)];
  const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  const borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  const formats: string[] = [];
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  return {
    add(style) {
      const fontId = style.font ? indexOf(fonts, fontXml(style.font)) : 0;
      const fillId = style.fill ? indexOf(fills, fillXml(style.fill)) : 0;
      const borderId = style.border ? indexOf(borders, THIN) : 0;
      const numFmtId = style.numFmt === undefined ? 0 : BUILTIN_FORMATS[style.numFmt] ?? 164 + indexOf(formats, style.numFmt);
      const a = style.alignment;
      const align = a
        ? `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${a.vertical ? ` vertical="${a.vertical}"` : ''}${a.wrapText ? ' wrapText="1"' : ''}/>`
        : '';
      const applied = [
        numFmtId ? ' applyNumberFormat="1"' : '', fontId ? ' applyFont="1"' : '', fillId ? ' applyFill="1"' : '',
        borderId ? ' applyBorder="1"' : '', align ? ' applyAlignment="1"' : '',
      ].join('');
      const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}${align ? `>${align}</xf>` : '/>'}`;
      return indexOf(xfs, xf);
    },
    xml() {
      const numFmts = formats.length
        ? `<numFmts count="${formats.length}">${formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(f)}"/>`).join('')}</numFmts>`
        : '';
      return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + numFmts
        + `<fonts count="${fonts.length}">${fonts.join('')}</fonts>`
        + `<fills count="${fills.length}">${fills.join('')}</fills>`
        + `<borders count="${borders.length}">${borders.join('')}</borders>`
        + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        + `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>`
        + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        + '<dxfs count="0"/><tableStyles count="0"/>'
        + '</styleSheet>';
    },
  };
}
