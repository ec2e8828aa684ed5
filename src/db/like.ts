import { type RawBuilder, sql } from 'kysely';

/** The text taken literally inside a LIKE pattern: `\`, `%` and `_` escaped with `\`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `column LIKE '%text%' ESCAPE '\'` with the user's text taken literally, on both dialects (SQLite
 * has no default escape character; PostgreSQL's is `\`, stated here so both read the same).
 * `op` picks ILIKE where a caller has chosen PostgreSQL's case-insensitive match.
 */
export function likeContains(column: string, text: string, op: 'like' | 'ilike' = 'like'): RawBuilder<boolean> {
  return likePattern(column, `%${escapeLike(text)}%`, op);
}

/** `column LIKE 'text%' ESCAPE '\'`, the prefix taken literally. */
export function likeStartsWith(column: string, text: string): RawBuilder<boolean> {
  return likePattern(column, `${escapeLike(text)}%`, 'like');
}

/** A LIKE with an already escaped pattern, for an expression that is not a plain column. */
export function likeEscaped(expression: RawBuilder<unknown>, pattern: string, op: 'like' | 'ilike' = 'like'): RawBuilder<boolean> {
  return sql<boolean>`${expression} ${sql.raw(op)} ${pattern} escape '\\'`;
}

function likePattern(column: string, pattern: string, op: 'like' | 'ilike'): RawBuilder<boolean> {
  return likeEscaped(sql.ref(column), pattern, op);
}
