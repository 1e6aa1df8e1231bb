import type { TestContext } from './test-app';
import { buildAssessment, buildUser, loginAs, unitId } from './test-app';

export interface StoredRow {
  id: number;
  source_key: string | null;
  scope: string;
  aspect_code: string;
  indicator_code: string | null;
  problem: string;
  activity: string;
  budget: string;
  targets: string;
  output_targets: string;
  dpa: string;
  counts: string | null;
  notes: string;
  edited_fields: string;
  gap_open: number;
  version: number;
  sort_order: number;
  is_priority: number;
  deleted_at: string | null;
}

/** Every Renaksi row as stored, in document order. */
export function storedRows(ctx: TestContext): StoredRow[] {
  return ctx.db.prepare('SELECT * FROM renaksi_rows ORDER BY sort_order, id').all() as StoredRow[];
}

/** The row drafted for a source key ('kab:A1'). */
export function rowByKey(ctx: TestContext, key: string): StoredRow {
  const row = storedRows(ctx).find((r) => r.source_key === key);
  if (!row) throw new Error(`no row ${key}`);
  return row;
}

/** Everything the Renaksi features write, for asserting that a refused request changed nothing. */
export function renaksiState(ctx: TestContext): string {
  const q = (sql: string) => ctx.db.prepare(sql).all();
  return JSON.stringify({
    plans: q('SELECT * FROM renaksi_plans'),
    rows: q('SELECT * FROM renaksi_rows ORDER BY id'),
    notes: q('SELECT * FROM renaksi_unit_notes ORDER BY id'),
    versions: q('SELECT plan_id, version_no, finalized_at, length(xlsx) AS size FROM renaksi_versions'),
    uploads: q('SELECT * FROM renaksi_uploads'),
    settings: q("SELECT * FROM settings WHERE key LIKE 'renaksi.%'"),
  });
}

/**
 * Every active unit of the period submitted at level 4 on every indicator except: Kecamatan Busang A1 = 1 and A2 = 2,
 * Dinas Kesehatan (verified) A1 = 3, Kecamatan Telen B1 = 2. Drafting gives three Lampiran I rows: kab:A1 (I.1;
 * 55 of 57 at target, then 56, 56, 57), kab:A2 (I.2; 56, then 56, 57, 57) and kab:B1 (II.1; 56, then 56, 57, 57).
 */
export async function seedGaps(ctx: TestContext): Promise<{ adminId: number; busang: number; dinkes: number; telen: number }> {
  const adminId = (await buildUser(ctx.repos, { role: 'admin' })).id;
  const busang = unitId(ctx.repos, 'KEC-BUSANG');
  const telen = unitId(ctx.repos, 'KEC-TELEN');
  const dinkes = unitId(ctx.repos, 'PD-DINKES');
  const own: Record<number, { levels: Record<string, number>; status: 'diajukan' | 'diverifikasi' }> = {
    [busang]: { levels: { A1: 1, A2: 2 }, status: 'diajukan' },
    [telen]: { levels: { B1: 2 }, status: 'diajukan' },
    [dinkes]: { levels: { A1: 3 }, status: 'diverifikasi' },
  };
  for (const unit of ctx.repos.units.listActive()) {
    const mine = own[unit.id] ?? { levels: {}, status: 'diajukan' as const };
    buildAssessment(ctx, { unitId: unit.id, fill: 4, levels: mine.levels, status: mine.status, userId: adminId });
  }
  return { adminId, busang, dinkes, telen };
}

/** seedGaps, a Renaksi team member, and the plan drafted by them: the arrange step of the Renaksi HTTP tests. */
export async function draftedPlan(ctx: TestContext): Promise<{ ids: Awaited<ReturnType<typeof seedGaps>>; tim: string; url: string }> {
  const ids = await seedGaps(ctx);
  const tim = (await buildUser(ctx.repos, { role: 'tim_renaksi' })).username;
  const url = `/periods/${ctx.periodId}/renaksi`;
  const { agent, csrf } = await loginAs(ctx.app, tim);
  await agent.post(`${url}/generate`).type('form').send({ _csrf: csrf });
  return { ids, tim, url };
}

/** `username` (a Renaksi team member) finalises the period's plan through the form; anything but the redirect throws. */
export async function finalizePlan(ctx: TestContext, username: string): Promise<void> {
  const { agent, csrf } = await loginAs(ctx.app, username);
  const res = await agent.post(`/periods/${ctx.periodId}/renaksi/finalize`).type('form').send({ _csrf: csrf });
  if (res.status !== 302) throw new Error(`finalising the plan answered ${res.status}`);
}

/** The form a person sends when saving a row unchanged except for `overrides`. */
export function rowForm(row: StoredRow, overrides: Record<string, string> = {}): Record<string, string> {
  const full = rowFields(row);
  return { ...full, ...overrides };
}

function rowFields(row: StoredRow): Record<string, string> {
  const targets = JSON.parse(row.targets) as Record<string, number>;
  const outputs = JSON.parse(row.output_targets) as Record<string, string>;
  const r = row as unknown as Record<string, unknown>;
  const text = (k: string) => String(r[k] ?? '');
  return {
    version: String(row.version),
    goal: text('goal'),
    problem: row.problem,
    activity: row.activity,
    outputIndicator: text('output_indicator'),
    schedule: text('schedule'),
    responsible: text('responsible'),
    unitScope: text('unit_scope'),
    dpa: text('dpa'),
    budget: row.budget,
    support: text('support'),
    verification: text('verification'),
    notes: row.notes,
    ...Object.fromEntries(Object.entries(targets).map(([y, v]) => [`target_${y}`, String(v)])),
    ...Object.fromEntries(Object.entries(outputs).map(([y, v]) => [`output_${y}`, v])),
    ...(row.is_priority ? { isPriority: '1' } : {}),
  };
}
