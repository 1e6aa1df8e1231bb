/**
 * chart.js view-models, serialised into a canvas's data-chart attribute (built in chart-data.ts) and drawn by
 * public/js/dashboard.js. Values keep full precision; every value also travels as id-ID text (formatted by the one
 * formatter) for the labels drawn on the bars. Colours are chosen in the browser by `colour` keys so one palette
 * serves all pages.
 * NOTE: no imports in this file: dashboard.js reads these types in its JSDoc (tsconfig.public.json), so the
 * browser's drawing code is checked against the server's view-model.
 */

export interface ChartSeries {
  key: string;
  label: string;
  data: (number | null)[];
  text: string[];
  /** Colour key per series ('kabupaten', 'level-0', …) or per point (category tones 'tone-0' … 'tone-4'). */
  colour: string | string[];
}

export interface ChartModel {
  type: 'bar' | 'radar' | 'gauge';
  horizontal: boolean;
  stacked: boolean;
  labels: string[];
  max: number;
  axisTitle: string;
  series: ChartSeries[];
}
