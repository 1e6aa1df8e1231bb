import { formatDate, formatInt } from '../shared/format';
import { isReported, type ReviewState, type WindowState } from './monitoring-calc';
import type { MonevProgress, RowProgress, RowSemesterProgress, SemesterProgress, UnitProgress } from './monitoring-progress';
import type { UnitFilter } from './monitoring.schemas';
import { pageOf } from '../shared/paging';

/**
 * The monev reporting board of one semester as plain data: every unit that reports (official order) with what is due,
 * what is reported and its review state, "terlambat" once the window closed, and for each unit still owing a report
 * a ready-to-send reminder (WhatsApp link per narahubung with a number, and the plain text). Pure.
 */

/** A unit's state in the semester, over its coordinated rows and its own part. */
type BoardState = 'diterima' | 'diajukan' | 'dikembalikan' | 'sebagian' | 'belum';

export const BOARD_STATE_LABELS: Record<BoardState, string> = {
  diterima: 'Diterima',
  diajukan: 'Menunggu verifikasi',
  dikembalikan: 'Dikembalikan',
  sebagian: 'Sebagian dilaporkan',
  belum: 'Belum melapor',
};

/** An active narahubung of a unit, with their stored number (62…) or null. */
export interface BoardContact {
  unitId: number;
  name: string;
  phone: string | null;
}

interface BoardReminder {
  text: string;
  /** One per narahubung with a number; empty when none has one (the page says so and shows the text). */
  links: { name: string; phone: string; href: string }[];
}

interface BoardUnit {
  no: number;
  unitId: number;
  code: string;
  name: string;
  group: 'pd' | 'kecamatan';
  rowsDue: number;
  rowsReported: number;
  rowsReturned: number;
  ownPartDue: boolean;
  ownPart: ReviewState | null;
  /** Parts owed this semester (coordinated rows, plus its own part when due) and how many of them are reported. */
  partsDue: number;
  partsReported: number;
  /** What is still owed, in the board's words ("2 baris koordinasi", "bagian unit (Lampiran II)"). */
  missing: string[];
  state: BoardState;
  /** Something still owed after the window's deadline (partsDue - partsReported parts are late). */
  late: boolean;
  /** Where the unit reports this semester (path on this server). */
  reportPath: string;
  contacts: BoardContact[];
  /** For a unit still owing a report while reports are taken or after the deadline; null otherwise. */
  reminder: BoardReminder | null;
}

interface MonevBoard {
  semester: SemesterProgress;
  units: BoardUnit[];
  /** Over every reporting unit, whatever the filter. */
  counts: Record<BoardState, number> & { terlambat: number; total: number };
  page: number;
  pages: number;
  /** Units the filter keeps, over every page. */
  matchCount: number;
}

/** What the reminder says: who, which semester, the deadline, what is missing and where to report. */
interface ReminderInput {
  unitName: string;
  semesterLabel: string;
  /** YYYY-MM-DD, or null when the semester has no window. */
  deadline: string | null;
  late: boolean;
  missing: string[];
  url: string;
  /** Set when part of what is owed is reported: the reminder then says so instead of "belum kami terima". */
  partial?: { reported: number; due: number };
}

/** The reminder's sentence on what is owed and by when. */
function owedSentence(r: ReminderInput): string {
  const head = `Laporan monev Renaksi SP4N-LAPOR! ${r.semesterLabel} dari ${r.unitName}`;
  if (r.deadline === null) return r.partial ? `${head} baru sebagian kami terima (${r.partial.reported} dari ${r.partial.due} bagian).` : `${head} belum kami terima.`;
  if (r.partial) {
    const when = r.late ? `batas pelaporannya ${formatDate(r.deadline)} sudah lewat` : `batas pelaporan: ${formatDate(r.deadline)}`;
    return `${head} baru sebagian kami terima (${r.partial.reported} dari ${r.partial.due} bagian); ${when}.`;
  }
  return r.late
    ? `${head} belum kami terima, padahal batas pelaporannya ${formatDate(r.deadline)} sudah lewat.`
    : `${head} belum kami terima. Batas pelaporan: ${formatDate(r.deadline)}.`;
}

/** The reminder's plain text (also what the WhatsApp link carries). */
export function reminderText(r: ReminderInput): string {
  return [
    `Yth. Narahubung ${r.unitName},`,
    '',
    owedSentence(r),
    `Yang belum dilaporkan: ${r.missing.join('; ')}.`,
    `Silakan laporkan melalui: ${r.url}`,
    '',
    'Terima kasih.',
    'Tim Monev Renaksi SP4N-LAPOR! (Diskominfo)',
  ].join('\n');
}

/** https://wa.me/<62…>?text=<the text, URL-encoded>. */
export function whatsAppLink(phone: string, text: string): string {
  return `https://wa.me/${phone}?text=${encodeURIComponent(text)}`;
}

/** What is still owed, in the reminder's words. */
export function missingParts(u: { rowsDue: number; rowsReported: number; ownPartDue: boolean; ownPart: ReviewState | null }): string[] {
  const out: string[] = [];
  if (u.rowsReported < u.rowsDue) out.push(`${u.rowsDue - u.rowsReported} dari ${u.rowsDue} baris Renaksi yang dikoordinasikan unit Anda`);
  if (u.ownPartDue && !isReported(u.ownPart)) {
    out.push(u.ownPart === 'dikembalikan' ? 'bagian unit Anda (dikembalikan verifikator, perlu diperbaiki lalu diajukan lagi)' : 'bagian unit Anda (indikator Lampiran II)');
  }
  return out;
}

/** What is still owed, as the board lists it for the official reading it. */
export function boardMissing(u: { rowsDue: number; rowsReported: number; ownPartDue: boolean; ownPart: ReviewState | null }): string[] {
  const out: string[] = [];
  if (u.rowsReported < u.rowsDue) out.push(`${formatInt(u.rowsDue - u.rowsReported)} baris koordinasi`);
  if (u.ownPartDue && !isReported(u.ownPart)) out.push('bagian unit (Lampiran II)');
  return out;
}

/**
 * The unit's state over every part it owes: a returned part first, then all accepted, all submitted, some of them
 * reported (sebagian), else not yet.
 */
export function boardState(parts: (ReviewState | null)[]): BoardState {
  if (parts.includes('dikembalikan')) return 'dikembalikan';
  if (parts.length > 0 && parts.every((s) => s === 'diterima')) return 'diterima';
  if (parts.length > 0 && parts.every((s) => isReported(s))) return 'diajukan';
  return parts.some((s) => isReported(s)) ? 'sebagian' : 'belum';
}

/** Reminders are offered while reports are taken (or with no window set) and after the deadline, not before opening. */
const remindable = (w: WindowState) => w !== 'belum_dibuka';

interface BoardContext {
  p: MonevProgress;
  index: number;
  contacts: Map<number, BoardContact[]>;
  /** The server's address (scheme and host, no trailing slash) for the reminder's link. */
  origin: string;
  rowsById: Map<number, RowProgress>;
}

/** A unit's line of the board, without its reminder (see withReminder). */
function boardUnit(ctx: BoardContext, u: UnitProgress, no: number): BoardUnit {
  const s = ctx.p.semesters[ctx.index] as SemesterProgress;
  const cell = u.semesters[ctx.index];
  const rowStates = u.coordinatedRowIds.map((id) => (ctx.rowsById.get(id)?.semesters[ctx.index] as RowSemesterProgress).reviewState);
  const ownPart = cell?.ownPart ?? null;
  const ownPartDue = cell?.ownPartDue ?? false;
  const parts = ownPartDue ? [...rowStates, ownPart] : rowStates;
  const state = boardState(parts);
  const reported = cell?.reported ?? false;
  const base = `/periods/${ctx.p.period.id}/renaksi/monev`;
  const reportPath = rowStates.length === 0 && ownPartDue ? `${base}/units/${u.unitId}/${s.key}` : `${base}?semester=${s.key}`;
  const counts = { rowsDue: cell?.rowsDue ?? 0, rowsReported: cell?.rowsReported ?? 0, ownPartDue, ownPart };
  return {
    no, unitId: u.unitId, code: u.code, name: u.name, group: u.group, ...counts,
    partsDue: parts.length, partsReported: parts.filter((x) => isReported(x)).length, missing: boardMissing(counts),
    rowsReturned: rowStates.filter((x) => x === 'dikembalikan').length, state, late: !reported && s.windowState === 'ditutup', reportPath,
    contacts: ctx.contacts.get(u.unitId) ?? [], reminder: null,
  };
}

/** The line with its reminder, for a unit still owing a report while reports are taken or after the deadline. */
function withReminder(ctx: BoardContext, line: BoardUnit, reported: boolean): BoardUnit {
  const s = ctx.p.semesters[ctx.index] as SemesterProgress;
  if (reported || !remindable(s.windowState)) return line;
  const text = reminderText({
    unitName: line.name, semesterLabel: s.label, deadline: s.window?.deadline ?? null, late: line.late, missing: missingParts(line), url: ctx.origin + line.reportPath,
    ...(line.state === 'sebagian' ? { partial: { reported: line.partsReported, due: line.partsDue } } : {}),
  });
  const links = line.contacts.flatMap((c) => (c.phone ? [{ name: c.name, phone: c.phone, href: whatsAppLink(c.phone, text) }] : []));
  return { ...line, reminder: { text, links } };
}

/** Units per page of the board (and of the overview's units): a page a person reads, whatever the number of units. */
export const UNIT_PAGE_SIZE = 100;

/** Whether a board line passes the filter (state or 'terlambat', group, part of the name or code). */
function matchesFilter(u: BoardUnit, filter: UnitFilter): boolean {
  if (filter.status === 'terlambat' ? !u.late : filter.status !== undefined && u.state !== filter.status) return false;
  if (filter.kelompok !== undefined && u.group !== filter.kelompok) return false;
  return !filter.cari || nameMatches(u, filter.cari);
}

/** Part of the unit's name or code, case aside. */
export function nameMatches(u: { name: string; code: string }, text: string): boolean {
  const wanted = text.toLocaleLowerCase('id-ID');
  return u.name.toLocaleLowerCase('id-ID').includes(wanted) || u.code.toLocaleLowerCase('id-ID').includes(wanted);
}

/**
 * The board of the semester at `index` of `p.semesters`: counts per state and of late units over every reporting unit,
 * and the units the filter keeps (official order), UNIT_PAGE_SIZE at a time (page `filter.hal`), with reminders for
 * those shown.
 */
export function buildMonevBoard(p: MonevProgress, index: number, contacts: BoardContact[], origin: string, filter: UnitFilter = {}): MonevBoard {
  const byUnit = new Map<number, BoardContact[]>();
  for (const c of contacts) byUnit.set(c.unitId, [...(byUnit.get(c.unitId) ?? []), c]);
  const ctx: BoardContext = { p, index, contacts: byUnit, origin, rowsById: new Map(p.rows.map((r) => [r.rowId, r])) };
  const all = p.units.map((u, i) => boardUnit(ctx, u, i + 1));
  const counts = { diterima: 0, diajukan: 0, dikembalikan: 0, sebagian: 0, belum: 0, terlambat: 0, total: all.length };
  for (const u of all) {
    counts[u.state]++;
    if (u.late) counts.terlambat++;
  }
  const shown = pageOf(all.filter((u) => matchesFilter(u, filter)), filter.hal, UNIT_PAGE_SIZE);
  const units = shown.items.map((u) => withReminder(ctx, u, p.units[u.no - 1]?.semesters[index]?.reported ?? false));
  return { semester: p.semesters[index] as SemesterProgress, units, counts, page: shown.page, pages: shown.pages, matchCount: shown.total };
}
