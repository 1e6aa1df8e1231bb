import { dayNumber, isoOfDay } from './workdays';

/**
 * Dates as Indonesian SP4N-LAPOR! exports write them, read into ISO calendar dates (the time of day is dropped: hari
 * kerja count days). Pure.
 */

const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, feb: 2, februari: 2, mar: 3, maret: 3, apr: 4, april: 4, mei: 5, jun: 6, juni: 6,
  jul: 7, juli: 7, agu: 8, agt: 8, agus: 8, agustus: 8, sep: 9, sept: 9, september: 9, okt: 10, oktober: 10,
  nov: 11, november: 11, des: 12, desember: 12,
};

const TIME = String.raw`(?:(?:[ T]+|,\s*)(?:pukul\s+|jam\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s*(?:WIB|WITA|WIT|Z|[+-]\d{2}:?\d{2}))?)?`;
const ISO = new RegExp(String.raw`^(\d{4})([-/])(\d{1,2})\2(\d{1,2})${TIME}$`, 'i');
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${TIME}$`, 'i');
const NAMED = new RegExp(String.raw`^(\d{1,2})(?:\s+|-)([a-z]+)\.?(?:\s+|-)(\d{4})${TIME}$`, 'i');
/** "Senin, " before a date, as Indonesian systems often write it. */
const DAY_NAME = /^(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad),?\s+/i;
/** An Excel date serial (days since 1899-12-30) between 1960 and 2100, as a cell without a date format shows it. */
const SERIAL = /^\d{5}(?:\.\d+)?$/;
const EXCEL_EPOCH_DAY = -25_569;
const SERIAL_MIN = 21_916;
const SERIAL_MAX = 73_051;

function isoOf(y: number, m: number, d: number): string | null {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return Number.isFinite(dayNumber(iso)) ? iso : null;
}

/**
 * "27/06/2022", "27-06-2022 14:05", "2022-06-27", "2022/06/27", "2022-06-27T14:05:00", "27 Juni 2022",
 * "Senin, 27 Juni 2022 pukul 14.05", "27-Jun-2022", or an Excel date serial ("44739") → "2022-06-27"; null for an empty cell or text that is not a real date (31/02/2022 included).
 */
export function parseExportDate(text: string): string | null {
  const t = text.trim().replace(DAY_NAME, '');
  if (t === '') return null;
  let m = ISO.exec(t);
  if (m) return isoOf(Number(m[1]), Number(m[3]), Number(m[4]));
  m = DAY_FIRST.exec(t);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = NAMED.exec(t);
  if (m) {
    const month = MONTHS[(m[2] as string).toLowerCase()];
    return month === undefined ? null : isoOf(Number(m[3]), month, Number(m[1]));
  }
  if (SERIAL.test(t)) {
    const serial = Math.floor(Number(t));
    return serial >= SERIAL_MIN && serial <= SERIAL_MAX ? isoOfDay(serial + EXCEL_EPOCH_DAY) : null;
  }
  return null;
}
