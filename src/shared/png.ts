import zlib from 'node:zlib';

/**
 * A small RGB raster and its PNG encoding, for images the server draws itself (the Renaksi aspect chart): no native
 * canvas, no system fonts, nothing to build on a fresh machine. Pixels are 8-bit RGB, row by row.
 */
export interface Raster {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** [r, g, b], each 0–255. */
export type Rgb = readonly [number, number, number];

/** "FFFDE725" (ARGB, as the workbook styles write colours) or "FDE725" → [253, 231, 37]. */
export function rgbOf(hex: string): Rgb {
  const rgb = hex.length === 8 ? hex.slice(2) : hex;
  return [parseInt(rgb.slice(0, 2), 16), parseInt(rgb.slice(2, 4), 16), parseInt(rgb.slice(4, 6), 16)];
}

export function createRaster(width: number, height: number, background: Rgb): Raster {
  const r = { width, height, pixels: new Uint8Array(width * height * 3) };
  fillRect(r, 0, 0, width, height, background);
  return r;
}

/** Paints the rectangle (clipped to the raster); fractional edges are rounded. */
export function fillRect(r: Raster, x: number, y: number, w: number, h: number, color: Rgb): void {
  const x0 = Math.max(0, Math.round(x));
  const y0 = Math.max(0, Math.round(y));
  const x1 = Math.min(r.width, Math.round(x + w));
  const y1 = Math.min(r.height, Math.round(y + h));
  if (x1 <= x0 || y1 <= y0) return;
  // One row of the rectangle pixel by pixel, then copied down: a chart is mostly large flat areas.
  const stride = r.width * 3;
  const start = y0 * stride + x0 * 3;
  const length = (x1 - x0) * 3;
  for (let i = 0; i < length; i += 3) r.pixels.set(color, start + i);
  for (let py = y0 + 1; py < y1; py++) r.pixels.copyWithin(py * stride + x0 * 3, start, start + length);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The raster as a PNG file: 8-bit truecolour, no interlace, every scanline unfiltered (flat colours compress well
 * without filters), and its resolution in dots per inch so word processors place it at its intended size.
 */
export function encodePng(r: Raster, dpi = 96): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(r.width, 0);
  ihdr.writeUInt32BE(r.height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const stride = r.width * 3;
  const raw = Buffer.alloc((stride + 1) * r.height);
  for (let y = 0; y < r.height; y++) raw.set(r.pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const phys = Buffer.alloc(9);
  const perMetre = Math.round(dpi / 0.0254);
  phys.writeUInt32BE(perMetre, 0);
  phys.writeUInt32BE(perMetre, 4);
  phys[8] = 1;
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('pHYs', phys), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
