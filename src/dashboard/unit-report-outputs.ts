import { toCsv, type CsvColumn } from '../shared/csv';
import type { IndicatorGap, RadarRow } from './aggregates';
import { groupName } from './dashboard-outputs';
import { radarChart, type ChartModel } from './chart-data';
import type { UnitReport } from './unit-report';

/** JSON of a unit's scores: the unit, its aspects beside the kabupaten and every indicator's gap (full precision). */
export function unitReportJson(r: UnitReport): Record<string, unknown> {
  const u = r.unit;
  return {
    period: { id: r.period.id, name: r.period.name, year: r.period.year, isDemo: r.period.isDemo },
    basis: r.basis,
    unit: {
      id: u.unitId,
      code: u.code,
      name: u.name,
      group: groupName(u.group),
      status: u.status,
      counted: r.counted,
      completeness: u.score.completeness,
      index: u.score.index,
      category: u.score.category,
    },
    kabupaten: { index: r.kabupaten.mean, category: r.kabupaten.category, unitCount: r.kabupaten.terms.length },
    aspects: r.radar,
    indicators: r.gaps.map((g) => ({ code: g.code, title: g.title, aspectCode: g.aspectCode, level: g.level, target: g.target, gap: g.gap })),
  };
}

const levelText = (l: IndicatorGap['level']) => (l === 'na' ? 'tidak berlaku' : l === null ? 'belum dijawab' : l);

export function unitAspectsCsv(r: UnitReport): string {
  const cols: CsvColumn<RadarRow>[] = [
    { header: 'Kode aspek', kind: 'text', value: (a) => a.code },
    { header: 'Aspek', kind: 'text', value: (a) => a.name },
    { header: 'Bobot (%)', kind: 'score', value: (a) => a.weight },
    { header: `Skor ${r.unit.name}`, kind: 'score', value: (a) => a.unit },
    { header: 'Rata-rata kabupaten', kind: 'score', value: (a) => a.kabupaten },
    { header: 'Selisih', kind: 'score', value: (a) => a.difference },
  ];
  return toCsv(cols, r.radar);
}

export function unitGapsCsv(r: UnitReport): string {
  const cols: CsvColumn<IndicatorGap>[] = [
    { header: 'Kode indikator', kind: 'text', value: (g) => g.code },
    { header: 'Indikator', kind: 'text', value: (g) => g.title },
    { header: 'Aspek', kind: 'text', value: (g) => g.aspectCode },
    { header: 'Tingkat', kind: 'int', value: (g) => levelText(g.level) },
    { header: 'Target', kind: 'int', value: (g) => g.target },
    { header: 'Kesenjangan', kind: 'int', value: (g) => g.gap },
    { header: 'Kegiatan rekomendasi', kind: 'text', value: (g) => (g.gap ? g.activities.map((a) => a.activity).join(' | ') : '') },
  ];
  return toCsv(cols, r.gaps);
}

/** File name stem for a unit's downloads, e.g. "skor-kec-telen-2022-verifikasi". */
export function unitFileStem(r: UnitReport, what: string): string {
  return `${what}-${r.unit.code.toLowerCase()}-${r.period.year}-${r.basis === 'self' ? 'mandiri' : 'verifikasi'}`;
}

export function unitRadarChart(r: UnitReport): ChartModel {
  return radarChart(r.radar, r.unit.name);
}

