import { badInput } from '../errors/app-error';
import type { UnitGroup } from '../units';

/**
 * Which units a progress answer lists (GET /api/periods/:periodId/progress?unit=&kelompok=&limit=&offset=): one unit
 * by code, one group, and a page of the units that match. Empty: every unit, the answer as it always was.
 */
export interface UnitScope {
  unit?: string;
  kelompok?: UnitGroup;
  /** Present when paging was asked for (?limit or ?offset). */
  page?: { limit: number; offset: number };
}

/** The page asked for and how many units match the filters (the answer's `page`). */
export interface UnitPage {
  limit: number;
  offset: number;
  total: number;
}

export const PAGE_LIMIT_DEFAULT = 100;
export const PAGE_LIMIT_MAX = 1000;

const text = (raw: unknown, field: string): string | undefined => {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw badInput({ [field]: `Parameter ${field} harus satu nilai.` });
  return raw;
};

function whole(raw: unknown, field: string, min: number, max: number, message: string): number | undefined {
  const value = text(raw, field);
  if (value === undefined) return undefined;
  if (!/^[0-9]{1,9}$/.test(value) || Number(value) < min || Number(value) > max) throw badInput({ [field]: message });
  return Number(value);
}

/** Reads ?unit, ?kelompok, ?limit and ?offset; a bad value is refused (422) naming the parameter. */
export function parseUnitScope(query: Record<string, unknown>): UnitScope {
  const scope: UnitScope = {};
  const unit = text(query.unit, 'unit');
  if (unit !== undefined) {
    if (unit.trim() === '' || unit.length > 50) throw badInput({ unit: 'Parameter unit harus kode unit (1–50 karakter).' });
    scope.unit = unit.trim();
  }
  const kelompok = text(query.kelompok, 'kelompok');
  if (kelompok !== undefined) {
    if (kelompok !== 'pd' && kelompok !== 'kecamatan') throw badInput({ kelompok: 'Parameter kelompok harus pd atau kecamatan.' });
    scope.kelompok = kelompok;
  }
  const limit = whole(query.limit, 'limit', 1, PAGE_LIMIT_MAX, 'Parameter limit harus bilangan bulat 1–1.000.');
  const offset = whole(query.offset, 'offset', 0, 999_999_999, 'Parameter offset harus bilangan bulat 0 atau lebih.');
  if (limit !== undefined || offset !== undefined) scope.page = { limit: limit ?? PAGE_LIMIT_DEFAULT, offset: offset ?? 0 };
  return scope;
}

export const isWholeScope = (s: UnitScope): boolean => s.unit === undefined && s.kelompok === undefined && s.page === undefined;

/**
 * The unit codes the scope keeps out of `ordered` (each unit once, in answer order) and the page with the count of
 * matching units (null unless paging was asked for). An unknown ?unit is refused (422).
 */
export function selectUnits(ordered: { code: string; group: UnitGroup }[], scope: UnitScope): { codes: Set<string>; page: UnitPage | null } {
  if (scope.unit !== undefined && !ordered.some((u) => u.code === scope.unit)) {
    throw badInput({ unit: `Unit dengan kode ${scope.unit} tidak ada pada periode ini, periode pembanding, maupun periode Renaksi.` });
  }
  const matching = ordered.filter((u) => (scope.unit === undefined || u.code === scope.unit) && (scope.kelompok === undefined || u.group === scope.kelompok));
  if (!scope.page) return { codes: new Set(matching.map((u) => u.code)), page: null };
  const { limit, offset } = scope.page;
  return { codes: new Set(matching.slice(offset, offset + limit).map((u) => u.code)), page: { limit, offset, total: matching.length } };
}
