import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors/app-error';
import { formatInt } from '../shared/format';
import { FIELD_LABELS, headerKey, LAPOR_FIELDS, type LaporField } from './lapor-columns';
import { applyPlan, exportDateOf, planHeld, readExport, todayWita } from './lapor-import.service';
import { refusalText } from './lapor-rows';
import type { LaporPlan } from './lapor-plan';
import type { LaporContext } from './lapor-context';

/**
 * `npm run cli -- lapor:import --period ID --file F [--mapping M.json] [--export-date YYYY-MM-DD] [--apply]`: the same
 * import as the web page for a scheduled job. It applies only the instansi matches that are exact or confirmed earlier
 * on the web page, lists the rest as left out, and never remembers a mapping. Prints the preview; applies with --apply.
 */

export interface LaporCliFlags {
  period?: string;
  file?: string;
  mapping?: string;
  'export-date'?: string;
  apply?: string;
}

const SHOWN = 20;

/** M.json: { "<field or its label>": "<header in the file>" }, e.g. { "ID Tracking": "No. Tiket", "status": "Status Akhir" }. */
export function parseMappingJson(text: string): Partial<Record<LaporField, string>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError(422, 'lapor-mapping', 'Berkas pemetaan bukan JSON yang sah.');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new AppError(422, 'lapor-mapping', 'Berkas pemetaan harus berupa objek JSON {"kolom": "judul kolom di berkas"}.');
  const byName = new Map<string, LaporField>(LAPOR_FIELDS.flatMap((f) => [[headerKey(f), f], [headerKey(FIELD_LABELS[f]), f]] as [string, LaporField][]));
  const out: Partial<Record<LaporField, string>> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = byName.get(headerKey(key));
    if (!field) throw new AppError(422, 'lapor-mapping', `Kolom "${key}" pada berkas pemetaan tidak dikenal; pakai salah satu: ${LAPOR_FIELDS.map((f) => FIELD_LABELS[f]).join(', ')}.`);
    if (typeof value !== 'string' || value.trim() === '') throw new AppError(422, 'lapor-mapping', `Isi "${key}" dengan judul kolom di berkas ekspor.`);
    out[field] = value;
  }
  return out;
}

function previewLines(plan: LaporPlan, unitNames: Map<number, string>): string[] {
  const lines = [
    `Baris dibaca: ${formatInt(plan.rowsRead)}`,
    `Ditolak: ${formatInt(plan.refused.length)}`,
    ...plan.refused.slice(0, SHOWN).map((r) => `  ${refusalText(r)}`),
    ...(plan.refused.length > SHOWN ? [`  … dan ${formatInt(plan.refused.length - SHOWN)} baris lainnya`] : []),
    `Di luar tahun periode (dikecualikan): ${formatInt(plan.outsidePeriod)}`,
    `Instansi lain atau belum dicocokkan (dikecualikan): ${formatInt(plan.leftOut)}`,
    ...plan.instansi.filter((i) => i.match.unitId === null).map((i) => {
      const hint = i.match.kind === 'saran' && i.match.suggestedUnitId !== null ? ` (saran: ${unitNames.get(i.match.suggestedUnitId)}; konfirmasi di halaman web)` : i.match.kind === 'dikecualikan' ? ' (bukan unit kabupaten)' : i.match.kind === 'pemerintah-lain' ? ' (instansi pemerintah lain)' : '';
      return `  ${i.name}: ${formatInt(i.rows)} baris${hint}`;
    }),
    `ID ganda dalam berkas (baris terakhir dipakai): ${formatInt(plan.duplicates.length)}`,
    'Per unit (baru / diperbarui):',
    ...plan.units.map((u) => `  ${u.code}\t${u.name}: ${formatInt(u.inserted)} / ${formatInt(u.updated)}`),
    `Akan disimpan: ${formatInt(plan.inserted)} laporan baru, ${formatInt(plan.updated)} diperbarui.`,
  ];
  return lines;
}

/** A file the command line names, or a 422 that says which flag names a file that cannot be read. */
function readNamedFile(file: string, flag: 'file' | 'mapping'): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw new AppError(422, 'lapor-cli', `Berkas --${flag} tidak dapat dibaca: ${file} (periksa nama dan foldernya).`);
  }
}

export async function runLaporImportCli(ctx: LaporContext, flags: LaporCliFlags, print: (line: string) => void): Promise<number> {
  const periodId = Number(flags.period);
  if (!flags.period || !Number.isSafeInteger(periodId) || periodId < 1) throw new AppError(422, 'lapor-cli', 'Sebutkan periode: --period ID (lihat GET /api/periods).');
  if (!flags.file) throw new AppError(422, 'lapor-cli', 'Sebutkan berkas ekspor: --file <berkas .xlsx atau .csv>.');
  const { period } = ctx.loadPeriod(periodId);
  const exportDate = exportDateOf(ctx, periodId, flags['export-date'] ?? todayWita());
  const mapped = flags.mapping ? parseMappingJson(readNamedFile(flags.mapping, 'mapping').toString('utf8')) : {};
  const fileName = path.basename(flags.file);
  const read = await readExport(ctx, { originalName: fileName, data: readNamedFile(flags.file, 'file') });
  const { columns, plan } = planHeld(ctx, { ...read, exportDate, periodId }, mapped);
  print(`Periode: ${period.name} · berkas: ${fileName} · tanggal ekspor: ${exportDate}`);
  for (const f of LAPOR_FIELDS) {
    const c = columns.columns[f];
    if (c !== undefined) print(`  ${FIELD_LABELS[f]} ← "${read.header[c]}" (${columns.source[f]})`);
  }
  if (read.dropped.length > 0) print(`Kolom data pribadi diabaikan (tidak disimpan): ${read.dropped.join(', ')}`);
  if (!plan) {
    print(`Kolom wajib tidak ditemukan: ${columns.missing.map((f) => FIELD_LABELS[f]).join(', ')}. Petakan dengan --mapping M.json, mis. {"${FIELD_LABELS[columns.missing[0] as LaporField]}": "judul kolom di berkas"}.`);
    return 1;
  }
  const unitNames = new Map(ctx.listUnits().map((u) => [u.id, u.name]));
  for (const line of previewLines(plan, unitNames)) print(line);
  if (flags.apply !== 'true') {
    print('Pratinjau saja; tambahkan --apply untuk menyimpan.');
    return 0;
  }
  if (plan.apply.length === 0) {
    print('Tidak ada laporan yang dapat disimpan.');
    return 1;
  }
  const r = applyPlan(ctx, { periodId, fileName, exportDate, plan, source: 'cli', userId: null });
  print(`Diterapkan (impor #${r.importId}): ${formatInt(r.inserted)} laporan baru, ${formatInt(r.updated)} diperbarui.`);
  return 0;
}
