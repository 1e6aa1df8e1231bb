import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadInstrumentFile, loadInstrumentTemplates, parseInstrument, TemplateError } from '../../src/instrument/instrument.loader';
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
    expect(message).toContain('harus berisi tepat 5 kriteria (level 0–4)');
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
