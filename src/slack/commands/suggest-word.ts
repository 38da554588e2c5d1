/** The option within two edits of `word`, for a "did you mean" hint. */
export function closest(word: string, options: string[]): string | null {
  if (word.length > 40) return null;
  let best: string | null = null;
  let bestDistance = 3;
  for (const option of options) {
    const d = editDistance(word, option);
    if (d < bestDistance) [best, bestDistance] = [option, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}
