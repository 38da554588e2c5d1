import { describe, expect, it } from 'vitest';
import {
  CLOSE_GEO_PERMISSIONS,
  containNowStep,
  RESTORE_CONTAINED,
  restoreContainedStep,
} from '../../../src/playbooks/twilio/index.js';
import type { ContainedChange, PlaybookContext } from '../../../src/playbooks/types.js';
import type { TwilioClient } from '../../../src/providers/twilio/index.js';
import { plantedTwilioIdsByKind } from '../../../src/sandbox/twilio/index.js';
import type { SimDialingCountry } from '../../../src/sandbox/twilio/routing-state.js';
import { executeAll, harness, NOW, step } from './twilio-kit.js';

type H = ReturnType<typeof harness>;

const flags = (low: boolean, special: boolean, tollfraud: boolean) => ({
  low_risk_numbers_enabled: low,
  high_risk_special_numbers_enabled: special,
  high_risk_tollfraud_numbers_enabled: tollfraud,
});

const country = (h: H, iso: string) => h.sim.state.routing.dialingCountries.find((c) => c.iso_code === iso);

/** Contain now discovered and run, and what it stopped as the engine hands it to Restore. */
async function contain(h: H): Promise<ContainedChange[]> {
  const { actions } = await containNowStep.discover(h.ctx);
  const outcomes = await executeAll(containNowStep, h.ctx, actions);
  return actions.map((a, i) => ({
    kind: a.kind,
    target: a.target,
    params: a.params,
    result: outcomes[i]?.result ?? null,
  }));
}

const restoring = (
  h: H,
  contained: ContainedChange[],
  over: Partial<PlaybookContext<TwilioClient>> = {},
) => ({
  ...h.ctx,
  contained,
  ...over,
});

describe(RESTORE_CONTAINED, () => {
  it('when the window is as it was, then the new subaccount stays suspended (the checklist suspends it too) and GB and LV get back what was open, but LV’s toll-fraud numbers', async () => {
    const h = harness();
    const [rogue] = plantedTwilioIdsByKind(h.sim).subaccount;
    const ctx = restoring(h, await contain(h));
    h.sim.stats.reset();
    const d = await restoreContainedStep.discover(ctx);
    expect(d.findings.find((f) => f.resource === rogue)).toMatchObject({
      suspicious: false,
      summary: expect.stringContaining('stays suspended'),
      reasons: ['the checklist suspends it too: created in the incident window'],
    });
    expect(d.actions.map((a) => [a.kind, a.target, a.params])).toEqual([
      [
        'reopen_dialing_countries',
        'voice:GB,LV',
        {
          countries: [
            {
              iso_code: 'GB',
              name: 'United Kingdom',
              enable: ['low_risk_numbers_enabled'],
              flags: flags(true, false, false),
            },
            {
              iso_code: 'LV',
              name: 'Latvia',
              enable: ['low_risk_numbers_enabled'],
              flags: flags(true, false, false),
            },
          ],
        },
      ],
    ]);
    expect(d.findings.find((f) => f.resource === 'voice:GB,LV')?.summary).toContain(
      'Latvia (LV): high-risk toll-fraud numbers stay closed (the checklist closes them too)',
    );
    expect(d.summary).toBe(
      'Put back 1 resource as they were before Contain now; 1 of the 2 stay as they are (see each line).',
    );
    expect(h.sim.stats.totalWrites()).toBe(0);

    await executeAll(restoreContainedStep, ctx, d.actions);
    expect(country(h, 'GB')).toMatchObject(flags(true, false, false));
    expect(country(h, 'LV')).toMatchObject(flags(true, false, false));
    expect(h.sim.state.subaccounts.find((a) => a.sid === rogue)?.status).toBe('suspended');
    expect(h.sim.stats.writes).toEqual({ 'voice:GB': 1, 'voice:LV': 1 });
    // The checklist then has nothing left to close in voice dialing.
    const geo = await step(CLOSE_GEO_PERMISSIONS).discover(h.ctx);
    expect(geo.actions.filter((a) => a.kind === 'close_dialing_country')).toEqual([]);
  });

  it('when a country had several categories open before, then exactly its flags come back but those the checklist closes', async () => {
    const h = harness();
    const extra: SimDialingCountry = {
      iso_code: 'FR',
      name: 'France',
      continent: 'EUROPE',
      country_codes: ['+33'],
      ...flags(true, true, false),
    };
    const premium: SimDialingCountry = {
      iso_code: 'XN',
      name: 'Networks',
      continent: 'OCEANIA',
      country_codes: ['+882'],
      ...flags(true, false, false),
    };
    h.sim.state.routing.dialingCountries.push(extra, premium);
    const contained = await contain(h);
    expect(contained.find((c) => c.kind === 'narrow_dialing_countries')?.params.countries).toEqual([
      { iso_code: 'GB', name: 'United Kingdom', ...flags(true, false, false) },
      { iso_code: 'LV', name: 'Latvia', ...flags(true, false, true) },
      { iso_code: 'FR', name: 'France', ...flags(true, true, false) },
      { iso_code: 'XN', name: 'Networks', ...flags(true, false, false) },
    ]);
    const ctx = restoring(h, contained);
    await executeAll(restoreContainedStep, ctx, (await restoreContainedStep.discover(ctx)).actions);
    expect(country(h, 'GB')).toMatchObject(flags(true, false, false));
    expect(country(h, 'FR')).toMatchObject(flags(true, false, false));
    // +882 is an international premium network: the checklist closes it whole, so it stays closed.
    expect(country(h, 'XN')).toMatchObject(flags(false, false, false));
  });

  it('when the window no longer holds the subaccount, then it is set active again; a recheck writes nothing', async () => {
    const h = harness();
    const [rogue] = plantedTwilioIdsByKind(h.sim).subaccount;
    const ctx = restoring(h, await contain(h), { since: NOW });
    const d = await restoreContainedStep.discover(ctx);
    const back = d.actions.find((a) => a.target === rogue);
    expect(back).toMatchObject({ kind: 'reactivate_subaccount', params: { friendlyName: 'Support Ops' } });
    h.sim.stats.reset();
    await executeAll(restoreContainedStep, ctx, d.actions);
    expect(h.sim.state.subaccounts.find((a) => a.sid === rogue)?.status).toBe('active');
    expect(h.sim.stats.writesTo(rogue ?? '')).toBe(1);
    const again = await executeAll(restoreContainedStep, ctx, d.actions, true);
    expect(again.map((o) => o.result.note)).toEqual(['already active', 'already open']);
    expect(h.sim.stats.totalWrites()).toBe(3);
  });

  it('when something is no longer as Contain now left it, then only what is still stopped is planned', async () => {
    const h = harness();
    const [rogue] = plantedTwilioIdsByKind(h.sim).subaccount;
    const contained = await contain(h);
    const sub = h.sim.state.subaccounts.find((a) => a.sid === rogue);
    if (sub) sub.status = 'active';
    const gb = country(h, 'GB');
    if (gb) gb.low_risk_numbers_enabled = true;
    const d = await restoreContainedStep.discover(restoring(h, contained, { since: NOW }));
    expect(d.findings.find((f) => f.resource === rogue)?.reasons).toEqual(['someone set it active already']);
    expect(
      d.actions.map((a) => (a.params.countries as { iso_code: string }[]).map((c) => c.iso_code)),
    ).toEqual([['LV']]);

    if (sub) sub.status = 'closed';
    const closed = await restoreContainedStep.discover(restoring(h, contained, { since: NOW }));
    expect(closed.findings.find((f) => f.resource === rogue)?.reasons).toEqual([
      'a closed account cannot be reopened',
    ]);
    h.sim.state.subaccounts = h.sim.state.subaccounts.filter((a) => a.sid !== rogue);
    const gone = await restoreContainedStep.discover(restoring(h, contained, { since: NOW }));
    expect(gone.findings.find((f) => f.resource === rogue)?.summary).toMatch(/is gone$/);
  });

  it('when Contain now’s recheck closed only some countries, then only those are opened again', async () => {
    const h = harness();
    const contained = await contain(h);
    const dialing = contained.find((c) => c.kind === 'narrow_dialing_countries');
    if (dialing) dialing.result = { closed: ['LV'] };
    const d = await restoreContainedStep.discover(restoring(h, contained));
    expect(d.actions.map((a) => a.target)).toEqual(['voice:GB,LV']);
    expect(
      d.actions.map((a) => (a.params.countries as { iso_code: string }[]).map((c) => c.iso_code)),
    ).toEqual([['LV']]);
  });

  it('when a recheck finds the countries still closed, then it writes them as they are now plus what Restore opens', async () => {
    const h = harness();
    const ctx = restoring(h, await contain(h));
    const { actions } = await restoreContainedStep.discover(ctx);
    const lv = country(h, 'LV');
    if (lv) lv.high_risk_special_numbers_enabled = true;
    h.sim.stats.reset();
    await executeAll(restoreContainedStep, ctx, actions, true);
    expect(country(h, 'LV')).toMatchObject(flags(true, true, false));
    expect(country(h, 'GB')).toMatchObject(flags(true, false, false));
    expect(h.sim.stats.writes).toEqual({ 'voice:GB': 1, 'voice:LV': 1 });
  });

  it('when nothing was contained, or a change of another kind, then nothing is planned', async () => {
    const h = harness();
    const none = await restoreContainedStep.discover(restoring(h, []));
    expect(none.summary).toMatch(/^Nothing found: /);
    const odd = await restoreContainedStep.discover(
      restoring(h, [{ kind: 'disable_everything', target: 'x', params: {}, result: null }]),
    );
    expect(odd.actions).toEqual([]);
    expect(odd.findings[0]?.reasons).toEqual(['put it back by hand if it should run again']);
    await expect(
      restoreContainedStep.execute(
        h.ctx,
        { kind: 'nope', target: 'x', params: {}, description: 'x' },
        { recheck: false },
      ),
    ).rejects.toMatchObject({ code: 'twilio_unknown_action' });
  });
});
