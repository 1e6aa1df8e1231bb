import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compareVersions, loadInstrumentFile, loadInstrumentTemplates, parseInstrument, TemplateError } from '../../src/instrument/instrument.loader';
import type { Instrument } from '../../src/instrument/instrument.schemas';
import { buildInstrument } from './factories';

const TEMPLATE = path.join(__dirname, '..', '..', 'templates', 'instrument-2022.1.json');
const LABEL = 'templates/instrument-uji.json';

/** A valid raw template (two aspects 40/60) that a test may break before parsing. */
function rawInstrument(): Instrument {
  return structuredClone(buildInstrument({ aspects: [{ code: 'A', weight: 40, indicators: 2 }, { code: 'B', weight: 60, indicators: 3 }] }));
}

function parseError(raw: unknown): string {
  try {
    parseInstrument(raw, LABEL);
  } catch (err) {
    expect(err).toBeInstanceOf(TemplateError);
    return (err as Error).message;
  }
  throw new Error('parseInstrument accepted an invalid template');
}

describe('loadInstrumentFile', () => {
  it('loads the default template with six aspects, 30 indicators and weights summing to 100', () => {
    const instrument = loadInstrumentFile(TEMPLATE);

    const indicators = instrument.aspects.flatMap((a) => a.indicators);
    expect(indicators).toHaveLength(30);
    expect(instrument.aspects.reduce((s, a) => s + a.weight, 0)).toBe(100);
    // SPEC.md: A 15, B 20, C 10, D 30, E 10, F 15
    expect(instrument.aspects.map((a) => [a.code, a.weight])).toEqual([
      ['A', 15],
      ['B', 20],
      ['C', 10],
      ['D', 30],
      ['E', 10],
      ['F', 15],
    ]);
  });

  it('allows N/A exactly on D1–D4 and defaults every final target to 4 in the default template', () => {
    const instrument = loadInstrumentFile(TEMPLATE);

    const indicators = instrument.aspects.flatMap((a) => a.indicators);
    expect(indicators.filter((i) => i.allowNa).map((i) => i.code)).toEqual(['D1', 'D2', 'D3', 'D4']);
    expect(indicators.every((i) => i.target === 4 && i.levels.length === 5 && i.activities.length > 0)).toBe(true);
    expect(instrument.categories).toEqual([
      { label: 'Sangat Baik', min: 85 },
      { label: 'Baik', min: 70 },
      { label: 'Sedang', min: 50 },
      { label: 'Kurang', min: 0 },
    ]);
  });

  describe('with files on disk', () => {
    let dir: string;

    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'instrumen-uji-'));
    });

    afterAll(() => {
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('names the file when it is not valid JSON', () => {
      const file = path.join(dir, 'instrument-rusak.json');
      fs.writeFileSync(file, '{ "code": ');

      const load = () => loadInstrumentFile(file);

      expect(load).toThrow(TemplateError);
      expect(load).toThrow(`Templat instrumen ${file} tidak dapat dibaca`);
    });

    it('names the file when it does not exist', () => {
      const file = path.join(dir, 'tidak-ada.json');

      expect(() => loadInstrumentFile(file)).toThrow(`Templat instrumen ${file} tidak dapat dibaca`);
    });

    it('names the file and the field when the template is invalid', () => {
      const raw = rawInstrument();
      raw.aspects[1]!.weight = 50;
      const file = path.join(dir, 'instrument-bobot.json');
      fs.writeFileSync(file, JSON.stringify(raw));

      const load = () => loadInstrumentFile(file);

      expect(load).toThrow(`Templat instrumen ${file} tidak valid`);
      expect(load).toThrow('jumlah bobot aspek harus 100, bukan 90');
    });

    it('loads every instrument-*.json of a folder, oldest version first, and ignores other files', () => {
      const folder = fs.mkdtempSync(path.join(dir, 'templat-'));
      const older = { ...rawInstrument(), version: '2022.1' };
      const newer = { ...rawInstrument(), version: '2023.1' };
      fs.writeFileSync(path.join(folder, 'instrument-2023.1.json'), JSON.stringify(newer));
      fs.writeFileSync(path.join(folder, 'instrument-2022.1.json'), JSON.stringify(older));
      fs.writeFileSync(path.join(folder, 'units-kutai-timur.json'), '[]');

      const instruments = loadInstrumentTemplates(folder);

      expect(instruments.map((i) => i.version)).toEqual(['2022.1', '2023.1']);
    });
  });
});

describe('parseInstrument', () => {
  it('accepts an instrument built by the test factory', () => {
    const raw = rawInstrument();

    const instrument = parseInstrument(raw, LABEL);

    expect(instrument.aspects.map((a) => a.indicators.map((i) => i.code))).toEqual([['A1', 'A2'], ['B1', 'B2', 'B3']]);
  });

  it('rejects aspect weights that do not sum to 100 and says the sum', () => {
    const raw = rawInstrument();
    raw.aspects[0]!.weight = 30;

    const message = parseError(raw);

    // 30 + 60 = 90
    expect(message).toContain(`Templat instrumen ${LABEL} tidak valid`);
    expect(message).toContain('jumlah bobot aspek harus 100, bukan 90');
  });

  it('names the file, the aspect, the indicator code and the field of a bad level list', () => {
    const raw = rawInstrument();
    raw.aspects[1]!.indicators[1]!.levels = ['a', 'b', 'c', 'd'];

    const message = parseError(raw);

    expect(message).toContain(LABEL);
    expect(message).toContain('aspek B, indikator B2, field "levels"');
    expect(message).toContain('harus berisi tepat 5 kriteria (tingkat 0–4)');
  });

  it('names the item of an empty level criterion', () => {
    const raw = rawInstrument();
    raw.aspects[0]!.indicators[0]!.levels[2] = '  ';

    const message = parseError(raw);

    expect(message).toContain('aspek A, indikator A1, field "levels", butir 3: wajib diisi');
  });

  it('names the indicator and the field when a required field is missing', () => {
    const raw = rawInstrument();
    Reflect.deleteProperty(raw.aspects[0]!.indicators[1]!, 'coordinator');

    const message = parseError(raw);

    expect(message).toContain('aspek A, indikator A2, field "coordinator"');
  });

  it('names the field of a recommended activity', () => {
    const raw = rawInstrument();
    raw.aspects[1]!.indicators[2]!.activities = [{ activity: 'Rapat koordinasi', output: '', unit: 'kali' }];

    const message = parseError(raw);

    expect(message).toContain('aspek B, indikator B3, field "activities", butir 1, field "output": wajib diisi');
  });

  it('rejects a final target outside 1–4', () => {
    const raw = rawInstrument();
    raw.aspects[0]!.indicators[0]!.target = 5;

    const message = parseError(raw);

    expect(message).toContain('indikator A1, field "target"');
  });

  it('rejects a duplicate indicator code', () => {
    const raw = rawInstrument();
    raw.aspects[1]!.indicators[2]!.code = 'B1';

    const message = parseError(raw);

    expect(message).toContain('aspek B, indikator B1, field "code": kode B1 ganda');
  });

  it('rejects an indicator whose code does not start with its aspect code', () => {
    const raw = rawInstrument();
    raw.aspects[0]!.indicators[1]!.code = 'C2';

    const message = parseError(raw);

    expect(message).toContain('indikator C2 tidak diawali kode aspek A');
  });

  it('rejects categories without one starting at 0', () => {
    const raw = rawInstrument();
    raw.categories = [
      { label: 'Baik', min: 70 },
      { label: 'Sedang', min: 50 },
    ];

    const message = parseError(raw);

    expect(message).toContain('field "categories": harus ada kategori dengan batas bawah 0');
  });

  it('lists every problem, not only the first', () => {
    const raw = rawInstrument();
    raw.aspects[0]!.indicators[0]!.evidence = '';
    raw.aspects[1]!.indicators[0]!.allowNa = 'ya' as unknown as boolean;

    const message = parseError(raw);

    expect(message).toContain('indikator A1, field "evidence"');
    expect(message).toContain('indikator B1, field "allowNa"');
  });
});

describe('revision 2 templates', () => {
  const TEMPLATES = path.join(__dirname, '..', '..', 'templates');
  const REVISION_2 = path.join(TEMPLATES, 'instrument-2022.2.json');

  it('loads revision 2 with the same six aspects and weights, 33 indicators and five kabupaten conditions', () => {
    const instrument = loadInstrumentFile(REVISION_2);

    expect(instrument.version).toBe('2022.2');
    expect(instrument.aspects.map((a) => [a.code, a.weight])).toEqual([['A', 15], ['B', 20], ['C', 10], ['D', 30], ['E', 10], ['F', 15]]);
    expect(instrument.aspects.map((a) => a.indicators.map((i) => i.code).join(' '))).toEqual([
      'A1 A2 A3 A4 A5', 'B1 B2 B3 B4 B5', 'C1 C2 C3 C4 C5 C6 C7', 'D1 D2 D3 D4 D5 D6', 'E1 E2 E3 E4 E5', 'F1 F2 F3 F4 F5',
    ]);
    expect(instrument.kabupatenChecklist?.map((k) => `${k.code}:${k.scale}`)).toEqual([
      'K1:ya-sebagian-tidak', 'K2:ya-sebagian-tidak', 'K3:tingkat', 'K4:tingkat', 'K5:ya-sebagian-tidak',
    ]);
  });

  it.each(['instrument-2022.1.json', 'instrument-2022.2.json'])(
    'parses %s to exactly the file content, so a stored version keeps matching its template',
    (file) => {
      const raw: unknown = JSON.parse(fs.readFileSync(path.join(TEMPLATES, file), 'utf8'));

      const instrument = parseInstrument(raw, file);

      expect(JSON.stringify(instrument)).toBe(JSON.stringify(raw));
    },
  );

  it('keeps revision 1 without any of the revision 2 fields', () => {
    const instrument = loadInstrumentFile(TEMPLATE);

    const indicators = instrument.aspects.flatMap((a) => a.indicators);
    expect(indicators.some((i) => i.sasaran ?? i.dukungan ?? i.laporThresholds ?? i.naCase ?? i.sample)).toBe(false);
    expect(instrument.kabupatenChecklist).toBeUndefined();
  });

  it('loads the templates folder with revision 2 as the newest version', () => {
    const versions = loadInstrumentTemplates(TEMPLATES).map((i) => i.version);

    expect(versions.slice(-2)).toEqual(['2022.1', '2022.2']);
  });
});

describe('compareVersions', () => {
  it('orders version parts as numbers', () => {
    const versions = ['2022.10', '2023.1', '2022.2', '2022.1'];

    const sorted = [...versions].sort(compareVersions);

    expect(sorted).toEqual(['2022.1', '2022.2', '2022.10', '2023.1']);
  });
});

describe('parseInstrument: revision 2 fields', () => {
  /** The factory template with one indicator (A1) carrying every revision 2 part, valid as is. */
  function rawRevision2() {
    const raw = rawInstrument();
    const a1 = raw.aspects[0]!.indicators[0]!;
    Object.assign(a1, {
      allowNa: true,
      naLabel: 'Tidak berlaku – tidak ada laporan',
      naCase: 'no-reports',
      sasaran: 'Setiap unit menindaklanjuti laporan tepat waktu.',
      dukungan: { kebijakan: 'SOP', kelembagaan: 'Admin Utama', sumberDaya: 'Tidak memerlukan anggaran khusus.' },
      activities: [
        { activity: 'Menyusun SOP', output: 'SOP ditetapkan', unit: 'dokumen', forLevels: [0, 1], outputPerYear: 1 },
        { activity: 'Memantau dasbor', output: 'Rekap bulanan', unit: 'rekap', forLevels: [2, 3], outputPerYear: 12 },
      ],
      laporThresholds: {
        metric: 'firstResponseWithin5Pct',
        label: 'Persentase laporan yang ditindaklanjuti paling lambat 5 hari kerja',
        levels: [{ level: 1, min: 20 }, { level: 2, min: 50 }, { level: 3, min: 70 }, { level: 4, min: 90 }],
        noFigure: 'na',
      },
    });
    const checklist = [
      { code: 'K1', title: 'Perbup', question: 'Ada Perbup?', evidence: 'Salinan Perbup', coordinator: 'Bagian Hukum', scale: 'ya-sebagian-tidak', options: { ya: 'Ada', sebagian: 'Rancangan', tidak: 'Belum ada' } },
      { code: 'K2', title: 'Renaksi', question: 'Renaksi?', evidence: 'Kepbup', coordinator: 'Diskominfo', scale: 'tingkat', levels: ['a', 'b', 'c', 'd', 'e'] },
    ];
    return { raw: { ...raw, kabupatenChecklist: checklist } as Record<string, unknown> & Instrument, a1: a1 as Record<string, unknown>, checklist };
  }

  it('accepts an indicator with sasaran, dukungan, activities per starting level, thresholds and a kabupaten checklist', () => {
    const { raw } = rawRevision2();

    const instrument = parseInstrument(raw, LABEL);

    expect(instrument.aspects[0]!.indicators[0]!.laporThresholds?.metric).toBe('firstResponseWithin5Pct');
    expect(instrument.kabupatenChecklist).toHaveLength(2);
  });

  it('names a misspelt field instead of dropping it', () => {
    const { raw, a1 } = rawRevision2();
    a1.sasaram = 'salah ketik';

    const message = parseError(raw);

    expect(message).toContain('aspek A, indikator A1: field tidak dikenal: "sasaram"');
  });

  it('names the missing part of dukungan', () => {
    const { raw, a1 } = rawRevision2();
    a1.dukungan = { kebijakan: 'SOP', kelembagaan: 'Admin Utama' };

    const message = parseError(raw);

    expect(message).toContain('indikator A1, field "dukungan", field "sumberDaya"');
  });

  it('rejects an activity for a starting level at or above the target', () => {
    const { raw, a1 } = rawRevision2();
    a1.target = 3;
    a1.activities = [{ activity: 'Menyusun SOP', output: 'SOP', unit: 'dokumen', forLevels: [0, 1, 2, 3] }];

    const message = parseError(raw);

    expect(message).toContain('indikator A1, field "activities", butir 1, field "forLevels": tingkat awal 3 tidak di bawah target 3');
  });

  it('rejects activities per starting level that leave a level below the target without any activity', () => {
    const { raw, a1 } = rawRevision2();
    a1.activities = [{ activity: 'Menyusun SOP', output: 'SOP', unit: 'dokumen', forLevels: [0, 1, 3] }];

    const message = parseError(raw);

    expect(message).toContain('indikator A1, field "activities": tidak ada kegiatan untuk unit yang berada pada tingkat 2');
  });

  it('rejects a yearly output above 100 when the output is a percentage, and a duplicate starting level', () => {
    const { raw, a1 } = rawRevision2();
    a1.activities = [{ activity: 'Bimtek', output: 'Pengelola terlatih', unit: 'persen', forLevels: [0, 0, 1, 2, 3], outputPerYear: 120 }];

    const message = parseError(raw);

    expect(message).toContain('field "outputPerYear": satuan persen paling besar 100');
    expect(message).toContain('field "forLevels": tingkat awal tidak boleh ganda');
  });

  it('requires the unit codes when N/A is only for named units, and refuses allowNa for every unit with them', () => {
    const { raw, a1 } = rawRevision2();
    a1.naCase = 'named-units';
    delete a1.laporThresholds;

    const message = parseError(raw);

    expect(message).toContain('indikator A1, field "naUnitCodes": wajib diisi bila naCase "named-units"');
    expect(message).toContain('indikator A1, field "allowNa": harus false');
  });

  it('names a malformed unit code in naUnitCodes and naUnitCodes without naCase "named-units"', () => {
    const { raw } = rawRevision2();
    const a2 = raw.aspects[0]!.indicators[1]! as Record<string, unknown>;
    a2.naUnitCodes = ['PD-INSPEKTORAT', 'inspektorat daerah'];

    const message = parseError(raw);

    expect(message).toContain('indikator A2, field "naUnitCodes", butir 2: kode unit harus');
    expect(message).toContain('indikator A2, field "naCase": harus "named-units" bila naUnitCodes diisi');
  });

  it('refuses naCase "no-reports" on an indicator that does not allow N/A for every unit', () => {
    const { raw } = rawRevision2();
    Object.assign(raw.aspects[1]!.indicators[0]!, { naCase: 'no-reports' });

    const message = parseError(raw);

    expect(message).toContain('aspek B, indikator B1, field "allowNa": harus true untuk naCase "no-reports"');
  });

  it('accepts N/A for Inspektorat only on an indicator whose allowNa is false', () => {
    const { raw } = rawRevision2();
    Object.assign(raw.aspects[1]!.indicators[2]!, { naLabel: 'Tidak berlaku bagi Inspektorat', naCase: 'named-units', naUnitCodes: ['PD-INSPEKTORAT'] });

    const instrument = parseInstrument(raw, LABEL);

    expect(instrument.aspects[1]!.indicators[2]!.naUnitCodes).toEqual(['PD-INSPEKTORAT']);
  });

  it('names an unknown SP4N-LAPOR! metric', () => {
    const { raw, a1 } = rawRevision2();
    (a1.laporThresholds as Record<string, unknown>).metric = 'jumlahLaporan';

    const message = parseError(raw);

    expect(message).toContain('indikator A1, field "laporThresholds", field "metric": metrik harus salah satu dari');
  });

  it('rejects minimum values that do not rise from level to level and a percentage above 100', () => {
    const { raw, a1 } = rawRevision2();
    (a1.laporThresholds as Record<string, unknown>).levels = [{ level: 1, min: 20 }, { level: 2, min: 70 }, { level: 3, min: 70 }, { level: 4, min: 120 }];

    const message = parseError(raw);

    expect(message).toContain('field "laporThresholds", field "levels", butir 3, field "min": min harus naik dari tingkat ke tingkat');
    expect(message).toContain('field "laporThresholds", field "levels", butir 4, field "min": persentase paling besar 100');
  });

  it('rejects maximum values that do not fall, levels out of order, and a level with both min and max', () => {
    const { raw, a1 } = rawRevision2();
    (a1.laporThresholds as Record<string, unknown>).levels = [{ level: 1, max: 40 }, { level: 3, max: 50 }, { level: 2, max: 10, min: 5 }, { level: 4, max: 0 }];

    const message = parseError(raw);

    expect(message).toContain('field "laporThresholds", field "levels": harus berurutan tingkat 1, 2, 3, 4');
    expect(message).toContain('field "levels", butir 2, field "max": max harus turun dari tingkat ke tingkat');
    expect(message).toContain('field "levels", butir 3: isi tepat salah satu: min atau max');
  });

  it('rejects noFigure "na" when the indicator does not allow N/A, and deadlines on a metric other than backlogPct', () => {
    const { raw, a1 } = rawRevision2();
    a1.allowNa = false;
    delete a1.naCase;
    (a1.laporThresholds as Record<string, unknown>).deadlines = [{ classification: 'Pengaduan sederhana', workdays: 5 }];

    const message = parseError(raw);

    expect(message).toContain('field "laporThresholds", field "noFigure": "na" memerlukan allowNa true');
    expect(message).toContain('field "laporThresholds", field "deadlines": batas waktu per klasifikasi hanya untuk metrik backlogPct');
  });

  it('names the D3 sample limits and a duplicate checklist code', () => {
    const { raw, a1 } = rawRevision2();
    a1.sample = { maxReports: 0, population: 'Laporan selesai', checklist: [{ code: 'bukti', text: 'Ada bukti' }, { code: 'bukti', text: 'Ada foto' }] };

    const message = parseError(raw);

    expect(message).toContain('indikator A1, field "sample", field "maxReports": paling sedikit 1 laporan');
    expect(message).toContain('indikator A1, field "sample", field "checklist": kode butir daftar periksa ganda');
  });

  it('names the kabupaten condition by its code when its scale is unknown or its levels are incomplete', () => {
    const { raw, checklist } = rawRevision2();
    Object.assign(checklist[0]!, { scale: 'ya-tidak' });
    Object.assign(checklist[1]!, { levels: ['a', 'b', 'c'] });

    const message = parseError(raw);

    expect(message).toContain('kondisi kabupaten K1, field "scale": skala harus "tingkat" atau "ya-sebagian-tidak"');
    expect(message).toContain('kondisi kabupaten K2, field "levels": harus berisi tepat 5 kriteria (tingkat 0–4)');
  });

  it('names a missing yes/partial/no criterion', () => {
    const { raw, checklist } = rawRevision2();
    Object.assign(checklist[0]!, { options: { ya: 'Ada', tidak: 'Belum' } });

    const message = parseError(raw);

    expect(message).toContain('kondisi kabupaten K1, field "options", field "sebagian"');
  });

  it('rejects a duplicate kabupaten condition code', () => {
    const { raw, checklist } = rawRevision2();
    checklist[1]!.code = 'K1';

    const message = parseError(raw);

    expect(message).toContain('field "kabupatenChecklist": kode kondisi kabupaten ganda');
  });
});
