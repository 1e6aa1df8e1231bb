import fs from 'node:fs';
import path from 'node:path';
import { INSTRUMENT_SCHEMA, type Instrument } from './instrument.schemas';

export class TemplateError extends Error {}

/** Lists whose items are named by their code in messages. */
const CONTAINER_LABELS: Record<string, string> = { aspects: 'aspek', indicators: 'indikator', kabupatenChecklist: 'kondisi kabupaten' };

/** Describes a zod issue path like aspects.3.indicators.1.levels as 'aspek D, indikator D2, field "levels"'. */
function describePath(raw: unknown, issuePath: PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = raw;
  for (let i = 0; i < issuePath.length; i++) {
    const key = issuePath[i];
    const next = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key as string] : undefined;
    const code = next && typeof next === 'object' ? (next as { code?: unknown }).code : undefined;
    if (typeof key === 'number') {
      const label = CONTAINER_LABELS[String(issuePath[i - 1])];
      if (label) parts.push(`${label} ${typeof code === 'string' ? code : `#${key + 1}`}`);
      else parts.push(`butir ${key + 1}`);
    } else if (!(Object.hasOwn(CONTAINER_LABELS, String(key)) && typeof issuePath[i + 1] === 'number')) {
      parts.push(`field "${String(key)}"`);
    }
    node = next;
  }
  return parts.join(', ') || 'akar berkas';
}

/** Validates parsed JSON as an instrument; the error names the file, the indicator and the field. */
export function parseInstrument(raw: unknown, fileLabel: string): Instrument {
  const result = INSTRUMENT_SCHEMA.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `- ${describePath(raw, i.path)}: ${i.message}`);
  throw new TemplateError(`Templat instrumen ${fileLabel} tidak valid:\n${lines.join('\n')}`);
}

/** Reads and validates one template file. */
export function loadInstrumentFile(file: string): Instrument {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new TemplateError(`Templat instrumen ${file} tidak dapat dibaca: ${(err as Error).message}`);
  }
  return parseInstrument(raw, file);
}

/** Orders versions part by part as numbers (2022.2 before 2022.10). */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Loads every instrument-*.json in the templates folder, oldest version first (the last is the newest). */
export function loadInstrumentTemplates(dir: string): Instrument[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^instrument-.+\.json$/.test(f))
    .map((f) => loadInstrumentFile(path.join(dir, f)))
    .sort((a, b) => compareVersions(a.version, b.version));
}
