import type { Db } from '../db/database';

export interface RecapAnswer {
  level: number | null;
  isNa: boolean;
  note: string;
  verifiedLevel: number | null;
  verifierNote: string;
}

/** One piece of evidence as the recap lists it: a link's URL or an uploaded file's name. */
export interface RecapEvidence {
  kind: 'link' | 'file';
  text: string;
}

/**
 * Read-only queries for the assessment recap workbook, one assessment at a time so the export streams: memory stays
 * flat however many units a period has. (Indexed point reads: one query over the whole period, ordered, measured no
 * faster for 27 000 assessments.)
 */
export function createExportsRepo(db: Db) {
  // NOTE: rows as arrays (raw): the national recap reads 900 000 answers and keyed row objects cost a quarter of that.
  const answers = db.prepare<[number], [indicatorCode: string, level: number | null, isNa: number, note: string, verifiedLevel: number | null, verifierNote: string]>(
    'SELECT indicator_code, level, is_na, note, verified_level, verifier_note FROM answers WHERE assessment_id = ?',
  ).raw(true);
  const evidence = db.prepare<[number], { indicator_code: string; kind: 'link' | 'file'; url: string | null; file_name: string | null }>(
    `SELECT indicator_code, kind, url, file_name FROM evidence
     WHERE assessment_id = ? AND deleted_at IS NULL ORDER BY indicator_code, id`,
  );
  return {
    answersOf(assessmentId: number): Record<string, RecapAnswer> {
      const out: Record<string, RecapAnswer> = {};
      for (const [code, level, isNa, note, verifiedLevel, verifierNote] of answers.all(assessmentId)) {
        out[code] = { level, isNa: isNa === 1, note, verifiedLevel, verifierNote };
      }
      return out;
    },
    evidenceOf(assessmentId: number): Record<string, RecapEvidence[]> {
      const out: Record<string, RecapEvidence[]> = {};
      for (const r of evidence.iterate(assessmentId)) {
        const text = (r.kind === 'link' ? r.url : r.file_name) ?? '';
        if (text) (out[r.indicator_code] ??= []).push({ kind: r.kind, text });
      }
      return out;
    },
  };
}
export type ExportsRepo = ReturnType<typeof createExportsRepo>;
