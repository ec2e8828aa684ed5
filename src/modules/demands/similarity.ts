/**
 * Similarity of two demand texts: the Dice coefficient of their character bigrams (Chinese has no
 * spaces, and bigrams catch the same complaint told in other words well enough to offer a merge).
 * Punctuation and spaces are ignored; 1 = same bigrams, 0 = none shared.
 */
export function similarity(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  if (!A.size || !B.size) return 0;
  let shared = 0;
  for (const [g, n] of A) shared += Math.min(n, B.get(g) ?? 0);
  const total = [...A.values()].reduce((s, n) => s + n, 0) + [...B.values()].reduce((s, n) => s + n, 0);
  return (2 * shared) / total;
}

function bigrams(text: string): Map<string, number> {
  const s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}
