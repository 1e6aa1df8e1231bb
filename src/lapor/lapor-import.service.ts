import crypto from 'node:crypto';
import path from 'node:path';
import { AppError, badInput, notFound } from '../errors/app-error';
import { formatDate } from '../shared/format';
import type { User } from '../shared/identity';
import { findHeaderRow, headerKey, isPersonalHeader, knownField, LAPOR_FIELDS, planColumns, type ColumnPlan, type LaporField } from './lapor-columns';
import { parseExportDate } from './lapor-dates';
import { createUnitMatcher, type UnitMatcher } from './instansi-match';
import { planLaporImport, type LaporPlan } from './lapor-plan';
import { readReports } from './lapor-rows';
import { readExportTable, type ExportFile } from './lapor-file';
import type { HeldUpload } from './held-uploads';
import type { LaporContext } from './lapor-context';

/**
 * The import of an SP4N-LAPOR! export: receive (read, drop personal columns, hold in memory), preview (columns,
 * instansi matches, the plan), remember the admin's column mapping and instansi decisions, apply in one transaction.
 */

/** How many sampled values decide that a column holds dates. */
const DATE_SAMPLE = 20;

function hasDateColumn(table: string[][], headerRow: number): boolean {
  const rows = table.slice(headerRow + 1, headerRow + 1 + 200);
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    const values = rows.map((r) => r[c] ?? '').filter((v) => v !== '').slice(0, DATE_SAMPLE);
    if (values.length > 0 && values.filter((v) => parseExportDate(v) !== null).length * 2 >= values.length) return true;
  }
  return false;
}

/**
 * The export date the admin typed ("2022-12-31" or "31/12/2022"): not in the future, not before the period's year, and
 * not before the period's latest import (an older export would turn statuses back while the figures stay judged on the
 * later date).
 */
export function exportDateOf(ctx: LaporContext, periodId: number, raw: unknown): string {
  const { period } = ctx.loadPeriod(periodId);
  const iso = parseExportDateField(raw, period.year, todayWita());
  const latest = ctx.repo.stamp(periodId).asOf;
  if (latest !== null && iso < latest) {
    throw badInput({ exportDate: `Data periode ini sudah memakai ekspor per ${formatDate(latest)}; unggah ekspor pada tanggal itu atau sesudahnya.` });
  }
  return iso;
}

/** The export date as typed, within the period's year and today. */
export function parseExportDateField(raw: unknown, periodYear: number, today: string): string {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') throw badInput({ exportDate: 'Isi tanggal ekspor data dari SP4N-LAPOR!.' });
  const iso = parseExportDate(text);
  if (iso === null) throw badInput({ exportDate: `Tanggal ekspor "${text.slice(0, 30)}" tidak terbaca; tulis seperti 31/12/${periodYear}.` });
  if (iso > today) throw badInput({ exportDate: 'Tanggal ekspor tidak boleh sesudah hari ini.' });
  if (Number(iso.slice(0, 4)) < periodYear) throw badInput({ exportDate: `Tanggal ekspor harus pada tahun ${periodYear} atau sesudahnya.` });
  return iso;
}

/** Today in Kutai Timur (WITA), as an ISO date. */
export const todayWita = (now = new Date()): string => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Reads a file into the shape an upload is held in, personal columns emptied; 422 on `file` when it cannot be used. */
export async function readExport(ctx: LaporContext, file: ExportFile): Promise<Pick<HeldUpload, 'header' | 'headerRow' | 'table' | 'dropped'>> {
  const table = await readExportTable(file);
  const headerRow = findHeaderRow(table);
  if (headerRow < 0 || table.length <= headerRow + 1) throw badInput({ file: 'Berkas tidak berisi baris data di bawah baris judul kolom.' });
  const header = (table[headerRow] ?? []).map((h) => h.trim());
  const remembered = ctx.repo.rememberedHeaders();
  const keep = (h: string) => knownField(h) !== undefined || remembered.has(headerKey(h)) || !isPersonalHeader(h);
  const droppedCols = header.flatMap((h, i) => (keep(h) ? [] : [i]));
  for (const row of table) for (const c of droppedCols) if (row[c] !== undefined) row[c] = '';
  if (!hasDateColumn(table, headerRow)) {
    throw badInput({ file: 'Berkas tidak memiliki kolom tanggal yang dapat dibaca (mis. "Tanggal Laporan" berisi 27/06/2022). Periksa bahwa ini ekspor laporan SP4N-LAPOR!.' });
  }
  return { header, headerRow, table, dropped: droppedCols.map((c) => header[c] as string) };
}

/** Receives an upload from the web form and holds it; returns the token of its preview page. */
export async function receiveExport(ctx: LaporContext, user: User, periodId: number, file: ExportFile, exportDateRaw: unknown): Promise<string> {
  const exportDate = exportDateOf(ctx, periodId, exportDateRaw);
  const read = await readExport(ctx, file);
  return ctx.held.hold({ userId: user.id, periodId, fileName: path.basename(file.originalName).slice(0, 200), exportDate, ...read });
}

export interface ImportPreview {
  token: string;
  fileName: string;
  exportDate: string;
  header: string[];
  dropped: string[];
  columns: ColumnPlan;
  /** null while a required column is missing. */
  plan: LaporPlan | null;
  planHash: string;
}

function heldOr404(ctx: LaporContext, user: User, periodId: number, token: string): HeldUpload {
  const h = ctx.held.findOwn(token, user.id, periodId);
  if (!h) throw notFound('Unggahan data SP4N-LAPOR! (mungkin sudah diterapkan atau kedaluwarsa; unggah ulang berkasnya)');
  return h;
}

export function unitMatcher(ctx: LaporContext): UnitMatcher {
  return createUnitMatcher(ctx.listUnits(), ctx.regionName());
}

/** The plan of held rows with these columns, against the stored data as it is now. */
export function planHeld(ctx: LaporContext, h: Pick<HeldUpload, 'header' | 'headerRow' | 'table' | 'exportDate' | 'periodId'>, mapped: Partial<Record<LaporField, string>> = {}) {
  const columns = planColumns(h.header, mapped, ctx.repo.rememberedHeaders());
  if (columns.missing.length > 0) return { columns, plan: null };
  const { period } = ctx.loadPeriod(h.periodId);
  const units = ctx.listUnits();
  const active = new Set(units.map((u) => u.id));
  const decisions = new Map(ctx.repo.decisions().filter((d) => d.unitId === null || active.has(d.unitId)).map((d) => [d.key, d.unitId]));
  const read = readReports(h.table, h.headerRow, columns.columns, h.exportDate);
  const plan = planLaporImport({ read, matcher: unitMatcher(ctx), decisions, units, existing: ctx.repo.trackingIds(h.periodId), periodYear: period.year });
  return { columns, plan };
}

function hashOf(columns: ColumnPlan, plan: LaporPlan | null): string {
  const f = plan && [plan.rowsRead, plan.refused.length, plan.outsidePeriod, plan.leftOut, plan.inserted, plan.updated, plan.instansi.map((i) => [i.key, i.match.unitId])];
  return crypto.createHash('sha256').update(JSON.stringify([columns.columns, f])).digest('hex');
}

export function previewImport(ctx: LaporContext, user: User, periodId: number, token: string): ImportPreview {
  const h = heldOr404(ctx, user, periodId, token);
  const { columns, plan } = planHeld(ctx, h);
  return { token, fileName: h.fileName, exportDate: h.exportDate, header: h.header, dropped: h.dropped, columns, plan, planHash: hashOf(columns, plan) };
}

/**
 * Remembers the admin's column mapping for this export's headers (form fields `col_<field>`: a column number or '').
 * A column serves one field; a dropped personal column serves none. 422 per field otherwise, nothing saved.
 */
export function saveColumnMapping(ctx: LaporContext, user: User, periodId: number, token: string, body: Record<string, unknown>): void {
  const h = heldOr404(ctx, user, periodId, token);
  const errors: Record<string, string> = {};
  const chosen = new Map<LaporField, number>();
  const used = new Map<number, LaporField>();
  for (const f of LAPOR_FIELDS) {
    const raw = typeof body[`col_${f}`] === 'string' ? (body[`col_${f}`] as string) : '';
    if (raw === '') continue;
    const i = /^\d{1,3}$/.test(raw) ? Number(raw) : -1;
    if (i < 0 || i >= h.header.length || h.dropped.includes(h.header[i] as string) || (h.header[i] ?? '') === '') {
      errors[`col_${f}`] = 'Pilih salah satu kolom berkas.';
    } else if (used.has(i)) {
      errors[`col_${f}`] = `Kolom "${h.header[i]}" sudah dipakai untuk kolom lain; satu kolom untuk satu isian.`;
    } else {
      chosen.set(f, i);
      used.set(i, f);
    }
  }
  if (Object.keys(errors).length > 0) throw badInput(errors, 'Pemetaan kolom belum dapat disimpan.');
  const before = planColumns(h.header, {}, ctx.repo.rememberedHeaders());
  ctx.db.transaction(() => {
    for (const f of LAPOR_FIELDS) {
      const i = chosen.get(f);
      const prev = before.columns[f];
      if (prev !== undefined && before.source[f] === 'diingat' && prev !== i) ctx.repo.forgetHeader(headerKey(h.header[prev] as string));
      if (i !== undefined && knownField(h.header[i] as string) !== f) ctx.repo.rememberHeader(headerKey(h.header[i] as string), f, h.header[i] as string, user.id);
    }
    ctx.audit({ userId: user.id, action: 'lapor.mapping', entity: 'lapor_header_mapping', newValue: Object.fromEntries([...chosen].map(([f, i]) => [f, h.header[i]])) });
  })();
}

/**
 * Remembers the admin's instansi decisions (fields `key_<n>` and `unit_<n>`: a unit id, "luar" for "not one of our
 * units", or "" to decide later). Unknown units or instansi are a 422, nothing saved.
 */
export function saveInstansiDecisions(ctx: LaporContext, user: User, periodId: number, token: string, body: Record<string, unknown>): number {
  const h = heldOr404(ctx, user, periodId, token);
  const { plan } = planHeld(ctx, h);
  if (!plan) throw badInput({ _form: 'Petakan kolom wajib terlebih dahulu.' });
  const byKey = new Map(plan.instansi.map((i) => [i.key, i]));
  const units = new Set(ctx.listUnits().map((u) => u.id));
  const errors: Record<string, string> = {};
  const decisions: { key: string; name: string; unitId: number | null | 'lupakan' }[] = [];
  for (let n = 0; n < plan.instansi.length; n++) {
    const key = body[`key_${n}`];
    const raw = body[`unit_${n}`];
    if (typeof key !== 'string' || typeof raw !== 'string') continue;
    const line = byKey.get(key);
    if (!line) continue;
    if (raw === '') decisions.push({ key, name: line.name, unitId: 'lupakan' });
    else if (raw === 'luar') decisions.push({ key, name: line.name, unitId: null });
    else if (/^[1-9][0-9]{0,9}$/.test(raw) && units.has(Number(raw))) decisions.push({ key, name: line.name, unitId: Number(raw) });
    else errors[`unit_${n}`] = 'Pilih unit dari daftar.';
  }
  if (Object.keys(errors).length > 0) throw badInput(errors, 'Pencocokan instansi belum dapat disimpan.');
  ctx.db.transaction(() => {
    for (const d of decisions) {
      if (d.unitId === 'lupakan') ctx.repo.forgetDecision(d.key);
      else ctx.repo.decide(d.key, d.name, d.unitId, user.id);
    }
    ctx.audit({ userId: user.id, action: 'lapor.instansi', entity: 'lapor_instansi_unit', newValue: { keputusan: decisions.length } });
  })();
  return decisions.length;
}

export interface ApplyResult {
  importId: number;
  inserted: number;
  updated: number;
  refused: number;
  leftOut: number;
}

/** Stores the planned reports and the import's record in one transaction; audited. */
export function applyPlan(
  ctx: LaporContext,
  a: { periodId: number; fileName: string; exportDate: string; plan: LaporPlan; source: 'web' | 'cli' | 'demo'; userId: number | null },
): ApplyResult {
  const p = a.plan;
  return ctx.db.transaction((): ApplyResult => {
    const leftOut = p.leftOut + p.outsidePeriod;
    const importId = ctx.repo.insertImport({
      periodId: a.periodId, fileName: a.fileName, exportDate: a.exportDate, rowsRead: p.rowsRead, inserted: p.inserted, updated: p.updated,
      refused: p.refused.length, leftOut, source: a.source, appliedById: a.userId,
    });
    ctx.repo.upsertReports(a.periodId, importId, p.apply);
    ctx.audit({
      userId: a.userId, action: 'lapor.import', entity: 'lapor_import', entityId: importId,
      newValue: { berkas: a.fileName, tanggalEkspor: a.exportDate, baru: p.inserted, diperbarui: p.updated, ditolak: p.refused.length, dikecualikan: leftOut },
    });
    return { importId, inserted: p.inserted, updated: p.updated, refused: p.refused.length, leftOut };
  })();
}

/** Applies a held upload as previewed (409 when the plan changed since, 422 when nothing can be applied). */
export function applyImport(ctx: LaporContext, user: User, periodId: number, token: string, planHash: string): ApplyResult {
  const preview = previewImport(ctx, user, periodId, token);
  const plan = preview.plan;
  if (!plan) throw new AppError(422, 'lapor-columns-missing', 'Kolom wajib belum dipetakan; data belum dapat diterapkan.');
  if (planHash !== preview.planHash) throw new AppError(409, 'lapor-plan-changed', 'Data berubah sejak pratinjau dibuat. Periksa pratinjau yang diperbarui lalu terapkan lagi.');
  if (plan.apply.length === 0) throw new AppError(422, 'lapor-nothing', 'Tidak ada laporan yang dapat diterapkan: semua baris ditolak atau dikecualikan. Cocokkan instansi dengan unit terlebih dahulu.');
  const result = applyPlan(ctx, { periodId, fileName: preview.fileName, exportDate: preview.exportDate, plan, source: 'web', userId: user.id });
  ctx.held.release(token);
  return result;
}
