// For `--trace`: each step's changes of state as the bench sees them, and the account's limiter and pace every 2 s.

import type { RuntimeHandle } from '../../src/app/playbook-runtime.js';
import type { Incident } from '../../src/domain/types.js';

export function traceEngine(playbooks: RuntimeHandle) {
  const states = new Map<string, string>();
  let startedAt = performance.now();
  let sampler: NodeJS.Timeout | undefined;
  const at = () => `${((performance.now() - startedAt) / 1000).toFixed(2)} s`;
  return {
    watch(incident: Incident, started: number) {
      startedAt = started;
      const pace = playbooks.paceFor?.(incident, 'telnyx.disable-forwarding');
      sampler = setInterval(() => {
        const m = process.memoryUsage();
        const mb = (n: number) => (n / 2 ** 20).toFixed(0);
        const rss = `${mb(m.rss)} MB (heap ${mb(m.heapUsed)}/${mb(m.heapTotal)}, external ${mb(m.external)} of which ArrayBuffers ${mb(m.arrayBuffers)})`;
        console.log(
          `${at()}: RSS ${rss} queued ${JSON.stringify(playbooks.queued())} pace ${JSON.stringify(pace?.())}`,
        );
      }, 2000);
    },
    steps(rows: { stepKey: string; state: string }[]) {
      for (const s of rows) {
        if (states.get(s.stepKey) === s.state) continue;
        states.set(s.stepKey, s.state);
        console.log(`${at()}: ${s.stepKey} ${s.state}`);
      }
    },
    stop() {
      clearInterval(sampler);
    },
  };
}
