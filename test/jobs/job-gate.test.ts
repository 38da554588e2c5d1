import { describe, expect, it } from 'vitest';
import { createJobGate } from '../../src/jobs/job-gate.js';
import { gate as opening } from './job-test-helpers.js';

const tick = () => new Promise((r) => setTimeout(r, 10));

describe('job gate', () => {
  it('when shared work is in flight, then more shared work runs beside it', async () => {
    const gate = createJobGate();
    const hold = opening();
    const first = gate.shared(() => hold.promise);
    let second = false;
    const done = gate.shared(async () => {
      second = true;
    });
    await done;
    expect(second).toBe(true);
    expect(gate.held()).toEqual({ shared: 1, alone: false });
    hold.open();
    await first;
    expect(gate.held()).toEqual({ shared: 0, alone: false });
  });

  it('when work that must run alone arrives while shared work is in flight, then it waits for it, and shared work arriving after it waits behind it', async () => {
    const gate = createJobGate();
    const order: string[] = [];
    const hold = opening();
    const reading = gate.shared(async () => {
      order.push('shared 1 started');
      await hold.promise;
      order.push('shared 1 done');
    });
    const rotating = gate.alone(async () => {
      order.push('alone started');
      expect(gate.held()).toEqual({ shared: 0, alone: true });
      await tick();
      order.push('alone done');
    });
    const later = gate.shared(async () => void order.push('shared 2'));
    await tick();
    expect(order).toEqual(['shared 1 started']);
    hold.open();
    await Promise.all([reading, rotating, later]);
    expect(order).toEqual(['shared 1 started', 'shared 1 done', 'alone started', 'alone done', 'shared 2']);
  });

  it('when two pieces of work must each run alone, then the second starts only once the first has ended, even when it throws', async () => {
    const gate = createJobGate();
    const order: string[] = [];
    const first = gate.alone(async () => {
      order.push('first');
      await tick();
      throw new Error('provider down');
    });
    const second = gate.alone(
      async () => void order.push(`second, first ${order.length === 1 ? 'ended' : '?'}`),
    );
    await expect(first).rejects.toThrow('provider down');
    await second;
    expect(order).toEqual(['first', 'second, first ended']);
    expect(gate.held()).toEqual({ shared: 0, alone: false });
  });
});
