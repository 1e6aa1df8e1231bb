/**
 * One page of a long list (units of a province or of the country): the items of page `asked` (kept within the pages
 * there are), which page that is, how many pages and items there are. Pure.
 */
export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}

export function pageOf<T>(items: T[], asked: number | undefined, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Math.min(pages, Math.max(1, asked ?? 1));
  return { items: items.slice((page - 1) * size, page * size), page, pages, total: items.length };
}
