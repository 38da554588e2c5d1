// The Telnyx simulator where the spec leaves the answer open: strict by default, switchable in tests.
import { describe, expect, it } from 'vitest';
import { call, seeded } from './sim-test-kit.js';

function forwardingNumber(sim: ReturnType<typeof seeded>): string {
  return sim.state.planted.find((p) => p.kind === 'call_forwarding')!.id;
}

describe('the Telnyx simulator’s answer to a blank forwards_to', () => {
  it('when a PATCH blanks call_forwarding.forwards_to, then by default it is refused with a 422 naming the field, and nothing changes', async () => {
    const sim = seeded();
    const id = forwardingNumber(sim);
    const before = structuredClone(sim.state.phoneNumbers.find((n) => n.id === id)!.voice.call_forwarding);
    const res = await call(sim, 'PATCH', `/phone_numbers/${id}/voice`, {
      call_forwarding: { call_forwarding_enabled: false, forwards_to: '' },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].source).toEqual({ pointer: '/call_forwarding/forwards_to' });
    expect(sim.state.phoneNumbers.find((n) => n.id === id)!.voice.call_forwarding).toEqual(before);
    expect(sim.stats.writesTo(id)).toBe(0);
  });

  it('when a PATCH sends call_forwarding_enabled false alone, then forwarding is off and the target stays', async () => {
    const sim = seeded();
    const id = forwardingNumber(sim);
    const target = sim.state.phoneNumbers.find((n) => n.id === id)!.voice.call_forwarding.forwards_to;
    const res = await call(sim, 'PATCH', `/phone_numbers/${id}/voice`, {
      call_forwarding: { call_forwarding_enabled: false },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.call_forwarding).toMatchObject({
      call_forwarding_enabled: false,
      forwards_to: target,
    });
  });

  it('when the simulator is switched to accept a blank forwards_to, then the target is cleared', async () => {
    const sim = seeded();
    sim.answers.blankForwardsTo = 'accept';
    const id = forwardingNumber(sim);
    const res = await call(sim, 'PATCH', `/phone_numbers/${id}/voice`, {
      call_forwarding: { call_forwarding_enabled: false, forwards_to: '' },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.call_forwarding).toMatchObject({ call_forwarding_enabled: false, forwards_to: '' });
  });
});

describe('the Telnyx simulator’s on-demand credentials', () => {
  it('when a credential’s expires_at is set to now, then it reads as expired', async () => {
    const sim = seeded();
    const credential = sim.state.telephonyCredentials[0]!;
    const res = await call(sim, 'PATCH', `/telephony_credentials/${credential.id}`, {
      expires_at: new Date(sim.clock() - 1000).toISOString(),
    });
    expect(res.status).toBe(200);
    expect(res.body.data.expired).toBe(true);
  });
});
