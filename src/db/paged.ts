import { type SelectQueryBuilder, sql } from 'kysely';

/** A page as the API asks for it (1-based), or as a window of rows. */
export type PageRequest = { page: number; pageSize: number } | { offset: number; limit: number };

function windowOf(p: PageRequest): { offset: number; limit: number } {
  return 'page' in p ? { offset: (p.page - 1) * p.pageSize, limit: p.pageSize } : p;
}

/**
 * Runs a list query for one page and counts the rows of the whole list. `query` is complete — its
 * filters, columns and order; the count reuses its filters with the columns and order taken off, so
 * the two can never disagree. A page that is not full ends the list, and its length gives the total
 * without a second read; without `page` every row is returned and counted as read.
 */
export async function paged<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  page?: PageRequest,
): Promise<{ rows: O[]; total: number }> {
  if (!page) {
    const rows = (await query.execute()) as O[];
    return { rows, total: rows.length };
  }
  const { offset, limit } = windowOf(page);
  const rows = (await query.offset(offset).limit(limit).execute()) as O[];
  if (rows.length < limit && (rows.length > 0 || offset === 0)) return { rows, total: offset + rows.length };
  const counted = await query
    .clearSelect()
    .clearOrderBy()
    .select(sql<number | string>`count(*)`.as('total'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number((counted as { total: number | string }).total) };
}
