import { fillRect, type Raster, type Rgb } from './png';

/**
 * A 5 × 7 pixel font for the labels of server-drawn charts: digits, the id-ID separators, capital letters, percent and
 * dashes. Each glyph is seven rows of five pixels, top to bottom ('#' lit). A character without a glyph is drawn as a
 * space. Scaled by whole pixels, so it stays sharp in print.
 */
const GLYPHS: Record<string, string> = {
  '0': '.###. #...# #...# #...# #...# #...# .###.',
  '1': '..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.',
  '2': '.###. #...# ....# ...#. ..#.. .#... #####',
  '3': '##### ...#. ..#.. ...#. ....# #...# .###.',
  '4': '...#. ..##. .#.#. #..#. ##### ...#. ...#.',
  '5': '##### #.... ####. ....# ....# #...# .###.',
  '6': '..##. .#... #.... ####. #...# #...# .###.',
  '7': '##### ....# ...#. ..#.. .#... .#... .#...',
  '8': '.###. #...# #...# .###. #...# #...# .###.',
  '9': '.###. #...# #...# .#### ....# ...#. .##..',
  ',': '..... ..... ..... ..... .##.. ..#.. .#...',
  '.': '..... ..... ..... ..... ..... .##.. .##..',
  '%': '##... ##..# ...#. ..#.. .#... #..## ...##',
  '-': '..... ..... ..... .###. ..... ..... .....',
  '–': '..... ..... ..... ##### ..... ..... .....',
  A: '.###. #...# #...# ##### #...# #...# #...#',
  B: '####. #...# #...# ####. #...# #...# ####.',
  C: '.###. #...# #.... #.... #.... #...# .###.',
  D: '###.. #..#. #...# #...# #...# #..#. ###..',
  E: '##### #.... #.... ####. #.... #.... #####',
  F: '##### #.... #.... ####. #.... #.... #....',
  G: '.###. #...# #.... #.### #...# #...# .####',
  H: '#...# #...# #...# ##### #...# #...# #...#',
  I: '.###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.',
  J: '..### ...#. ...#. ...#. ...#. #..#. .##..',
  K: '#...# #..#. #.#.. ##... #.#.. #..#. #...#',
  L: '#.... #.... #.... #.... #.... #.... #####',
  M: '#...# ##.## #.#.# #.#.# #...# #...# #...#',
  N: '#...# #...# ##..# #.#.# #..## #...# #...#',
  O: '.###. #...# #...# #...# #...# #...# .###.',
  P: '####. #...# #...# ####. #.... #.... #....',
  Q: '.###. #...# #...# #...# #.#.# #..#. .##.#',
  R: '####. #...# #...# ####. #.#.. #..#. #...#',
  S: '.#### #.... #.... .###. ....# ....# ####.',
  T: '##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..',
  U: '#...# #...# #...# #...# #...# #...# .###.',
  V: '#...# #...# #...# #...# #...# .#.#. ..#..',
  W: '#...# #...# #...# #.#.# #.#.# #.#.# .#.#.',
  X: '#...# #...# .#.#. ..#.. .#.#. #...# #...#',
  Y: '#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..',
  Z: '##### ....# ...#. ..#.. .#... #.... #####',
};

const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;
/** One pixel of space after each glyph. */
const ADVANCE = GLYPH_WIDTH + 1;

const ROWS = new Map(Object.entries(GLYPHS).map(([ch, rows]) => [ch, rows.split(' ')]));

/** Whether the font draws this character (anything else prints as a space). */
export function hasGlyph(ch: string): boolean {
  return ROWS.has(ch) || ch === ' ';
}

/** Width in pixels of `text` drawn at `scale` (no trailing space). */
export function textWidth(text: string, scale: number): number {
  const n = [...text].length;
  return n === 0 ? 0 : (n * ADVANCE - 1) * scale;
}

/** Draws `text` with its top-left corner at (x, y), each font pixel a `scale` × `scale` square. */
export function drawText(r: Raster, text: string, x: number, y: number, scale: number, color: Rgb): void {
  let left = x;
  for (const ch of text) {
    const rows = ROWS.get(ch);
    rows?.forEach((row, gy) => {
      for (let gx = 0; gx < GLYPH_WIDTH; gx++) if (row[gx] === '#') fillRect(r, left + gx * scale, y + gy * scale, scale, scale, color);
    });
    left += ADVANCE * scale;
  }
}
