// What a remediation bench measured, and the lines remediation.ts and scale.ts print for it.

export interface RemediationSize {
  numbers: number;
  forwarding: number;
  credentialConnections: number;
}

export interface RemediationRun {
  rate: number;
  size: RemediationSize;
  /** Discovery plus execution: from the start of the incident to every step settled, less the approving. */
  wallMs: number;
  discoveryMs: number;
  discoveryRequests: number;
  /** Approving every plan (two approvers each), between discovery and execution: not the provider's time. */
  approvalMs: number;
  approvals: number;
  executionMs: number;
  /** Requests made ÷ the rate: no client could be faster without a 429. */
  floorMs: number;
  ratio: number;
  /** Execution alone against its own floor (its requests ÷ the rate). */
  executionRatio: number;
  requests: number;
  writes: number;
  plannedActions: number;
  http429: number;
  /** CPU this process spent (user + system, all threads) during discovery and execution, ms. */
  cpuMs: number;
  /** Resident memory once the engine started (after a collection), and the most during the run, MB. */
  startRssMb: number;
  peakRssMb: number;
  failedSteps: string[];
  leftOver: string[];
  /** Kinds of the planted changes still in effect afterwards. */
  unresolved: string[];
}

export function describeRun(r: RemediationRun): string[] {
  const s = (n: number) => `${(n / 1000).toFixed(2)} s`;
  const pct = ((100 * r.http429) / r.requests).toFixed(2);
  const more = r.requests - r.discoveryRequests - r.writes;
  return [
    `  wall ${s(r.wallMs)} = discovery ${s(r.discoveryMs)} (${r.discoveryRequests} requests) + execution ${s(r.executionMs)} (ratio ${r.executionRatio.toFixed(3)})   floor ${s(r.floorMs)}   ratio ${r.ratio.toFixed(3)} (goal ≤ 1.05)`,
    `  requests ${r.requests}: ${r.discoveryRequests} reads to discover, ${r.writes} writes for ${r.plannedActions} planned actions, ${more} more (re-checks, retries)`,
    `  429s ${r.http429} (${pct}%, goal ≤ 0.5%)   failed steps ${r.failedSteps.length} ${JSON.stringify(r.failedSteps)}`,
    `  RSS ${r.startRssMb.toFixed(0)} MB once the engine started, peak ${r.peakRssMb.toFixed(0)} MB (goal ≤ 300)   CPU ${s(r.cpuMs)} (${(r.cpuMs / r.requests).toFixed(2)} ms a request; ${(1000 / r.rate).toFixed(1)} at most for ${r.rate}/s on one core)`,
    `  not counted: the ${r.approvals} approvals, ${s(r.approvalMs)} (with them, ratio ${((r.wallMs + r.approvalMs) / r.floorMs).toFixed(3)})`,
    ...(r.unresolved.length > 0 ? [`  planted changes still in effect: ${countKinds(r.unresolved)}`] : []),
    ...(r.leftOver.length > 0
      ? [`  steps left with empty plans to mark done: ${r.leftOver.join(', ')}`]
      : []),
  ];
}

/** `call_forwarding ×3, ip` */
function countKinds(kinds: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => (n > 1 ? `${kind} ×${n}` : kind)).join(', ');
}
