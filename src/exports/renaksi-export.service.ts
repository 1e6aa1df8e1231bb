import type { Repos } from '../db/repos';
import { formatDate, GROUP_LABELS, STATUS_LABELS } from '../shared/format';
import { computePeriodScores } from '../scoring/scores.service';
import { ensurePlan } from '../renaksi/renaksi.service';
import { gapOf, planYears } from '../renaksi/renaksi-draft';
import type { RenaksiDocument } from './renaksi-workbook';
import type { RecapData } from './recap-sheets';

export const SIGNATURE_DEFAULTS = {
  'renaksi.region': 'Kabupaten Kutai Timur',
  'renaksi.place': 'Sangatta',
  'renaksi.office': 'BUPATI KUTAI TIMUR',
  'renaksi.signer': 'H. ARDIANSYAH SULAIMAN',
  'renaksi.nip': '',
  'renaksi.paper': 'folio',
} as const;

function setting(repos: Repos, key: keyof typeof SIGNATURE_DEFAULTS): string {
  return repos.settings.get(key) ?? SIGNATURE_DEFAULTS[key];
}

/** Gathers everything the Renaksi workbook shows for a period (stored plan rows and the verified-basis recap). */
export function renaksiDocument(repos: Repos, periodId: number, now = new Date()): RenaksiDocument {
  const scores = computePeriodScores(repos, periodId, 'verified');
  const plan = ensurePlan(repos, periodId);
  const rows = repos.renaksi.listRows(plan.id);
  const { instrument, aggregate } = scores;
  const indicatorTitle = new Map(instrument.aspects.flatMap((a) => a.indicators).map((i) => [i.code, i.title]));
  const recap: RecapData = {
    periodName: scores.period.name,
    basisLabel: 'Level hasil verifikasi (level mandiri bila belum diverifikasi)',
    index: aggregate.index,
    category: aggregate.category,
    includedCount: aggregate.unitCount,
    aspects: instrument.aspects.map((a) => ({
      code: a.code, name: a.name, weight: a.weight, score: aggregate.aspectScores[a.code] ?? null,
      pd: aggregate.byGroup.pd.aspectScores[a.code] ?? null, kecamatan: aggregate.byGroup.kecamatan.aspectScores[a.code] ?? null,
    })),
    units: scores.units.map((u) => ({
      code: u.code, name: u.name, group: GROUP_LABELS[u.group], status: STATUS_LABELS[u.status],
      index: u.score.index, category: u.score.category, aspectScores: u.score.aspectScores,
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
    regionName: setting(repos, 'renaksi.region'),
    periodName: scores.period.name,
    years: planYears(plan.startYear, plan.endYear),
    paper: setting(repos, 'renaksi.paper') === 'a4' ? 'a4' : 'folio',
    signature: {
      place: setting(repos, 'renaksi.place'),
      date: formatDate(now.toISOString()),
      office: setting(repos, 'renaksi.office'),
      name: setting(repos, 'renaksi.signer'),
      nip: setting(repos, 'renaksi.nip'),
    },
    aspects: instrument.aspects.map((a) => ({
      code: a.code,
      name: a.name,
      rows: rows
        .filter((r) => r.aspectCode === a.code)
        .map((r) => ({
          ...r,
          aspect: r.indicatorCode ? `${r.indicatorCode} – ${indicatorTitle.get(r.indicatorCode) ?? ''}` : a.name,
          realization: r.gapOpen ? r.realization : [r.realization, 'Kesenjangan sudah tertutup pada penilaian terbaru'].filter(Boolean).join('; '),
        })),
    })),
    recap,
  };
}
