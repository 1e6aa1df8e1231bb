import {
  capaianOf, capaianOfOutputs, isOnSchedule, outputsOf, storedRealisasi, matchCoordinator, onScheduleShare, parseSemesterKey, parseTargetNumber, scheduleStart, semestersOf, startsAfter,
  windowState, witaDate,
} from '../../src/monitoring/monitoring-calc';

describe('semesters of the plan years', () => {
  it('lists semester I and II of every plan year in order', () => {
    expect(semestersOf(2022, 2024).map((s) => s.key)).toEqual(['2022-1', '2022-2', '2023-1', '2023-2', '2024-1', '2024-2']);
    expect(semestersOf(2023, 2023).map((s) => s.label)).toEqual(['Semester I 2023', 'Semester II 2023']);
  });

  it('reads a semester key and refuses a malformed one', () => {
    expect(parseSemesterKey('2023-2')).toEqual({ year: 2023, semester: 2 });
    expect(parseSemesterKey('2023-3')).toBeNull();
    expect(parseSemesterKey('23-1')).toBeNull();
  });
});

describe('the number of an output target', () => {
  it.each([
    ['9 dokumen', 9],
    ['1.234 orang', 1234],
    ['12,5 %', 12.5],
    ['100 %', 100],
    ['4 notulen per unit', 4],
    ['1) 9 dokumen\n2) 4 notulen', 9],
    ['1) –\n2) 4 notulen', null],
    ['\n1) Tersusun\n2) 4 notulen', null],
    ['–', null],
    ['Tersusun', null],
    ['', null],
  ])('reads %j as %p', (text, expected) => {
    expect(parseTargetNumber(text)).toBe(expected);
  });
});

describe('capaian', () => {
  it('is realisasi over target in percent: 6 of 9 documents is 66,67 %', () => {
    expect(capaianOf(6, 9).percent).toBeCloseTo(66.6667, 3);
    expect(capaianOf(6, 9).overTarget).toBe(false);
  });

  it('allows more than 100 % and flags it: 12 of 9 is 133,33 %', () => {
    const c = capaianOf(12, 9);

    expect(c.percent).toBeCloseTo(133.3333, 3);
    expect(c.overTarget).toBe(true);
  });

  it('is exactly 100 % without a flag when the target is met', () => {
    expect(capaianOf(9, 9)).toEqual({ percent: 100, overTarget: false });
  });

  it('cannot be computed without a realisasi, without a target, or against a target of 0', () => {
    expect(capaianOf(null, 9).percent).toBeNull();
    expect(capaianOf(3, null).percent).toBeNull();
    expect(capaianOf(3, 0).percent).toBeNull();
  });
});

describe('capaian of a target with several outputs', () => {
  it('splits the target into its outputs, one per line without its number', () => {
    expect(outputsOf('1) 9 dokumen\n2) 4 notulen per unit')).toEqual(['9 dokumen', '4 notulen per unit']);
    expect(outputsOf('9 dokumen\n 3) 100 %\n\n')).toEqual(['9 dokumen', '100 %']);
    expect(outputsOf('9 dokumen')).toEqual(['9 dokumen']);
    expect(outputsOf('')).toEqual([]);
  });

  it('is the mean of each output: 6 of 9 documents and 4 of 4 notulen is (66,67 + 100) ÷ 2 = 83,33 %', () => {
    const c = capaianOfOutputs([{ realisasi: 6, target: 9 }, { realisasi: 4, target: 4 }]);

    expect(c.percent).toBeCloseTo(83.3333, 3);
    expect(c.overTarget).toBe(false);
  });

  it('caps each output at 100 % so one done over target cannot hide one behind: 12 of 9 and 2 of 4 is (100 + 50) ÷ 2 = 75 %, flagged', () => {
    expect(capaianOfOutputs([{ realisasi: 12, target: 9 }, { realisasi: 2, target: 4 }])).toEqual({ percent: 75, overTarget: true });
  });

  it('counts an output not reported as 0 % once another is: 6 of 9 and nothing of 4 is 66,67 ÷ 2 = 33,33 %', () => {
    expect(capaianOfOutputs([{ realisasi: 6, target: 9 }, { realisasi: null, target: 4 }]).percent).toBeCloseTo(33.3333, 3);
  });

  it('leaves out outputs whose target has no number, and is none when no output has a realisasi', () => {
    expect(capaianOfOutputs([{ realisasi: 3, target: 9 }, { realisasi: 1, target: null }]).percent).toBeCloseTo(33.3333, 3);
    expect(capaianOfOutputs([{ realisasi: null, target: 9 }, { realisasi: null, target: 4 }])).toEqual({ percent: null, overTarget: false });
    expect(capaianOfOutputs([{ realisasi: 2, target: null }, { realisasi: 1, target: null }])).toEqual({ percent: null, overTarget: false });
  });

  it('is plain capaianOf, not capped, for a single output', () => {
    expect(capaianOfOutputs([{ realisasi: 12, target: 9 }]).percent).toBeCloseTo(133.3333, 3);
    expect(capaianOfOutputs([])).toEqual({ percent: null, overTarget: false });
  });

  it('stores one realisasi per output for several, the single field going to the first output', () => {
    expect(storedRealisasi(2, { realisasi: null, outputRealisasi: [6, 4] })).toEqual({ realisasi: 6, outputRealisasi: [6, 4] });
    expect(storedRealisasi(3, { realisasi: null, outputRealisasi: [6] })).toEqual({ realisasi: 6, outputRealisasi: [6, null, null] });
    expect(storedRealisasi(2, { realisasi: 5, outputRealisasi: null })).toEqual({ realisasi: 5, outputRealisasi: [5, null] });
    expect(storedRealisasi(1, { realisasi: 5, outputRealisasi: null })).toEqual({ realisasi: 5, outputRealisasi: null });
    expect(storedRealisasi(1, { realisasi: null, outputRealisasi: [7, 1] })).toEqual({ realisasi: 7, outputRealisasi: null });
  });
});

describe('on schedule', () => {
  const s1 = { year: 2022, semester: 1 as const };
  const s2 = { year: 2022, semester: 2 as const };
  const waktu = 'TW III 2022 – TW IV 2024';

  it('reads where the waktu starts', () => {
    expect(scheduleStart(waktu)).toEqual({ year: 2022, quarter: 3 });
    expect(scheduleStart('TW IV 2023 – TW IV 2024')).toEqual({ year: 2023, quarter: 4 });
    expect(scheduleStart('sepanjang tahun')).toBeNull();
    expect(startsAfter(waktu, s1)).toBe(true);
    expect(startsAfter(waktu, s2)).toBe(false);
  });

  it.each([
    ['selesai', null, s1, true],
    ['tidak_dilaksanakan', 100, s2, false],
    ['belum_dimulai', null, s1, true],
    ['belum_dimulai', null, s2, false],
    ['berjalan', 50, s1, true],
    ['berjalan', 49.9, s1, false],
    ['berjalan', 99, s2, false],
    ['berjalan', 100, s2, true],
    ['berjalan', null, s2, true],
  ] as const)('%s with capaian %p in %o is %p', (status, capaian, semester, expected) => {
    expect(isOnSchedule({ status, capaian }, waktu, semester)).toBe(expected);
  });

  it('is never on schedule without a report or a status', () => {
    expect(isOnSchedule(null, waktu, s1)).toBe(false);
    expect(isOnSchedule({ status: null, capaian: 100 }, waktu, s1)).toBe(false);
  });

  it('gives the share of rows on schedule: 2 of 3 is 66,67 %, none of none is nothing', () => {
    expect(onScheduleShare(2, 3)).toBeCloseTo(66.6667, 3);
    expect(onScheduleShare(0, 0)).toBeNull();
  });
});

describe('reporting windows', () => {
  const window = { opensOn: '2022-07-01', deadline: '2022-07-15' };

  it('takes the calendar date in WITA: 16.30 UTC on 14 July is already 15 July in Sangatta', () => {
    expect(witaDate(new Date('2022-07-14T16:30:00Z'))).toBe('2022-07-15');
  });

  it('is open from its first day to its deadline, both inclusive', () => {
    expect(windowState(window, new Date('2022-06-30T15:59:00Z'))).toBe('belum_dibuka');
    expect(windowState(window, new Date('2022-06-30T16:00:00Z'))).toBe('terbuka');
    expect(windowState(window, new Date('2022-07-15T15:59:00Z'))).toBe('terbuka');
    expect(windowState(window, new Date('2022-07-15T16:00:00Z'))).toBe('ditutup');
  });

  it('has no schedule when the admin set none', () => {
    expect(windowState(null, new Date())).toBe('tanpa_jadwal');
  });
});

describe('the coordinating unit of a row', () => {
  const units = [
    { id: 1, name: 'Sekretariat Daerah', abbreviation: 'Setda' },
    { id: 2, name: 'Dinas Komunikasi dan Informatika, Persandian dan Statistik', abbreviation: 'Diskominfo Perstik' },
    { id: 3, name: 'Inspektorat Daerah', abbreviation: 'Inspektorat' },
    { id: 4, name: 'Sekretariat DPRD', abbreviation: 'Setwan' },
    { id: 5, name: 'Badan Perencanaan Pembangunan Daerah', abbreviation: 'Bappeda' },
  ];

  it.each([
    ['Dinas Komunikasi, Informatika, Statistik dan Persandian', 2],
    ['Bagian Hukum Sekretariat Daerah', 1],
    ['Inspektorat Daerah', 3],
    ['Bappeda', 5],
    ['Dinas Kesehatan', null],
  ])('finds %j as unit %p', (text, id) => {
    expect(matchCoordinator(text, units)?.id ?? null).toBe(id);
  });
});
