import { AppError, notFound } from '../errors/app-error';
import type { CheckedFile, StoredFile } from '../evidence';
import type { User } from '../shared/identity';
import { storedRealisasi } from './monitoring-calc';
import type { MonevEvidence } from './monitoring.repo';
import type { EvidenceOwnerRef, MonitoringWrites } from './monitoring-writes.repo';
import type { ReviewForm, RowReportForm } from './monitoring.schemas';
import { assertEditable, assertMonitored, assertNotOwnReport, assertWindowOpen, submitsOnSave, requireRowReporter, rowContext, staleReport } from './monitoring-access';
import type { MonitoringDeps } from './monitoring.service';

/** A write of the monev needs the writes repository too. */
export interface MonitoringWriteDeps extends MonitoringDeps {
  writes: MonitoringWrites;
}

interface EvidenceChanges {
  /** Links to add, each with the indicator it is for (null on a row report). */
  links: { indicatorCode: string | null; url: string }[];
  files: CheckedFile[];
  deleteIds: number[];
}

/** Adds the links and the already written files to a report and soft-deletes the ticked evidence; audited. */
export function applyEvidence(
  deps: MonitoringWriteDeps, user: User, owner: { rowReportId?: number; unitReportId?: number; unitId: number | null },
  changes: { links: EvidenceChanges['links']; files: (StoredFile & { indicatorCode: string | null })[]; deleteIds: number[] }, own: MonevEvidence[],
): void {
  const ref = (indicatorCode: string | null): EvidenceOwnerRef => ({ rowReportId: owner.rowReportId, unitReportId: owner.unitReportId, indicatorCode });
  const audit = (action: 'evidence.add' | 'evidence.delete', id: number, value: Record<string, unknown>) => deps.audit.record({
    userId: user.id, action, entity: 'monev_evidence', entityId: id, unitId: owner.unitId ?? undefined,
    ...(action === 'evidence.add' ? { newValue: value } : { oldValue: value }),
  });
  for (const l of changes.links) audit('evidence.add', deps.writes.insertLink(ref(l.indicatorCode), l.url, user.id), { indikator: l.indicatorCode, tautan: l.url });
  for (const f of changes.files) {
    const id = deps.writes.insertFile(ref(f.indicatorCode), { fileName: f.fileName, size: f.size, sha256: f.sha256, mimeType: f.mimeType }, user.id);
    audit('evidence.add', id, { indikator: f.indicatorCode, berkas: f.fileName, ukuran: f.size, sha256: f.sha256 });
  }
  const mine = new Map(own.map((e) => [e.id, e]));
  for (const id of changes.deleteIds) {
    const e = mine.get(id);
    if (!e) throw notFound('Bukti dukung');
    deps.writes.softDeleteEvidence(id);
    audit('evidence.delete', id, e.kind === 'file' ? { indikator: e.indicatorCode, berkas: e.fileName, sha256: e.sha256 } : { indikator: e.indicatorCode, tautan: e.url });
  }
}

/** The evidence (not deleted) of one row report or unit report. */
export function reportEvidence(deps: MonitoringDeps, owner: { rowReportId?: number; unitReportId?: number }): MonevEvidence[] {
  return deps.monitoring.listReportEvidence(owner);
}

/**
 * Saves the realisasi of a Lampiran I row for one semester (and submits it with action 'ajukan'), with its evidence,
 * all or nothing. Refused, with nothing changed: a plan that is not final (409), a semester outside the plan years
 * (422), a row the user does not report (403), a closed window unless admin (409), a submitted or accepted report
 * for a narahubung (409), a report changed since the form was opened (409). Files are written to the store first.
 * When the year's target lists several outputs the realisasi is stored per output (storedRealisasi). A correction of
 * an accepted report submits it again (submitsOnSave).
 * Returns the report's id and review state.
 */
export async function saveRowReport(
  deps: MonitoringWriteDeps, user: User, periodId: number, rowId: number, key: string, form: RowReportForm, files: CheckedFile[], deleteIds: number[],
): Promise<{ id: number; reviewState: string }> {
  const { p, semester, row } = rowContext(deps, periodId, rowId, key);
  assertMonitored(p);
  requireRowReporter(user, row);
  assertWindowOpen(user, semester);
  const stored = await deps.evidence.writeEvidenceFiles(files);
  return deps.db.transaction(() => {
    const old = deps.monitoring.findRowReport(rowId, semester.year, semester.semester);
    assertEditable(user, old?.reviewState ?? null);
    if ((old?.version ?? 0) !== form.version) throw staleReport();
    const outputs = row.semesters.find((c) => c.key === semester.key)?.outputs.length ?? 0;
    const values = { status: form.status, ...storedRealisasi(outputs, form), kendala: form.kendala, tindakLanjut: form.tindakLanjut };
    const id = old ? old.id : deps.writes.insertRowReport(rowId, semester.year, semester.semester, values, user.id);
    if (old && !deps.writes.updateRowReport(old.id, old.version, values, user.id)) throw staleReport();
    const unitId = row.coordinator?.unitId ?? null;
    applyEvidence(deps, user, { rowReportId: id, unitId }, {
      links: form.link ? [{ indicatorCode: null, url: form.link }] : [], files: stored.map((f) => ({ ...f, indicatorCode: null })), deleteIds,
    }, old ? reportEvidence(deps, { rowReportId: id }) : []);
    const submit = submitsOnSave(form.action, old?.reviewState ?? null);
    if (submit) deps.writes.submit('row', id);
    deps.audit.record({
      userId: user.id, action: submit ? 'monev.row.submit' : 'monev.row.save', entity: 'monev_row_report', entityId: id, unitId: unitId ?? undefined,
      oldValue: old ? { status: old.status, realisasi: old.realisasi, outputRealisasi: old.outputRealisasi, kendala: old.kendala, tindakLanjut: old.tindakLanjut } : null,
      newValue: { baris: row.no, semester: semester.label, ...values },
    });
    return { id, reviewState: submit ? 'diajukan' : old?.reviewState ?? 'draf' };
  })();
}

/**
 * The verifikator accepts or returns a submitted row report with a comment (required to return). 409 when the plan
 * is not final, when the report is not waiting for review, or when it changed since the page was opened; 403 when
 * the reviewer filled it themselves (assertNotOwnReport).
 */
export function reviewRowReport(deps: MonitoringWriteDeps, user: User, periodId: number, rowId: number, key: string, form: ReviewForm): void {
  const { p, semester, row } = rowContext(deps, periodId, rowId, key);
  assertMonitored(p);
  deps.db.transaction(() => {
    const report = deps.monitoring.findRowReport(rowId, semester.year, semester.semester);
    if (!report || report.reviewState !== 'diajukan') throw new AppError(409, 'report-not-submitted', 'Laporan ini belum diajukan (atau sudah diperiksa); belum dapat diperiksa. Tidak ada yang disimpan.');
    assertNotOwnReport(user, report);
    const state = form.decision === 'terima' ? 'diterima' : 'dikembalikan';
    if (report.version !== form.version || !deps.writes.review('row', report.id, form.version, state, form.comment, user.id)) throw staleReport();
    deps.audit.record({
      userId: user.id, action: 'monev.row.review', entity: 'monev_row_report', entityId: report.id, unitId: row.coordinator?.unitId,
      oldValue: { status: report.reviewState }, newValue: { baris: row.no, semester: semester.label, status: state, komentar: form.comment },
    });
  })();
}
