// The report's time to containment: when Contain now's last stop was written, and whether it was restored.
import type { ReportContainment } from './load-report.js';

/** The summary lines for each Contain now step of the incident. */
export function renderContainmentLines(containment: readonly ReportContainment[]): string[] {
  return containment.map((c) => {
    if (!c.containedAt || c.stopped === 0) return `- Contain now (${c.stepKey}): nothing was stopped`;
    const restore =
      c.restoreState === 'done'
        ? `restored: ${c.restored} put back`
        : `NOT restored: ${c.stopped} resource${c.stopped === 1 ? '' : 's'} still stopped${c.restoreState ? ` (Restore is ${c.restoreState})` : ''}`;
    return `- Time to containment: ${c.secondsAfterStart ?? 0} s (${c.stepKey}: ${c.stopped} stopped by ${c.containedAt.toISOString()}; ${restore})`;
  });
}
