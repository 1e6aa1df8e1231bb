import type { PlanInstrumentSource } from '../../src/renaksi/renaksi-draft';
import { replanForYears, type ReplanRow } from '../../src/renaksi/renaksi-replan';
import { buildDraftRow } from './factories';

const INSTRUMENT: PlanInstrumentSource = {
  aspects: [
    {
      code: 'A', name: 'Kebijakan', weight: 40,
      indicators: [
        {
          code: 'A2', title: 'SOP', target: 4, coordinator: 'Bagian Organisasi', evidence: 'SOP',
          activities: [{ activity: 'Penyusunan SOP', output: 'SOP ditetapkan', unit: 'SOP', outputPerYear: 1 }],
        },
      ],
    },
  ],
};

/** A2 drafted for 2022–2024 from 21 of 57 units at target: units per gap 21, 9, 15, 12 → 30, 45, 57. */
function storedRow(overrides: Partial<ReplanRow> = {}): ReplanRow {
  const d = buildDraftRow({
    sourceKey: 'kab:A2',
    indicatorCode: 'A2',
    counts: {
      total: 57, applicable: 57, notApplicable: 0, atTarget: 21, below: 36, notSubmitted: 9,
      byGroup: { pd: { applicable: 39, below: 20 }, kecamatan: { applicable: 18, below: 16 } },
      byGap: [21, 9, 15, 12, 0], yearly: { 2022: 30, 2023: 45, 2024: 57 }, priority: 40,
    },
    targets: { 2022: 30, 2023: 45, 2024: 57 },
    outputTargets: { 2022: '9 SOP', 2023: '15 SOP', 2024: '12 SOP' },
  });
  return { id: 1, scope: 'kabupaten', indicatorCode: 'A2', targets: d.targets, outputTargets: d.outputTargets, schedule: 'TW I 2022 – TW IV 2024', counts: d.counts, priority: 40, editedFields: [], ...overrides };
}

describe('replanForYears', () => {
  it('recounts a drafted row for a later start from the units per gap it stored: 2023–2025 → 30, 45, 57', () => {
    const [change] = replanForYears(INSTRUMENT, [storedRow()], [2023, 2024, 2025]);

    expect(change?.changes.targets).toEqual({ 2023: 30, 2024: 45, 2025: 57 });
    expect(change?.changes.outputTargets).toEqual({ 2023: '9 SOP', 2024: '15 SOP', 2025: '12 SOP' });
    expect(change?.changes.schedule).toBe('TW I 2023 – TW IV 2025');
    expect(change?.changes.counts?.yearly).toEqual({ 2023: 30, 2024: 45, 2025: 57 });
  });

  it('keeps typed counts and output targets, carrying them into a new year', () => {
    const row = storedRow({ targets: { 2022: 25, 2023: 40, 2024: 50 }, outputTargets: { 2022: '4 SOP' }, editedFields: ['targets', 'outputTargets'] });

    const [change] = replanForYears(INSTRUMENT, [row], [2022, 2023, 2024, 2025]);

    expect(change?.changes.targets).toEqual({ 2022: 25, 2023: 40, 2024: 50, 2025: 50 });
    expect(change?.changes.outputTargets).toEqual({ 2022: '4 SOP', 2023: '4 SOP', 2024: '4 SOP', 2025: '4 SOP' });
  });

  it('leaves a manual row without counts as typed and reports no change when nothing differs', () => {
    const manual = storedRow({ id: 2, scope: 'manual', counts: null, targets: { 2022: 5 }, outputTargets: {}, schedule: 'TW II 2022' });

    expect(replanForYears(INSTRUMENT, [manual], [2022, 2023, 2024])).toEqual([
      { id: 2, changes: { targets: { 2022: 5, 2023: 5, 2024: 5 } } },
    ]);
    expect(replanForYears(INSTRUMENT, [storedRow()], [2022, 2023, 2024])).toEqual([]);
  });
});
