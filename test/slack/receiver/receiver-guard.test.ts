import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../../support/test-bot.js';
import { repliesText } from '../support.js';
import { commandBody, postRaw, signedHeaders } from './signed-post.js';

let tb: TestBot;
beforeEach(async () => {
  tb = await startTestBot();
});
afterEach(() => tb.stop());

const events = () => `${tb.bot.url}/slack/events`;
const creates = () => tb.fs.callsTo('conversations.create').length;

async function stillServes(): Promise<void> {
  expect((await fetch(`${tb.bot.url}/healthz`)).status).toBe(200);
  const help = await tb.fs.command('UALICE', '/compromise', 'help', { channelId: 'CGENERAL' });
  expect(help.status).toBe(200);
  await tb.fs.waitFor(() => repliesText(help).includes('/compromise'));
}

describe('the receiver refuses what Slack does not send, before Bolt reads it', () => {
  it.each([
    ['null', 'payload=null'],
    ['an array', 'payload=%5B%5D'],
    ['a number', 'payload=42'],
    ['an object with no type', 'payload=%7B%7D'],
    [
      'block_actions with no actions',
      `payload=${encodeURIComponent('{"type":"block_actions","user":{"id":"UBOB"}}')}`,
    ],
    ['a payload beside other fields', 'payload=%7B%22type%22%3A%22block_actions%22%7D&x=1'],
  ])('when a signed interaction payload is %s, then 400 and the bot keeps serving', async (_label, body) => {
    const res = await postRaw(events(), body);
    expect(res.status).toBe(400);
    await stillServes();
  });

  it('when a signed form repeats a field, then 400 and no listener runs', async () => {
    const body = `${commandBody('start telnyx acme')}&text=start+telnyx+other`;
    const res = await postRaw(events(), body);
    expect(res.status).toBe(400);
    await stillServes();
    expect(creates()).toBe(0);
  });

  it.each([
    ['a JSON body that is not an object', '[1,2]', 'application/json'],
    ['a JSON body that is null', 'null', 'application/json'],
  ])('when %s comes signed, then 400', async (_label, body, contentType) => {
    expect((await postRaw(events(), body, { contentType })).status).toBe(400);
  });
});

describe('the receiver refuses replays', () => {
  it('when the timestamp is more than 300 s in the future, then 401 and nothing runs', async () => {
    const res = await tb.fs.command('UALICE', '/compromise', 'start telnyx acme', {
      channelId: 'CGENERAL',
      // Well past the 300 s: a timestamp in the future comes closer while the request is under
      // way, and 301 s became 300 whenever a second ended between signing and the check.
      sign: { ageSec: -330 },
    });
    expect(res.status).toBe(401);
    expect(creates()).toBe(0);
  });

  it('when a signed request is sent again byte for byte, then the copy is refused with 401', async () => {
    const body = commandBody('list');
    const headers = signedHeaders(body);
    expect((await postRaw(events(), body, { headers })).status).toBe(200);
    expect((await postRaw(events(), body, { headers })).status).toBe(401);
    expect(tb.logs()).toContain('a replay of one already received');
  });

  it('when the same start arrives twice as two deliveries, then one incident is opened and the second is told why', async () => {
    const first = await tb.fs.command('UALICE', '/compromise', 'start telnyx acme', {
      channelId: 'CGENERAL',
    });
    expect(first.status).toBe(200);
    await tb.fs.waitFor(() => tb.fs.channels.find((c) => c.name.endsWith('-acme')), { timeoutMs: 15_000 });
    const again = await tb.fs.command('UALICE', '/compromise', 'start  telnyx  ACME', {
      channelId: 'CGENERAL',
    });
    expect(again.status).toBe(200);
    expect(JSON.stringify(again.body)).toContain('not opening a second incident');
    // Another label is another incident: the check is about the same request, not about starting twice.
    await tb.fs.command('UALICE', '/compromise', 'start telnyx other', { channelId: 'CGENERAL' });
    await tb.fs.waitFor(() => tb.fs.channels.find((c) => c.name.endsWith('-other')), { timeoutMs: 15_000 });
    expect(tb.fs.channels.filter((c) => c.name.includes('-acme'))).toHaveLength(1);
    expect(creates()).toBe(2);
  });
});

describe('the receiver caps what it reads', () => {
  const padded = (bytes: number) => commandBody('start telnyx acme', { pad: 'x'.repeat(bytes) });

  it.each([
    ['with a Content-Length', false],
    ['chunked, with none', true],
  ])('when a signed body %s is over 64 KB, then 413 and nothing is parsed', async (_label, chunked) => {
    const res = await postRaw(events(), padded(70 * 1024), { chunked });
    expect(res.status).toBe(413);
    expect(tb.logs()).toContain('body too large');
    await stillServes(); // the help is answered after any start ahead of it
    expect(creates()).toBe(0);
  });

  it('when a signed body is just under 64 KB, then it is handled', async () => {
    expect((await postRaw(events(), padded(60 * 1024))).status).toBe(200);
    await tb.fs.waitFor(() => creates() === 1, { timeoutMs: 15_000 });
  });
});
