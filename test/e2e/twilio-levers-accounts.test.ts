// The kept subaccount (its Auth Token, key, number and app), a caller ID and the Monitor events of
// the takeover: found on their cards, undone in the account or flagged, the new token revealed once.
import { describe, expect, it } from 'vitest';
import {
  DELETE_CALLER_IDS,
  RESET_NUMBER_WEBHOOKS,
  RESET_TWIML_APP_URLS,
  REVIEW_ACCOUNT_SETTINGS,
  REVOKE_API_KEYS,
  ROTATE_SUBACCOUNT_TOKENS,
} from '../../src/playbooks/twilio/index.js';
import { ATTACKER_IP, type PlantedKind, unresolvedTwilioChanges } from '../../src/sandbox/twilio/index.js';
import { APPROVERS } from './support/bot-env.js';
import { cardTitled, messageText } from './support/cards.js';
import { closeIncident, daysAgo, openIncident, settleEveryStep, titleOf } from './support/drive-incident.js';
import { flaggedLines, plantedTwilioOnCards } from './support/planted-on-cards.js';
import { revealEvery } from './support/reveal-credentials.js';
import { everywhereButReveals, leaksIn } from './support/secrets.js';
import { twilioSecrets } from './support/twilio-sendgrid-secrets.js';
import { startedWorld } from './support/world.js';

const [BOB] = APPROVERS;

const KINDS: readonly PlantedKind[] = [
  'subaccount_auth_token',
  'subaccount_api_key',
  'subaccount_phone_number',
  'subaccount_application',
  'outgoing_caller_id',
  'monitor_event',
];

describe('a Twilio incident over the kept subaccount, caller IDs and the Monitor events', () => {
  it('when the responder settles every step, then the subaccount is cleaned like the main account, the caller ID is gone, the events are flagged with actor and address, and the subaccount’s new token shows only in its Reveal', async ({
    onTestFinished,
  }) => {
    const world = await startedWorld(onTestFinished, { providers: ['twilio'] });
    const { fs, twilio } = world;
    const sub = twilio.state.subaccounts.find((a) => a.friendly_name === 'Acme staging');
    if (!sub) throw new Error('the seed keeps “Acme staging”');
    const leaked = sub.auth_token;
    const before = twilioSecrets(twilio);
    const planted = plantedTwilioOnCards(twilio, KINDS);
    expect(new Set(planted.map((c) => c.kind))).toEqual(new Set(KINDS.map((k) => `twilio:${k}`)));
    const { channel } = await openIncident(world, `start twilio acme --since ${daysAgo(3)}`);

    // Discovery flagged each planted change on its card, the subaccount's named by it, and wrote nothing.
    for (const change of planted) {
      const lines = flaggedLines(cardTitled(fs, channel.id, titleOf(change.stepId)).text);
      expect(
        lines.some((line) => change.shows.every((words) => line.includes(words))),
        `${change.summary}: flagged on "${titleOf(change.stepId)}"`,
      ).toBe(true);
    }
    expect(twilio.stats.totalWrites()).toBe(0);
    const settings = cardTitled(fs, channel.id, titleOf(REVIEW_ACCOUNT_SETTINGS)).text;
    expect(settings).toMatch(/5 events since .* 4 notable ones .* 3 from addresses/);
    expect(settings).not.toMatch(/does not reach/);
    for (const id of [REVOKE_API_KEYS, RESET_NUMBER_WEBHOOKS, RESET_TWIML_APP_URLS]) {
      expect(cardTitled(fs, channel.id, titleOf(id)).text, id).toContain(
        `In subaccount “Acme staging” (${sub.sid}): `,
      );
    }

    // Every step settled: approved (two approvers when high risk), or marked done after review.
    await settleEveryStep(world, channel.id);
    for (const id of [ROTATE_SUBACCOUNT_TOKENS, DELETE_CALLER_IDS, REVOKE_API_KEYS])
      expect(cardTitled(fs, channel.id, titleOf(id)).text, id).toMatch(/(\d+) of \1 changes made/);
    expect(cardTitled(fs, channel.id, titleOf(REVIEW_ACCOUNT_SETTINGS)).text).toMatch(
      /3 findings reviewed by hand, no automated changes/,
    );

    // The subaccount's new token: revealed once, to the approver who asks, and it is the account's own.
    const [token, ...more] = await revealEvery(world, channel.id, titleOf(ROTATE_SUBACCOUNT_TOKENS), BOB);
    expect(more).toEqual([]);
    expect(token?.value).toBe(sub.auth_token);
    expect(token?.value).not.toBe(leaked);
    const keys = await revealEvery(world, channel.id, titleOf(REVOKE_API_KEYS), BOB);
    expect(keys).toHaveLength(2);
    const subKeys = twilio.state.identity.subaccounts[sub.sid]?.keys ?? [];
    const replacement = subKeys.find((k) => k.friendly_name.startsWith('Reclaim replacement'));
    expect(keys.map((k) => k.value)).toContain(`SID ${replacement?.sid} / secret ${replacement?.secret}`);

    const report = await closeIncident(world, channel.id);
    expect(report).toMatch(/Audit chain: verified/);
    expect((await world.stop()).code).toBe(0);

    // The account: none of these changes is left; the owner's caller ID and number stay.
    expect(unresolvedTwilioChanges(twilio).filter((c) => KINDS.includes(c.kind))).toEqual([]);
    expect(twilio.state.identity.outgoingCallerIds.map((c) => c.phone_number)).toEqual(['+14155550123']);
    const own = twilio.state.identity.subaccounts[sub.sid];
    expect(own?.incomingPhoneNumbers.filter((n) => n.voice_url !== null)).toHaveLength(1);
    expect(sub.status).toBe('active');
    expect(report).toContain(ATTACKER_IP);

    // No token, old or new, in any channel message, Slack call, log line or the report: only in its Reveal.
    const revealed = fs.workspace.ephemerals.filter((e) =>
      [token, ...keys].some((r) => messageText(e).includes(r?.value ?? '-')),
    );
    expect(revealed).toHaveLength(1 + keys.length);
    const secrets = [...before, ...twilioSecrets(twilio), leaked, sub.auth_token];
    expect(leaksIn(everywhereButReveals(world, revealed, report), secrets)).toEqual([]);
  }, 240_000);
});
