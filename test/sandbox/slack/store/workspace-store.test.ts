import { LogLevel, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LocalSlack, startLocalSlack } from '../../../../src/sandbox/slack/start-local-slack.js';
import { createSaver } from '../../../../src/sandbox/slack/store/workspace-store.js';
import { silentLogger } from '../../../../src/util/logger.js';
import { createTestDb, type TestDb } from '../../../support/test-db.js';

const TOKEN = 'xoxb-local-test-token';
let t: TestDb;
let local: LocalSlack | undefined;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await local?.close();
  local = undefined;
  await t.cleanup();
});

async function start(): Promise<WebClient> {
  local = await startLocalSlack({
    host: '127.0.0.1',
    port: 0,
    logger: silentLogger(),
    botToken: TOKEN,
    db: t.db,
  });
  return new WebClient(TOKEN, {
    slackApiUrl: local.apiUrl,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
  });
}

async function restart(): Promise<WebClient> {
  await local?.close();
  return start();
}

describe('Reclaim Local keeps its workspace in the database', () => {
  it('when the console restarts, then channels, the latest message versions, pins and files are back, and ephemerals are not', async () => {
    const c = await start();
    const { channel } = await c.conversations.create({ name: 'compromise-20260315-acme', is_private: true });
    const id = channel!.id!;
    await c.conversations.invite({ channel: id, users: 'ULOCALAPP1' });
    await c.conversations.setTopic({ channel: id, topic: 'Rehearsal' });
    const { ts } = await c.chat.postMessage({
      channel: id,
      text: 'draft',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'v1' } }],
    });
    await c.chat.update({
      channel: id,
      ts: ts!,
      text: 'card',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'v2' } }],
    });
    await c.pins.add({ channel: id, timestamp: ts! });
    await c.chat.postEphemeral({ channel: id, user: 'ULOCALAPP1', text: 'pa55-secret' });
    await c.files.uploadV2({ channel_id: id, filename: 'report.md', title: 'Report', content: '# Report\n' });

    const again = await restart();
    const ws = local!.workspace;
    const kept = ws.channels.get(id)!;
    expect({ name: kept.name, topic: kept.topic, private: kept.isPrivate }).toEqual({
      name: 'compromise-20260315-acme',
      topic: 'Rehearsal',
      private: true,
    });
    expect([...kept.members]).toEqual(expect.arrayContaining(['ULOCALBOT', 'ULOCALAPP1']));
    const card = ws.message(id, ts!)!;
    expect(ws.viewOf(card).text).toBe('card');
    expect(JSON.stringify(ws.viewOf(card).blocks)).toContain('v2');
    expect(ws.pins.map((p) => p.ts)).toEqual([ts]);
    expect([...ws.files.values()].map((f) => f.bytes?.toString('utf8'))).toEqual(['# Report\n']);
    expect(ws.ephemerals).toEqual([]);

    await again.chat.update({ channel: id, ts: ts!, text: 'card after restart' });
    const { channel: next } = await again.conversations.create({ name: 'another' });
    expect(next!.id).not.toBe(id);
    const { ts: later } = await again.chat.postMessage({ channel: next!.id!, text: 'later' });
    expect(later! > ts!).toBe(true);
  });

  it('when the snapshot is written, then it never holds an ephemeral or a token', async () => {
    const c = await start();
    const { channel } = await c.conversations.create({ name: 'ops' });
    await c.chat.postMessage({ channel: channel!.id!, text: 'hello' });
    await c.chat
      .postEphemeral({ channel: channel!.id!, user: 'ULOCALBOT', text: 'x' })
      .catch(() => undefined);
    await c.conversations.invite({ channel: channel!.id!, users: 'ULOCALREQ' });
    await c.chat.postEphemeral({ channel: channel!.id!, user: 'ULOCALREQ', text: 'pa55-secret' });
    await local!.flush();
    const { rows } = await t.db.query<{ s: string }>(
      'SELECT snapshot::text AS s FROM local_slack_workspaces',
    );
    expect(rows[0]?.s).toContain('hello');
    expect(rows[0]?.s).not.toContain('pa55-secret');
    expect(rows[0]?.s).not.toContain(TOKEN);
  });

  it('when the saved workspace is unreadable, then the console starts with an empty one', async () => {
    await t.db.query(
      `INSERT INTO local_slack_workspaces (id, snapshot) VALUES ('local', '{"version": 99}'::jsonb)`,
    );
    await start();
    expect([...local!.workspace.channels.values()].map((c) => c.name)).toEqual(['general']);
  });
});

describe('createSaver', () => {
  it('when changes arrive during a save, then exactly one more save follows and flush waits for it', async () => {
    const releases: (() => void)[] = [];
    let saves = 0;
    const saver = createSaver(
      () =>
        new Promise<void>((resolve) => {
          saves += 1;
          releases.push(resolve);
        }),
      () => undefined,
    );
    saver.changed();
    saver.changed();
    saver.changed();
    expect(saves).toBe(1);
    let flushed = false;
    const flushing = saver.flush().then(() => {
      flushed = true;
    });
    releases[0]!();
    await new Promise((r) => setImmediate(r));
    expect(saves).toBe(2);
    expect(flushed).toBe(false);
    releases[1]!();
    await flushing;
    expect(saves).toBe(2);
  });
});
