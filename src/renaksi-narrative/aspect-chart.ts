import { createRaster, encodePng, fillRect, rgbOf, type Raster, type Rgb } from '../shared/png';
import { drawText, GLYPH_HEIGHT, textWidth } from '../shared/pixel-font';
import { CATEGORY_FILLS } from '../shared/workbook-style';
import { formatScore } from '../shared/format';

/** One bar: an aspect's kabupaten score (null: no unit counted yet) and its category. */
export interface ChartBar {
  code: string;
  score: number | null;
  category: string | null;
}

export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
}

const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [34, 34, 34];
const GRID: Rgb = [217, 217, 217];
const THRESHOLD: Rgb = [110, 110, 110];
const NO_CATEGORY: Rgb = [191, 191, 191];

/** Pixel geometry, drawn at about 250 dpi for a 16 cm wide figure. */
const G = {
  width: 1600,
  top: 24,
  rowHeight: 100,
  barHeight: 56,
  plotLeft: 150,
  plotWidth: 1200,
  axisBelow: 70,
  labelScale: 6,
  valueScale: 5,
  tickScale: 4,
  lineWidth: 3,
} as const;
/** The image's resolution: the figure prints at 1600 px ÷ 254 dpi ≈ 16 cm. */
const CHART_DPI = 254;

const xOf = (score: number) => G.plotLeft + (Math.max(0, Math.min(100, score)) / 100) * G.plotWidth;

function dashedVertical(r: Raster, x: number, y0: number, y1: number, color: Rgb): void {
  for (let y = y0; y < y1; y += 22) fillRect(r, x - 1, y, G.lineWidth, Math.min(12, y1 - y), color);
}

function drawGrid(r: Raster, plotBottom: number): void {
  for (const tick of [0, 25, 50, 75, 100]) {
    const x = xOf(tick);
    fillRect(r, x - 1, G.top, 2, plotBottom - G.top, GRID);
    const label = String(tick);
    drawText(r, label, x - textWidth(label, G.tickScale) / 2, plotBottom + 18, G.tickScale, INK);
  }
}

function drawBar(r: Raster, bar: ChartBar, rowTop: number): void {
  const mid = rowTop + G.rowHeight / 2;
  const code = bar.code.toUpperCase();
  drawText(r, code, G.plotLeft - 30 - textWidth(code, G.labelScale), mid - (GLYPH_HEIGHT * G.labelScale) / 2, G.labelScale, INK);
  const barTop = mid - G.barHeight / 2;
  let end: number = G.plotLeft;
  if (bar.score !== null) {
    end = xOf(bar.score);
    const fill = bar.category && CATEGORY_FILLS[bar.category] ? rgbOf(CATEGORY_FILLS[bar.category] as string) : NO_CATEGORY;
    fillRect(r, G.plotLeft, barTop, end - G.plotLeft, G.barHeight, INK);
    fillRect(r, G.plotLeft + G.lineWidth, barTop + G.lineWidth, end - G.plotLeft - 2 * G.lineWidth, G.barHeight - 2 * G.lineWidth, fill);
  }
  // The score sits on a white box so a threshold line behind it never crosses its digits.
  const value = formatScore(bar.score);
  const textTop = mid - (GLYPH_HEIGHT * G.valueScale) / 2;
  fillRect(r, end + G.lineWidth, textTop - 8, textWidth(value, G.valueScale) + 24, GLYPH_HEIGHT * G.valueScale + 16, WHITE);
  drawText(r, value, end + 16, textTop, G.valueScale, INK);
}

/**
 * The kabupaten's aspect scores as a horizontal bar chart (PNG): one bar per aspect on a 0–100 scale, coloured by
 * category as on the dashboard, with its code at the left and its score (id-ID, two decimals) at the end, grid lines
 * every 25 points and dashed lines at the category thresholds (`thresholds`: the categories' lower bounds above 0).
 */
export function aspectChart(bars: ChartBar[], thresholds: number[]): ChartImage {
  const plotBottom = G.top + bars.length * G.rowHeight;
  const height = plotBottom + G.axisBelow;
  const r = createRaster(G.width, height, WHITE);
  drawGrid(r, plotBottom);
  for (const t of thresholds.filter((v) => v > 0 && v < 100)) dashedVertical(r, xOf(t), G.top, plotBottom, THRESHOLD);
  bars.forEach((bar, i) => drawBar(r, bar, G.top + i * G.rowHeight));
  fillRect(r, G.plotLeft - G.lineWidth, G.top, G.lineWidth, plotBottom - G.top + G.lineWidth, INK);
  fillRect(r, G.plotLeft - G.lineWidth, plotBottom, G.plotWidth + G.lineWidth, G.lineWidth, INK);
  return { png: encodePng(r, CHART_DPI), width: G.width, height };
}
