import fs from 'node:fs';
import path from 'node:path';
import { INSTRUMENT_SCHEMA, type Instrument } from './instrument.schemas';

export class TemplateError extends Error {}

/** Describes a zod issue path like aspects.3.indicators.1.levels as "aspek D, indikator D2, field levels". */
function describePath(raw: unknown, issuePath: PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = raw;
  for (let i = 0; i < issuePath.length; i++) {
    const key = issuePath[i];
    const next = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key as string] : undefined;
    const isIndex = typeof key === 'number';
    const code = next && typeof next === 'object' ? (next as { code?: unknown }).code : undefined;
    const container = issuePath[i - 1];
    if (isIndex && container === 'aspects') parts.push(`aspek ${typeof code === 'string' ? code : `#${key + 1}`}`);
    else if (isIndex && container === 'indicators') parts.push(`indikator ${typeof code === 'string' ? code : `#${key + 1}`}`);
    else if (isIndex) parts.push(`butir ${key + 1}`);
    else if (key !== 'aspects' && key !== 'indicators') parts.push(`field "${String(key)}"`);
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

/** Loads every instrument-*.json in the templates folder, oldest version first. */
export function loadInstrumentTemplates(dir: string): Instrument[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^instrument-.+\.json$/.test(f))
    .sort()
    .map((f) => loadInstrumentFile(path.join(dir, f)));
}
