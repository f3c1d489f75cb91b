/** Three rows of the dynamic programme, reused: this runs several times per hostname checked. */
let rows = new Int32Array(3 * 65);

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein where each substring is edited once:
 * substitutions, insertions, deletions and swaps of neighbours), computed only in the band of
 * `max` cells around the diagonal and given up as soon as it must exceed `max`: typosquats are one
 * or two slips from the name. Returns max + 1 when the distance is larger than max.
 */
export function osaDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  const width = m + 1;
  if (rows.length < 3 * width) rows = new Int32Array(3 * width);
  const far = max + 1;
  let twoBack = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j <= m; j += 1) rows[previous + j] = j <= max ? j : far;
  for (let i = 1; i <= n; i += 1) {
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    rows[current] = i <= max ? i : far;
    if (from > 1) rows[current + from - 1] = far;
    let rowMin = rows[current] as number;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j += 1) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(
        (rows[previous + j] as number) + 1,
        (rows[current + j - 1] as number) + 1,
        (rows[previous + j - 1] as number) + (ai === bj ? 0 : 1),
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        d = Math.min(d, (rows[twoBack + j - 2] as number) + 1);
      rows[current + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (to < m) rows[current + to + 1] = far;
    if (rowMin > max) return far;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return Math.min(rows[previous + m] as number, far);
}
