import { describe, expect, it } from 'vitest';
import { ROTATE_PORT_OUT_PINS, SET_SPEND_LIMITS } from '../../../src/playbooks/telnyx/index.js';
import { createReadMemo } from '../../../src/util/read-memo.js';
import { harness, step } from './telnyx-kit.js';

const NUMBERS = 'GET /phone_numbers';
const AUDIT = 'GET /audit_events';

describe('telnyx account-wide listings', () => {
  it('when the PIN and spend-limit steps are discovered together with shared reads, then the numbers and the audit log are read once and each step plans as it does alone', async () => {
    const alone = harness();
    const pinsAlone = await step(ROTATE_PORT_OUT_PINS).discover(alone.ctx);
    const spendAlone = await step(SET_SPEND_LIMITS).discover(alone.ctx);
    expect(alone.sim.stats.routeCount(NUMBERS)).toBe(2);
    expect(alone.sim.stats.routeCount(AUDIT)).toBeGreaterThanOrEqual(2);

    const h = harness();
    const ctx = { ...h.ctx, shared: createReadMemo(30_000) };
    const [pins, spend] = await Promise.all([
      step(ROTATE_PORT_OUT_PINS).discover(ctx),
      step(SET_SPEND_LIMITS).discover(ctx),
    ]);
    expect(h.sim.stats.routeCount(NUMBERS)).toBe(1);
    expect(h.sim.stats.routeCount(AUDIT)).toBe(alone.sim.stats.routeCount(AUDIT) / 2);
    expect(pins.actions.map((a) => a.target)).toEqual(pinsAlone.actions.map((a) => a.target));
    expect(spend.actions).toEqual(spendAlone.actions);
  });

  it('when a step is given a shared listing, then it cannot change it in place for the others', async () => {
    const h = harness();
    const ctx = { ...h.ctx, shared: createReadMemo(30_000) };
    await step(ROTATE_PORT_OUT_PINS).discover(ctx);
    const listing = await ctx.shared.once('telnyx.phone-numbers', async () => {
      throw new Error('read again');
    });
    expect(() => (listing as { items: unknown[] }).items.push({})).toThrow(TypeError);
  });

  it('when the PIN or spend-limit step is discovered, then the audit log is read beside the other listings, not after them', async () => {
    for (const id of [ROTATE_PORT_OUT_PINS, SET_SPEND_LIMITS]) {
      const h = harness();
      const order: string[] = [];
      const { phoneNumbers, auditEvents } = h.client;
      const list = phoneNumbers.list;
      const audit = auditEvents.list;
      phoneNumbers.list = async () => {
        order.push('numbers started');
        const listing = await list();
        order.push('numbers read');
        return listing;
      };
      auditEvents.list = (filter) => {
        order.push('audit started');
        return audit(filter);
      };
      await step(id).discover(h.ctx);
      expect(order.indexOf('audit started')).toBeLessThan(order.indexOf('numbers read'));
    }
  });
});
