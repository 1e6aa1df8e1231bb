import type { Db } from '../db/database';
import { parseInstrument } from './instrument.loader';
import type { Instrument } from './instrument.schemas';

/** Stored instrument versions. A version's content never changes once stored, so parsed copies are cached. */
export function createInstrumentRepo(db: Db) {
  const byId = db.prepare<[number], { content: string }>('SELECT content FROM instruments WHERE id = ?');
  const byVersion = db.prepare<[string, string], { id: number; content: string }>(
    'SELECT id, content FROM instruments WHERE code = ? AND version = ?',
  );
  const insert = db.prepare('INSERT INTO instruments (code, version, content, loaded_at) VALUES (?, ?, ?, ?)');
  const latest = db.prepare<[], { id: number; version: string }>('SELECT id, version FROM instruments ORDER BY id DESC LIMIT 1');
  const cache = new Map<number, Instrument>();
  return {
    findById(id: number): Instrument | undefined {
      const hit = cache.get(id);
      if (hit) return hit;
      const row = byId.get(id);
      if (!row) return undefined;
      const inst = parseInstrument(JSON.parse(row.content), `instruments#${id}`);
      cache.set(id, inst);
      return inst;
    },
    /**
     * Stores a template version unless the same code+version is already stored; a stored version whose content
     * differs is refused, since periods that use it must keep reading their answers the same way.
     */
    ensure(inst: Instrument): number {
      const content = JSON.stringify(inst);
      const existing = byVersion.get(inst.code, inst.version);
      if (existing) {
        if (existing.content !== content) {
          throw new Error(
            `Templat ${inst.code} versi ${inst.version} berbeda dari yang sudah tersimpan; naikkan nomor versinya`,
          );
        }
        return existing.id;
      }
      return Number(insert.run(inst.code, inst.version, content, new Date().toISOString()).lastInsertRowid);
    },
    latest: () => latest.get(),
  };
}
export type InstrumentRepo = ReturnType<typeof createInstrumentRepo>;
