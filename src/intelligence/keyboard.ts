/** QWERTY neighbours: a substitution by a neighbouring key is a typo, by a distant one a new word. */
const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const NEIGHBOURS = new Map<string, Set<string>>();
ROWS.forEach((row, r) => {
  [...row].forEach((key, c) => {
    const near = new Set<string>();
    for (const [dr, dc] of [
      [0, -1],
      [0, 1],
      [-1, 0],
      [-1, 1],
      [1, 0],
      [1, -1],
    ] as const) {
      const other = ROWS[r + dr]?.[c + dc];
      if (other) near.add(other);
    }
    NEIGHBOURS.set(key, near);
  });
});

export const areNeighbourKeys = (a: string, b: string): boolean => NEIGHBOURS.get(a)?.has(b) ?? false;
