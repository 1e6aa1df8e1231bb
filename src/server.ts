import type { Server } from 'node:http';
import { ConfigError, loadConfig } from './config/config';
import { createApp, createModules } from './app';
import { prepareDatabase } from './bootstrap';
import { MigrationError } from './db/migrate';
import { TemplateError } from './instrument';

async function main(): Promise<void> {
  const config = loadConfig();
  const { db, seed } = await prepareDatabase(config);
  if (seed.generatedAdminPassword) {
    console.log('='.repeat(64));
    console.log('Akun admin dibuat. Simpan kata sandi ini; tidak akan ditampilkan lagi:');
    console.log(`  nama pengguna: admin`);
    console.log(`  kata sandi   : ${seed.generatedAdminPassword}`);
    console.log('='.repeat(64));
  }
  const modules = createModules({ db, config });
  const app = createApp({ db, config }, modules);
  const stopPurge = modules.auth.schedulePurge();
  const server: Server = app.listen(config.port, config.host, () => {
    console.log(`SP4N-LAPOR! Penilaian Mandiri berjalan di http://localhost:${config.port} (data: ${config.dataDir})${config.demo ? ' [DEMO]' : ''}`);
  });
  const shutdown = (signal: string) => {
    console.log(`${signal} diterima: menutup server...`);
    stopPurge();
    server.close(() => {
      db.close();
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof MigrationError || err instanceof TemplateError) {
    console.error(err.message);
  } else {
    console.error('Gagal memulai server:', err);
  }
  process.exit(1);
});
