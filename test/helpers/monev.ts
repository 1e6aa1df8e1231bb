import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildUser, createTestContext, unitId, type TestContext } from './test-app';
import { draftedPlan, finalizePlan, rowByKey } from './renaksi';

/** Everything the monev writes, for asserting that a refused request changed nothing. */
export function monevState(ctx: TestContext): string {
  const q = (sql: string) => ctx.db.prepare(sql).all();
  return JSON.stringify({
    windows: q('SELECT * FROM monev_windows ORDER BY plan_id, year, semester'),
    rows: q('SELECT * FROM monev_row_reports ORDER BY id'),
    units: q('SELECT * FROM monev_unit_reports ORDER BY id'),
    items: q('SELECT * FROM monev_unit_items ORDER BY report_id, indicator_code'),
    evidence: q('SELECT * FROM monev_evidence ORDER BY id'),
    coordinators: q('SELECT * FROM monev_coordinators ORDER BY row_id'),
  });
}

export interface MonevSetup {
  url: string;
  /** kab:A1's row id (I.1, penanggung jawab "Bagian Organisasi Sekretariat Daerah": Setda coordinates it). */
  rowA1: number;
  busang: number;
  users: { admin: string; tim: string; verifikator: string; setda: string; busang: string; telen: string };
}

/**
 * The Renaksi of seedGaps drafted and finalised (rows kab:A1, kab:A2, kab:B1 for 2022–2024), with the narahubung of
 * Sekretariat Daerah (coordinates kab:A1 and kab:A2), of Kecamatan Busang (own part A1, A2) and of Kecamatan Telen
 * (own part B1), an admin and a verifikator.
 */
export async function finalPlanForMonev(ctx: TestContext): Promise<MonevSetup> {
  const { tim } = await draftedPlan(ctx);
  await finalizePlan(ctx, tim);
  const busang = unitId(ctx.repos, 'KEC-BUSANG');
  const user = async (role: 'admin' | 'verifikator' | 'narahubung', code?: string) =>
    (await buildUser(ctx.repos, { role, unitId: code ? unitId(ctx.repos, code) : null })).username;
  return {
    url: `/periods/${ctx.periodId}/renaksi/monev`,
    rowA1: rowByKey(ctx, 'kab:A1').id,
    busang,
    users: {
      admin: await user('admin'), tim, verifikator: await user('verifikator'),
      setda: await user('narahubung', 'PD-SETKAB'), busang: await user('narahubung', 'KEC-BUSANG'), telen: await user('narahubung', 'KEC-TELEN'),
    },
  };
}

/**
 * A test context on a data folder of its own (the monev's evidence files are written there) with finalPlanForMonev
 * done: the arrange step of the monev HTTP tests. The caller removes `dataDir` after each test.
 */
export async function monevTestContext(): Promise<{ ctx: TestContext; m: MonevSetup; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-monev-'));
  const ctx = createTestContext({ dataDir });
  return { ctx, m: await finalPlanForMonev(ctx), dataDir };
}

/** A row report form as a person sends it. */
export function rowReportForm(csrf: string, over: Record<string, string> = {}): Record<string, string> {
  return { _csrf: csrf, version: '0', status: 'berjalan', realisasi: '1', kendala: '', tindakLanjut: '', link: '', action: 'simpan', ...over };
}
