import { GROUP_LABELS, STATUS_LABELS } from '../shared/format';
import { tallyUnits } from '../scoring';
import type { UnitGroup } from '../units';
import { GROUP_KEYS, rosterOf, type GroupKey, type MeanCell } from './aggregates';
import { toCsv, type CsvColumn } from '../shared/csv';
import { LEVEL_LABELS } from './chart-data';
import type { DashboardModel } from './dashboard-model';

/**
 * The JSON and CSV twins of every dashboard table (README "Dasbor: JSON dan CSV"). JSON numbers keep full
 * precision; group names follow /api/periods/:periodId/scores ('perangkat daerah', 'kecamatan').
 */

export const DASHBOARD_TABLES = ['summary', 'aspects', 'heatmap', 'ranking', 'distribution', 'weakest'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

/** File names people see in their downloads folder. */
export const TABLE_FILE_NAMES: Record<DashboardTable, string> = {
  summary: 'ringkasan',
  aspects: 'skor-aspek',
  heatmap: 'peta-panas-unit-aspek',
  ranking: 'peringkat-unit',
  distribution: 'sebaran-tingkat-indikator',
  weakest: 'sepuluh-indikator-terlemah',
};

export const groupName = (g: UnitGroup) => GROUP_LABELS[g].toLowerCase();
const SCOPE_LABELS: Record<GroupKey, string> = { kabupaten: 'Kabupaten', pd: GROUP_LABELS.pd, kecamatan: GROUP_LABELS.kecamatan };

/** The weakest indicators with their rank, coordinating PD and the instrument's recommended activities. */
export function weakestRows(m: DashboardModel) {
  const indicators = m.instrument.aspects.flatMap((a) => a.indicators);
  return m.weakest.map((d, i) => {
    const ind = indicators.find((x) => x.code === d.code);
    return { rank: i + 1, ...d, tally: tallyUnits(rosterOf(m.counts), d.applicable, d.belowTarget), coordinator: ind?.coordinator ?? '', activities: ind?.activities ?? [] };
  });
}

function periodJson(m: DashboardModel) {
  return { id: m.period.id, name: m.period.name, year: m.period.year, isDemo: m.period.isDemo };
}

function cellJson(c: MeanCell) {
  return { score: c.mean, category: c.category, unitCount: c.terms.length, units: c.terms.map((t) => ({ id: t.unitId, name: t.name, value: t.value })) };
}

function groupsJson<T>(f: (g: UnitGroup) => T): Record<string, T> {
  return { [groupName('pd')]: f('pd'), [groupName('kecamatan')]: f('kecamatan') };
}

const tableJson: Record<DashboardTable, (m: DashboardModel) => Record<string, unknown>> = {
  summary: (m) => ({
    kabupaten: cellJson(m.index.kabupaten),
    groups: groupsJson((g) => cellJson(m.index[g])),
    counts: {
      total: m.counts.total,
      counted: m.counts.counted,
      submitted: m.counts.countedSubmitted,
      verified: m.counts.countedVerified,
      incompleteSubmitted: m.counts.incompleteIncluded,
      notSubmitted: m.counts.notSubmitted,
    },
  }),
  aspects: (m) => ({
    aspects: m.aspects.map((a) => ({ code: a.code, name: a.name, weight: a.weight, kabupaten: cellJson(a.means.kabupaten), groups: groupsJson((g) => cellJson(a.means[g])) })),
  }),
  heatmap: (m) => ({
    sort: m.sort,
    aspects: m.instrument.aspects.map((a) => ({ code: a.code, name: a.name, weight: a.weight })),
    units: m.heatmap.map((r) => ({
      id: r.unitId,
      code: r.code,
      name: r.name,
      group: groupName(r.group),
      status: r.status,
      index: r.index,
      category: r.category,
      aspects: Object.fromEntries(r.cells.map((c) => [c.aspectCode, { score: c.score, category: c.category }])),
    })),
  }),
  ranking: (m) => ({
    ranked: m.ranked.map((u) => ({ rank: u.rank, id: u.unitId, code: u.code, name: u.name, group: groupName(u.group), status: u.status, index: u.index, category: u.category })),
    unranked: m.unranked.map((u) => ({ id: u.unitId, code: u.code, name: u.name, group: groupName(u.group), status: u.status, completeness: u.completeness, reason: u.reason })),
  }),
  distribution: (m) => ({ unitCount: m.counts.counted, indicators: m.distributions }),
  weakest: (m) => ({ indicators: weakestRows(m) }),
};

/** The JSON of one dashboard table, with the period and the level basis it was computed on. */
export function dashboardJson(m: DashboardModel, table: DashboardTable): Record<string, unknown> {
  return { period: periodJson(m), basis: m.basis, ...tableJson[table](m) };
}

type ScopeRow = { scope: GroupKey; cell: MeanCell; total: number };

function summaryCsv(m: DashboardModel): string {
  const rows: ScopeRow[] = GROUP_KEYS.map((g) => ({ scope: g, cell: m.index[g], total: g === 'kabupaten' ? m.counts.total : m.counts.byGroup[g].total }));
  const cols: CsvColumn<ScopeRow>[] = [
    { header: 'Cakupan', kind: 'text', value: (r) => SCOPE_LABELS[r.scope] },
    { header: 'Indeks', kind: 'score', value: (r) => r.cell.mean },
    { header: 'Kategori', kind: 'text', value: (r) => r.cell.category },
    { header: 'Unit dihitung', kind: 'int', value: (r) => r.cell.terms.length },
    { header: 'Jumlah unit', kind: 'int', value: (r) => r.total },
  ];
  return toCsv(cols, rows);
}

function aspectsCsv(m: DashboardModel): string {
  const cols: CsvColumn<DashboardModel['aspects'][number]>[] = [
    { header: 'Kode aspek', kind: 'text', value: (a) => a.code },
    { header: 'Aspek', kind: 'text', value: (a) => a.name },
    { header: 'Bobot (%)', kind: 'score', value: (a) => a.weight },
    ...GROUP_KEYS.flatMap((g): CsvColumn<DashboardModel['aspects'][number]>[] => [
      { header: `Skor ${SCOPE_LABELS[g]}`, kind: 'score', value: (a) => a.means[g].mean },
      { header: `Unit dihitung ${SCOPE_LABELS[g]}`, kind: 'int', value: (a) => a.means[g].terms.length },
    ]),
  ];
  return toCsv(cols, m.aspects);
}

function heatmapCsv(m: DashboardModel): string {
  const cols: CsvColumn<DashboardModel['heatmap'][number]>[] = [
    { header: 'Kode unit', kind: 'text', value: (r) => r.code },
    { header: 'Unit', kind: 'text', value: (r) => r.name },
    { header: 'Kelompok', kind: 'text', value: (r) => GROUP_LABELS[r.group] },
    { header: 'Status', kind: 'text', value: (r) => STATUS_LABELS[r.status] },
    ...m.instrument.aspects.map((a, i): CsvColumn<DashboardModel['heatmap'][number]> => ({ header: `${a.code}. ${a.name}`, kind: 'score', value: (r) => r.cells[i]?.score ?? null })),
    { header: 'Indeks', kind: 'score', value: (r) => r.index },
    { header: 'Kategori', kind: 'text', value: (r) => r.category },
  ];
  return toCsv(cols, m.heatmap);
}

type RankRow = { rank: number | null; code: string; name: string; group: UnitGroup; status: keyof typeof STATUS_LABELS; index: number | null; category: string; completeness: number; note: string };

function rankingCsv(m: DashboardModel): string {
  const rows: RankRow[] = [
    ...m.ranked.map((u) => ({ ...u, completeness: 100, note: '' })),
    ...m.unranked.map((u) => ({ ...u, rank: null, index: null, category: '', note: u.reason === 'belum-lengkap' ? 'Belum lengkap' : 'Belum diajukan' })),
  ];
  const cols: CsvColumn<RankRow>[] = [
    { header: 'Peringkat', kind: 'int', value: (r) => r.rank },
    { header: 'Kode unit', kind: 'text', value: (r) => r.code },
    { header: 'Unit', kind: 'text', value: (r) => r.name },
    { header: 'Kelompok', kind: 'text', value: (r) => GROUP_LABELS[r.group] },
    { header: 'Status', kind: 'text', value: (r) => STATUS_LABELS[r.status] },
    { header: 'Indeks', kind: 'score', value: (r) => r.index },
    { header: 'Kategori', kind: 'text', value: (r) => r.category },
    { header: 'Kelengkapan (%)', kind: 'percent', value: (r) => r.completeness },
    { header: 'Keterangan', kind: 'text', value: (r) => r.note },
  ];
  return toCsv(cols, rows);
}

function distributionCsv(m: DashboardModel): string {
  type Row = DashboardModel['distributions'][number];
  const cols: CsvColumn<Row>[] = [
    { header: 'Kode indikator', kind: 'text', value: (d) => d.code },
    { header: 'Indikator', kind: 'text', value: (d) => d.title },
    { header: 'Aspek', kind: 'text', value: (d) => d.aspectCode },
    ...(['0', '1', '2', '3', '4', 'na'] as const).map((k): CsvColumn<Row> => ({ header: LEVEL_LABELS[k], kind: 'int', value: (d) => d.counts[k] })),
    { header: 'Unit berlaku', kind: 'int', value: (d) => d.applicable },
    { header: 'Rata-rata skor', kind: 'score', value: (d) => d.mean },
    { header: 'Target tingkat', kind: 'int', value: (d) => d.target },
    { header: 'Unit di bawah target', kind: 'int', value: (d) => d.belowTarget },
  ];
  return toCsv(cols, m.distributions);
}

function weakestCsv(m: DashboardModel): string {
  const rows = weakestRows(m);
  const cols: CsvColumn<(typeof rows)[number]>[] = [
    { header: 'Urutan', kind: 'int', value: (d) => d.rank },
    { header: 'Kode indikator', kind: 'text', value: (d) => d.code },
    { header: 'Indikator', kind: 'text', value: (d) => d.title },
    { header: 'Aspek', kind: 'text', value: (d) => d.aspectCode },
    { header: 'Rata-rata skor', kind: 'score', value: (d) => d.mean },
    { header: 'Unit berlaku', kind: 'int', value: (d) => d.applicable },
    { header: 'Unit di bawah target', kind: 'int', value: (d) => d.belowTarget },
    { header: 'Koordinator', kind: 'text', value: (d) => d.coordinator },
    { header: 'Kegiatan rekomendasi', kind: 'text', value: (d) => d.activities.map((a) => a.activity).join(' | ') },
  ];
  return toCsv(cols, rows);
}

const tableCsv: Record<DashboardTable, (m: DashboardModel) => string> = {
  summary: summaryCsv,
  aspects: aspectsCsv,
  heatmap: heatmapCsv,
  ranking: rankingCsv,
  distribution: distributionCsv,
  weakest: weakestCsv,
};

/** The CSV of one dashboard table (see csv.ts for the format). */
export function dashboardCsv(m: DashboardModel, table: DashboardTable): string {
  return tableCsv[table](m);
}
