/** p-th percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;

/** True when this module is the script node was started with (bench files run directly or from run-all). */
export function isMain(importMetaUrl: string): boolean {
  const entry = process.argv[1];
  return (
    entry !== undefined && importMetaUrl.endsWith(entry.replace(/\\/g, '/').split('/').slice(-2).join('/'))
  );
}
