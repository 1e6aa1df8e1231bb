import crypto from 'node:crypto';
import path from 'node:path';
import type { Db } from '../db/database';
import { AppError, badInput, notFound } from '../errors/app-error';
import type { AuditService } from '../audit';
import { bindDeps } from '../shared/bind-deps';
import type { User } from '../shared/identity';
import { firstSheet, readSpreadsheet } from '../shared/spreadsheet/read-spreadsheet';
import { validate } from '../web/validate';
import type { Unit, UnitsRepo } from './units.repo';
import type { UnitImportsRepo } from './unit-imports.repo';
import type { TemplateUnit } from './unit-template';
import { UNIT_FORM_SCHEMA, type UnitFormInput } from './units.schemas';
import { answeredYearsNote, IMPORT_MAX_LINES, planImport, planSummary, readImportLines, type ImportLine, type PlanAction, type PlanLine } from './unit-import';

export interface UnitsDeps {
  db: Db;
  units: UnitsRepo;
  unitImports: UnitImportsRepo;
  audit: AuditService;
}

function parseUnitForm(deps: UnitsDeps, raw: unknown, selfId: number | null): UnitFormInput {
  const input = validate(UNIT_FORM_SCHEMA, raw);
  const clash = deps.units.findByCode(input.code);
  if (clash && clash.id !== selfId) throw badInput({ code: `Kode "${input.code}" sudah dipakai oleh ${clash.name}.` });
  return input;
}

const snapshot = (u: Unit) => ({
  kode: u.code, nama: u.name, kelompok: u.group, singkatan: u.abbreviation, urutan: u.sortOrder, perluDikonfirmasi: u.needsConfirmation, aktif: u.active,
  jabatanKepala: u.headTitle, namaKepala: u.headName, nipKepala: u.headNip, dinilaiMulaiTahun: u.assessedFrom,
});

/** Adds a unit from the admin form at the end of the list; 422 naming each bad field (nothing written). Returns its id. */
export function createUnit(deps: UnitsDeps, user: User, raw: unknown): number {
  const input = parseUnitForm(deps, raw, null);
  return deps.db.transaction(() => {
    const id = deps.units.insert({ ...input, provisional: false });
    deps.audit.record({ userId: user.id, action: 'unit.create', entity: 'unit', entityId: id, unitId: id, newValue: { kode: input.code, nama: input.name, kelompok: input.group, singkatan: input.abbreviation, perluDikonfirmasi: input.needsConfirmation, dinilaiMulaiTahun: input.assessedFrom } });
    return id;
  })();
}

export function requireUnit(deps: UnitsDeps, unitId: number): Unit {
  const unit = deps.units.findById(unitId);
  if (!unit) throw notFound('Unit');
  return unit;
}

/**
 * Why the unit is not one of the period's units (src/db/period-units.ts), in Bahasa Indonesia with what the admin can
 * change: formed later ("Dinilai mulai tahun") or deactivated with no assessment there; null when it is one of them.
 */
export function outsidePeriodReason(deps: UnitsDeps, unit: Unit, period: { id: number; year: number }): string | null {
  if (deps.units.isInPeriod(period.id, unit.id)) return null;
  return unit.assessedFrom !== null && unit.assessedFrom > period.year
    ? `Unit ${unit.name} baru dinilai mulai tahun ${unit.assessedFrom}; periode ${period.year} tidak mencakupnya. Bila unit ini memang dinilai pada periode ${period.year}, admin dapat mengubah isian Dinilai mulai tahun di halaman Ubah unit.`
    : `Unit ${unit.name} sudah dinonaktifkan dan tidak dinilai pada periode ${period.year}. Admin dapat mengaktifkannya kembali di daftar unit.`;
}

/** Refuses (404 `unit-not-in-period`, saying why: outsidePeriodReason) a unit that is not one of the period's units. */
export function requireInPeriod(deps: UnitsDeps, unit: Unit, period: { id: number; year: number }): void {
  const why = outsidePeriodReason(deps, unit, period);
  if (why !== null) throw new AppError(404, 'unit-not-in-period', why);
}

/**
 * Edits code, name, group, abbreviation and the "perlu dikonfirmasi" mark (unticking it confirms the unit); 422 on
 * bad input or a code another unit uses. The unit keeps its place in the official order. Returns what a changed
 * "Dinilai mulai tahun" does to the periods the unit has answers in (answeredYearsNote), empty otherwise.
 */
export function updateUnit(deps: UnitsDeps, user: User, unitId: number, raw: unknown): string[] {
  const unit = requireUnit(deps, unitId);
  const input = parseUnitForm(deps, raw, unit.id);
  const next: Unit = { ...unit, ...input };
  if (JSON.stringify(snapshot(next)) === JSON.stringify(snapshot(unit))) return [];
  deps.db.transaction(() => {
    deps.units.update(next);
    deps.audit.record({ userId: user.id, action: 'unit.update', entity: 'unit', entityId: unit.id, unitId: unit.id, oldValue: snapshot(unit), newValue: snapshot(next) });
  })();
  if (next.assessedFrom === unit.assessedFrom) return [];
  return answeredYearsNote(deps.units.answeredYears().get(unit.id) ?? [], unit.assessedFrom, next.assessedFrom);
}

/** Soft (de)activation; the unit's assessments and history stay. 409 when it is already in that state. */
export function setUnitActive(deps: UnitsDeps, user: User, unitId: number, active: boolean): Unit {
  const unit = requireUnit(deps, unitId);
  if (unit.active === active) throw new AppError(409, 'unchanged', `Unit ${unit.name} sudah ${active ? 'aktif' : 'nonaktif'}.`);
  deps.db.transaction(() => {
    deps.units.setActive(unit.id, active);
    deps.audit.record({ userId: user.id, action: active ? 'unit.activate' : 'unit.deactivate', entity: 'unit', entityId: unit.id, unitId: unit.id, oldValue: snapshot(unit), newValue: { ...snapshot(unit), aktif: active } });
  })();
  return unit;
}

/** Reads an uploaded .xlsx (first sheet) or .csv into import lines; a file-level problem is a 422 on `file`. */
export async function readImportFile(fileName: string, data: Buffer): Promise<ImportLine[]> {
  const sheet = firstSheet(await readSpreadsheet({ originalName: fileName, data }, { formats: ['xlsx', 'csv'], maxDataRows: IMPORT_MAX_LINES }));
  const read = readImportLines(sheet.rows);
  if ('error' in read) throw badInput({ file: read.error });
  return read.lines;
}

/** Parses the upload and keeps it server-side under a random token until the admin confirms it. */
export async function stageImport(deps: UnitsDeps, user: User, fileName: string, data: Buffer): Promise<string> {
  const lines = await readImportFile(fileName, data);
  const token = crypto.randomBytes(18).toString('base64url');
  deps.unitImports.stage({ token, createdBy: user.id, fileName: path.basename(fileName), lines });
  return token;
}

export interface ImportPreview {
  token: string;
  fileName: string;
  plan: PlanLine[];
  summary: Record<PlanAction, number>;
  valid: boolean;
  /** Provisional units that the file does not list (the admin may deactivate them on apply). */
  provisionalMissing: Unit[];
  /** Fingerprint of the plan shown, so applying refuses a plan that changed since the preview. */
  planHash: string;
  appliedAt: string | null;
}

function loadPending(deps: UnitsDeps, user: User, token: string) {
  const pending = deps.unitImports.findOwn(token, user.id);
  if (!pending) throw notFound('Pratinjau impor');
  return pending;
}

/** The line-by-line report of what applying the staged file would change, computed against the units now. */
export function previewImport(deps: UnitsDeps, user: User, token: string): ImportPreview {
  const pending = loadPending(deps, user, token);
  const units = deps.units.listAll();
  const plan = planImport(pending.lines, units, deps.units.answeredYears());
  const inFile = new Set(pending.lines.map((l) => l.code));
  return {
    token,
    fileName: pending.fileName,
    plan,
    summary: planSummary(plan),
    valid: plan.every((p) => p.action !== 'ditolak'),
    provisionalMissing: units.filter((u) => u.provisional && u.active && !inFile.has(u.code)),
    planHash: crypto.createHash('sha256').update(JSON.stringify(plan.map((p) => [p.code, p.action, p.details]))).digest('hex'),
    appliedAt: pending.appliedAt,
  };
}

/** Writes one planned line (new unit, or the changes of an existing one) with its audit entry. */
function applyLine(deps: UnitsDeps, user: User, p: PlanLine, old: Unit | undefined, fileName: string): void {
  const group = p.group as NonNullable<typeof p.group>;
  if (p.action === 'baru') {
    const id = deps.units.insert({ code: p.code, name: p.name, group, abbreviation: p.abbreviation ?? '', needsConfirmation: p.needsConfirmation ?? false, sortOrder: p.order ?? undefined, provisional: false, assessedFrom: p.assessedFromAfter });
    deps.audit.record({ userId: user.id, action: 'unit.import', entity: 'unit', entityId: id, unitId: id, newValue: { ...snapshot(deps.units.findById(id) as Unit), berkas: fileName } });
    return;
  }
  if (p.action !== 'diubah' || !old) return;
  const next: Unit = {
    ...old, name: p.name, group, abbreviation: p.abbreviation ?? old.abbreviation, sortOrder: p.order ?? old.sortOrder,
    needsConfirmation: p.needsConfirmation ?? old.needsConfirmation, active: true, provisional: false,
    assessedFrom: p.assessedFromAfter,
  };
  deps.units.update(next);
  if (!old.active) deps.units.setActive(old.id, true);
  if (old.provisional) deps.units.setProvisional(old.id, false);
  deps.audit.record({ userId: user.id, action: 'unit.import', entity: 'unit', entityId: old.id, unitId: old.id, oldValue: { ...snapshot(old), sementara: old.provisional }, newValue: { ...snapshot(next), sementara: false, berkas: fileName } });
}

/**
 * Applies a staged import in one transaction: new units, changed names, groups, abbreviations, order and
 * "perlu dikonfirmasi" marks, reactivations; every unit in the file becomes part of the official list (not
 * provisional). Units are matched by code, none is deleted, and a unit's assessments stay with it. Nothing is
 * applied when a line is refused, the plan changed since the preview, or it was applied already.
 */
export function applyImport(deps: UnitsDeps, user: User, token: string, opts: { planHash: string; deactivateMissing: boolean }): Record<PlanAction, number> {
  const preview = previewImport(deps, user, token);
  if (!preview.valid) throw new AppError(422, 'import-invalid', `Impor tidak diterapkan: ${preview.summary.ditolak} baris ditolak. Perbaiki berkas lalu unggah ulang.`);
  if (opts.planHash !== preview.planHash) throw new AppError(409, 'import-stale', 'Daftar unit berubah sejak pratinjau dibuat. Periksa pratinjau yang diperbarui lalu terapkan lagi.');
  deps.db.transaction(() => {
    if (!deps.unitImports.markApplied(token)) throw new AppError(409, 'import-applied', 'Impor ini sudah diterapkan.');
    const units = new Map(deps.units.listAll().map((u) => [u.id, u]));
    for (const p of preview.plan) applyLine(deps, user, p, p.unitId === null ? undefined : units.get(p.unitId), preview.fileName);
    if (opts.deactivateMissing) {
      for (const u of preview.provisionalMissing) {
        deps.units.setActive(u.id, false);
        deps.audit.record({ userId: user.id, action: 'unit.deactivate', entity: 'unit', entityId: u.id, unitId: u.id, oldValue: snapshot(u), newValue: { ...snapshot(u), aktif: false, alasan: `tidak ada di daftar resmi ${preview.fileName}` } });
      }
    }
  })();
  return preview.summary;
}

/** True while any active unit is still from the provisional seed list ("daftar sementara" note). */
export function hasProvisionalUnits(deps: UnitsDeps): boolean {
  return deps.units.listActive().some((u) => u.provisional);
}

/**
 * First start: stores the shipped list (templates/units-*.json) in its official order when there are no units yet;
 * returns how many were added.
 */
function addSeedUnits(deps: UnitsDeps, units: TemplateUnit[]): number {
  if (deps.units.listAll().length > 0) return 0;
  deps.db.transaction(() => units.forEach((u, i) => deps.units.insert({ ...u, sortOrder: i + 1 })))();
  return units.length;
}

/** Every unit, active or not, in the official order. */
function listUnits(deps: UnitsDeps): Unit[] {
  return deps.units.listAll();
}

/**
 * The units service: what the unit pages and the other modules call. Reads that need no rule are the repository's
 * own (findById, findByCode, listActive).
 */
export function createUnitsService(deps: UnitsDeps) {
  const { findById, findByCode, listActive, idsInPeriod, isInPeriod } = deps.units;
  return {
    findById, findByCode, listActive, idsInPeriod, isInPeriod,
    ...bindDeps(deps, { listUnits, addSeedUnits, createUnit, requireUnit, outsidePeriodReason, requireInPeriod, updateUnit, setUnitActive, stageImport, previewImport, applyImport, hasProvisionalUnits }),
  };
}
export type UnitsService = ReturnType<typeof createUnitsService>;
