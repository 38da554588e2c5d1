// Starting an incident through a named connection, and one over two accounts, through the front door.
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionStore } from '../../src/connections/connection-store.js';
import type { ProviderCredential } from '../../src/domain/connection.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';
import { channelText, repliesText, startAndDiscover } from './support.js';

let tb: TestBot | undefined;
afterEach(async () => {
  await tb?.stop();
  tb = undefined;
});

const storeOf = (bot: TestBot): ConnectionStore => {
  const store = bot.bot.engine.deps.connections;
  if (!store) throw new Error('the engine has no connection store');
  return store;
};

async function addConnection(bot: TestBot, label: string, credential: ProviderCredential): Promise<void> {
  const store = storeOf(bot);
  await bot.t.db.transaction((tx) =>
    store.add(tx, { label, credential, accountId: null, source: 'slack', addedBy: 'UBOB', verifiedAt: null }),
  );
}

const incidentRow = async (bot: TestBot, label: string) => {
  const { rows } = await bot.t.db.query<{ connections: string[] | null }>(
    'SELECT connections FROM incidents WHERE label = $1',
    [label],
  );
  return rows[0];
};

describe('Slack front door: an incident works through the connection it names', () => {
  it('when the environment has a Telnyx key, then it is the connection `telnyx`, and a plain start works through it', async () => {
    tb = await startTestBot();
    const [env] = await storeOf(tb).list();
    expect(env).toMatchObject({ label: 'telnyx', provider: 'telnyx', source: 'env', version: 1 });
    const { channel } = await startAndDiscover(tb, 'UALICE', 'start telnyx acme');
    expect((await incidentRow(tb, 'acme'))?.connections).toEqual(['telnyx']);
    expect(channelText(tb, channel.id)).toContain('Through `telnyx`');
  });

  it('when a start names a connection Reclaim does not have, then it is refused saying how to add it; once added, the incident records it everywhere', async () => {
    tb = await startTestBot();
    const refused = await tb.fs.command('UALICE', '/compromise', 'start telnyx:eu acme', {
      channelId: 'CGENERAL',
    });
    await tb.fs.waitFor(() => repliesText(refused).includes('no connection named `telnyx:eu`'));
    expect(repliesText(refused)).toContain('/compromise connect telnyx eu');
    expect(tb.fs.callsTo('conversations.create')).toHaveLength(0);

    await addConnection(tb, 'telnyx:eu', { provider: 'telnyx', apiKey: 'KEY-eu-account-0001' });
    // A repeated start is answered, not run again: the second one is another incident.
    const { channel } = await startAndDiscover(tb, 'UALICE', 'start telnyx:eu euro');
    expect((await incidentRow(tb, 'euro'))?.connections).toEqual(['telnyx:eu']);
    expect(channelText(tb, channel.id)).toContain('Through `telnyx:eu`');
    expect(tb.fs.callsTo('conversations.setTopic').map((c) => String(c.args.topic))).toEqual([
      expect.stringContaining('through telnyx:eu'),
    ]);
    const { rows } = await tb.t.db.query<{ payload: { connections: string[] } }>(
      `SELECT payload FROM audit_log WHERE action = 'incident.opened'`,
    );
    expect(rows[0]?.payload.connections).toEqual(['telnyx:eu']);
  });

  it('when a two-account start names one connection, then the other provider uses its default, and a missing default is named', async () => {
    tb = await startTestBot();
    await addConnection(tb, 'twilio:parent', {
      provider: 'twilio',
      accountSid: `AC${'1'.repeat(32)}`,
      authToken: 'parent-token-0001',
    });
    const missing = await tb.fs.command('UALICE', '/compromise', 'start twilio:parent+sendgrid two', {
      channelId: 'CGENERAL',
    });
    await tb.fs.waitFor(() => repliesText(missing).includes('No sendgrid credentials are configured'));
    expect(repliesText(missing)).not.toContain('twilio:parent');

    await addConnection(tb, 'sendgrid', { provider: 'sendgrid', apiKey: 'SG.own-key.secret-0001' });
    await startAndDiscover(tb, 'UALICE', 'start twilio:parent+sendgrid both');
    expect((await incidentRow(tb, 'both'))?.connections).toEqual(['twilio:parent', 'sendgrid']);
  });
});
