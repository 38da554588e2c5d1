import { describe, expect, it } from 'vitest';
import { PORT_OUT_PIN_LENGTH, ROTATE_PORT_OUT_PINS } from '../../../src/playbooks/telnyx/index.js';
import { PINS_ONE_BY_ONE_UP_TO } from '../../../src/playbooks/telnyx/plan-pin-batches.js';
import { TelnyxPlaybookError } from '../../../src/playbooks/telnyx/playbook-error.js';
import { plantedIdsByKind, type TelnyxSimulator } from '../../../src/sandbox/telnyx/index.js';
import { harness, seeded, seedOf, step } from './telnyx-kit.js';

const PIN = new RegExp(`^[1-9]\\d{${PORT_OUT_PIN_LENGTH - 1}}$`);
const JOBS = 'POST /phone_numbers/jobs/update_phone_numbers';
const s = step(ROTATE_PORT_OUT_PINS);

/** An account of 1,250 numbers in service: two batches, 1,000 and 250. */
const big = () => seeded({ numbers: 1_250, forwarding: 0 });
const pinOf = (sim: TelnyxSimulator, id: string) =>
  sim.state.phoneNumbers.find((n) => n.id === id)?.external_pin;

async function planned(sim = big()) {
  const h = harness(sim);
  const d = await s.discover(h.ctx);
  return { ...h, d };
}

describe('telnyx.rotate-port-out-pins on a large account (one PIN per batch of 1,000)', () => {
  it(`when more than ${PINS_ONE_BY_ONE_UP_TO} numbers are in service, then the plan is batches of 1,000 in number order covering each number once, and only the suspicious numbers are listed`, async () => {
    const { sim, d } = await planned();
    expect(d.actions.map((a) => a.kind)).toEqual(['set_port_out_pins', 'set_port_out_pins']);
    const ids = d.actions.map((a) => a.params.ids as string[]);
    expect(ids.map((x) => x.length)).toEqual([1_000, 250]);
    expect(ids.flat().sort()).toEqual(sim.state.phoneNumbers.map((n) => n.id).sort());
    const e164 = ids.flat().map((id) => sim.state.phoneNumbers.find((n) => n.id === id)?.phone_number ?? '');
    expect(e164).toEqual([...e164].sort());
    expect(d.actions[0]?.description).toMatch(
      /^Set one new port-out PIN on 1,000 numbers, \+.* to \+.*\(batch 1 of 2\)$/,
    );
    expect(d.findings.filter((f) => f.suspicious).map((f) => f.resource)).toEqual(
      plantedIdsByKind(sim).port_out_pin,
    );
    expect(d.findings).toHaveLength(plantedIdsByKind(sim).port_out_pin.length + 2);
    expect(d.summary).toMatch(
      /^New port-out PINs for 1250 numbers in service .*One PIN per batch .*2 batches/,
    );
  });

  it('when a batch runs, then one job sets one PIN on its 1,000 numbers, the secret names the range and the result holds no PIN', async () => {
    const { sim, ctx, d } = await planned();
    const [first] = d.actions;
    sim.stats.reset();
    const outcome = await s.execute(ctx, first!, { recheck: false });
    const ids = first!.params.ids as string[];
    const pin = outcome.secrets?.[0]?.value;
    expect(pin).toMatch(PIN);
    expect(new Set(ids.map((id) => pinOf(sim, id)))).toEqual(new Set([pin]));
    expect(outcome.secrets?.[0]?.label).toBe(
      `Port-out PIN for 1,000 numbers, ${first!.params.first} to ${first!.params.last}`,
    );
    expect(outcome.result).toEqual({ pinSet: 1_000 });
    expect(sim.stats.byRoute[JOBS]).toBe(1);
    expect(sim.stats.requests).toBe(3);
    expect(JSON.stringify(sim.state.phoneNumberJobs?.map(({ update: _, ...j }) => j))).not.toContain(
      String(pin),
    );
  });

  it('when the job stays in progress for a while, then it is read until completed before the PIN is returned', async () => {
    const { sim, ctx, d } = await planned();
    sim.answers.jobReadsToFinish = 3;
    const outcome = await s.execute(ctx, d.actions[1]!, { recheck: false });
    expect(sim.stats.byRoute['GET /phone_numbers/jobs/{id}']).toBe(3);
    expect(outcome.result).toEqual({ pinSet: 250 });
    expect(pinOf(sim, (d.actions[1]!.params.ids as string[])[0]!)).toBe(outcome.secrets?.[0]?.value);
  });

  it('when the answer to the job is lost after Telnyx started it, then that job is found and followed, and its PIN returned: no second job', async () => {
    const { sim, ctx, d } = await planned();
    const stop = sim.faults.failWhen((r) => r.route === JOBS, 502, { afterApply: true });
    const outcome = await s.execute(ctx, d.actions[1]!, { recheck: false });
    stop();
    expect(sim.state.phoneNumberJobs).toHaveLength(1);
    expect(pinOf(sim, (d.actions[1]!.params.ids as string[])[0]!)).toBe(outcome.secrets?.[0]?.value);
  });

  it('when a retry finds the earlier attempt’s job still running, then it waits it out and sets a fresh PIN the team holds', async () => {
    const { sim, ctx, d } = await planned();
    const action = d.actions[1]!;
    const ids = action.params.ids as string[];
    sim.answers.jobReadsToFinish = 4;
    await ctx.client.phoneNumbersJobs.setExternalPins(ids, '55555555');
    sim.answers.jobReadsToFinish = 1;
    const outcome = await s.execute(ctx, action, { recheck: true });
    // Time passes: every job still running finishes (each listing is one read of the jobs on it).
    const jobs = sim.state.phoneNumberJobs ?? [];
    while (jobs.some((j) => j.status !== 'completed')) await ctx.client.phoneNumbersJobs.recentUpdates(1);
    expect(jobs).toHaveLength(2);
    expect(new Set(ids.map((id) => pinOf(sim, id)))).toEqual(new Set([outcome.secrets?.[0]?.value]));
    expect(outcome.secrets?.[0]?.value).not.toBe('55555555');
  });

  it('when a retry finds the earlier attempt’s job landed with the PIN of its seed, then nothing is written and that PIN is handed back', async () => {
    const { sim, ctx, d } = await planned();
    const action = d.actions[1]!;
    const first = await s.execute(ctx, action, { recheck: false, seed: seedOf(action) });
    sim.stats.reset();
    const again = await s.execute(ctx, action, { recheck: true, seed: seedOf(action) });
    expect(sim.state.phoneNumberJobs).toHaveLength(1);
    expect(sim.stats.totalWrites()).toBe(0);
    expect(again).toEqual(first);
  });

  it('when a number left the account after discovery, then the refused job is started again without it', async () => {
    const { sim, ctx, d } = await planned();
    const action = d.actions[1]!;
    const [gone, ...rest] = action.params.ids as string[];
    sim.state.phoneNumbers = sim.state.phoneNumbers.filter((n) => n.id !== gone);
    const outcome = await s.execute(ctx, action, { recheck: false });
    expect(outcome.result).toEqual({ pinSet: 249 });
    expect(sim.state.phoneNumberJobs).toHaveLength(1);
    expect(new Set(rest.map((id) => pinOf(sim, id)))).toEqual(new Set([outcome.secrets?.[0]?.value]));
  });

  it('when numbers leave while the job runs, then the PIN is kept for the rest and the card names those not set', async () => {
    const { sim, ctx, d } = await planned();
    const action = d.actions[1]!;
    const [gone] = action.params.ids as string[];
    const jobs = ctx.client.phoneNumbersJobs;
    const original = jobs.setExternalPins;
    jobs.setExternalPins = async (ids, pin) => {
      const job = await original(ids, pin);
      sim.state.phoneNumbers = sim.state.phoneNumbers.filter((n) => n.id !== gone);
      return job;
    };
    const outcome = await s.execute(ctx, action, { recheck: false });
    expect(outcome.result).toMatchObject({ pinSet: 249, notSet: 1 });
    expect(String(outcome.result.failed)).toMatch(/no longer on the account/);
    expect(outcome.secrets?.[0]?.label).toMatch(/^Port-out PIN for 249 numbers, .* \(1 not set\)$/);
  });

  it('when every number of the batch left the account, then nothing is written and the card says so', async () => {
    const { sim, ctx, d } = await planned();
    const ids = new Set(d.actions[1]!.params.ids as string[]);
    sim.state.phoneNumbers = sim.state.phoneNumbers.filter((n) => !ids.has(n.id));
    const outcome = await s.execute(ctx, d.actions[1]!, { recheck: false });
    expect(outcome).toEqual({ result: { pinSet: 0, note: 'no number of the batch is on the account' } });
    expect(sim.state.phoneNumberJobs ?? []).toHaveLength(0);
  });

  it('when the job ends having set no PIN, then execute fails with telnyx_job_failed and no secret', async () => {
    const { sim, ctx, d } = await planned();
    const jobs = ctx.client.phoneNumbersJobs;
    const original = jobs.setExternalPins;
    jobs.setExternalPins = async (ids, pin) => {
      const job = await original(ids, pin);
      const gone = new Set(ids);
      sim.state.phoneNumbers = sim.state.phoneNumbers.filter((n) => !gone.has(n.id));
      return job;
    };
    const err = await s.execute(ctx, d.actions[1]!, { recheck: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TelnyxPlaybookError);
    expect((err as TelnyxPlaybookError).code).toBe('telnyx_job_failed');
  });
});

describe('telnyx.rotate-port-out-pins while the account holds 20 open jobs', () => {
  it('when someone else’s 20 jobs are still open, then the batch waits for one to finish and then starts', async () => {
    const { sim, ctx, d } = await planned();
    sim.answers.jobReadsToFinish = 1_000;
    const other = sim.state.phoneNumbers[0]!.id;
    for (let i = 0; i < 20; i += 1) await ctx.client.phoneNumbersJobs.setExternalPins([other], '77777777');
    sim.answers.jobReadsToFinish = 1;
    setTimeout(() => {
      const open = sim.state.phoneNumberJobs?.[0];
      if (open) open.status = 'completed';
    }, 1_500);
    const outcome = await s.execute(ctx, d.actions[1]!, { recheck: false });
    expect(outcome.result).toEqual({ pinSet: 250 });
    expect(sim.stats.snapshot().byStatus['422']).toBeGreaterThanOrEqual(1);
  });
});
