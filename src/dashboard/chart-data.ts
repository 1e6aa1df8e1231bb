import type { PeriodScores } from '../scoring/scores.service';

export interface AspectChartData {
  labels: string[];
  datasets: { label: string; data: (number | null)[] }[];
}

/** chart.js view-model of the aspect scores: kabupaten, perangkat daerah and kecamatan series (0–100). */
export function aspectChartData(scores: PeriodScores): AspectChartData {
  const { instrument, aggregate } = scores;
  const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 100) / 100);
  return {
    labels: instrument.aspects.map((a) => `${a.code}. ${a.name}`),
    datasets: [
      { label: 'Kabupaten', data: instrument.aspects.map((a) => round(aggregate.aspectScores[a.code])) },
      { label: 'Perangkat Daerah', data: instrument.aspects.map((a) => round(aggregate.byGroup.pd.aspectScores[a.code])) },
      { label: 'Kecamatan', data: instrument.aspects.map((a) => round(aggregate.byGroup.kecamatan.aspectScores[a.code])) },
    ],
  };
}
