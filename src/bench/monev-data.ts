import type { Db } from '../db/database';

/**
 * The monev of a signed plan as a kabupaten has it after two years: reporting windows and, for four semesters, a
 * realisasi for every Lampiran I row and an own report from most units with a Lampiran II part, each with evidence
 * links. Written with SQL in one transaction.
 * NOTE: not through the monitoring service's saves: each save reads the whole monitoring state first, so the
 * thousands of unit reports of a province would take minutes to write, and the bench measures the pages, not saves.
 */

export const MONEV_SEMESTERS = ['2022-1', '2022-2', '2023-1', '2023-2'] as const;

const WINDOWS: Record<string, [string, string]> = {
  '2022-1': ['2022-07-01', '2022-07-22'],
  '2022-2': ['2023-01-02', '2023-01-20'],
  '2023-1': ['2023-07-03', '2023-07-21'],
  '2023-2': ['2024-01-02', '2024-01-19'],
};

const STATES = ['diterima', 'diterima', 'diterima', 'diajukan', 'dikembalikan', 'draf'] as const;
const STATUSES = ['berjalan', 'selesai', 'berjalan', 'belum_dimulai', 'tidak_dilaksanakan'] as const;

export interface MonevData {
  planId: number;
  rowReports: number;
  unitReports: number;
  evidence: number;
}

/** What the plan asks to be reported, as GET /api/periods/:periodId/renaksi/progress lists it. */
export interface MonevPlanShape {
  plan: { id: number; status: string } | null;
  rows: { id: number }[];
  units: { id: number; indicators: string[] }[];
}

/** Writes the windows and four semesters of reports on a final plan. */
export function writeMonevData(db: Db, shape: MonevPlanShape, adminId: number): MonevData {
  const plan = shape.plan;
  if (plan?.status !== 'final') throw new Error('monev bench: the plan is not final');
  const rows = shape.rows;
  const indicators = new Map(shape.units.map((u) => [u.id, u.indicators]));
  const now = '2024-01-10T02:00:00.000Z';
  const win = db.prepare('INSERT INTO monev_windows (plan_id, year, semester, opens_on, deadline, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const row = db.prepare(
    `INSERT INTO monev_row_reports (row_id, year, semester, status, realisasi, kendala, tindak_lanjut, review_state, reported_by, submitted_at, reviewed_by, reviewed_at, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 3, ?, ?)`,
  );
  const unit = db.prepare(
    `INSERT INTO monev_unit_reports (plan_id, unit_id, year, semester, review_state, reported_by, submitted_at, reviewed_by, reviewed_at, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 3, ?, ?)`,
  );
  const item = db.prepare('INSERT INTO monev_unit_items (report_id, indicator_code, status, activity, kendala) VALUES (?, ?, ?, ?, ?)');
  const link = db.prepare("INSERT INTO monev_evidence (row_report_id, unit_report_id, indicator_code, kind, url, created_by, created_at) VALUES (?, ?, ?, 'link', ?, ?, ?)");
  const out: MonevData = { planId: plan.id, rowReports: 0, unitReports: 0, evidence: 0 };
  db.transaction(() => {
    MONEV_SEMESTERS.forEach((key, s) => {
      const [year, semester] = key.split('-').map(Number) as [number, number];
      win.run(plan.id, year, semester, ...(WINDOWS[key] as [string, string]), now, adminId);
      rows.forEach((r, i) => {
        const state = STATES[(i + s) % STATES.length] as string;
        const reviewed = state === 'diterima' || state === 'dikembalikan';
        const id = Number(row.run(r.id, year, semester, STATUSES[i % STATUSES.length], (i % 9) + s, i % 4 === 0 ? 'Anggaran belum tersedia dalam DPA.' : '',
          i % 4 === 0 ? 'Diusulkan dalam APBD Perubahan.' : '', state, adminId, state === 'draf' ? null : now, reviewed ? adminId : null, reviewed ? now : null, now, now).lastInsertRowid);
        out.rowReports++;
        for (let k = 0; k < 1 + (i % 3); k++, out.evidence++) link.run(id, null, null, `https://bukti.example.go.id/renaksi/${key}/${r.id}-${k}.pdf`, adminId, now);
      });
      let u = 0;
      for (const [unitId, codes] of indicators) {
        u++;
        if (codes.length === 0 || u % 7 === 3) continue;
        const state = STATES[(u + s) % STATES.length] as string;
        const reviewed = state === 'diterima' || state === 'dikembalikan';
        const id = Number(unit.run(plan.id, unitId, year, semester, state, adminId, state === 'draf' ? null : now, reviewed ? adminId : null, reviewed ? now : null, now, now).lastInsertRowid);
        out.unitReports++;
        for (const code of codes) item.run(id, code, STATUSES[u % STATUSES.length], 'Rapat internal dan penyusunan draf dokumen.', u % 5 === 2 ? 'Narahubung merangkap tugas lain.' : '');
        link.run(null, id, codes[0], `https://bukti.example.go.id/unit/${unitId}/${key}.pdf`, adminId, now);
        out.evidence++;
      }
    });
  })();
  db.exec('ANALYZE');
  return out;
}
