import { describe, expect, it } from 'vitest';
import { containStepKey, restoreKeyOf } from '../../../src/domain/containment.js';
import { countryOfNumber } from '../../../src/playbooks/twilio/dialing-in-use.js';
import {
  CONTAIN_NOW,
  containNowStep,
  SUSPEND_SUBACCOUNTS,
  TWILIO_STEPS,
} from '../../../src/playbooks/twilio/index.js';
import { plantedTwilioIdsByKind } from '../../../src/sandbox/twilio/index.js';
import type { SimDialingCountry } from '../../../src/sandbox/twilio/routing-state.js';
import { executeAll, harness, NOW, step } from './twilio-kit.js';

const BULK = 'POST /v1/DialingPermissions/BulkCountryUpdates';

const country = (h: ReturnType<typeof harness>, iso: string) =>
  h.sim.state.routing.dialingCountries.find((c) => c.iso_code === iso);

const flags = (low: boolean, special: boolean, tollfraud: boolean) => ({
  low_risk_numbers_enabled: low,
  high_risk_special_numbers_enabled: special,
  high_risk_tollfraud_numbers_enabled: tollfraud,
});

function openCountry(iso: string, codes: string[]): SimDialingCountry {
  return {
    iso_code: iso,
    name: `Country ${iso}`,
    continent: 'EUROPE',
    country_codes: codes,
    ...flags(true, false, false),
  };
}

describe(CONTAIN_NOW, () => {
  it('when the playbook is listed, then Contain now comes first, normal risk, with its Restore step', () => {
    expect(TWILIO_STEPS[0]?.id).toBe(containStepKey('twilio'));
    expect(containNowStep.title).toMatch(/^Contain now:/);
    expect(containNowStep.risk).toBe('normal');
    expect(containNowStep.why.split(/(?<=\.) /)).toHaveLength(2);
    expect(containNowStep.restore?.id).toBe(restoreKeyOf(CONTAIN_NOW));
    expect(TWILIO_STEPS[0]).toMatchObject({ restore: containNowStep.restore });
  });

  it('when the seeded account is discovered, then the new active subaccount is suspended and voice dialing is narrowed to the US, the countries of its numbers', async () => {
    const h = harness();
    const [rogue] = plantedTwilioIdsByKind(h.sim).subaccount;
    const d = await containNowStep.discover(h.ctx);
    expect(d.actions.map((a) => [a.kind, a.target, a.params])).toEqual([
      ['suspend_subaccount', rogue, { friendlyName: 'Support Ops', statusBefore: 'active' }],
      [
        'narrow_dialing_countries',
        'voice:GB,LV',
        {
          countries: [
            { iso_code: 'GB', name: 'United Kingdom', ...flags(true, false, false) },
            { iso_code: 'LV', name: 'Latvia', ...flags(true, false, true) },
          ],
        },
      ],
    ]);
    // The kept and the already suspended subaccounts are not on this card.
    const staging = h.sim.state.subaccounts.find((a) => a.friendly_name === 'Acme staging');
    expect(d.findings.map((f) => f.resource)).not.toContain(staging?.sid);
    expect(d.findings.find((f) => f.resource === 'voice:in-use')).toMatchObject({
      suspicious: false,
      summary: expect.stringContaining('United States/Canada (US)'),
    });
    expect(d.findings.find((f) => f.resource === 'voice:LV')?.reasons[0]).toMatch(
      // The main account's 24 and the 2 of the kept subaccount bought before the window (all +1).
      /^not in recent use: not among the countries of 26 numbers of the account bought before the window and 1 number in RECLAIM_TRUSTED_NUMBERS$/,
    );
    expect(d.summary).toMatch(
      /^Now, ahead of the checklist: suspend 1 subaccount created in the window and close voice dialing to 2 countries not in recent use \(1 request\)/,
    );
    expect(d.summary).toContain('Reclaim lists no calls');
    expect(h.sim.stats.totalWrites()).toBe(0);
  });

  it('when a trusted number is in a country, then that country stays open; a number bought in the window keeps none open', async () => {
    const h = harness(undefined, {
      trusted: { hosts: [], ips: [], numbers: ['+44 20 7946 0000'] },
    });
    const [own] = h.sim.state.incomingPhoneNumbers;
    if (!own) throw new Error('the seed has numbers');
    // The attacker's new number in Latvia does not make Latvia "in use".
    h.sim.state.incomingPhoneNumbers.push({
      ...own,
      sid: `PN${'1'.repeat(32)}`,
      phone_number: '+37120000001',
      date_created: NOW.toUTCString(),
    });
    const d = await containNowStep.discover(h.ctx);
    const dialing = d.actions.find((a) => a.kind === 'narrow_dialing_countries');
    expect(dialing?.target).toBe('voice:LV');
  });

  it('when the plan runs, then the subaccount is suspended and GB and LV are closed in one request, the US untouched; a recheck writes nothing', async () => {
    const h = harness();
    const [rogue] = plantedTwilioIdsByKind(h.sim).subaccount;
    const { actions } = await containNowStep.discover(h.ctx);
    const out = await executeAll(containNowStep, h.ctx, actions);
    expect(out.map((o) => o.result)).toEqual([
      { status: 'suspended', statusBefore: 'active' },
      { closed: ['GB', 'LV'] },
    ]);
    expect(h.sim.state.subaccounts.find((a) => a.sid === rogue)?.status).toBe('suspended');
    expect(country(h, 'GB')).toMatchObject(flags(false, false, false));
    expect(country(h, 'LV')).toMatchObject(flags(false, false, false));
    expect(country(h, 'US')).toMatchObject(flags(true, false, false));
    expect(h.sim.stats.writes).toEqual({ [rogue ?? '']: 1, 'voice:GB': 1, 'voice:LV': 1 });
    expect(h.sim.stats.routeCount(BULK)).toBe(1);
    const again = await executeAll(containNowStep, h.ctx, actions, true);
    expect(again.map((o) => o.result.note)).toEqual(['already not active', 'already closed']);
    expect(h.sim.stats.totalWrites()).toBe(3);
  });

  it('when the checklist suspends a subaccount Contain now already suspended (its plan drawn before), then it reads first and writes nothing', async () => {
    const h = harness();
    const [rogue] = plantedTwilioIdsByKind(h.sim).subaccount;
    const suspend = step(SUSPEND_SUBACCOUNTS);
    const checklist = await suspend.discover(h.ctx);
    expect(checklist.actions.map((a) => a.target)).toContain(rogue);
    const { actions } = await containNowStep.discover(h.ctx);
    const out = await executeAll(containNowStep, h.ctx, actions);
    const contained = actions.map((a, i) => ({ ...a, result: out[i]?.result ?? null }));
    const writes = h.sim.stats.totalWrites();
    const later = await executeAll(suspend, { ...h.ctx, contained }, checklist.actions);
    expect(later.map((o) => o.result)).toContainEqual({ status: 'suspended', note: 'already not active' });
    expect(h.sim.stats.writesTo(rogue ?? '')).toBe(1);
    expect(h.sim.stats.totalWrites()).toBe(
      writes + checklist.actions.filter((a) => a.target !== rogue).length,
    );
  });

  it('when a recheck finds the stops not yet made, then it writes them once, and only the countries still open', async () => {
    const h = harness();
    const { actions } = await containNowStep.discover(h.ctx);
    const gb = country(h, 'GB');
    if (gb) gb.low_risk_numbers_enabled = false;
    const out = await executeAll(containNowStep, h.ctx, actions, true);
    expect(out.map((o) => o.result)).toEqual([
      { status: 'suspended', statusBefore: 'active' },
      { closed: ['LV'] },
    ]);
    expect(h.sim.stats.writesTo('voice:GB')).toBe(0);
    expect(h.sim.stats.writesTo('voice:LV')).toBe(1);
  });

  it('when many countries are open and none in use, then they are closed in batches of 20, one request each', async () => {
    const h = harness(undefined, { trusted: { hosts: [], ips: [], numbers: [] } });
    h.sim.state.incomingPhoneNumbers.length = 0;
    for (let i = 0; i < 40; i += 1)
      h.sim.state.routing.dialingCountries.push(openCountry(`Q${i}`, [`+99${i}`]));
    const { actions } = await containNowStep.discover(h.ctx);
    const dialing = actions.filter((a) => a.kind === 'narrow_dialing_countries');
    // GB, LV and the 40 added (the kept subaccount's numbers keep the US in use).
    expect(dialing.map((a) => (a.params.countries as unknown[]).length)).toEqual([20, 20, 2]);
    h.sim.stats.reset();
    await executeAll(containNowStep, h.ctx, dialing);
    expect(h.sim.stats.routeCount(BULK)).toBe(3);
    const open = h.sim.state.routing.dialingCountries.filter((c) => c.low_risk_numbers_enabled);
    expect(open.map((c) => c.iso_code)).toEqual(['US']);
  });

  it('when nothing is open and no subaccount is new, then it says "Nothing found"', async () => {
    const h = harness();
    const [rogue] = plantedTwilioIdsByKind(h.sim).subaccount;
    h.sim.state.subaccounts = h.sim.state.subaccounts.filter((a) => a.sid !== rogue);
    for (const c of h.sim.state.routing.dialingCountries)
      if (c.iso_code !== 'US') Object.assign(c, flags(false, false, false));
    const d = await containNowStep.discover(h.ctx);
    expect(d.actions).toEqual([]);
    expect(d.summary).toMatch(/^Nothing found: /);
  });

  it('when a number is matched to a country, then the longest country code wins', () => {
    const countries = [
      {
        iso_code: 'US',
        name: null,
        country_codes: ['+1'],
        low_risk_numbers_enabled: true,
        high_risk_special_numbers_enabled: false,
        high_risk_tollfraud_numbers_enabled: false,
      },
      {
        iso_code: 'JM',
        name: null,
        country_codes: ['+1876'],
        low_risk_numbers_enabled: true,
        high_risk_special_numbers_enabled: false,
        high_risk_tollfraud_numbers_enabled: false,
      },
    ];
    expect(countryOfNumber('+1 876 555 0100', countries)?.iso_code).toBe('JM');
    expect(countryOfNumber('+13035550100', countries)?.iso_code).toBe('US');
    expect(countryOfNumber('+44207946000', countries)).toBeUndefined();
  });
});
