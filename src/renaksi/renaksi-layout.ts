import { roman } from '../shared/workbook-style';

export interface PlanGroup<R> {
  aspectCode: string;
  aspectName: string;
  /** I, II, … in the order the groups appear. */
  number: string;
  /** Rows in document order, each numbered I.1, I.2, … */
  rows: { row: R; no: string }[];
}

/**
 * Groups plan rows under their aspects in instrument order, numbering groups I, II, … and rows I.1, I.2, … in the
 * rows' own order. Aspects without rows are left out. The page and the workbook both use this, so the numbers the
 * team sees on screen are the numbers in the document.
 */
export function groupPlanRows<R extends { aspectCode: string }>(aspects: { code: string; name: string }[], rows: R[]): PlanGroup<R>[] {
  const known = new Set(aspects.map((a) => a.code));
  const order = [...aspects, ...[...new Set(rows.map((r) => r.aspectCode))].filter((c) => !known.has(c)).map((c) => ({ code: c, name: `Aspek ${c}` }))];
  const groups: PlanGroup<R>[] = [];
  for (const aspect of order) {
    const own = rows.filter((r) => r.aspectCode === aspect.code);
    if (own.length === 0) continue;
    const number = roman(groups.length + 1);
    groups.push({ aspectCode: aspect.code, aspectName: aspect.name, number, rows: own.map((row, i) => ({ row, no: `${number}.${i + 1}` })) });
  }
  return groups;
}
