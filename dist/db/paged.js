import { sql } from "kysely";
function windowOf(p) {
  return "page" in p ? { offset: (p.page - 1) * p.pageSize, limit: p.pageSize } : p;
}
async function paged(query, page) {
  if (!page) {
    const rows2 = await query.execute();
    return { rows: rows2, total: rows2.length };
  }
  const { offset, limit } = windowOf(page);
  const rows = await query.offset(offset).limit(limit).execute();
  if (rows.length < limit && (rows.length > 0 || offset === 0)) return { rows, total: offset + rows.length };
  const counted = await query.clearSelect().clearOrderBy().select(sql`count(*)`.as("total")).executeTakeFirstOrThrow();
  return { rows, total: Number(counted.total) };
}
export {
  paged
};
//# sourceMappingURL=paged.js.map
