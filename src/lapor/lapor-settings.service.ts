import { badInput } from '../errors/app-error';
import { formatInt } from '../shared/format';
import type { User } from '../shared/identity';
import { nationalHolidays } from './holidays';
import { parseExportDate } from './lapor-dates';
import type { LaporContext } from './lapor-context';
import type { DayOff, InstansiDecisionRow } from './lapor.repo';

/** The admin's settings of the SP4N-LAPOR! figures: targets per unit (E3), days off per year, remembered instansi. */

const MAX_TARGET = 1_000_000;
/** The note of an entered day off (the form's maxlength says the same). */
const NOTE_MAX = 200;

/** Saves `target_<unitId>` for every unit of the period ('' removes it). 422 per field, nothing saved. Returns units with a target. */
export function saveTargets(ctx: LaporContext, user: User, periodId: number, body: Record<string, unknown>): number {
  ctx.loadPeriod(periodId);
  const errors: Record<string, string> = {};
  const values = new Map<number, number | null>();
  for (const u of ctx.periodUnits(periodId)) {
    const raw = body[`target_${u.id}`];
    if (raw === undefined) continue;
    const text = typeof raw === 'string' ? raw.trim().replace(/\./g, '') : '';
    if (text === '') values.set(u.id, null);
    else if (/^\d{1,7}$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_TARGET) values.set(u.id, Number(text));
    else errors[`target_${u.id}`] = `Target ${u.name} harus bilangan bulat 1 sampai 1.000.000, atau kosong.`;
  }
  if (Object.keys(errors).length > 0) throw badInput(errors, 'Target belum disimpan; periksa isian yang ditandai.');
  ctx.db.transaction(() => {
    for (const [unitId, target] of values) ctx.repo.setTarget(periodId, unitId, target);
    ctx.audit({ userId: user.id, action: 'lapor.targets', entity: 'lapor_target', newValue: { periode: periodId, unitBertarget: [...values.values()].filter((v) => v !== null).length } });
  })();
  return [...values.values()].filter((v) => v !== null).length;
}

export interface DaysOffYear {
  year: number;
  national: string[];
  extra: DayOff[];
}

/** The admin's days off grouped by year beside the national holidays the tool already knows. */
export function daysOffByYear(ctx: LaporContext, years: number[]): DaysOffYear[] {
  const extra = ctx.repo.daysOff();
  const all = [...new Set([...years, ...extra.map((d) => Number(d.day.slice(0, 4)))])].sort((a, b) => b - a);
  return all.map((year) => ({ year, national: nationalHolidays([year]), extra: extra.filter((d) => d.day.startsWith(`${year}-`)) }));
}

/** Adds a cuti bersama (or another day off) with its note. 422 on `day`/`note`. */
export function addDayOff(ctx: LaporContext, user: User, body: Record<string, unknown>): string {
  const text = typeof body.day === 'string' ? body.day.trim() : '';
  const note = typeof body.note === 'string' ? body.note.trim() : '';
  const day = text === '' ? null : parseExportDate(text);
  const errors: Record<string, string> = {};
  if (day === null) errors.day = text === '' ? 'Isi tanggal cuti bersama.' : `Tanggal "${text.slice(0, 30)}" tidak terbaca; tulis seperti 30/12/2022.`;
  if (note.length > NOTE_MAX) errors.note = `Keterangan paling banyak ${formatInt(NOTE_MAX)} karakter.`;
  if (day !== null && (Number(day.slice(0, 4)) < 2015 || Number(day.slice(0, 4)) > 2100)) errors.day = 'Tahun harus antara 2015 dan 2100.';
  if (Object.keys(errors).length > 0 || day === null) throw badInput(errors);
  ctx.db.transaction(() => {
    ctx.repo.addDayOff(day, note, user.id);
    ctx.audit({ userId: user.id, action: 'lapor.dayoff.add', entity: 'lapor_day_off', newValue: { tanggal: day, keterangan: note } });
  })();
  return day;
}

export function removeDayOff(ctx: LaporContext, user: User, day: string): boolean {
  return ctx.db.transaction(() => {
    const removed = ctx.repo.removeDayOff(day);
    if (removed) ctx.audit({ userId: user.id, action: 'lapor.dayoff.remove', entity: 'lapor_day_off', oldValue: { tanggal: day } });
    return removed;
  })();
}

export function listDecisions(ctx: LaporContext): InstansiDecisionRow[] {
  return ctx.repo.decisions();
}

/** Changes a remembered instansi (`unit`: a unit id, "luar", or "" to forget it). 422 on `unit`. */
export function changeDecision(ctx: LaporContext, user: User, key: string, raw: unknown): void {
  const row = ctx.repo.decisions().find((d) => d.key === key);
  // The page shows one form per instansi and only the summary line, so the summary carries the field's message.
  if (!row) throw badInput({ unit: 'Instansi ini tidak ada dalam daftar.' }, 'Instansi ini tidak ada lagi dalam daftar pencocokan; muat ulang halaman.');
  const value = typeof raw === 'string' ? raw : '';
  const units = new Set(ctx.listUnits().map((u) => u.id));
  if (value !== '' && value !== 'luar' && !(/^[1-9][0-9]{0,9}$/.test(value) && units.has(Number(value)))) {
    throw badInput({ unit: 'Pilih unit dari daftar.' }, `Unit untuk ${row.name}: pilih unit dari daftar.`);
  }
  ctx.db.transaction(() => {
    if (value === '') ctx.repo.forgetDecision(key);
    else ctx.repo.decide(key, row.name, value === 'luar' ? null : Number(value), user.id);
    ctx.audit({ userId: user.id, action: 'lapor.instansi', entity: 'lapor_instansi_unit', oldValue: { instansi: row.name, unit: row.unitId }, newValue: { unit: value || 'dilupakan' } });
  })();
}
