import path from 'node:path';
import { workerTask } from '../shared/worker-pool';
import { formatDate, GROUP_LABELS, STATUS_LABELS } from '../shared/format';
import { draftRoster, ensurePlan, kabupatenRoster, rowTargetMax, type RenaksiDeps } from './renaksi.service';
import { gapOf, uncountedParts } from '../scoring';
import { planYears } from './renaksi-draft';
import { groupPlanRows } from './renaksi-layout';
import type { RenaksiRow } from './renaksi.repo';
import type { RenaksiDocument } from './renaksi-workbook';
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

/** The Aspek cell: the indicator it answers, and the team's marks the reader should see. */
function aspectText(row: RenaksiRow, aspectName: string, indicatorTitle: Map<string, string>): string {
  const base = row.indicatorCode ? `${row.indicatorCode} – ${indicatorTitle.get(row.indicatorCode) ?? ''}` : aspectName;
  const marks = [row.isPriority ? 'prioritas' : '', row.gapOpen ? '' : 'kesenjangan sudah tertutup pada penilaian terbaru'].filter(Boolean);
  return marks.length ? `${base}\n(${marks.join('; ')})` : base;
}

/** Gathers everything the Renaksi workbook shows for a period (stored plan rows and the verified-basis recap). */
export function renaksiDocument(deps: RenaksiDeps, periodId: number, now = new Date()): RenaksiDocument {
  const scores = deps.scoring.computePeriodScores(periodId, 'verified');
  const plan = ensurePlan(deps, periodId);
  const rows = deps.renaksi.listRows(plan.id);
  const { instrument, aggregate } = scores;
  const indicatorTitle = new Map(instrument.aspects.flatMap((a) => a.indicators).map((i) => [i.code, i.title]));
  const recap: RecapData = {
    periodName: scores.period.name,
    basisLabel: 'Level hasil verifikasi (level mandiri bila belum diverifikasi)',
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
    gaps: scores.units
      .filter((u) => u.included && u.score.complete)
      .flatMap((u) =>
        instrument.aspects.flatMap((a) => a.indicators).flatMap((ind) => {
          const level = u.score.levels[ind.code];
          if (typeof level !== 'number' || level >= ind.target) return [];
          return [{ unit: u.name, group: GROUP_LABELS[u.group], indicator: ind.code, title: ind.title, level, target: ind.target, gap: gapOf(level, ind.target) }];
        }),
      ),
  };
  return {
    regionName: setting(deps, 'renaksi.region'),
    periodName: scores.period.name,
    years: planYears(plan.startYear, plan.endYear),
    paper: documentPaper(deps.settings),
    unitTotal: scores.units.length,
    signature: {
      place: setting(deps, 'renaksi.place'),
      date: setting(deps, 'renaksi.date') || formatDate(now.toISOString()),
      office: setting(deps, 'renaksi.office'),
      name: setting(deps, 'renaksi.signer'),
      nip: setting(deps, 'renaksi.nip'),
    },
    aspects: groupPlanRows(instrument.aspects, rows).map((g) => ({
      code: g.aspectCode,
      name: g.aspectName,
      rows: g.rows.map(({ row }) => ({
        ...row, aspect: aspectText(row, g.aspectName, indicatorTitle), rowKey: rowKey(row), targetMax: rowTargetMax(row, scores.units.length), realization: '',
      })),
    })),
    recap,
  };
}
