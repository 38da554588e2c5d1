import { describe, it } from 'vitest';
import { formatNumber } from '../../src/playbooks/kit/phone-numbers.js';
import {
  PORT_OUT_PIN_LENGTH,
  REVIEW_BILLING_ALERTS,
  REVIEW_IP_CONNECTIONS,
  ROTATE_PORT_OUT_PINS,
  SET_SPEND_LIMITS,
} from '../../src/playbooks/telnyx/index.js';
import {
  ATTACKER_ALERT_EMAIL,
  OWNER_BILLING_EMAIL,
  plantedIdsByKind,
  unresolvedPlantedChanges,
} from '../../src/sandbox/telnyx/index.js';
import { APPROVERS, RESPONDERS } from './support/bot-env.js';
import { cardTitled, messageText, repliesText, squeezed } from './support/cards.js';
import { approveAs, openIncident, titleOf, WAIT_MS, waitForCardState } from './support/drive-incident.js';
import { flaggedLines } from './support/planted-on-cards.js';
import { revealEvery } from './support/reveal-credentials.js';
import { everywhereButReveals, leaksIn } from './support/secrets.js';
import { startedWorld } from './support/world.js';

const MINE = [
  'port_out_pin',
  'fqdn_connection',
  'messaging_destinations',
  'notification_channel',
  'balance_alert',
];
const [BOB, CAROL, DAN] = APPROVERS;

describe('Telnyx footholds among the numbers, connections, destinations and billing, found and undone through the cards', () => {
  it('when a real-account incident opens on the attacked account, then the attacker’s port-out PIN, FQDN connection, opened destinations and alert channel are flagged, the missing balance alert is named, and Approve undoes each in the account with every new PIN revealed once and nowhere else', async ({
    expect,
    onTestFinished,
  }) => {
    const world = await startedWorld(onTestFinished, { seed: { numbers: 8, forwarding: 1 } });
    const { fs, sim } = world;
    const ids = plantedIdsByKind(sim);
    const attackerPin = sim.state.phoneNumbers.find((n) => n.id === ids.port_out_pin[0])?.external_pin;
    const pinned = sim.state.phoneNumbers.find((n) => n.id === ids.port_out_pin[0])!;
    const { channel } = await openIncident(world);
    const card = (id: string) => cardTitled(fs, channel.id, titleOf(id));
    const flagged = (id: string) => squeezed(flaggedLines(card(id).text).join('\n'));

    // Discovery: each planted change is on a ⚠️ line of its own card, and nothing was written.
    expect(flagged(ROTATE_PORT_OUT_PINS)).toContain(squeezed(formatNumber(pinned.phone_number)));
    expect(flagged(ROTATE_PORT_OUT_PINS)).toContain(squeezed('port-out PIN changed'));
    expect(squeezed(card(ROTATE_PORT_OUT_PINS).text)).toContain(squeezed('New port-out PINs for 8 numbers'));
    expect(card(ROTATE_PORT_OUT_PINS).text).not.toContain(String(attackerPin));
    expect(flagged(REVIEW_IP_CONNECTIONS)).toContain(squeezed('sbc-failover'));
    expect(flagged(SET_SPEND_LIMITS)).toContain(squeezed('Customer notifications'));
    expect(flagged(SET_SPEND_LIMITS)).toContain(squeezed('every destination'));
    expect(flagged(SET_SPEND_LIMITS)).toContain('Default');
    expect(flagged(REVIEW_BILLING_ALERTS)).toContain(squeezed(ATTACKER_ALERT_EMAIL));
    expect(flagged(REVIEW_BILLING_ALERTS)).toContain(squeezed('no balance alert'));
    expect(flagged(REVIEW_BILLING_ALERTS)).not.toContain(squeezed(OWNER_BILLING_EMAIL));
    expect(squeezed(card(REVIEW_BILLING_ALERTS).text)).toContain(squeezed('Balance $300.00'));
    expect(sim.stats.totalWrites()).toBe(0);

    // Approve: the IP-connection step is high-risk (two approvers), the others one.
    await approveAs(world, channel.id, titleOf(REVIEW_IP_CONNECTIONS), [BOB, CAROL]);
    for (const id of [ROTATE_PORT_OUT_PINS, SET_SPEND_LIMITS, REVIEW_BILLING_ALERTS]) {
      await approveAs(world, channel.id, titleOf(id), [DAN]);
    }
    for (const id of [REVIEW_IP_CONNECTIONS, ROTATE_PORT_OUT_PINS, SET_SPEND_LIMITS, REVIEW_BILLING_ALERTS]) {
      await waitForCardState(world, channel.id, titleOf(id), 'done');
    }

    // The account as the simulator holds it now.
    const state = sim.state;
    expect(unresolvedPlantedChanges(sim).filter((c) => MINE.includes(c.kind))).toEqual([]);
    const pins = state.phoneNumbers.map((n) => n.external_pin ?? '');
    expect(pins.every((p) => new RegExp(`^[1-9]\\d{${PORT_OUT_PIN_LENGTH - 1}}$`).test(p))).toBe(true);
    expect(new Set(pins).size).toBe(pins.length);
    expect(pins).not.toContain(attackerPin);
    expect(state.fqdnConnections.find((c) => c.id === ids.fqdn_connection[0])?.active).toBe(false);
    expect(state.fqdnConnections.filter((c) => c.active).map((c) => c.connection_name)).toEqual([
      'Branch SBC',
    ]);
    expect(
      state.messagingProfiles.find((p) => p.id === ids.messaging_destinations[0])?.whitelisted_destinations,
    ).toEqual(['US', 'CA']);
    expect(state.outboundVoiceProfiles.map((p) => p.whitelisted_destinations)).toEqual([
      ['US', 'CA'],
      ['US', 'CA'],
    ]);
    expect(state.notificationChannels.map((c) => c.channel_destination)).toEqual([OWNER_BILLING_EMAIL]);
    expect(state.notificationSettings).toEqual([
      expect.objectContaining({
        notification_event_condition_id: ids.balance_alert[0],
        notification_channel_id: state.notificationChannels[0]?.id,
        parameters: [{ name: 'amount', value: '250.00' }],
        status: 'enabled',
      }),
    ]);

    // Reveal: a responder who is not an approver is refused; an approver sees each new PIN once, privately.
    const firstReveal = cardTitled(fs, channel.id, titleOf(ROTATE_PORT_OUT_PINS)).buttons.find(
      (b) => b.actionId === 'step.reveal',
    );
    expect(firstReveal).toBeDefined();
    const outsider = await fs.click(RESPONDERS[1], firstReveal!);
    await fs.waitFor(() => /approver/i.test(repliesText(outsider)), { timeoutMs: WAIT_MS });
    const revealed = await revealEvery(world, channel.id, titleOf(ROTATE_PORT_OUT_PINS), BOB);
    expect(revealed.map((r) => r.value).sort()).toEqual([...pins].sort());
    expect(revealed.map((r) => r.button)).toContain(
      `Reveal Port-out PIN for ${formatNumber(pinned.phone_number)}`,
    );

    // The PINs are in the Reveal answers to Bob and nowhere else: no message, no other ephemeral, no log.
    const answers = fs.workspace.ephemerals.filter((e) => pins.some((p) => messageText(e).includes(p)));
    expect(new Set(answers.map((e) => e.user))).toEqual(new Set([BOB]));
    expect(leaksIn(everywhereButReveals(world, answers, ''), [...pins, String(attackerPin)])).toEqual([]);
  }, 240_000);
});
