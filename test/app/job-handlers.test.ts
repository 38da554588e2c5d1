import { describe, expect, it } from 'vitest';
import { incidentJobHandlers } from '../../src/app/job-handlers.js';
import type { UseCaseDeps } from '../../src/incidents/deps.js';
import type { Job, JobContext } from '../../src/jobs/job.js';
import { createJobGate } from '../../src/jobs/job-gate.js';
import { SENDGRID_STEPS } from '../../src/playbooks/sendgrid/index.js';
import { TELNYX_STEPS } from '../../src/playbooks/telnyx/index.js';
import { TWILIO_STEPS } from '../../src/playbooks/twilio/index.js';
import { gate as opening } from '../jobs/job-test-helpers.js';

const tick = () => new Promise((r) => setTimeout(r, 20));

/**
 * Use cases over a database that only answers the step-key look-up and records each transaction
 * begun (returning null, so each use case ends with "not needed"); the first one is held open.
 */
function depsHoldingFirstTransaction(stepKey: string, runsAlone: boolean) {
  const began: string[] = [];
  const hold = opening();
  let n = 0;
  const db = {
    query: async () => ({ rows: [{ step_key: stepKey }], rowCount: 1 }),
    transaction: async () => {
      n += 1;
      began.push(`transaction ${n}`);
      if (n === 1) await hold.promise;
      return null;
    },
  };
  const definition = { id: stepKey, kind: 'automated', runsAlone };
  const deps = {
    db,
    notifier: { stepChanged: () => undefined, incidentChanged: () => undefined },
    playbooks: { definition: (key: string) => (key === stepKey ? definition : undefined) },
  } as unknown as UseCaseDeps;
  return { deps, began, hold };
}

const job = (kind: string, payload: Record<string, unknown>) => ({ id: 1, kind, payload }) as unknown as Job;
const ctx = { signal: new AbortController().signal, fence: 7 } as unknown as JobContext;

describe('incident job handlers share one gate', () => {
  it('when a step that replaces Reclaim’s own credential is executed while a discovery runs, then it starts only once the discovery has ended', async () => {
    const { deps, began, hold } = depsHoldingFirstTransaction('twilio.rotate-auth-token', true);
    const handlers = incidentJobHandlers(deps, undefined, createJobGate());
    const discovering = handlers['step.discover']?.(job('step.discover', { stepId: 's1' }), ctx);
    await tick();
    const executing = handlers['step.execute']?.(job('step.execute', { stepId: 's2', digest: 'd' }), ctx);
    await tick();
    expect(began).toEqual(['transaction 1']);
    hold.open();
    await Promise.all([discovering, executing]);
    expect(began).toEqual(['transaction 1', 'transaction 2']);
  });

  it('when any other step is executed while a discovery runs, then both run at once', async () => {
    const { deps, began, hold } = depsHoldingFirstTransaction('telnyx.disable-forwarding', false);
    const handlers = incidentJobHandlers(deps, undefined, createJobGate());
    const discovering = handlers['step.discover']?.(job('step.discover', { stepId: 's1' }), ctx);
    await tick();
    await handlers['step.execute']?.(job('step.execute', { stepId: 's2', digest: 'd' }), ctx);
    expect(began).toEqual(['transaction 1', 'transaction 2']);
    hold.open();
    await discovering;
  });

  it('the steps whose actions switch Reclaim to a new credential are the ones that run alone', () => {
    const alone = [...TELNYX_STEPS, ...TWILIO_STEPS, ...SENDGRID_STEPS]
      .filter((s) => s.kind === 'automated' && s.runsAlone === true)
      .map((s) => s.id);
    expect(alone.sort()).toEqual(['sendgrid.replace-api-keys', 'twilio.rotate-auth-token']);
  });
});
