import { drawSample, sampleFrame } from '../../src/lapor/lapor-sample';

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
});
