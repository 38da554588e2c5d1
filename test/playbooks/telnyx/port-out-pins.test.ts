import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/playbooks/kit/phone-numbers.js';
import { portOutPinFrom } from '../../../src/playbooks/telnyx/generate-port-out-pin.js';
import { PORT_OUT_PIN_LENGTH, ROTATE_PORT_OUT_PINS } from '../../../src/playbooks/telnyx/index.js';
import { ProviderError } from '../../../src/providers/http/index.js';
import { plantedIdsByKind } from '../../../src/sandbox/telnyx/index.js';
import { harness, seeded, seedOf, step, suspiciousResources } from './telnyx-kit.js';

const PIN = new RegExp(`^[1-9]\\d{${PORT_OUT_PIN_LENGTH - 1}}$`);

describe('telnyx.rotate-port-out-pins', () => {
  it('when the seeded account is discovered, then every number gets one action and only the number whose PIN the attacker changed is flagged', async () => {
    const { sim, ctx } = harness();
    const d = await step(ROTATE_PORT_OUT_PINS).discover(ctx);
    expect(d.actions.map((a) => a.target).sort()).toEqual(sim.state.phoneNumbers.map((n) => n.id).sort());
    expect(new Set(d.actions.map((a) => a.kind))).toEqual(new Set(['set_port_out_pin']));
    expect(suspiciousResources(d)).toEqual(plantedIdsByKind(sim).port_out_pin);
    expect(d.summary).toMatch(/^New port-out PINs for 48 numbers in service .*47 had none\)/);
    expect(d.summary).toContain('1 number had its PIN changed after the incident began');
    const attacker = sim.state.phoneNumbers.find((n) => n.external_pin !== null)?.external_pin;
    expect(JSON.stringify(d)).not.toContain(String(attacker));
  });

  it('when a number is being ported out, was ported out in the window, or is gone, then the first is flagged and given a PIN, the second flagged only, the last left out', async () => {
    const sim = seeded({ numbers: 4, forwarding: 0 });
    const [pending, ported, deleted] = sim.state.phoneNumbers;
    Object.assign(pending!, { status: 'port-out-pending' });
    Object.assign(ported!, { status: 'ported-out', updated_at: '2026-02-28T10:00:00.000Z' });
    Object.assign(deleted!, { status: 'deleted' });
    const { ctx } = harness(sim);
    const d = await step(ROTATE_PORT_OUT_PINS).discover(ctx);
    expect(d.actions.map((a) => a.target).sort()).toEqual(
      [pending!.id, sim.state.phoneNumbers[3]!.id, ...plantedIdsByKind(sim).port_out_pin]
        .filter((v, i, a) => a.indexOf(v) === i)
        .sort(),
    );
    const reasons = (id: string) => d.findings.find((f) => f.resource === id)?.reasons.join(' ') ?? '';
    expect(reasons(pending!.id)).toMatch(/port-out of this number is under way.*Telnyx support/);
    expect(reasons(ported!.id)).toMatch(/^ported out \(changed 2026-02-28 10:00 UTC.*reclaim the number/);
    expect(d.findings.some((f) => f.resource === deleted!.id)).toBe(false);
    expect(d.summary).toContain('2 numbers are being, or were, ported out');
  });

  it('when a PIN is set, then the number holds the new PIN, the secret is labelled with the number and the result holds no PIN', async () => {
    const { sim, ctx } = harness();
    const s = step(ROTATE_PORT_OUT_PINS);
    const [action] = (await s.discover(ctx)).actions;
    const outcome = await s.execute(ctx, action!, { recheck: false });
    const n = sim.state.phoneNumbers.find((x) => x.id === action!.target)!;
    expect(outcome.secrets).toEqual([
      { label: `Port-out PIN for ${formatNumber(n.phone_number)}`, value: n.external_pin },
    ]);
    expect(n.external_pin).toMatch(PIN);
    expect(outcome.result).toEqual({ pinSet: true });
    expect(JSON.stringify(outcome.result)).not.toContain(String(n.external_pin));
  });

  it('when the retry after a crash finds the PIN the lost attempt set from its seed, then it writes nothing and hands that PIN back', async () => {
    const { sim, ctx } = harness();
    const s = step(ROTATE_PORT_OUT_PINS);
    const [action] = (await s.discover(ctx)).actions;
    const lost = await s.execute(ctx, action!, { recheck: false, seed: seedOf(action!) });
    sim.stats.reset();
    const again = await s.execute(ctx, action!, { recheck: true, seed: seedOf(action!) });
    expect(sim.stats.totalWrites()).toBe(0);
    expect(again.secrets?.[0]?.value).toBe(lost.secrets?.[0]?.value);
    expect(again.secrets?.[0]?.value).toBe(
      sim.state.phoneNumbers.find((x) => x.id === action!.target)?.external_pin,
    );
    expect(sim.stats.snapshot().byRoute['GET /audit_events'] ?? 0).toBe(0);
  });

  it('when the seed is the same, then so is the PIN; another seed gives another PIN of the same form', () => {
    const a = Buffer.alloc(32, 1);
    expect(portOutPinFrom(a)).toBe(portOutPinFrom(Buffer.alloc(32, 1)));
    expect(portOutPinFrom(a)).toMatch(PIN);
    expect(portOutPinFrom(Buffer.alloc(32, 2))).not.toBe(portOutPinFrom(a));
    expect(portOutPinFrom(Buffer.alloc(32, 0))).toMatch(PIN);
    expect(portOutPinFrom(Buffer.alloc(32, 255))).toMatch(PIN);
  });

  it('when the retry has no seed and finds the PIN changed by the lost attempt, then it sets a fresh one it can reveal and reads no audit log', async () => {
    const { sim, ctx } = harness();
    const s = step(ROTATE_PORT_OUT_PINS);
    const [action] = (await s.discover(ctx)).actions;
    const lost = await s.execute(ctx, action!, { recheck: false });
    sim.stats.reset();
    const again = await s.execute(ctx, action!, { recheck: true });
    const n = sim.state.phoneNumbers.find((x) => x.id === action!.target)!;
    expect(sim.stats.writesTo(n.id)).toBe(1);
    expect(again.secrets?.[0]?.value).toBe(n.external_pin);
    expect(n.external_pin).not.toBe(lost.secrets?.[0]?.value);
    expect(sim.stats.snapshot().byRoute['GET /audit_events'] ?? 0).toBe(0);
  });

  it('when the retry finds the number unchanged, then it sets a PIN; when the number is gone, it writes nothing', async () => {
    const { sim, ctx } = harness();
    const s = step(ROTATE_PORT_OUT_PINS);
    const [first, second] = (await s.discover(ctx)).actions;
    const retried = await s.execute(ctx, first!, { recheck: true });
    expect(retried.secrets?.[0]?.value).toMatch(PIN);
    sim.state.phoneNumbers = sim.state.phoneNumbers.filter((n) => n.id !== second!.target);
    sim.stats.reset();
    expect((await s.execute(ctx, second!, { recheck: true })).result).toEqual({
      pinSet: false,
      note: 'number no longer on the account',
    });
    expect(sim.stats.totalWrites()).toBe(0);
  });

  it('when the PATCH times out after Telnyx applied it, then the number is read back and the PIN returned after all', async () => {
    const { sim, ctx } = harness(seeded(), { timeoutMs: 150 });
    const s = step(ROTATE_PORT_OUT_PINS);
    const [action] = (await s.discover(ctx)).actions;
    sim.faults.hangNext(1, { afterApply: true });
    const outcome = await s.execute(ctx, action!, { recheck: false });
    const n = sim.state.phoneNumbers.find((x) => x.id === action!.target)!;
    expect(outcome.secrets?.[0]?.value).toBe(n.external_pin);
    expect(sim.stats.writesTo(n.id)).toBe(1);
  });

  it('when Telnyx refuses the PATCH, then execute rejects with the provider error and no secret', async () => {
    const { sim, ctx } = harness();
    const s = step(ROTATE_PORT_OUT_PINS);
    const [action] = (await s.discover(ctx)).actions;
    sim.faults.failNext(1, 422);
    await expect(s.execute(ctx, action!, { recheck: false })).rejects.toBeInstanceOf(ProviderError);
  });
});
