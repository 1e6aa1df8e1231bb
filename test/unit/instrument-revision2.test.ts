import fs from 'node:fs';
import path from 'node:path';
import { loadInstrumentFile } from '../../src/instrument/instrument.loader';
import { activitiesForLevel, instrumentForUnit, naAllowedFor, naWithoutReports } from '../../src/instrument/instrument-rules';
import { levelFromLaporFigure } from '../../src/instrument/lapor-level';
import type { Indicator, Instrument } from '../../src/instrument/instrument.schemas';

const TEMPLATES = path.join(__dirname, '..', '..', 'templates');
const revision2 = loadInstrumentFile(path.join(TEMPLATES, 'instrument-2022.2.json'));
const revision1 = loadInstrumentFile(path.join(TEMPLATES, 'instrument-2022.1.json'));
const indicators = (inst: Instrument) => inst.aspects.flatMap((a) => a.indicators);
const indicator = (code: string): Indicator => {
  const found = indicators(revision2).find((i) => i.code === code);
  if (!found) throw new Error(`no ${code}`);
  return found;
};

describe('levelFromLaporFigure on revision 2 thresholds', () => {
  it.each([
    [0, 0], [19.99, 0], [20, 1], [49.99, 1], [50, 2], [69.99, 2], [70, 3], [89.99, 3], [90, 4], [100, 4],
  ])('D1: %p %% answered within 5 hari kerja is level %p', (value, level) => {
    expect(levelFromLaporFigure(indicator('D1'), value)).toBe(level);
  });

  it.each([
    [39.99, 0], [40, 1], [59.99, 1], [60, 2], [79.99, 2], [80, 3], [94.99, 3], [95, 4],
  ])('D2: %p %% finished is level %p', (value, level) => {
    expect(levelFromLaporFigure(indicator('D2'), value)).toBe(level);
  });

  it.each([
    [100, 0], [40.01, 0], [40, 1], [20.01, 1], [20, 2], [10.01, 2], [10, 3], [0.01, 3], [0, 4],
  ])('D4: %p %% past the deadline is level %p (lower is better)', (value, level) => {
    expect(levelFromLaporFigure(indicator('D4'), value)).toBe(level);
  });

  it.each([
    [0, 1], [49.99, 1], [50, 2], [79.99, 2], [80, 3], [99.99, 3], [100, 4], [250, 4],
  ])('E3: %p %% of the agreed target is level %p', (value, level) => {
    expect(levelFromLaporFigure(indicator('E3'), value)).toBe(level);
  });

  it('gives N/A on D1, D2 and D4 when the unit received no report, and level 0 on E3 when no target was agreed', () => {
    expect(['D1', 'D2', 'D4'].map((c) => levelFromLaporFigure(indicator(c), null))).toEqual(['na', 'na', 'na']);
    expect(levelFromLaporFigure(indicator('E3'), null)).toBe(0);
  });

  it('reads a share computed as a hair under its bound as the bound (29 of 58 reports is 50 %)', () => {
    const value = (29 / 58) * 100 - 1e-12;

    expect(levelFromLaporFigure(indicator('D1'), value)).toBe(2);
  });

  it('throws for an indicator without thresholds and for a value that is not a number 0 or more', () => {
    expect(() => levelFromLaporFigure(indicator('A1'), 50)).toThrow('Indikator A1 tidak memiliki ambang data SP4N-LAPOR!');
    expect(() => levelFromLaporFigure(indicator('D1'), -1)).toThrow(RangeError);
    expect(() => levelFromLaporFigure(indicator('D1'), Number.NaN)).toThrow(RangeError);
  });

  it('carries thresholds on exactly D1, D2, D4 and E3, and each level text names its bound', () => {
    const withThresholds = indicators(revision2).filter((i) => i.laporThresholds);

    expect(withThresholds.map((i) => `${i.code}:${i.laporThresholds?.metric}`)).toEqual([
      'D1:firstResponseWithin5Pct', 'D2:finishedPct', 'D4:backlogPct', 'E3:receivedPctOfTarget',
    ]);
    for (const ind of withThresholds) {
      for (const l of ind.laporThresholds?.levels ?? []) {
        const bound = l.min ?? l.max;
        if (bound !== undefined && (bound > 0 || l.max !== undefined)) expect(`${ind.code}: ${ind.levels[l.level]}`).toContain(`${bound}%`);
      }
    }
  });

  it('gives D4 the settlement deadlines 5, 14 and 60 hari kerja by class of report', () => {
    expect(indicator('D4').laporThresholds?.deadlines?.map((d) => d.workdays)).toEqual([5, 14, 60]);
  });
});

describe('N/A rules of revision 2', () => {
  it('lets a unit without any report answer N/A on every indicator of aspect D and on E5, F2 and F3', () => {
    const codes = indicators(revision2).filter(naWithoutReports).map((i) => i.code);

    expect(codes).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'E5', 'F2', 'F3']);
    expect(revision2.aspects.find((a) => a.code === 'D')?.indicators.every(naWithoutReports)).toBe(true);
  });

  it('reads revision 1 the way it was meant: its N/A on D1–D4 is for a unit without reports', () => {
    expect(indicators(revision1).filter(naWithoutReports).map((i) => i.code)).toEqual(['D1', 'D2', 'D3', 'D4']);
  });

  it('allows N/A on E3 for a unit without an agreed target, and on F4 only for Inspektorat', () => {
    expect(indicator('E3')).toMatchObject({ allowNa: true, naCase: 'no-target' });
    expect(naAllowedFor(indicator('F4'), 'PD-INSPEKTORAT')).toBe(true);
    expect(naAllowedFor(indicator('F4'), 'KEC-BUSANG')).toBe(false);
  });

  it('names an Inspektorat unit code that the seeded unit list has', () => {
    const units = (JSON.parse(fs.readFileSync(path.join(TEMPLATES, 'units-kutai-timur.json'), 'utf8')) as { units: { code: string; name: string }[] }).units;

    const named = indicator('F4').naUnitCodes ?? [];

    expect(named.map((c) => units.find((u) => u.code === c)?.name)).toEqual([expect.stringMatching(/^Inspektorat/)]);
  });

  it('opens F4 N/A in the instrument as Inspektorat answers it and leaves other units with the same object', () => {
    const forInspektorat = instrumentForUnit(revision2, 'PD-INSPEKTORAT');
    const forKecamatan = instrumentForUnit(revision2, 'KEC-BUSANG');

    expect(indicators(forInspektorat).filter((i) => i.allowNa).map((i) => i.code)).toContain('F4');
    expect(indicator('F4').allowNa).toBe(false);
    expect(forKecamatan).toBe(revision2);
  });

  it('gives every N/A-allowing indicator a label that says why', () => {
    const missing = indicators(revision2).filter((i) => (i.allowNa || i.naUnitCodes) && !i.naLabel?.startsWith('Tidak berlaku'));

    expect(missing.map((i) => i.code)).toEqual([]);
  });
});

describe('what revision 2 gives the Renaksi', () => {
  it('gives every indicator a sasaran that reads on its own and dukungan for policy, institutions and resources', () => {
    const lacking = indicators(revision2).filter((i) => !i.sasaran || /^seperti|tingkat [0-4]/i.test(i.sasaran) || !i.dukungan);

    expect(lacking.map((i) => i.code)).toEqual([]);
  });

  it('chooses D4 activities by starting level: a unit at level 3 is not told to inventory its backlog again', () => {
    const atZero = activitiesForLevel(indicator('D4'), 0).map((a) => a.activity);
    const atThree = activitiesForLevel(indicator('D4'), 3).map((a) => a.activity);

    expect(atZero).toContain('Inventarisasi dan penyelesaian laporan tertunggak, dimulai dari yang paling lama melewati batas waktu');
    expect(atThree).not.toContain('Inventarisasi dan penyelesaian laporan tertunggak, dimulai dari yang paling lama melewati batas waktu');
    expect(atThree).toEqual([
      'Pembahasan tunggakan laporan oleh pimpinan setiap bulan',
      'Pemantauan mingguan laporan yang mendekati batas waktu dan pengingat kepada pejabat penghubung',
    ]);
  });

  it('treats a unit that did not submit as starting at level 0', () => {
    expect(activitiesForLevel(indicator('A1'), null)).toEqual(activitiesForLevel(indicator('A1'), 0));
  });

  it('gives every unit below the target at least one activity on every indicator', () => {
    const gaps = indicators(revision2).flatMap((i) => [0, 1, 2, 3].filter((l) => l < i.target && activitiesForLevel(i, l).length === 0).map((l) => `${i.code}@${l}`));

    expect(gaps).toEqual([]);
  });

  it('puts the D3 checklist in the data: core problem, action and timing, responsible official, evidence', () => {
    const sample = indicator('D3').sample;

    expect(sample?.maxReports).toBe(10);
    expect(sample?.checklist.map((c) => c.code)).toEqual(['pokok-masalah', 'tindakan-dan-waktu', 'pejabat-penanggung-jawab', 'bukti']);
  });
});

describe('wording of revision 2', () => {
  const texts = [
    ...indicators(revision2).flatMap((i) => [
      i.title, i.question, ...i.levels, i.evidence, i.naLabel ?? '', i.sasaran ?? '', ...Object.values(i.dukungan ?? {}),
      ...i.activities.flatMap((a) => [a.activity, a.output, a.unit]),
    ]),
    ...(revision2.kabupatenChecklist ?? []).flatMap((k) => [k.title, k.question, k.evidence, ...(k.scale === 'tingkat' ? k.levels : Object.values(k.options))]),
  ];

  it.each(['level', 'banner', 'rating', 'dashboard', 'screenshot', 'online', 'offline', 'update', 'backup', 'seperti tingkat'])(
    'uses no "%s" in any text',
    (word) => {
      expect(texts.filter((t) => t.toLowerCase().includes(word))).toEqual([]);
    },
  );

  it('explains "No Wrong Door Policy" in Indonesian where it names it', () => {
    const naming = texts.filter((t) => t.includes('No Wrong Door'));

    expect(naming.length).toBeGreaterThan(0);
    expect(naming.every((t) => t.includes('tidak ada pintu yang salah'))).toBe(true);
  });

  it('says "dibahas oleh pimpinan" for leadership discussion and names kelompok rentan in the levels of E4', () => {
    expect(indicator('A4').levels.slice(1).every((l) => l.includes('dibahas oleh pimpinan'))).toBe(true);
    expect(indicator('E4').levels.slice(2).every((l) => l.includes('penyandang disabilitas') && l.includes('lanjut usia'))).toBe(true);
  });
});
