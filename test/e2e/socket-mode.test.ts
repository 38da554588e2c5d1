import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import { plantedIdsByKind, unresolvedPlantedChanges } from '../../src/sandbox/telnyx/index.js';
import type { FakeSocketMode } from '../support/fake-socket-mode/start-fake-socket-mode.js';
import { APPROVERS, REQUESTER } from './support/bot-env.js';
import { cardTitled, progressText, repliesText } from './support/cards.js';
import {
  approveAs,
  clickOn,
  closeIncident,
  definitionOf,
  openIncident,
  STEPS,
  WAIT_MS,
  waitForCardState,
} from './support/drive-incident.js';
import { runFullTelnyxIncident } from './support/full-telnyx-incident.js';
import { hangNth, isForwardingWrite } from './support/hang-nth.js';
import { startedWorld, type World } from './support/world.js';

const [BOB, CAROL, DAVE] = APPROVERS;
const FORWARDING = definitionOf('telnyx.disable-forwarding');
const SIP = definitionOf('telnyx.rotate-sip-credentials');
const IP_AUTH = definitionOf('telnyx.review-ip-connections');

function socketOf(world: World): FakeSocketMode {
  if (!world.fs.socket) throw new Error('this world has no Socket Mode');
  return world.fs.socket;
}

/** Every envelope was acked by its envelope_id within 3 s, with a payload only where its type takes one. */
function expectCleanAcks(socket: FakeSocketMode, late: string[] = []): void {
  expect(socket.problems).toEqual({ late, stray: [], unaccepted: [] });
  expect(socket.envelopes.filter((e) => !e.acks.some((a) => !a.lost))).toEqual([]);
}

describe('Socket Mode, the bot running as its own process with only SLACK_BOT_TOKEN, SLACK_APP_TOKEN and SLACK_API_URL', () => {
  it('when a responder runs a whole Telnyx rehearsal over the socket, then every step settles, the report verifies and every envelope was acked in time', async ({
    onTestFinished,
  }) => {
    const world = await startedWorld(onTestFinished, { socketMode: true });
    const { fs } = world;
    const socket = socketOf(world);
    expect(fs.callsTo('apps.connections.open')).toMatchObject([{ ok: true }]);
    const { channel, answer } = await openIncident(world, 'start sandbox drill');
    expect(JSON.stringify(answer.body)).toContain('Opening a telnyx incident');
    expect(progressText(fs, channel.id)).toContain('Rehearsal');
    for (const step of STEPS) {
      const approve = cardTitled(fs, channel.id, step.title).buttons.some(
        (b) => b.actionId === 'step.approve',
      );
      if (approve) await approveAs(world, channel.id, step.title, [DAVE]);
      else await clickOn(world, channel.id, step.title, 'step.done', REQUESTER);
    }
    for (const step of STEPS) await waitForCardState(world, channel.id, step.title, 'done', step.kind);
    const report = await closeIncident(world, channel.id);
    expect(report).toMatch(/Audit chain: verified/);
    expect(socket.envelopes.map((e) => e.type)).toContain('interactive');
    expect(socket.connections).toHaveLength(1);
    expectCleanAcks(socket);
    expect((await world.stop()).code).toBe(0);
  }, 240_000);

  it('when a responder runs a real-account incident with two approvers over the socket, then the same holds as over HTTP', async ({
    onTestFinished,
  }) => {
    const world = await startedWorld(onTestFinished, { socketMode: true });
    await runFullTelnyxIncident(world);
    expectCleanAcks(socketOf(world));
  }, 240_000);

  it('when Slack refreshes the socket, the socket drops and an ack is lost in the middle of an execution, then the bot reconnects, loses no envelope, handles none twice and repeats no write', async ({
    onTestFinished,
  }) => {
    const world = await startedWorld(onTestFinished, { socketMode: true, seed: { forwarding: 10 } });
    const { fs, sim } = world;
    const socket = socketOf(world);
    const { channel } = await openIncident(world);
    const numbers = plantedIdsByKind(sim).call_forwarding;

    // Forwarding executes; its 4th write hangs, so the execution is in the middle of its writes.
    hangNth(sim, 4, isForwardingWrite, { afterApply: false });
    await approveAs(world, channel.id, FORWARDING.title, [BOB, CAROL]);
    await fs.waitFor(() => sim.faults.hangingCount === 1, {
      timeoutMs: WAIT_MS,
      description: 'a write hangs',
    });
    await waitForCardState(world, channel.id, FORWARDING.title, 'executing');

    // 1. Slack asks for a refresh; a click made while the bot reconnects waits for the new socket.
    socket.disconnect('refresh_requested');
    await fs.waitFor(() => !socket.isConnected(), { timeoutMs: WAIT_MS, description: 'the socket closed' });
    const duringRefresh = await clickOn(world, channel.id, SIP.title, 'step.approve', BOB);
    expect(socket.connections).toHaveLength(2);

    // 2. The ack of a click is lost and the socket drops: the envelope comes again on the next socket.
    socket.loseNextAcks(1);
    const clicking = clickOn(world, channel.id, SIP.title, 'step.approve', CAROL);
    await fs.waitFor(() => socket.envelopes.at(-1)?.acks.some((a) => a.lost), { timeoutMs: WAIT_MS });
    socket.dropSocket();
    const afterDrop = await clicking;
    expect(socket.connections).toHaveLength(3);
    expect(socket.connections.map((c) => c.end)).toEqual(['closed', 'dropped', undefined]);
    const dropped = socket.envelopes.at(-1)!;
    expect(dropped.deliveries.map((d) => d.reason)).toEqual(['', 'connection_lost']);

    // 3. An ack lost with the socket up: Slack delivers it again after 3 s.
    socket.loseNextAcks(1);
    const retried = await clickOn(world, channel.id, IP_AUTH.title, 'step.approve', BOB);
    const timedOut = socket.envelopes.at(-1)!;
    expect(timedOut.deliveries.map((d) => d.reason)).toEqual(['', 'timeout']);

    sim.faults.releaseHanging();
    const forwarding = await waitForCardState(world, channel.id, FORWARDING.title, 'done');
    expect(forwarding.text).toContain('10 of 10 changes made');
    await waitForCardState(world, channel.id, SIP.title, 'done');
    await approveAs(world, channel.id, IP_AUTH.title, [CAROL]);
    await waitForCardState(world, channel.id, IP_AUTH.title, 'done');

    // Handled once: no click was answered twice, each approval is one row, each write happened once.
    for (const click of [duringRefresh, afterDrop, retried])
      expect(repliesText(click)).not.toMatch(/already/i);
    expect(world.logs().match(/acknowledged again, not handled twice/g)).toHaveLength(2);
    expectCleanAcks(socket, [timedOut.envelopeId]);
    expect(numbers.map((id) => sim.stats.writesTo(id))).toEqual(numbers.map(() => 1));
    expect(Object.entries(sim.stats.writes).filter(([, n]) => n !== 1)).toEqual([]);
    expect((await world.stop()).code).toBe(0);
    await world.withDb(async (db) => {
      const { rows } = await db.query<{ n: number; distinct: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT (step_id, user_id))::int AS distinct FROM approvals`,
      );
      expect(rows[0]?.n).toBe(rows[0]?.distinct);
      expect(rows[0]?.n).toBe(6);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    });
    expect(unresolvedPlantedChanges(sim).filter((c) => c.kind === 'call_forwarding')).toEqual([]);
  }, 240_000);
});
