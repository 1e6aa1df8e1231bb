import zlib from 'node:zlib';
import { createRaster, encodePng, fillRect, rgbOf, type Rgb } from '../../src/shared/png';
import { drawText, hasGlyph, textWidth } from '../../src/shared/pixel-font';
import { aspectChart } from '../../src/renaksi-narrative/aspect-chart';

interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  dpi: number;
  pixel(x: number, y: number): number[];
}

/** Reads back what encodePng writes: every chunk's CRC checked, scanlines unfiltered (filter type 0 only). */
function decodePng(png: Buffer): DecodedPng {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks = new Map<string, Buffer>();
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(zlib.crc32(png.subarray(at + 4, at + 8 + length)));
    chunks.set(type, data);
    at += 12 + length;
  }
  expect([...chunks.keys()]).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
  const ihdr = chunks.get('IHDR') as Buffer;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const raw = zlib.inflateSync(chunks.get('IDAT') as Buffer);
  expect(raw.length).toBe((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) expect(raw[y * (width * 3 + 1)]).toBe(0);
  const phys = chunks.get('pHYs') as Buffer;
  return {
    width, height, bitDepth: ihdr[8] as number, colorType: ihdr[9] as number,
    dpi: Math.round(phys.readUInt32BE(0) * 0.0254),
    pixel: (x, y) => [...raw.subarray(y * (width * 3 + 1) + 1 + x * 3, y * (width * 3 + 1) + 4 + x * 3)],
  };
}

const WHITE: Rgb = [255, 255, 255];
const RED: Rgb = [200, 10, 20];

describe('PNG encoder', () => {
  it('writes an 8-bit RGB image whose pixels and resolution read back exactly', () => {
    const r = createRaster(3, 2, WHITE);
    fillRect(r, 1, 0, 2, 1, RED);

    const png = decodePng(encodePng(r, 254));

    expect([png.width, png.height, png.bitDepth, png.colorType, png.dpi]).toEqual([3, 2, 8, 2, 254]);
    expect([png.pixel(0, 0), png.pixel(1, 0), png.pixel(2, 0), png.pixel(1, 1)]).toEqual([[255, 255, 255], [200, 10, 20], [200, 10, 20], [255, 255, 255]]);
  });

  it('clips a rectangle to the raster and ignores an empty one', () => {
    const r = createRaster(2, 2, WHITE);

    fillRect(r, -5, 1, 10, 10, RED);
    fillRect(r, 0, 0, 0, 2, [0, 0, 0]);

    expect([...r.pixels]).toEqual([255, 255, 255, 255, 255, 255, 200, 10, 20, 200, 10, 20]);
  });

  it('reads workbook ARGB and plain RGB colours', () => {
    expect([rgbOf('FF3B528B'), rgbOf('FDE725')]).toEqual([[59, 82, 139], [253, 231, 37]]);
  });
});

describe('pixel font', () => {
  it('draws a glyph pixel for pixel and measures text without the trailing space', () => {
    const r = createRaster(5, 7, WHITE);

    drawText(r, '1', 0, 0, 1, [0, 0, 0]);

    const rows = Array.from({ length: 7 }, (_, y) => Array.from({ length: 5 }, (_, x) => (r.pixels[(y * 5 + x) * 3] === 0 ? '#' : '.')).join(''));
    expect(rows).toEqual(['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.']);
    expect([textWidth('', 3), textWidth('7', 3), textWidth('72,50', 2)]).toEqual([0, 15, 58]);
    expect([hasGlyph('A'), hasGlyph(','), hasGlyph('–'), hasGlyph('a')]).toEqual([true, true, true, false]);
  });
});

describe('aspect chart', () => {
  // Geometry of aspect-chart.ts: 24 px above the plot, 100 px per bar, 70 px for the axis; the 0–100 scale runs from
  // x = 150 to x = 1350 (12 px per point); bars 56 px high, centred in their row, with a 3 px outline.
  const chart = aspectChart([
    { code: 'A', score: 50, category: 'Sedang' },
    { code: 'B', score: 87.5, category: 'Sangat Baik' },
    { code: 'C', score: null, category: null },
  ], [85, 70, 50, 0]);
  const png = decodePng(chart.png);
  const mid = (row: number) => 24 + row * 100 + 50;

  it('is 1600 px wide with one 100 px row per aspect, printed at 254 dpi', () => {
    expect([chart.width, chart.height, png.width, png.height, png.dpi]).toEqual([1600, 24 + 300 + 70, 1600, 394, 254]);
  });

  it('draws each bar to its score in the category colour of the dashboard, outlined', () => {
    // A: 50 points → ends at x = 150 + 600 = 750. B: 87,5 → x = 1200.
    expect(png.pixel(400, mid(0))).toEqual([59, 82, 139]);
    expect(png.pixel(745, mid(0))).toEqual([59, 82, 139]);
    expect(png.pixel(748, mid(0))).toEqual([34, 34, 34]);
    expect(png.pixel(1195, mid(1))).toEqual([253, 231, 37]);
    expect(png.pixel(1100, mid(1) - 27)).toEqual([34, 34, 34]);
  });

  it('leaves an aspect without a score empty and marks the thresholds above 0 with dashed lines', () => {
    expect(png.pixel(400, mid(2))).toEqual([255, 255, 255]);
    // 70 points → x = 990: dashed (12 px drawn, 10 px gap) from the top of the plot; 0 is the axis, not a dash.
    expect(png.pixel(990, 24)).toEqual([110, 110, 110]);
    expect(png.pixel(990, 24 + 15)).toEqual([255, 255, 255]);
    expect(png.pixel(150 - 2, mid(2))).toEqual([34, 34, 34]);
  });
});
