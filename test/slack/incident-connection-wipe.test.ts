// Credentials given for one incident only are wiped when it closes, audited; the others stay.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/test-bot.js';
import { repliesText, startAndDiscover } from './support.js';

let tb: TestBot | undefined;
afterEach(async () => {
  await tb?.stop();
  tb = undefined;
});

describe('Slack front door: per-incident credentials', () => {
  it('when an incident with a credential given for it alone is closed, then that connection and its credentials are gone, audited, and the shared one stays', async () => {
    tb = await startTestBot();
    const { channel } = await startAndDiscover(tb, 'UALICE', 'start telnyx acme');
    const { rows } = await tb.t.db.query<{ id: string }>(`SELECT id FROM incidents WHERE label = 'acme'`);
    const incidentId = rows[0]!.id;
    const store = tb.bot.engine.deps.connections!;
    await tb.t.db.transaction((tx) =>
      store.add(tx, {
        label: 'telnyx:acme-new',
        credential: { provider: 'telnyx', apiKey: 'KEY-given-for-acme-only-42' },
        accountId: null,
        source: 'incident',
        incidentId,
        addedBy: 'UBOB',
        verifiedAt: null,
      }),
    );
    const close = await tb.fs.command('UBOB', '/compromise', 'close --force "handled"', {
      channelId: channel.id,
    });
    await tb.fs.waitFor(() => repliesText(close).includes('Incident closed'), { timeoutMs: 15_000 });
    expect(await store.find('telnyx:acme-new')).toBeNull();
    expect(await store.find('telnyx')).not.toBeNull();
    const left = await tb.t.db.query(`SELECT 1 FROM connection_credentials WHERE label = 'telnyx:acme-new'`);
    expect(left.rows).toHaveLength(0);
    const audit = await tb.t.db.query<{ payload: unknown }>(
      `SELECT payload FROM audit_log WHERE action = 'connection.wiped' AND incident_id = $1`,
      [incidentId],
    );
    expect(audit.rows).toEqual([
      { payload: { labels: ['telnyx:acme-new'], reason: 'given for this incident only' } },
    ]);
  });
});
