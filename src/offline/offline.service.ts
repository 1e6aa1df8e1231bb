import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { Db } from '../db/database';
import { badInput } from '../errors/app-error';
import type { AuditService } from '../audit';
import type { AssessmentsService } from '../assessments';
import { bindDeps } from '../shared/bind-deps';
import type { User } from '../shared/identity';
import { formatDateTime } from '../shared/format';
import { loadWorkbook, looksLikeZip } from '../shared/sheet-cells';
import type { UploadedFile } from '../web/upload';
import { checkQuestionnaire, type ReportLine } from './questionnaire-check';
import { readQuestionnaire } from './questionnaire-read';
import { buildQuestionnaireWorkbook } from './questionnaire-workbook';

export interface OfflineDeps {
  db: Db;
  assessments: AssessmentsService;
  audit: AuditService;
}

/** What an upload did, shown line by line. */
export interface UploadReport {
  fileName: string;
  fileError: string | null;
  lines: ReportLine[];
  applied: boolean;
  changedAnswers: number;
}

/** The unit's offline questionnaire workbook, prefilled with its current answers. */
export async function questionnaireWorkbook(deps: OfflineDeps, user: User, periodId: number, unitId: number): Promise<{ wb: ExcelJS.Workbook; fileName: string }> {
  const q = deps.assessments.getQuestionnaire(user, periodId, unitId);
  const now = new Date().toISOString();
  const wb = await buildQuestionnaireWorkbook({
    periodId: q.period.id,
    periodName: q.period.name,
    unitId: q.unit.id,
    unitCode: q.unit.code,
    unitName: q.unit.name,
    instrument: q.instrument,
    answers: q.answers,
    evidence: Object.fromEntries(Object.entries(q.evidence).map(([code, list]) => [code, list.map((e) => e.url ?? e.fileName ?? '')])),
    generatedAt: now,
    generatedLabel: formatDateTime(now),
  });
  deps.audit.record({ userId: user.id, action: 'questionnaire.download', entity: 'assessment', entityId: q.assessment?.id ?? null, unitId });
  const safeCode = q.unit.code.replace(/[^A-Za-z0-9._-]/g, '_');
  return { wb, fileName: `kuesioner-${safeCode}-periode-${q.period.id}.xlsx` };
}

/**
 * Checks an uploaded questionnaire and, only when every line is acceptable, saves the changed answers and new
 * links through the questionnaire's own save (same rules, same audit), all in one transaction. A file for another
 * unit or period, a locked assessment, or any refused line leaves the database untouched.
 */
export async function importQuestionnaire(deps: OfflineDeps, user: User, periodId: number, unitId: number, file: UploadedFile): Promise<UploadReport> {
  const q = deps.assessments.getQuestionnaire(user, periodId, unitId);
  const fileName = path.basename(file.originalName);
  const report = (fileError: string | null, lines: ReportLine[] = []): UploadReport => ({ fileName, fileError, lines, applied: false, changedAnswers: 0 });
  if (path.extname(fileName).toLowerCase() !== '.xlsx' || !looksLikeZip(file.data)) {
    throw badInput({ file: 'Pilih berkas kuesioner Excel (.xlsx) yang diunduh dari aplikasi ini.' });
  }
  const wb = await loadWorkbook(file.data);
  if (!wb) throw badInput({ file: 'Berkas tidak dapat dibaca sebagai lembar kerja Excel (.xlsx).' });
  const read = readQuestionnaire(wb);
  if ('error' in read) return report(read.error);
  const links = Object.fromEntries(Object.entries(q.evidence).map(([code, list]) => [code, list.flatMap((e) => (e.url ? [e.url] : []))]));
  const checked = checkQuestionnaire({
    meta: read.meta, lines: read.lines, period: q.period, unit: q.unit, instrument: q.instrument,
    status: q.assessment?.status ?? null, answers: q.answers, links,
  });
  if (!checked.valid) return report(checked.fileError, checked.lines);
  const changedAnswers = deps.db.transaction(() => {
    if (checked.inputs.length === 0) return 0;
    const changed = deps.assessments.saveAnswers(user, periodId, unitId, checked.inputs);
    deps.audit.record({
      userId: user.id, action: 'questionnaire.import', entity: 'assessment', entityId: deps.assessments.find(periodId, unitId)?.id ?? null, unitId,
      newValue: { berkas: fileName, diambil: checked.lines.filter((l) => l.status === 'diambil').length, tautan: checked.inputs.filter((x) => x.link !== '').length },
    });
    return changed;
  })();
  return { fileName, fileError: null, lines: checked.lines, applied: true, changedAnswers };
}

/** The offline questionnaire's service: the workbook to fill and the upload that brings it back. */
export function createOfflineService(deps: OfflineDeps) {
  return { getQuestionnaire: deps.assessments.getQuestionnaire, ...bindDeps(deps, { questionnaireWorkbook, importQuestionnaire }) };
}
export type OfflineService = ReturnType<typeof createOfflineService>;
