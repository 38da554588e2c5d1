/**
 * A whole Telnyx remediation through the engine (use cases, job worker, database, the real playbook,
 * client and limiter) against the simulated account served over HTTP at R requests/s: 2,000 numbers
 * (300 forwarding to premium destinations) and 200 credential connections. Prints wall time of
 * discovery + execution (the approving between them aside, and printed) against the floor
 * (requests made ÷ R), the ratio, writes made vs the actions planned, 429s and failures.
 * Goal: ratio ≤ 1.05, 0 failures, 429s ≤ 0.5% of requests.
 *   npx tsx bench/remediation.ts [--rate 20]
 */
import { isMain } from './support/percentiles.js';
import { describeRun, remediateThroughEngine } from './support/remediate-through-engine.js';

export function runRemediationBench(rate = 20) {
  return remediateThroughEngine({
    rate,
    size: { numbers: 2000, forwarding: 300, credentialConnections: 200 },
    simulator: 'in-process',
  });
}

if (isMain(import.meta.url)) {
  const i = process.argv.indexOf('--rate');
  const r = await runRemediationBench(i > 0 ? Number(process.argv[i + 1]) : 20);
  console.log(
    `remediation through the engine at ${r.rate} requests/s (2,000 numbers, 300 forwarding, 200 SIP connections)`,
  );
  for (const line of describeRun(r)) console.log(line);
}
