import type { Db } from '../db/database';
import { toEvidence, type EvidenceColumns, type EvidenceRecord } from '../evidence';
import type { StoredKabupatenAnswer } from './kabupaten-state';

/** One stored answer of a kabupaten condition with who answered and who decided. */
export interface KabupatenAnswer extends StoredKabupatenAnswer {
  itemCode: string;
  note: string;
  answeredBy: string | null;
  answeredAt: string | null;
  verifierComment: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** A kabupaten evidence row with what a download and a delete check. */
export type KabupatenEvidenceRecord = Omit<EvidenceRecord, 'assessmentId' | 'unitId' | 'assessmentStatus'>;

interface AnswerRow {
  item_code: string;
  value: string | null;
  note: string;
  answered_by_name: string | null;
  answered_at: string | null;
  decision: 'terima' | 'ubah' | null;
  judged_value: string | null;
  verified_value: string | null;
  verifier_comment: string;
  decided_by_name: string | null;
  decided_at: string | null;
}

/** A kabupaten_evidence row, its item_code read as indicator_code (the units' evidence columns). */
type EvidenceRow = EvidenceColumns & { period_id: number };

const toAnswer = (r: AnswerRow): KabupatenAnswer => ({
  itemCode: r.item_code,
  value: r.value,
  note: r.note,
  answeredBy: r.answered_by_name,
  answeredAt: r.answered_at,
  decision: r.decision,
  judgedValue: r.judged_value,
  verifiedValue: r.verified_value,
  verifierComment: r.verifier_comment,
  decidedBy: r.decided_by_name,
  decidedAt: r.decided_at,
});

const toRecord = (r: EvidenceRow): KabupatenEvidenceRecord => ({
  ...toEvidence(r),
  periodId: r.period_id,
  sha256: r.file_sha256,
  mimeType: r.mime_type,
  deletedAt: r.deleted_at,
});

/** Every SQL string of the kabupaten conditions. */
export function createKabupatenRepo(db: Db) {
  const answers = db.prepare<[number], AnswerRow>(
    `SELECT k.*, a.display_name AS answered_by_name, d.display_name AS decided_by_name
     FROM kabupaten_answers k LEFT JOIN users a ON a.id = k.answered_by LEFT JOIN users d ON d.id = k.decided_by
     WHERE k.period_id = ?`,
  );
  const upsertAnswer = db.prepare(
    `INSERT INTO kabupaten_answers (period_id, item_code, value, note, answered_by, answered_at)
     VALUES (@periodId, @code, @value, @note, @userId, @now)
     ON CONFLICT (period_id, item_code) DO UPDATE SET value = excluded.value, note = excluded.note,
       answered_by = excluded.answered_by, answered_at = excluded.answered_at, revision = revision + 1`,
  );
  const setDecision = db.prepare(
    `UPDATE kabupaten_answers SET decision = @decision, judged_value = @judgedValue, verified_value = @verifiedValue,
       verifier_comment = @comment, decided_by = @userId, decided_at = @now, revision = revision + 1
     WHERE period_id = @periodId AND item_code = @code`,
  );
  const EVIDENCE_SELECT = `SELECT e.*, e.item_code AS indicator_code, u.display_name AS created_by_name
     FROM kabupaten_evidence e LEFT JOIN users u ON u.id = e.created_by`;
  const evidence = db.prepare<[number], EvidenceRow>(`${EVIDENCE_SELECT} WHERE e.period_id = ? AND e.deleted_at IS NULL ORDER BY e.id`);
  const evidenceById = db.prepare<[number], EvidenceRow>(`${EVIDENCE_SELECT} WHERE e.id = ?`);
  const insertLink = db.prepare(
    `INSERT INTO kabupaten_evidence (period_id, item_code, kind, url, created_by, created_at) VALUES (?, ?, 'link', ?, ?, ?)`,
  );
  const insertFile = db.prepare(
    `INSERT INTO kabupaten_evidence (period_id, item_code, kind, file_name, file_size, file_sha256, mime_type, created_by, created_at)
     VALUES (@periodId, @code, 'file', @fileName, @size, @sha256, @mimeType, @userId, @now)`,
  );
  const softDelete = db.prepare('UPDATE kabupaten_evidence SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL');
  const changeKey = db.prepare<[number], { k: string }>(
    `SELECT count(*) || ':' || coalesce(sum(revision), 0) AS k FROM kabupaten_answers WHERE period_id = ?`,
  );
  const now = () => new Date().toISOString();
  return {
    /** The period's answers by item code. */
    answers(periodId: number): Record<string, KabupatenAnswer> {
      return Object.fromEntries(answers.all(periodId).map((r) => [r.item_code, toAnswer(r)]));
    },
    upsertAnswer(a: { periodId: number; code: string; value: string | null; note: string; userId: number }): void {
      upsertAnswer.run({ ...a, now: now() });
    },
    /** Sets (or with decision null clears) the verifikator's decision on an existing answer row. */
    setDecision(d: { periodId: number; code: string; decision: 'terima' | 'ubah' | null; judgedValue: string | null; verifiedValue: string | null; comment: string; userId: number | null }): void {
      setDecision.run({ ...d, now: d.decision === null ? null : now() });
    },
    /** Evidence of the period grouped by item code (deleted rows left out). */
    evidenceByItem(periodId: number): Record<string, KabupatenEvidenceRecord[]> {
      const out: Record<string, KabupatenEvidenceRecord[]> = {};
      for (const r of evidence.all(periodId)) (out[r.indicator_code] ??= []).push(toRecord(r));
      return out;
    },
    findEvidence(id: number): KabupatenEvidenceRecord | undefined {
      const r = evidenceById.get(id);
      return r && toRecord(r);
    },
    insertLink: (periodId: number, code: string, url: string, userId: number): number =>
      Number(insertLink.run(periodId, code, url, userId, now()).lastInsertRowid),
    insertFile: (f: { periodId: number; code: string; fileName: string; size: number; sha256: string; mimeType: string; userId: number }): number =>
      Number(insertFile.run({ ...f, now: now() }).lastInsertRowid),
    /** Marks the row deleted (the file stays: another row may hold the same content). */
    softDeleteEvidence: (id: number): void => {
      softDelete.run(now(), id);
    },
    /** Changes whenever an answer or a decision of the period changes. */
    changeKey: (periodId: number): string => changeKey.get(periodId)?.k ?? '0:0',
  };
}
export type KabupatenRepo = ReturnType<typeof createKabupatenRepo>;
