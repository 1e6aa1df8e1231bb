import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli';
import { TEST_PASSWORD_ENV } from '../../src/config/config';
import { openDatabase } from '../../src/db/database';
import { EXPORT_CSV } from '../helpers/lapor';

describe('npm run cli -- lapor:import', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let out: string[];

  const query = <T>(sql: string): T[] => {
    const db = openDatabase(path.join(dataDir, 'sp4n.sqlite'));
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  };
  const write = (name: string, text: string) => {
    const file = path.join(dataDir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-lapor-cli-'));
    env = { ...TEST_PASSWORD_ENV, DATA_DIR: dataDir, ADMIN_PASSWORD: 'admin-rahasia' };
    out = [];
    jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('prints the preview without --apply and stores nothing', async () => {
    const file = write('ekspor.csv', EXPORT_CSV);

    const code = await runCli(['lapor:import', '--period', '1', '--file', file, '--export-date', '2022-12-30'], env);

    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('ID Tracking ← "ID Tracking" (dikenali)');
    expect(text).toContain('Kolom data pribadi diabaikan (tidak disimpan): Nama Pelapor, NIK, Isi Laporan');
    expect(text).toContain('Baris 6: Tanggal Laporan "31/02/2022" tidak terbaca sebagai tanggal');
    expect(text).toContain('Dinkes Kutim: 1 baris (saran: Dinas Kesehatan; konfirmasi di halaman web)');
    expect(text).toContain('Akan disimpan: 3 laporan baru, 0 diperbarui.');
    expect(text).toContain('Pratinjau saja; tambahkan --apply untuk menyimpan.');
    expect(query('SELECT * FROM lapor_reports')).toEqual([]);
  });

  it('applies with --apply, then updates instead of doubling on the next run', async () => {
    const file = write('ekspor.csv', EXPORT_CSV);

    const first = await runCli(['lapor:import', '--period', '1', '--file', file, '--export-date', '2022-12-30', '--apply'], env);
    const second = await runCli(['lapor:import', '--period', '1', '--file', file, '--export-date', '2023-01-06', '--apply'], env);

    expect([first, second]).toEqual([0, 0]);
    expect(out.join('\n')).toContain('Diterapkan (impor #2): 0 laporan baru, 3 diperbarui.');
    expect(query('SELECT COUNT(*) AS n FROM lapor_reports')).toEqual([{ n: 3 }]);
    expect(query('SELECT source, export_date FROM lapor_imports ORDER BY id')).toEqual([{ source: 'cli', export_date: '2022-12-30' }, { source: 'cli', export_date: '2023-01-06' }]);
  });

  it('maps unusual headers with --mapping M.json, and says which required column is missing without it', async () => {
    const file = write('tiket.csv', 'No. Tiket;Tgl Masuk;OPD;Keadaan\n9001;01/03/2022;Dinas Kesehatan;Selesai\n');
    const mapping = write('pemetaan.json', JSON.stringify({ 'ID Tracking': 'No. Tiket', receivedOn: 'tgl masuk', Instansi: 'OPD', Status: 'Keadaan' }));

    const without = await runCli(['lapor:import', '--period', '1', '--file', file, '--export-date', '2022-12-30'], env);
    const withMapping = await runCli(['lapor:import', '--period', '1', '--file', file, '--mapping', mapping, '--export-date', '2022-12-30', '--apply'], env);

    expect(without).toBe(1);
    expect(out.join('\n')).toContain('Kolom wajib tidak ditemukan: ID Tracking, Tanggal Laporan, Instansi, Status.');
    expect(withMapping).toBe(0);
    expect(query('SELECT tracking_id, status FROM lapor_reports')).toEqual([{ tracking_id: '9001', status: 'selesai' }]);
    expect(query('SELECT * FROM lapor_header_mappings')).toEqual([]);
  });

  it('refuses an unknown mapping key, a file that is not an export and a file that is not there, storing nothing', async () => {
    const file = write('ekspor.csv', EXPORT_CSV);
    const badMapping = write('salah.json', JSON.stringify({ Pelapor: 'Nama Pelapor' }));
    const notExport = write('surat.txt', 'bukan ekspor');

    await expect(runCli(['lapor:import', '--period', '1', '--file', file, '--mapping', badMapping], env)).rejects.toMatchObject({ message: expect.stringContaining('Kolom "Pelapor" pada berkas pemetaan tidak dikenal') });
    await expect(runCli(['lapor:import', '--period', '1', '--file', notExport], env)).rejects.toMatchObject({ fields: { file: 'Pilih ekspor laporan SP4N-LAPOR! berupa berkas .xlsx atau .csv.' } });
    await expect(runCli(['lapor:import', '--period', '1', '--file', `${file}.hilang`], env)).rejects.toMatchObject({ message: `Berkas --file tidak dapat dibaca: ${file}.hilang (periksa nama dan foldernya).` });
    await expect(runCli(['lapor:import', '--period', '1', '--file', file, '--mapping', `${badMapping}.hilang`], env)).rejects.toMatchObject({ message: expect.stringContaining('Berkas --mapping tidak dapat dibaca') });
    expect(query('SELECT * FROM lapor_reports')).toEqual([]);
  });
});
