import { RENAKSI_TEXT_FIELDS } from '../../src/renaksi/renaksi-draft';
import { mergeDraft, type StoredRowState } from '../../src/renaksi/renaksi-merge';
import { buildDraftRow } from './factories';

function buildStoredRow(overrides: Partial<StoredRowState> & { id: number }): StoredRowState {
  return { sourceKey: null, editedFields: [], gapOpen: true, ...overrides };
}

describe('mergeDraft', () => {
  it('inserts draft rows whose key is not stored yet', () => {
    const stored = [buildStoredRow({ id: 1, sourceKey: 'kab:A1' })];
    const draft = [buildDraftRow({ sourceKey: 'kab:A1' }), buildDraftRow({ sourceKey: 'kab:A2', indicatorCode: 'A2' })];

    const plan = mergeDraft(stored, draft);

    expect(plan.insert).toEqual([draft[1]]);
    expect(plan.update.map((u) => u.id)).toEqual([1]);
    expect(plan.closeGap).toEqual([]);
  });

  it('refreshes every field of an unedited stored row from the new draft', () => {
    const stored = [buildStoredRow({ id: 4, sourceKey: 'kab:B2' })];
    const row = buildDraftRow({ sourceKey: 'kab:B2', problem: '3 dari 18 kecamatan …', targets: { '2022': 15, '2023': 17, '2024': 18 }, priority: 45 });

    const plan = mergeDraft(stored, [row]);

    const expected = Object.fromEntries(RENAKSI_TEXT_FIELDS.map((f) => [f, row[f]]));
    expect(plan.update).toEqual([{ id: 4, fields: { ...expected, targets: row.targets, outputTargets: row.outputTargets, priority: 45, counts: row.counts } }]);
    expect(plan.insert).toEqual([]);
  });

  it('keeps the fields edited by hand and takes the new draft values for the others', () => {
    const stored = [buildStoredRow({ id: 9, sourceKey: 'kab:D2', editedFields: ['activity', 'budget', 'targets', 'outputTargets', 'dpa'] })];
    const row = buildDraftRow({ sourceKey: 'kab:D2', problem: 'Masalah baru', priority: 12.5 });

    const plan = mergeDraft(stored, [row]);

    const fields = plan.update[0]?.fields ?? {};
    for (const f of ['activity', 'budget', 'targets', 'outputTargets', 'dpa']) expect(f in fields).toBe(false);
    expect(fields).toMatchObject({ problem: 'Masalah baru', goal: row.goal, responsible: row.responsible, priority: 12.5 });
  });

  it('always refreshes the priority and the unit counts, even when every field was edited', () => {
    const stored = [buildStoredRow({ id: 2, sourceKey: 'kab:A1', editedFields: [...RENAKSI_TEXT_FIELDS, 'targets', 'outputTargets'] })];
    const row = buildDraftRow({ sourceKey: 'kab:A1', priority: 90 });

    const plan = mergeDraft(stored, [row]);

    expect(plan.update).toEqual([{ id: 2, fields: { priority: 90, counts: row.counts } }]);
  });

  it('marks a generated row whose gap is no longer in the draft as closed', () => {
    const stored = [
      buildStoredRow({ id: 5, sourceKey: 'kab:C1', gapOpen: true }),
      buildStoredRow({ id: 6, sourceKey: 'kab:C2', gapOpen: true }),
    ];

    const plan = mergeDraft(stored, [buildDraftRow({ sourceKey: 'kab:C1' })]);

    expect(plan.closeGap).toEqual([6]);
    expect(plan.update.map((u) => u.id)).toEqual([5]);
  });

  it('does not close a gap that is already closed', () => {
    const stored = [buildStoredRow({ id: 6, sourceKey: 'kab:C2', gapOpen: false })];

    const plan = mergeDraft(stored, []);

    expect(plan).toEqual({ insert: [], update: [], closeGap: [] });
  });

  it('updates a closed row whose gap appears again instead of inserting a duplicate', () => {
    const stored = [buildStoredRow({ id: 6, sourceKey: 'kab:C2', gapOpen: false })];
    const row = buildDraftRow({ sourceKey: 'kab:C2', indicatorCode: 'C2' });

    const plan = mergeDraft(stored, [row]);

    expect(plan.insert).toEqual([]);
    expect(plan.update.map((u) => u.id)).toEqual([6]);
    expect(plan.closeGap).toEqual([]);
  });

  it('leaves manual rows (no source key) untouched', () => {
    const stored = [
      buildStoredRow({ id: 30, sourceKey: null, editedFields: ['activity'] }),
      buildStoredRow({ id: 31, sourceKey: null, gapOpen: true }),
    ];
    const draft = [buildDraftRow({ sourceKey: 'kab:E1' })];

    const plan = mergeDraft(stored, draft);

    expect(plan.insert).toEqual(draft);
    expect(plan.update).toEqual([]);
    expect(plan.closeGap).toEqual([]);
  });
});
