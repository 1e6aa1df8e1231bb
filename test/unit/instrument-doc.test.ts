import fs from 'node:fs';
import path from 'node:path';
import { instrumentMarkdown } from '../../src/instrument/instrument-doc';
import { INSTRUMENT_DOC_FILE, newestInstrumentDoc } from '../../src/instrument/write-instrument-doc';
import { buildInstrument } from './factories';

const TEMPLATES = path.join(__dirname, '..', '..', 'templates');

describe('the readable instrument document', () => {
  it('is up to date with the newest template (run `npm run instrument:doc` after changing it)', () => {
    const committed = fs.readFileSync(path.join(TEMPLATES, INSTRUMENT_DOC_FILE), 'utf8');

    const generated = newestInstrumentDoc(TEMPLATES);

    expect(committed).toBe(generated);
  });

  it('lists every indicator with its question, five tingkat, evidence and activities', () => {
    const inst = buildInstrument({ aspects: [{ code: 'A', weight: 100, indicators: 2 }] });

    const doc = instrumentMarkdown(inst, 'templates/instrument-uji.json');

    expect(doc).toContain('## A. Aspek A (bobot 100 %)');
    expect(doc).toContain('### A2 – Judul A2');
    expect(doc).toContain('**Pertanyaan:** Pertanyaan A2?');
    expect(doc).toContain('| 4 | Kriteria A2 level 4 |');
    expect(doc).toContain('- **Bukti dukung:** Bukti dukung A2');
    expect(doc).toContain('| semua | Kegiatan A2 | Keluaran A2 | dokumen | – |');
    expect(doc).not.toContain('## Kondisi tingkat kabupaten');
  });

  it('keeps a pipe or a line break in a text inside its table cell', () => {
    const inst = buildInstrument({ aspects: [{ code: 'A', weight: 100, indicators: [{ levels: ['a | b', 'c\nd', 'e', 'f', 'g'] }] }] });

    const doc = instrumentMarkdown(inst, 'x.json');

    expect(doc).toContain('| 0 | a \\| b |');
    expect(doc).toContain('| 1 | c d |');
  });

  it('shows N/A for named units only, activities per starting level and the yearly number in id-ID form', () => {
    const inst = buildInstrument({
      aspects: [{
        code: 'F', weight: 100, indicators: [{
          naLabel: 'Tidak berlaku bagi Inspektorat.', naCase: 'named-units', naUnitCodes: ['PD-INSPEKTORAT'],
          activities: [
            { activity: 'Monev', output: 'Laporan', unit: 'laporan', forLevels: [0, 1, 2], outputPerYear: 2 },
            { activity: 'Pemantauan', output: 'Rekap', unit: 'rekap', forLevels: [1, 3], outputPerYear: 1200 },
          ],
        }],
      }],
    });

    const doc = instrumentMarkdown(inst, 'x.json');

    expect(doc).toContain('| Tidak berlaku | Tidak berlaku bagi Inspektorat. Hanya untuk unit berkode PD-INSPEKTORAT. |');
    expect(doc).toContain('| 0–2 | Monev | Laporan | laporan | 2 |');
    expect(doc).toContain('| 1, 3 | Pemantauan | Rekap | rekap | 1.200 |');
  });
});
