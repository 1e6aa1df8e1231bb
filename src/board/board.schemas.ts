import { z } from 'zod';

export const SORT_KEYS = ['urutan', 'unit', 'kelompok', 'status', 'terjawab', 'bukti', 'aktivitas', 'narahubung'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const BOARD_STATUSES = ['belum_mulai', 'draf', 'diajukan', 'dikembalikan', 'diverifikasi'] as const;

/**
 * The board's query string: ?kelompok=pd|kecamatan&status=…&urut=<column>&arah=asc|desc. An unknown value falls
 * back to its default (all units, in the official order) so an edited or stale link still shows a board.
 */
export const BOARD_QUERY_SCHEMA = z.object({
  kelompok: z.enum(['pd', 'kecamatan']).optional().catch(undefined),
  status: z.enum(BOARD_STATUSES).optional().catch(undefined),
  urut: z.enum(SORT_KEYS).default('urutan').catch('urutan'),
  arah: z.enum(['asc', 'desc']).default('asc').catch('asc'),
});
export type BoardQuery = z.infer<typeof BOARD_QUERY_SCHEMA>;

export function parseBoardQuery(query: unknown): BoardQuery {
  return BOARD_QUERY_SCHEMA.parse(query ?? {});
}
