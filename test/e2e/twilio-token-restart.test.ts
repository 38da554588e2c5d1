// A kill -9 right after the Twilio Auth Token promotion, restarted with the old token still in the environment.
import { describe, expect, it } from 'vitest';
import { ROTATE_AUTH_TOKEN } from '../../src/playbooks/twilio/rotate-auth-token.js';
import { unresolvedTwilioChanges } from '../../src/sandbox/twilio/index.js';
import { APPROVERS } from './support/bot-env.js';
import { cardTitled } from './support/cards.js';
import {
  approveAs,
  closeIncident,
  daysAgo,
  openIncident,
  settleEveryStep,
  titleOf,
  waitForCardState,
} from './support/drive-incident.js';
import { everywhereButReveals, leaksIn } from './support/secrets.js';
import { startedWorld } from './support/world.js';

const [BOB, CAROL] = APPROVERS;
const ROTATE = titleOf(ROTATE_AUTH_TOKEN);

describe('Reclaim keeps its own Twilio access through the rotation it makes', () => {
  it('when the bot is killed -9 right after promoting a new Auth Token and restarted with the old token still in TWILIO_AUTH_TOKEN, then it carries the incident to the end with the promoted one', async ({
    onTestFinished,
  }) => {
    const world = await startedWorld(onTestFinished, { providers: ['twilio'], firstEnvOnly: true });
    const { fs, twilio } = world;
    const oldToken = twilio.authToken;
    const { channel } = await openIncident(world, `start twilio acme --since ${daysAgo(3)}`);

    await approveAs(world, channel.id, ROTATE, [BOB, CAROL]);
    await waitForCardState(world, channel.id, ROTATE, 'done');
    expect(twilio.authToken).not.toBe(oldToken);
    expect((await world.crash()).signal).toBe('SIGKILL');
    await world.start();

    // Every other step runs on the promoted token, read from the connection, not the environment.
    const rest = world.steps.filter((s) => s.id !== ROTATE_AUTH_TOKEN);
    await settleEveryStep(world, channel.id, undefined, rest);
    for (const step of rest) expect(cardTitled(fs, channel.id, step.title).text).not.toMatch(/401|refused/i);
    const report = await closeIncident(world, channel.id);
    expect(report).toMatch(/Audit chain: verified/);
    expect(unresolvedTwilioChanges(twilio)).toEqual([]);
    // Neither token shows anywhere (nobody clicked Reveal): Slack calls, messages, report, logs.
    expect(leaksIn(everywhereButReveals(world, [], report), [oldToken, twilio.authToken])).toEqual([]);
    await world.stop();
    await world.withDb(async (db) => {
      const { rows } = await db.query<{ action: string; payload: Record<string, unknown> }>(
        `SELECT action, payload FROM audit_log WHERE action LIKE 'connection.%' ORDER BY seq`,
      );
      expect(rows.map((r) => r.action)).toEqual(['connection.added', 'connection.rotated']);
      expect(rows[1]?.payload).toMatchObject({ label: 'twilio', version: 2, source: 'playbook' });
      expect(leaksIn(JSON.stringify(rows), [oldToken, twilio.authToken])).toEqual([]);
      const versions = await db.query<{ version: number }>(
        `SELECT version FROM connection_credentials WHERE label = 'twilio' ORDER BY version`,
      );
      expect(versions.rows.map((r) => r.version)).toEqual([1, 2]);
    });
  }, 240_000);
});
