import { ConfigError, loadConfig } from './config/config';
import { createModules } from './app';
import { prepareDatabase, seedDemoData } from './bootstrap';
import { AppError } from './errors/app-error';
import path from 'node:path';
import { backupDatabase, copyMissingFiles, evidenceBackupDir, restoreDatabase } from './db/backup';
import { formatInt } from './shared/format';

const HELP = `Penggunaan: npm run cli -- <perintah> [opsi]

Perintah:
  user:add --username U --role PERAN [--unit KODE_UNIT] --password P [--name "Nama Lengkap"]
      Membuat akun. PERAN: admin, verifikator, narahubung, fasilitator, tim_renaksi.
      Narahubung wajib --unit (kode unit, mis. KEC-SANGATTA-UTARA).
  units:list        Menampilkan kode dan nama semua unit.
  migrate           Membuat/memperbarui basis data di DATA_DIR dan mengisi data awal.
  demo:seed         Mengisi data demo: jawaban contoh periode bawaan, Renaksi yang sudah difinalkan
                    beserta realisasinya, dan periode berikutnya (lihat DEMO di README).
  lapor:import --period ID --file F [--mapping M.json] [--export-date YYYY-MM-DD] [--apply]
      Membaca ekspor laporan SP4N-LAPOR! (.xlsx/.csv) untuk periode ID dan mencetak pratinjaunya; dengan
      --apply menyimpannya (laporan yang sudah ada diperbarui menurut ID Tracking). M.json memetakan kolom,
      mis. {"ID Tracking": "No. Tiket"}. Instansi dipakai bila namanya sama dengan unit atau sudah
      dikonfirmasi di halaman web; lainnya dikecualikan. Tanggal ekspor bawaan: hari ini.
  backup <berkas>   Mencadangkan basis data ke <berkas> dan berkas bukti dukung ke <berkas>.bukti/
                    (aman saat server berjalan).
  restore <berkas>  Memulihkan basis data dari <berkas> cadangan (ditolak selama server berjalan);
                    berkas yang bukan cadangan sah skema ini ditolak.
  --help            Menampilkan bantuan ini.

Variabel lingkungan: DATA_DIR (bawaan ./data), ADMIN_PASSWORD.`;

/** Parses `--key value` pairs; a flag without a value is "true". */
export function parseFlags(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('--')) continue;
    const next = args[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out[a.slice(2)] = next;
      i++;
    } else out[a.slice(2)] = 'true';
  }
  return out;
}

/** Runs one CLI command; returns the process exit code. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help' || command === '-h') {
    console.log(HELP);
    return 0;
  }
  const known = ['user:add', 'units:list', 'migrate', 'demo:seed', 'lapor:import', 'backup', 'restore'];
  if (!known.includes(command)) {
    console.error(`Perintah tidak dikenal: ${command}\n\n${HELP}`);
    return 2;
  }
  const config = loadConfig(env);
  if (command === 'backup' || command === 'restore') {
    const file = rest[0];
    if (!file || file.startsWith('--')) {
      console.error(`Sebutkan berkasnya: npm run cli -- ${command} <berkas>`);
      return 2;
    }
    if (command === 'backup') {
      const size = await backupDatabase(config.dbFile, file);
      const files = copyMissingFiles(path.join(config.dataDir, 'evidence'), evidenceBackupDir(file));
      console.log(`Cadangan dibuat: ${file} (${formatInt(size)} bita) dan ${formatInt(files)} berkas bukti dukung di ${evidenceBackupDir(file)}.`);
    } else {
      const safety = await restoreDatabase(config.dbFile, file);
      const files = copyMissingFiles(evidenceBackupDir(file), path.join(config.dataDir, 'evidence'));
      console.log(`Basis data dipulihkan dari ${file} (${formatInt(files)} berkas bukti dukung dikembalikan).${safety ? ` Salinan sebelumnya: ${safety}` : ''}`);
    }
    return 0;
  }
  const { db, seed } = await prepareDatabase(config);
  try {
    const m = createModules({ db, config });
    if (seed.generatedAdminPassword) console.log(`Akun admin dibuat dengan kata sandi: ${seed.generatedAdminPassword}`);
    const flags = parseFlags(rest);
    if (command === 'user:add') {
      let unitId: number | null = null;
      if (flags.unit) {
        const unit = m.units.service.findByCode(flags.unit);
        if (!unit) {
          console.error(`Unit dengan kode "${flags.unit}" tidak ditemukan. Lihat: npm run cli -- units:list`);
          return 1;
        }
        unitId = unit.id;
      }
      const id = await m.users.service.createUser({ username: flags.username, displayName: flags.name ?? flags.username, role: flags.role, unitId, password: flags.password }, null);
      console.log(`Akun "${flags.username}" dibuat (id ${id}).`);
    } else if (command === 'units:list') {
      for (const u of m.units.service.listUnits()) console.log(`${u.code}\t${u.name}`);
    } else if (command === 'lapor:import') {
      return await m.lapor.runImportCli(flags, (line) => console.log(line));
    } else if (command === 'demo:seed') {
      await seedDemoData(db, m);
      console.log('Data demo diisi.');
    } else {
      console.log(`Basis data siap: ${config.dbFile}`);
    }
    return 0;
  } finally {
    db.close();
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((err: unknown) => {
      if (err instanceof AppError) {
        console.error(err.message);
        for (const [field, msg] of Object.entries(err.fields)) console.error(`  --${field === 'displayName' ? 'name' : field === 'unitId' ? 'unit' : field === 'exportDate' ? 'export-date' : field}: ${msg}`);
      } else if (err instanceof ConfigError || err instanceof Error) console.error(err.message);
      process.exit(1);
    });
}
