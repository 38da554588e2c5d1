import { afterEach, describe, expect, it } from 'vitest';
import { createPlaybookRuntime, type RuntimeHandle } from '../../src/app/playbook-runtime.js';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/util/logger.js';
import { incidentFixture } from '../support/incident-fixture.js';

const STEP = 'telnyx.rotate-port-out-pins';
let runtime: RuntimeHandle | undefined;
afterEach(async () => {
  await runtime?.close();
});

function start(): RuntimeHandle {
  runtime = createPlaybookRuntime(
    loadConfig({ RECLAIM_SECRET_KEY: Buffer.alloc(32, 3).toString('base64') }),
    silentLogger(),
  );
  return runtime;
}

/** A runtime, two Telnyx incidents, and a read that answers how many times it was made. */
function twoIncidents() {
  let reads = 0;
  return {
    r: start(),
    one: incidentFixture({ id: 'inc-1', provider: 'telnyx' }),
    two: incidentFixture({ id: 'inc-2', provider: 'telnyx' }),
    read: async () => ++reads,
  };
}

describe('playbook runtime: shared reads', () => {
  it("when two steps of one incident are discovered, then they share a read; another incident's step and an execution do not", async () => {
    const { r, one, two, read } = twoIncidents();
    const a = await r.contextFor(one, STEP, { discovery: true });
    const b = await r.contextFor(one, 'telnyx.set-spend-limits', { discovery: true });
    const other = await r.contextFor(two, STEP, { discovery: true });
    expect(await a.shared?.once('k', read)).toBe(1);
    expect(await b.shared?.once('k', read)).toBe(1);
    expect(await other.shared?.once('k', read)).toBe(2);
    const executing = await r.contextFor(one, STEP);
    expect(executing.shared).toBeUndefined();
  });

  it("when the incident's discovery has ended, then its shared reads are let go and another incident's are kept", async () => {
    const { r, one, two, read } = twoIncidents();
    const a = await r.contextFor(one, STEP, { discovery: true });
    const other = await r.contextFor(two, STEP, { discovery: true });
    expect(await a.shared?.once('k', read)).toBe(1);
    expect(await other.shared?.once('k', read)).toBe(2);
    r.discoveryEnded?.(one.id);
    expect(await a.shared?.once('k', read)).toBe(3);
    expect(await other.shared?.once('k', read)).toBe(2);
  });
});
