import { drawSample, sampleFrame } from '../../src/lapor/lapor-sample';
import { createLaporService } from '../../src/lapor/lapor.service';
import type { LaporContext } from '../../src/lapor/lapor-context';

/** A context whose repository answers the import date and a unit's finished reports, counting each read. */
function countingContext(asOf: string | null, finished: string[]) {
  const reads = { stamp: 0, finished: 0 };
  const repo = {
    stamp: () => { reads.stamp++; return { imports: asOf ? 1 : 0, lastImportId: asOf ? 1 : null, asOf }; },
    finishedTrackingIds: () => { reads.finished++; return finished; },
  };
  return { ctx: { repo } as unknown as LaporContext, reads };
}

describe('D3 sample drawn from the SP4N-LAPOR! data', () => {
  const ids = Array.from({ length: 40 }, (_, i) => String(5412300 + i));

  it('draws at most ten distinct finished reports, the same for the same unit and period, in tracking-ID order', () => {
    const a = drawSample(ids, 10, '1:57');

    expect(a).toHaveLength(10);
    expect(new Set(a).size).toBe(10);
    expect(a.every((id) => ids.includes(id))).toBe(true);
    expect(drawSample([...ids].reverse(), 10, '1:57')).toEqual(a);
    expect(a).toEqual([...a].sort((x, y) => Number(x) - Number(y)));
    expect(drawSample(ids, 10, '1:46')).not.toEqual(a);
  });

  it('takes every finished report when there are ten or fewer', () => {
    expect(drawSample(['12', '9', '100'], 10, 'x')).toEqual(['9', '12', '100']);
    expect(drawSample([], 10, 'x')).toEqual([]);
  });

  it('says how many reports are finished and names recorded IDs that are not among them', () => {
    const f = sampleFrame(['5412301', '5412303'], ['5412303', '9999999', ''], '2022-12-31', 10, '1:6');

    expect(f.text).toBe('Data SP4N-LAPOR! per 31 Desember 2022: 2 laporan unit ini berstatus selesai, seluruhnya menjadi sampel.');
    expect(f.drawn).toEqual(['5412301', '5412303']);
    expect(f.notFound).toEqual(['9999999']);
    expect(sampleFrame([], [], '2022-12-31', 10, 's').text).toBe('Data SP4N-LAPOR! per 31 Desember 2022: unit ini tidak memiliki laporan berstatus selesai.');
    expect(sampleFrame(ids, [], '2022-12-31', 10, 's').text).toBe('Data SP4N-LAPOR! per 31 Desember 2022: 40 laporan unit ini berstatus selesai.');
  });

  it('reads the import date and the finished reports once for every sampled indicator of a page', () => {
    const { ctx, reads } = countingContext('2022-12-31', ['5412301', '5412303']);
    const samples = [{ code: 'D3', recorded: ['5412303', '9999999'], max: 10 }, { code: 'X9', recorded: [], max: 1 }];

    const frames = createLaporService(ctx).sampleFrames(1, 6, samples);

    expect(reads).toEqual({ stamp: 1, finished: 1 });
    expect(frames).toEqual({
      D3: sampleFrame(['5412301', '5412303'], ['5412303', '9999999'], '2022-12-31', 10, '1:6'),
      X9: sampleFrame(['5412301', '5412303'], [], '2022-12-31', 1, '1:6'),
    });
  });

  it('reads nothing for a page without a sampled indicator, and shows no frame before an import', () => {
    const none = countingContext('2022-12-31', []);
    const before = countingContext(null, []);

    expect(createLaporService(none.ctx).sampleFrames(1, 6, [])).toEqual({});
    expect(none.reads).toEqual({ stamp: 0, finished: 0 });
    expect(createLaporService(before.ctx).sampleFrames(1, 6, [{ code: 'D3', recorded: [], max: 10 }])).toEqual({});
    expect(before.reads).toEqual({ stamp: 1, finished: 0 });
  });
});
