// The attacker's SIP trunks, SIP domain changes, Messaging Service URL and opened countries: found, approved, undone.
import { describe, expect, it } from 'vitest';
import {
  CLOSE_GEO_PERMISSIONS,
  REMOVE_ROGUE_SIP_TRUNKS,
  REMOVE_SIP_DOMAIN_MAPPINGS,
  RESET_MESSAGING_SERVICE_URLS,
  RESET_SIP_DOMAIN_URLS,
} from '../../src/playbooks/twilio/index.js';
import { type PlantedKind, unresolvedTwilioChanges } from '../../src/sandbox/twilio/index.js';
import { cardTitled } from './support/cards.js';
import { daysAgo, openIncident, settleEveryStep, titleOf } from './support/drive-incident.js';
import { flaggedLines, plantedTwilioOnCards } from './support/planted-on-cards.js';
import { startedWorld } from './support/world.js';

const STEP_IDS = [
  REMOVE_SIP_DOMAIN_MAPPINGS,
  RESET_SIP_DOMAIN_URLS,
  REMOVE_ROGUE_SIP_TRUNKS,
  RESET_MESSAGING_SERVICE_URLS,
  CLOSE_GEO_PERMISSIONS,
];

const KINDS: readonly PlantedKind[] = [
  'sip_trunk',
  'trunk_origination_url',
  'sip_domain',
  'sip_domain_mapping',
  'messaging_service',
  'dialing_country',
  'messaging_country',
];

describe('a Twilio incident over trunks, SIP domains, Messaging Services and geo permissions', () => {
  it('when the responder approves the routing steps, then each change the attacker planted there is flagged on its card and undone in the account, and what is yours stays', async ({
    onTestFinished,
  }) => {
    const world = await startedWorld(onTestFinished, { providers: ['twilio'] });
    const { fs, twilio } = world;
    const planted = plantedTwilioOnCards(twilio, KINDS);
    expect(new Set(planted.map((c) => c.kind))).toEqual(new Set(KINDS.map((k) => `twilio:${k}`)));
    const routing = structuredClone(twilio.state.routing);
    const { channel } = await openIncident(world, `start twilio acme --since ${daysAgo(3)}`);

    // Discovery flagged each planted change on its own card and changed nothing.
    for (const change of planted) {
      const lines = flaggedLines(cardTitled(fs, channel.id, titleOf(change.stepId)).text);
      expect(
        lines.some((line) => change.shows.every((words) => line.includes(words))),
        `${change.summary}: flagged on "${titleOf(change.stepId)}"`,
      ).toBe(true);
    }
    expect(twilio.stats.totalWrites()).toBe(0);
    expect(cardTitled(fs, channel.id, titleOf(CLOSE_GEO_PERMISSIONS)).text).toContain(
      'Geo permissions carry no dates',
    );

    // Two approvers each (high risk), then every one of these cards is done.
    const steps = world.steps.filter((s) => STEP_IDS.includes(s.id));
    expect(steps.map((s) => s.id)).toEqual(STEP_IDS);
    await settleEveryStep(world, channel.id, undefined, steps);
    for (const s of steps)
      expect(cardTitled(fs, channel.id, s.title).text, s.id).toMatch(/(\d+) of \1 changes made/);

    // The account: none of these planted changes is in effect, each write happened once.
    const left = unresolvedTwilioChanges(twilio).filter((c) => KINDS.includes(c.kind));
    expect(left).toEqual([]);
    expect(Object.entries(twilio.stats.writes).filter(([, n]) => n !== 1)).toEqual([]);
    expect(twilio.stats.totalWrites()).toBe(7);
    // What is the owner's stays: the HQ trunk with its SBC and lists, the desk phones' credential
    // mappings and status callback, the notifications service, the countries in use.
    const now = twilio.state.routing;
    expect(now.trunks.map((t) => t.friendly_name)).toEqual(['Acme HQ PBX']);
    expect(now.trunkMembers.map((m) => m.friendly_name).sort()).toEqual([
      'HQ SBC',
      'Office PBX',
      'Office phones',
    ]);
    expect(now.domainMappings).toHaveLength(routing.domainMappings.length - 1);
    expect(now.sipDomains[0]?.voice_status_callback_url).toBe(
      routing.sipDomains[0]?.voice_status_callback_url,
    );
    expect(now.messagingServices[0]).toEqual(routing.messagingServices[0]);
    const open = now.dialingCountries.filter((c) => c.low_risk_numbers_enabled).map((c) => c.iso_code);
    expect(open).toEqual(['US', 'GB', 'LV']);
    expect(now.messagingGeo.filter((g) => g.enabled).map((g) => g.country_code)).toEqual(['US', 'GB']);
    expect((await world.stop()).code).toBe(0);
  }, 240_000);
});
