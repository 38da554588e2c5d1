// A SendGrid incident on the seeded simulated account: every planted change found and undone or flagged, and Reclaim's own key replaced under it.
import { describe, expect, it } from 'vitest';
import {
  DISABLE_UNKNOWN_SUBUSERS,
  REPLACE_API_KEYS,
  REVIEW_MAIL_SETTINGS,
  REVIEW_SENDERS,
} from '../../src/playbooks/sendgrid/index.js';
import { apiKeyIdOf } from '../../src/providers/sendgrid/index.js';
import { ATTACKER_DOMAIN, unresolvedSendgridPlantedChanges } from '../../src/sandbox/sendgrid/index.js';
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
import { flaggedLines, plantedSendgridOnCards } from './support/planted-on-cards.js';
import { everywhereButReveals, leaksIn } from './support/secrets.js';
import { startedWorld } from './support/world.js';

const [BOB, CAROL] = APPROVERS;
const KEYS = titleOf(REPLACE_API_KEYS);

describe('a SendGrid incident through the front door: senders, forwarding, alerts, scopes and Reclaim’s own key', () => {
  it('when the planted changes are discovered, Reclaim replaces its own key, is killed -9 and restarted with the OLD key in SENDGRID_API_KEY, then it carries the incident to the end and the account holds none of the attacker’s changes', async ({
    onTestFinished,
  }) => {
    // A fourth integration key holds billing.read, which Reclaim's full-access key does not.
    const world = await startedWorld(onTestFinished, {
      providers: ['sendgrid'],
      sendgridSeed: { apiKeys: 4 },
      firstEnvOnly: true,
    });
    const { fs, sendgrid } = world;
    const oldKey = sendgrid.apiKey;
    const planted = plantedSendgridOnCards(sendgrid);
    const billing = sendgrid.state.apiKeys.find((k) => k.name === 'Billing export');
    const { channel } = await openIncident(world, `start sendgrid acme --since ${daysAgo(3)}`);

    // Discovery: every planted change is on a ⚠️ line of its step's card, and nothing was written.
    for (const kind of ['verified_sender', 'authenticated_domain', 'branded_link', 'mail_setting', 'alert']) {
      expect(
        planted.some((c) => c.kind === `sendgrid:${kind}`),
        kind,
      ).toBe(true);
    }
    for (const change of planted) {
      const lines = flaggedLines(cardTitled(fs, channel.id, titleOf(change.stepId)).text);
      expect(
        lines.some((line) => change.shows.every((words) => line.includes(words))),
        `${change.summary}: flagged on "${titleOf(change.stepId)}"`,
      ).toBe(true);
    }
    expect(sendgrid.stats.totalWrites()).toBe(0);
    const keysCard = cardTitled(fs, channel.id, KEYS).text;
    // Said up front: the billing key needs a scope Reclaim's key cannot grant.
    expect(
      flaggedLines(keysCard).some(
        (l) => l.includes(billing?.api_key_id ?? '?') && l.includes('billing.read'),
      ),
    ).toBe(true);
    expect(keysCard).toContain("replace Reclaim's own key last");
    expect(cardTitled(fs, channel.id, titleOf(DISABLE_UNKNOWN_SUBUSERS)).text).toContain(
      'check Settings › Subuser Management and turn off Website Access',
    );
    expect(cardTitled(fs, channel.id, titleOf(REVIEW_SENDERS)).text).toContain(ATTACKER_DOMAIN);
    expect(cardTitled(fs, channel.id, titleOf(REVIEW_MAIL_SETTINGS)).text).toContain(
      'Turn off 2 forwarding settings',
    );

    // The keys first: Reclaim's own is replaced last and the old one deleted.
    await approveAs(world, channel.id, KEYS, [BOB, CAROL]);
    await waitForCardState(world, channel.id, KEYS, 'done');
    const newKey = sendgrid.apiKey;
    expect(newKey).not.toBe(oldKey);
    expect(sendgrid.state.apiKeys.some((k) => k.api_key_id === apiKeyIdOf(oldKey))).toBe(false);
    expect(sendgrid.ownKeyExists()).toBe(true);
    expect(sendgrid.state.apiKeys.some((k) => k.api_key_id === billing?.api_key_id)).toBe(true);

    // A crash, and a restart whose environment still holds the old, deleted key.
    expect((await world.crash()).signal).toBe('SIGKILL');
    await world.start();
    const rest = world.steps.filter((s) => s.id !== REPLACE_API_KEYS);
    await settleEveryStep(world, channel.id, undefined, rest);
    for (const step of rest)
      expect(cardTitled(fs, channel.id, step.title).text).not.toMatch(/401|refused|authorization required/i);
    const report = await closeIncident(world, channel.id);
    expect(report).toMatch(/Audit chain: verified/);

    // The account: nothing planted is in effect; forwarding is off with the addresses kept.
    expect(unresolvedSendgridPlantedChanges(sendgrid)).toEqual([]);
    const s = sendgrid.state;
    expect([s.forwardSpam.enabled, s.forwardBounce.enabled]).toEqual([false, false]);
    expect(s.forwardBounce.email).toContain(ATTACKER_DOMAIN);
    expect(s.verifiedSenders.map((v) => v.from_email)).toEqual(['orders@acme-mail.example.com']);
    expect(s.authenticatedDomains.map((d) => d.domain)).toEqual(['acme-mail.example.com']);
    expect(s.brandedLinks.map((d) => d.domain)).toEqual(['acme-mail.example.com']);
    expect(s.alerts.map((a) => a.email_to)).toEqual([s.email]);
    expect(
      s.apiKeys.filter((k) => k.name.endsWith('(replaced by Reclaim)')).map((k) => k.api_key_id),
    ).toContain(apiKeyIdOf(newKey));
    expect(Object.entries(sendgrid.stats.writes).filter(([, n]) => n !== 1)).toEqual([]);
    // Neither key shows anywhere (nobody clicked Reveal): Slack calls, messages, report, logs.
    expect(leaksIn(everywhereButReveals(world, [], report), [oldKey, newKey])).toEqual([]);

    await world.stop();
    await world.withDb(async (db) => {
      const { rows } = await db.query<{ action: string; payload: Record<string, unknown> }>(
        `SELECT action, payload FROM audit_log WHERE action LIKE 'connection.%' ORDER BY seq`,
      );
      expect(rows.map((r) => r.action)).toEqual(['connection.added', 'connection.rotated']);
      expect(rows[1]?.payload).toMatchObject({
        label: 'sendgrid',
        version: 2,
        source: 'playbook',
      });
      expect(leaksIn(JSON.stringify(rows), [oldKey, newKey])).toEqual([]);
      const versions = await db.query<{ version: number }>(
        `SELECT version FROM connection_credentials WHERE label = 'sendgrid' ORDER BY version`,
      );
      expect(versions.rows.map((r) => r.version)).toEqual([1, 2]);
      const failed = await db.query(`SELECT kind FROM plan_actions WHERE state <> 'done'`);
      expect(failed.rows).toEqual([]);
    });
  }, 240_000);
});
