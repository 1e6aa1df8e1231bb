import path from 'node:path';
import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { AssessmentsService } from '../assessments';
import { bindDeps } from '../shared/bind-deps';
import type { User } from '../shared/identity';
import { formatDateTime } from '../shared/format';
import { buildInWorker } from '../shared/build-cache';
import { readSpreadsheet } from '../shared/spreadsheet/read-spreadsheet';
import type { SpreadsheetOptions } from '../shared/spreadsheet/sheet-limits';
import { workerTask } from '../shared/worker-pool';
import type { UploadedFile } from '../web/upload';
import { checkQuestionnaire, type ReportLine } from './questionnaire-check';
import { readQuestionnaire } from './questionnaire-read';
import { META_SHEET, QUESTIONNAIRE_SHEET } from './questionnaire-workbook';
import type * as QuestionnaireWorkbookTask from './questionnaire-workbook.task';

export interface OfflineDeps {
  db: Db;
  assessments: AssessmentsService;
  audit: AuditService;
}

/** Builds the offline questionnaire workbook in the worker pool. */
const QUESTIONNAIRE_WORKBOOK_TASK = workerTask<typeof QuestionnaireWorkbookTask, 'buildQuestionnaireXlsx'>(path.join(__dirname, 'questionnaire-workbook.task'), 'buildQuestionnaireXlsx');

/**
 * How an uploaded questionnaire is read: its two sheets, one row per indicator (a few hundred at most, with room for
 * rows a person adds by mistake) and the metadata, well under a megabyte unpacked.
 */
const QUESTIONNAIRE_READ = {
  formats: ['xlsx'], sheets: [QUESTIONNAIRE_SHEET, META_SHEET], maxDataRows: 500, maxColumns: 30, maxUnpackedBytes: 8 * 1024 * 1024,
  wrongFileMessage: 'Pilih berkas kuesioner Excel (.xlsx) yang diunduh dari aplikasi ini.',
} as const satisfies SpreadsheetOptions;

/** What an upload did, shown line by line. */
export interface UploadReport {
  fileName: string;
  fileError: string | null;
  lines: ReportLine[];
  applied: boolean;
  changedAnswers: number;
}

/** The unit's offline questionnaire workbook, prefilled with its current answers (built in the worker pool). */
export async function questionnaireWorkbook(deps: OfflineDeps, user: User, periodId: number, unitId: number): Promise<{ bytes: Buffer; fileName: string }> {
  const q = deps.assessments.getQuestionnaire(user, periodId, unitId);
  const now = new Date().toISOString();
  const bytes = await buildInWorker(QUESTIONNAIRE_WORKBOOK_TASK, {
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
  return { bytes, fileName: `kuesioner-${safeCode}-periode-${q.period.id}.xlsx` };
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
  const read = readQuestionnaire(await readSpreadsheet(file, QUESTIONNAIRE_READ));
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
