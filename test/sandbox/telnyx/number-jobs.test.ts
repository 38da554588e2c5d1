import { describe, expect, it } from 'vitest';
import { call, seeded } from './sim-test-kit.js';

const CREATE = '/phone_numbers/jobs/update_phone_numbers';

describe('simulator bulk number jobs', () => {
  it('when a job is created, then it is pending, names its numbers, and applies at its first read without ever showing the PIN', async () => {
    const sim = seeded();
    const [a, b] = sim.state.phoneNumbers;
    const created = await call(sim, 'POST', CREATE, {
      phone_numbers: [a!.id, b!.id],
      external_pin: '48213377',
    });
    expect(created.status).toBe(202);
    expect(created.body.data).toMatchObject({
      record_type: 'phone_numbers_job',
      type: 'update_phone_numbers',
      status: 'pending',
    });
    expect(created.body.data.phone_numbers).toEqual([{ id: a!.id }, { id: b!.id }]);
    expect(a!.external_pin).not.toBe('48213377');
    const read = await call(sim, 'GET', `/phone_numbers/jobs/${created.body.data.id}`);
    expect(read.body.data.status).toBe('completed');
    expect(read.body.data.successful_operations.map((o: { id: string }) => o.id)).toEqual([a!.id, b!.id]);
    expect([a!.external_pin, b!.external_pin]).toEqual(['48213377', '48213377']);
    const listed = await call(sim, 'GET', '/phone_numbers/jobs?filter[type]=update_phone_numbers');
    expect(listed.body.data.map((j: { id: string }) => j.id)).toEqual([created.body.data.id]);
    expect(JSON.stringify([created.body, read.body, listed.body])).not.toContain('48213377');
  });

  it.each([
    ['no phone_numbers', { external_pin: '1234' }, /provide phone numbers/],
    ['an empty list', { phone_numbers: [], external_pin: '1234' }, /at least 1 phone number/],
    [
      '1,001 numbers',
      { phone_numbers: Array.from({ length: 1001 }, (_, i) => `${i}`), external_pin: '1' },
      /1000 numbers/,
    ],
    ['ids and E.164 mixed', { phone_numbers: ['X', '+13125550100'], external_pin: '1' }, /either all/],
    [
      'a number not on the account',
      { phone_numbers: ['9999999999999999999'], external_pin: '1' },
      /own every number/,
    ],
  ])('when the body has %s, then 422 and no job', async (_, body, detail) => {
    const sim = seeded();
    const res = await call(sim, 'POST', CREATE, body);
    expect(res.status).toBe(422);
    expect(res.body.errors[0].detail).toMatch(detail);
    expect(sim.state.phoneNumberJobs ?? []).toEqual([]);
  });

  it('when no updateable field is given, or 20 jobs are still open, then 422', async () => {
    const sim = seeded();
    const id = sim.state.phoneNumbers[0]!.id;
    expect((await call(sim, 'POST', CREATE, { phone_numbers: [id] })).body.errors[0].detail).toMatch(
      /updateable field/,
    );
    for (let i = 0; i < 20; i += 1) {
      expect(
        (await call(sim, 'POST', CREATE, { phone_numbers: [id], deletion_lock_enabled: true })).status,
      ).toBe(202);
    }
    const refused = await call(sim, 'POST', CREATE, { phone_numbers: [id], deletion_lock_enabled: true });
    expect(refused.body.errors[0].detail).toMatch(/at most 20 pending or in progress jobs/);
  });
});
