import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkAnchors, parseAnchor } from '../../src/audit/anchors.js';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';
import { button, startAndDiscover } from './support.js';

let tb: TestBot;
beforeEach(async () => {
  tb = await startTestBot();
});
afterEach(() => tb.stop());

/** The anchor lines the bot posted in a channel (in the progress card's thread), oldest first. */
function anchorsIn(channel: string): string[] {
  const progress = tb.fs.pins(channel)[0]?.ts;
  return tb.fs
    .messages(channel)
    .filter((m) => m.threadTs === progress)
    .map((m) => m.text)
    .filter((t) => t.startsWith('Audit chain anchor'));
}

describe('Slack front door: the audit chain anchored outside the database', () => {
  it('when an incident opens, a step settles and it closes, then each time the chain head is posted, filed and still holds', async () => {
    const { channel } = await startAndDiscover(tb);
    await tb.fs.waitFor(() => anchorsIn(channel.id).length === 1);
    expect(anchorsIn(channel.id)[0]).toMatch(/^Audit chain anchor \(incident opened\): \d+:[0-9a-f]{64}$/);

    await tb.fs.click('UALICE', button(tb, channel.id, 'step.done', 'Change the password'));
    await tb.fs.waitFor(() => anchorsIn(channel.id).length === 2);
    expect(anchorsIn(channel.id)[1]).toContain('(step done: test.change-password)');

    await tb.fs.command('UBOB', '/compromise', 'close --force "handled by phone"', { channelId: channel.id });
    await tb.fs.waitFor(() => anchorsIn(channel.id).length === 3);
    expect(anchorsIn(channel.id)[2]).toContain('(incident closed)');

    const posted = anchorsIn(channel.id).map(parseAnchor);
    expect(posted.map((a) => a.seq)).toEqual([...posted.map((a) => a.seq)].sort((x, y) => x - y));
    expect(await checkAnchors(tb.t.db, posted)).toEqual([]);
    expect(await verifyAuditChain(tb.t.db)).toMatchObject({ ok: true });
    const dataDir = tb.bot.engine.config.dataDir;
    const filed = (await readFile(join(dataDir, 'audit-anchors.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { seq: number; hash: string; reason: string });
    expect(filed.map((a) => ({ seq: a.seq, hash: a.hash }))).toEqual(posted);
    expect(filed.map((a) => a.reason)).toEqual([
      'incident opened',
      'step done: test.change-password',
      'incident closed',
    ]);
  });
});
