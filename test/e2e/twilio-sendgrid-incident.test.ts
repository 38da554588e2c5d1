import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import { containmentFirst } from '../../src/domain/containment.js';
import { isCovered, SENDGRID_STEPS } from '../../src/playbooks/sendgrid/index.js';
import { TWILIO_STEPS } from '../../src/playbooks/twilio/index.js';
import { apiKeyIdOf } from '../../src/providers/sendgrid/index.js';
import {
  SENDGRID_PLANTED_KINDS,
  unresolvedSendgridPlantedChanges,
} from '../../src/sandbox/sendgrid/index.js';
import { TWILIO_PLANTED_KINDS, unresolvedTwilioChanges } from '../../src/sandbox/twilio/index.js';
import { APPROVERS, REQUESTER, RESPONDERS } from './support/bot-env.js';
import { cardTitled, messageText, progressText, stepCards } from './support/cards.js';
import {
  badge,
  closeIncident,
  daysAgo,
  openIncident,
  settleEveryStep,
  titleOf,
  WAIT_MS,
} from './support/drive-incident.js';
import { flaggedLines, plantedOnCards } from './support/planted-on-cards.js';
import { revealEvery } from './support/reveal-credentials.js';
import { everywhereButReveals, leaksIn } from './support/secrets.js';
import { BOT_SECRETS, sendgridSecrets, twilioSecrets } from './support/twilio-sendgrid-secrets.js';
import { startedWorld } from './support/world.js';

const [BOB, CAROL, DAVE] = APPROVERS;
// Both Contain now cards come first, then each provider's checklist.
const STEPS = containmentFirst([...TWILIO_STEPS, ...SENDGRID_STEPS]);

/** Provider writes one done action makes: a rotation creates and promotes a token; one add may list several IPs. */
function writesOf(action: {
  kind: string;
  params: Record<string, unknown>;
  result: Record<string, unknown> | null;
}): number {
  // A change found already made (a subaccount Contain now suspended first) was read, not written.
  if (action.result?.note === 'already not active') return 0;
  if (action.kind === 'rotate_auth_token' || action.kind === 'rotate_subaccount_token') return 2;
  if (action.kind === 'add_allowed_ips') return (action.params.ips as unknown[]).length;
  // Contain now's dialing stop and Restore's reopening: one BulkCountryUpdates, a write per country.
  if (Array.isArray(action.params.countries)) return action.params.countries.length;
  return 1;
}

describe('a full Twilio and SendGrid incident, the bot running as its own process', () => {
  it('when a responder runs both playbooks and closes, then neither account holds a trace of the attacker, every write happened once, the audit chain verifies and no secret leaked', async ({
    onTestFinished,
  }) => {
    const world = await startedWorld(onTestFinished, { providers: ['twilio', 'sendgrid'] });
    const { fs, twilio, sendgrid } = world;
    const before = [...twilioSecrets(twilio), ...sendgridSecrets(sendgrid)];
    const leakedToken = twilio.authToken;
    const planted = plantedOnCards(twilio, sendgrid);
    const allowedBefore = new Set(sendgrid.state.allowList.map((e) => e.id));
    const { channel } = await openIncident(world, `start twilio+sendgrid acme --since ${daysAgo(3)}`);

    // The channel, its people, the pinned progress card, and the Twilio cards before the SendGrid ones.
    const opened = fs.channelByName(channel.name)!;
    expect(opened.isPrivate).toBe(true);
    expect(opened.members).toEqual(expect.arrayContaining([REQUESTER, ...RESPONDERS, 'UBOT']));
    expect(progressText(fs, channel.id)).toContain('Compromise response: twilio+sendgrid acme');
    expect(stepCards(fs, channel.id).map((c) => c.title)).toEqual(STEPS.map((s) => s.title));
    expect(world.steps.map((s) => s.id)).toEqual(STEPS.map((s) => s.id));

    // Discovery flagged everything the attackers planted in both accounts, and changed nothing.
    const kinds = [
      ...TWILIO_PLANTED_KINDS.map((k) => `twilio:${k}`),
      ...SENDGRID_PLANTED_KINDS.map((k) => `sendgrid:${k}`),
    ];
    expect(new Set(planted.map((c) => c.kind))).toEqual(new Set(kinds));
    for (const change of planted) {
      const lines = flaggedLines(cardTitled(fs, channel.id, titleOf(change.stepId)).text);
      expect(
        lines.some((line) => change.shows.every((words) => line.includes(words))),
        `${change.summary}: flagged on "${titleOf(change.stepId)}"`,
      ).toBe(true);
    }
    expect(twilio.stats.totalWrites()).toBe(0);
    expect(sendgrid.stats.totalWrites()).toBe(0);

    // Every step settled the way its card asks; a high-risk plan waits for its second approver.
    await settleEveryStep(world, channel.id, (title) => {
      expect(cardTitled(fs, channel.id, title).text).toContain(badge('awaiting_approval', 'automated'));
    });
    await fs.waitFor(
      () => progressText(fs, channel.id).includes(`${STEPS.length} of ${STEPS.length} steps settled`),
      { timeoutMs: WAIT_MS, description: 'the progress card counts every step settled' },
    );
    for (const step of STEPS.filter((s) => s.kind === 'automated')) {
      const text = cardTitled(fs, channel.id, step.title).text;
      if (/nothing needed changing|reviewed by hand, no automated changes/.test(text)) {
        expect(text, step.id).toContain(`<@${DAVE}>`);
        continue;
      }
      expect(text, step.id).toMatch(/(\d+) of \1 changes made/);
      for (const user of step.risk === 'high' ? [BOB, CAROL] : [DAVE]) expect(text).toContain(`<@${user}>`);
    }

    // Reveal: every new credential is shown once, to the approver who asks, and is the account's own.
    const reveal = (stepId: string) => revealEvery(world, channel.id, titleOf(stepId), BOB);
    const [token] = await reveal('twilio.rotate-auth-token');
    expect(token?.value).toBe(twilio.authToken);
    expect(token?.value).not.toBe(leakedToken);
    // One replacement key for the main account, one for the kept subaccount.
    const keys = await reveal('twilio.revoke-api-keys');
    expect(keys).toHaveLength(2);
    const allKeys = [
      ...twilio.state.keys,
      ...Object.values(twilio.state.identity.subaccounts).flatMap((r) => r.keys),
    ];
    for (const key of keys) {
      const [, keySid, keySecret] = /^SID (SK\w+) \/ secret (\w+)$/.exec(key.value) ?? [];
      expect(allKeys.find((k) => k.sid === keySid)?.secret).toBe(keySecret);
    }
    const sip = await reveal('twilio.rotate-sip-credentials');
    expect(sip.map((r) => r.value).sort()).toEqual(
      twilio.state.credentials.map((c) => `${c.username} / ${c.password}`).sort(),
    );
    const sendgridKeys = await reveal('sendgrid.replace-api-keys');
    // Reclaim's own replacement is never revealed: it went into its connection.
    const replacements = sendgrid.state.apiKeys.filter(
      (k) => k.name.endsWith('(replaced by Reclaim)') && k.api_key_id !== apiKeyIdOf(sendgrid.apiKey),
    );
    expect(sendgridKeys).toHaveLength(3);
    expect(sendgridKeys.map((r) => r.value.split('.')[1]).sort()).toEqual(
      replacements.map((k) => k.api_key_id).sort(),
    );

    // Close: the report is uploaded and says the audit chain holds.
    const report = await closeIncident(world, channel.id);
    expect(report).toMatch(/Audit chain: verified/);
    for (const step of STEPS) expect(report).toContain(step.title);
    await fs.waitFor(() => progressText(fs, channel.id).includes('Closed'), { timeoutMs: WAIT_MS });
    expect((await world.stop()).code).toBe(0);

    // The accounts: nothing the attackers planted is still in effect, and each write happened once.
    expect(unresolvedTwilioChanges(twilio)).toEqual([]);
    expect(unresolvedSendgridPlantedChanges(sendgrid)).toEqual([]);
    expect(twilio.state.account.status).toBe('active');
    expect(sendgrid.ownKeyExists()).toBe(true);
    // The allow list gained the trusted addresses of both accounts, none inside another it gained.
    const added = sendgrid.state.allowList.filter((e) => !allowedBefore.has(e.id)).map((e) => e.ip);
    expect(added.length).toBeGreaterThan(0);
    expect(added.filter((ip) => added.some((other) => other !== ip && isCovered(ip, [other])))).toEqual([]);
    // The main account and the kept subaccount are each written twice by their rotation (create the
    // secondary token, promote it).
    const kept = twilio.state.subaccounts.find((a) => a.friendly_name === 'Acme staging')?.sid;
    expect(Object.entries(twilio.stats.writes).filter(([, n]) => n !== 1)).toEqual(
      expect.arrayContaining([
        [twilio.accountSid, 2],
        [kept, 2],
      ]),
    );
    // Besides them, only the voice dialing countries Contain now closed and Restore opened again (the
    // subaccount Contain now suspended is not suspended again by the checklist: it reads first).
    const twice = Object.entries(twilio.stats.writes).filter(([, n]) => n !== 1);
    const others = twice.filter(([id]) => id !== twilio.accountSid && id !== kept);
    expect(others.map(([id, n]) => [id.split(':')[0], n])).toEqual(others.map(() => ['voice', 2]));
    expect(twice.length - others.length).toBe(2);
    // Each SendGrid key Contain now cut down was written twice: the cut, then the clean-up's delete.
    const keysLeft = new Set(sendgrid.state.apiKeys.map((k) => k.api_key_id));
    const sendgridTwice = Object.entries(sendgrid.stats.writes).filter(([, n]) => n !== 1);
    expect(sendgridTwice.length).toBeGreaterThan(0);
    expect(sendgridTwice.filter(([id, n]) => n !== 2 || keysLeft.has(id))).toEqual([]);
    await world.withDb(async (db) => {
      const { rows } = await db.query<{
        kind: string;
        params: Record<string, unknown>;
        result: Record<string, unknown> | null;
        state: string;
      }>('SELECT kind, params, result, state FROM plan_actions');
      expect(rows.filter((r) => r.state !== 'done')).toEqual([]);
      const expected = rows.reduce((sum, r) => sum + writesOf(r), 0);
      expect(twilio.stats.totalWrites() + sendgrid.stats.totalWrites()).toBe(expected);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    });

    // Secrets: each new credential shows only in its one Reveal answer; no secret shows anywhere else.
    const revealedValues = [token, ...keys, ...sip, ...sendgridKeys].map((r) => r?.value ?? '');
    const secrets = [...BOT_SECRETS, ...before, ...twilioSecrets(twilio), ...sendgridSecrets(sendgrid)];
    secrets.push(...revealedValues);
    const ephemerals = fs.workspace.ephemerals;
    const revealed = ephemerals.filter((e) => revealedValues.some((v) => messageText(e).includes(v)));
    expect(revealed).toHaveLength(revealedValues.length);
    expect(new Set(revealed.map((e) => e.user))).toEqual(new Set([BOB]));
    const elsewhere = everywhereButReveals(world, revealed, report);
    expect(leaksIn(elsewhere, secrets)).toEqual([]);
  }, 240_000);
});
