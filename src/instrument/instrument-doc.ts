import { formatInt, formatPercent, formatScore } from '../shared/format';
import type { Activity, Indicator, Instrument, KabupatenItem, LaporThresholds } from './instrument.schemas';

/**
 * The instrument as a document anyone can read aloud (templates/README-instrumen.md): every indicator with its
 * question, its five tingkat, evidence, N/A rule, target, coordinator, the SP4N-LAPOR! thresholds or the
 * verifikator's sample where it has them, and what the Renaksi takes from it. Pure: instrument in, Markdown out.
 */
export function instrumentMarkdown(inst: Instrument, sourceFile: string): string {
  const lines = [
    `# ${inst.name}`,
    '',
    `Versi ${inst.version} · berkas \`${sourceFile}\` · ${inst.basis}.`,
    '',
    '> Dokumen ini dibuat dari berkas instrumen dengan `npm run instrument:doc`; ubah berkas JSON-nya, bukan dokumen ini.',
    '',
    ...scoringSection(inst),
    ...changesSection(inst),
    ...summarySection(inst),
    ...inst.aspects.flatMap((a) => [
      `## ${a.code}. ${a.name} (bobot ${formatPercent(a.weight, { exact: true })})`,
      '',
      ...a.indicators.flatMap(indicatorSection),
    ]),
    ...kabupatenSection(inst.kabupatenChecklist ?? []),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Integers as 1.234, fractions as 12,50 (the app's one formatter). */
const num = (v: number): string => (Number.isInteger(v) ? formatInt(v) : formatScore(v));

/** Table cells: a pipe would end the cell, a line break the row. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function scoringSection(inst: Instrument): string[] {
  return [
    '## Cara menghitung',
    '',
    '- Setiap indikator dijawab dengan satu tingkat 0–4, atau "tidak berlaku" bila indikator itu mengizinkannya.',
    '- Skor indikator = tingkat ÷ 4 × 100; indikator yang tidak berlaku tidak dihitung.',
    '- Skor aspek = rata-rata skor indikator yang berlaku pada aspek itu.',
    '- Indeks unit = Σ (bobot aspek × skor aspek) ÷ Σ bobot aspek yang memiliki indikator berlaku; bobot aspek yang seluruhnya tidak berlaku dialihkan secara proporsional ke aspek lain.',
    '',
    '| Kategori | Indeks paling rendah |',
    '|---|---|',
    ...[...inst.categories].sort((a, b) => b.min - a.min).map((c) => `| ${c.label} | ${num(c.min)} |`),
    '',
  ];
}

function changesSection(inst: Instrument): string[] {
  if (!inst.changes) return [];
  return ['## Perubahan dari versi sebelumnya', '', ...inst.changes.map((c) => `- ${c}`), ''];
}

function summarySection(inst: Instrument): string[] {
  return [
    '## Ringkasan',
    '',
    '| Aspek | Bobot | Indikator |',
    '|---|---|---|',
    ...inst.aspects.map((a) => `| ${a.code}. ${a.name} | ${formatPercent(a.weight, { exact: true })} | ${a.indicators.map((i) => `${i.code} ${cell(i.title)}`).join('; ')} |`),
    '',
  ];
}

function naRow(ind: Indicator): string[] {
  if (!ind.allowNa && !ind.naUnitCodes) return [];
  const who = ind.naUnitCodes ? ` Hanya untuk unit berkode ${ind.naUnitCodes.join(', ')}.` : '';
  return [`| Tidak berlaku | ${cell(ind.naLabel ?? 'Tidak berlaku untuk unit ini pada periode penilaian.')}${who} |`];
}

function indicatorSection(ind: Indicator): string[] {
  return [
    `### ${ind.code} – ${ind.title}`,
    '',
    `**Pertanyaan:** ${ind.question}`,
    '',
    '| Tingkat | Kriteria |',
    '|---|---|',
    ...ind.levels.map((l, i) => `| ${i} | ${cell(l)} |`),
    ...naRow(ind),
    '',
    `- **Bukti dukung:** ${ind.evidence}`,
    `- **Target akhir:** tingkat ${ind.target} · **Koordinator:** ${ind.coordinator}`,
    ...(ind.laporThresholds ? [`- **Data SP4N-LAPOR!:** ${thresholdText(ind.laporThresholds)}`] : []),
    ...(ind.sample ? sampleLines(ind.sample) : []),
    ...(ind.sasaran ? [`- **Sasaran Renaksi:** ${ind.sasaran}`] : []),
    ...(ind.dukungan
      ? ['- **Dukungan:**', `  - Kebijakan: ${ind.dukungan.kebijakan}`, `  - Kelembagaan: ${ind.dukungan.kelembagaan}`, `  - Sumber daya: ${ind.dukungan.sumberDaya}`]
      : []),
    '',
    ...activityTable(ind),
  ];
}

/** "≥ 20 % → tingkat 1; …" (or ≤ for lower-is-better figures), then what happens without a figure. */
function thresholdText(t: LaporThresholds): string {
  const bounds = t.levels
    .map((l) => (l.min !== undefined ? `≥ ${formatPercent(l.min, { exact: true })} → tingkat ${l.level}` : `≤ ${formatPercent(l.max ?? 0, { exact: true })} → tingkat ${l.level}`))
    .join('; ');
  const below = t.levels[0]?.min !== undefined ? 'di bawah batas tingkat 1 → tingkat 0' : 'di atas batas tingkat 1 → tingkat 0';
  const none = t.noFigure === 'na' ? 'tanpa laporan → tidak berlaku' : 'tanpa angka → tingkat 0';
  const deadlines = t.deadlines
    ? ` Batas waktu penyelesaian: ${t.deadlines.map((d) => `${d.classification.toLowerCase()} ${num(d.workdays)} hari kerja`).join('; ')}.`
    : '';
  return `${t.label} (\`${t.metric}\`): ${bounds}; ${below}; ${none}.${deadlines}`;
}

function sampleLines(s: NonNullable<Indicator['sample']>): string[] {
  return [
    `- **Sampel verifikator:** paling banyak ${num(s.maxReports)} laporan. ${s.population} Daftar periksa setiap jawaban:`,
    ...s.checklist.map((c, i) => `  ${i + 1}. ${c.text}`),
  ];
}

/** "0–1", "2", "1, 3", or "semua" for an activity made for every level below the target. */
function levelsLabel(a: Activity): string {
  if (!a.forLevels) return 'semua';
  const sorted = [...a.forLevels].sort((x, y) => x - y);
  const first = sorted[0] ?? 0;
  const last = sorted[sorted.length - 1] ?? 0;
  return sorted.length > 1 && last - first === sorted.length - 1 ? `${first}–${last}` : sorted.join(', ');
}

function activityTable(ind: Indicator): string[] {
  return [
    '| Tingkat awal | Kegiatan rekomendasi | Indikator keluaran | Satuan | Per tahun |',
    '|---|---|---|---|---|',
    ...ind.activities.map(
      (a) => `| ${levelsLabel(a)} | ${cell(a.activity)} | ${cell(a.output)} | ${cell(a.unit)} | ${a.outputPerYear === undefined ? '–' : num(a.outputPerYear)} |`,
    ),
    '',
  ];
}

function kabupatenItem(k: KabupatenItem): string[] {
  const rows = k.scale === 'tingkat'
    ? k.levels.map((l, i) => `| ${i} | ${cell(l)} |`)
    : [`| Ya | ${cell(k.options.ya)} |`, `| Sebagian | ${cell(k.options.sebagian)} |`, `| Tidak | ${cell(k.options.tidak)} |`];
  return [
    `### ${k.code} – ${k.title}`,
    '',
    `**Pertanyaan:** ${k.question}`,
    '',
    `| ${k.scale === 'tingkat' ? 'Tingkat' : 'Jawaban'} | Kriteria |`,
    '|---|---|',
    ...rows,
    '',
    `- **Bukti dukung:** ${k.evidence}`,
    `- **Koordinator:** ${k.coordinator}`,
    '',
  ];
}

function kabupatenSection(items: KabupatenItem[]): string[] {
  if (items.length === 0) return [];
  return [
    '## Kondisi tingkat kabupaten',
    '',
    'Dijawab oleh admin dengan bukti dukung dan diverifikasi seperti jawaban unit; menjadi kondisi awal Renaksi dan tidak mengubah indeks unit.',
    '',
    ...items.flatMap(kabupatenItem),
  ];
}
