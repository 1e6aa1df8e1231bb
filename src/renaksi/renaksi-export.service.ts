import path from 'node:path';
import { workerTask } from '../shared/worker-pool';
import { GROUP_LABELS, STATUS_LABELS } from '../shared/format';
import { draftRoster, ensurePlan, kabupatenRoster, rowTargetMax, type RenaksiDeps } from './renaksi.service';
import { uncountedParts } from '../scoring';
import { planYears } from './renaksi-draft';
import { groupPlanRows } from './renaksi-layout';
import type { RenaksiRow } from './renaksi.repo';
import type { RenaksiDocument, TargetMapDoc } from './renaksi-workbook';
import { baselineText } from './renaksi-row-text';
import { cellText } from './renaksi-matrix';
import { targetMap } from './renaksi-target-map.service';
import type { RecapData } from '../exports';
import { documentPaper, documentSetting, type DocumentSettingKey } from '../shared/document-settings';
import type * as RenaksiWorkbookTask from './renaksi-workbook.task';

/** Builds the Renaksi workbook from its document in the worker pool (see BuildCache). */
export const RENAKSI_WORKBOOK_TASK = workerTask<typeof RenaksiWorkbookTask, 'buildRenaksiXlsx'>(path.join(__dirname, 'renaksi-workbook.task'), 'buildRenaksiXlsx');

const setting = (deps: RenaksiDeps, key: DocumentSettingKey) => documentSetting(deps.settings, key);

/** "R12-V3": row id and version in the workbook's hidden column. */
export function rowKey(row: { id: number; version: number }): string {
  return `R${row.id}-V${row.version}`;
}

/**
 * The Baseline cell (computed, never read back from an upload) also carries the marks the reader should see: the
 * team's priority flag, and a gap that the latest assessment closed.
 */
function baselineWithMarks(row: RenaksiRow): string {
  const base = row.counts ? baselineText(row.counts) : '';
  const marks = [row.isPriority ? 'prioritas' : '', row.gapOpen ? '' : 'kesenjangan sudah tertutup pada penilaian terbaru'].filter(Boolean);
  return marks.length ? `${base}${base ? '\n' : ''}(${marks.join('; ')})` : base;
}

/** Lampiran II as the workbook prints it: cell texts, units grouped PD then kecamatan, notes joined per unit. */
function targetMapDoc(deps: RenaksiDeps, periodId: number): TargetMapDoc {
  const map = targetMap(deps, periodId);
  const groups = (['pd', 'kecamatan'] as const).map((g) => ({
    label: g === 'pd' ? 'A. PERANGKAT DAERAH' : 'B. KECAMATAN',
    units: map.units.filter((u) => u.group === g).map((u) => ({
      name: u.name,
      cells: map.indicators.map((i) => cellText(u.cells[i.code] ?? { kind: 'na' })),
      notes: u.notes.map((n) => (n.indicatorCode ? `${n.indicatorCode}: ${n.note}` : n.note)).join('\n'),
    })),
  }));
  return { indicators: map.indicators.map((i) => ({ code: i.code, title: i.title })), groups: groups.filter((g) => g.units.length > 0) };
}

/** Gathers everything the Renaksi workbook shows for a period (stored plan rows and the verified-basis recap). */
export function renaksiDocument(deps: RenaksiDeps, periodId: number): RenaksiDocument {
  const scores = deps.scoring.computePeriodScores(periodId, 'verified');
  const plan = ensurePlan(deps, periodId);
  const rows = deps.renaksi.listRows(plan.id);
  const { instrument, aggregate } = scores;
  const indicators = instrument.aspects.flatMap((a) => a.indicators);
  const recap: RecapData = {
    periodName: scores.period.name,
    basisLabel: 'Tingkat hasil verifikasi (tingkat mandiri bila belum diverifikasi)',
    index: aggregate.index,
    category: aggregate.category,
    includedCount: aggregate.unitCount,
    unitTotal: scores.units.length,
    uncounted: uncountedParts(kabupatenRoster(draftRoster(scores))),
    aspects: instrument.aspects.map((a) => ({
      code: a.code, name: a.name, weight: a.weight, score: aggregate.aspectScores[a.code] ?? null,
      pd: aggregate.byGroup.pd.aspectScores[a.code] ?? null, kecamatan: aggregate.byGroup.kecamatan.aspectScores[a.code] ?? null,
    })),
    // A unit that has not submitted shows no scores: its draft is not part of the kabupaten figures.
    units: scores.units.map((u) => ({
      code: u.code, name: u.name, group: GROUP_LABELS[u.group], status: STATUS_LABELS[u.status],
      index: u.included ? u.score.index : null,
      category: u.included ? u.score.category : 'Belum diajukan',
      aspectScores: u.included ? u.score.aspectScores : {},
    })),
    indicators: indicators.map((ind) => ({ code: ind.code, title: ind.title, target: ind.target })),
    unitLevels: scores.units
      .filter((u) => u.included && u.score.complete)
      .map((u) => ({
        unit: u.name, group: GROUP_LABELS[u.group],
        levels: indicators.map((ind) => {
          const level = u.score.levels[ind.code];
          return typeof level === 'number' ? level : null;
        }),
      })),
  };
  return {
    regionName: setting(deps, 'renaksi.region'),
    periodName: scores.period.name,
    years: planYears(plan.startYear, plan.endYear),
    paper: documentPaper(deps.settings),
    unitTotal: scores.units.length,
    decree: { nomor: setting(deps, 'renaksi.decreeNumber'), tanggal: setting(deps, 'renaksi.decreeDate') },
    closing: {
      office: setting(deps, 'renaksi.office'),
      name: setting(deps, 'renaksi.signer'),
      place: setting(deps, 'renaksi.place'),
      date: setting(deps, 'renaksi.date'),
    },
    targetMap: targetMapDoc(deps, periodId),
    aspects: groupPlanRows(instrument.aspects, rows).map((g) => ({
      code: g.aspectCode,
      name: g.aspectName,
      rows: g.rows.map(({ row }) => ({
        ...row, baseline: baselineWithMarks(row), rowKey: rowKey(row), targetMax: rowTargetMax(row, scores.units.length),
      })),
    })),
    recap,
  };
}
