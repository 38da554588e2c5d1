// The whole real-account Telnyx incident and what must hold after it, for either way the bot meets Slack.
import { expect } from 'vitest';
import { verifyAuditChain } from '../../../src/audit/verify-chain.js';
import {
  SIP_PASSWORD_LENGTH,
  SIP_USER_NAME_LENGTH,
} from '../../../src/playbooks/telnyx/generate-sip-credentials.js';
import {
  ATTACKER_HOST,
  ATTACKER_IP,
  plantedChanges,
  unresolvedPlantedChanges,
} from '../../../src/sandbox/telnyx/index.js';
import { APPROVERS, REQUESTER, RESPONDERS } from './bot-env.js';
import { cardTitled, messageText, progressText, repliesText, squeezed, stepCards } from './cards.js';
import {
  badge,
  closeIncident,
  openIncident,
  STEPS,
  settleEveryStep,
  titleOf,
  WAIT_MS,
} from './drive-incident.js';
import { everywhereButReveals, knownSecrets, leaksIn } from './secrets.js';
import type { World } from './world.js';
import { expectOneWritePerAction } from './writes-per-action.js';

const [BOB, CAROL] = APPROVERS;
const SIP = titleOf('telnyx.rotate-sip-credentials');
/** What a Reveal of new SIP credentials shows: `<user name> / <password>`. */
const REVEALED = new RegExp(`([A-Za-z0-9]{${SIP_USER_NAME_LENGTH}}) / ([A-Za-z0-9]{${SIP_PASSWORD_LENGTH}})`);

/**
 * Opens a live Telnyx incident in `world`, checks its channel and what discovery found, settles every
 * step (a high-risk plan waits for its second approver), reveals a new SIP credential once, closes,
 * stops the bot, and checks the account, the writes, the audit chain and that no secret leaked.
 */
export async function runFullTelnyxIncident(world: World): Promise<void> {
  const { fs, sim } = world;
  const before = knownSecrets(sim);
  const { channel } = await openIncident(world);

  // The channel, its people and the pinned progress card.
  const opened = fs.channelByName(channel.name)!;
  expect(opened.isPrivate).toBe(true);
  expect(opened.members).toEqual(expect.arrayContaining([REQUESTER, ...RESPONDERS, 'UBOT']));
  expect(progressText(fs, channel.id)).toContain('Compromise response: telnyx acme');
  expect(stepCards(fs, channel.id).map((c) => c.title)).toEqual(STEPS.map((s) => s.title));

  // Discovery found what the attacker planted.
  const planted = plantedChanges(sim);
  const forwarding = squeezed(cardTitled(fs, channel.id, titleOf('telnyx.disable-forwarding')).text);
  for (const change of planted.filter((c) => c.kind === 'call_forwarding')) {
    expect(forwarding).toContain(change.value);
  }
  expect(cardTitled(fs, channel.id, titleOf('telnyx.review-call-control-apps')).text).toContain(
    ATTACKER_HOST,
  );
  expect(cardTitled(fs, channel.id, titleOf('telnyx.review-texml-apps')).text).toContain(ATTACKER_HOST);
  expect(cardTitled(fs, channel.id, titleOf('telnyx.review-ip-connections')).text).toContain(ATTACKER_IP);
  expect(cardTitled(fs, channel.id, SIP).text).toContain('sip-trunk-backup');

  expect(sim.stats.totalWrites()).toBe(0);

  // Every step settled the way its card asks; a high-risk plan waits for its second approver.
  await settleEveryStep(world, channel.id, (title) => {
    expect(cardTitled(fs, channel.id, title).text).toContain(badge('awaiting_approval', 'automated'));
  });
  await fs.waitFor(
    () => progressText(fs, channel.id).includes(`${STEPS.length} of ${STEPS.length} steps settled`),
    {
      timeoutMs: WAIT_MS,
      description: 'the progress card counts every step settled',
    },
  );

  // Reveal: one approver sees a new SIP credential once, privately; a second Reveal is refused.
  const reveal = await fs.waitFor(
    () => cardTitled(fs, channel.id, SIP).buttons.find((b) => b.actionId === 'step.reveal'),
    {
      timeoutMs: WAIT_MS,
    },
  );
  const outsider = await fs.click(RESPONDERS[1], reveal);
  await fs.waitFor(() => /approver/i.test(repliesText(outsider)), { timeoutMs: WAIT_MS });
  const first = await fs.click(BOB, reveal);
  const shown = await fs.waitFor(() => repliesText(first).match(REVEALED), {
    timeoutMs: WAIT_MS,
    description: 'the Reveal answer shows a user name and password',
  });
  const [, userName = '', password = ''] = shown;
  expect(
    sim.state.credentialConnections.some((c) => c.user_name === userName && c.password === password),
  ).toBe(true);
  const second = await fs.click(CAROL, reveal);
  await fs.waitFor(() => /already/i.test(repliesText(second)), { timeoutMs: WAIT_MS });
  expect(repliesText(second)).not.toContain(password);

  // Close: the report is uploaded and says the audit chain holds.
  const report = await closeIncident(world, channel.id);
  expect(report).toMatch(/Audit chain: verified/);
  await fs.waitFor(() => progressText(fs, channel.id).includes('Closed'), { timeoutMs: WAIT_MS });
  expect((await world.stop()).code).toBe(0);

  // The account: nothing the attacker planted is still in effect, and each write happened once.
  expect(unresolvedPlantedChanges(sim)).toEqual([]);
  await expectOneWritePerAction(world);
  await world.withDb(async (db) => {
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  // Secrets: the generated credential shows only in the one Reveal answer, nowhere else.
  const secrets = [...before, ...knownSecrets(sim)];
  expect(secrets).toContain(password);
  const ephemerals = fs.workspace.ephemerals;
  const revealed = ephemerals.filter((e) => messageText(e).includes(password));
  expect(revealed.map((e) => e.user)).toEqual([BOB]);
  const elsewhere = everywhereButReveals(world, revealed, report);
  expect(leaksIn(elsewhere, secrets)).toEqual([]);
}
