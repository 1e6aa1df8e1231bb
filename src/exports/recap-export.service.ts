import type { Repos } from '../db/repos';
import { INCLUDED_STATUSES, loadPeriod } from '../scoring/scores.service';
import { GROUP_LABELS, STATUS_LABELS } from '../shared/format';
import type { Period } from '../periods/periods.repo';
import { documentPaper, documentSetting } from '../shared/document-settings';
import type { RecapSource } from './recap-workbook';

/**
 * What the assessment recap of a period is written from: every unit of the period in the official order with its
 * status, the answer and evidence readers, and the document settings (region, paper) the Renaksi uses too.
 */
export function recapSource(repos: Repos, periodId: number, now = new Date()): RecapSource & { period: Period } {
  const { period, instrument } = loadPeriod(repos, periodId);
  const units = repos.assessments.listPeriodUnits(period.id).map((u) => ({
    assessmentId: u.assessmentId,
    code: u.unitCode,
    name: u.unitName,
    groupLabel: GROUP_LABELS[u.group],
    statusLabel: STATUS_LABELS[u.status ?? 'belum_mulai'],
    included: u.status !== null && INCLUDED_STATUSES.has(u.status),
  }));
  return {
    period,
    periodName: period.name,
    regionName: documentSetting(repos.settings, 'renaksi.region'),
    generatedAt: now,
    paper: documentPaper(repos.settings),
    instrument,
    units,
    answersOf: repos.exports.answersOf,
    evidenceOf: repos.exports.evidenceOf,
  };
}
