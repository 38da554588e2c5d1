import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/test-bot.js';

let tb: TestBot;
beforeEach(async () => {
  tb = await startTestBot();
});
afterEach(() => tb.stop());

describe('Slack front door: the channel topic', () => {
  it('when the label holds a broadcast and a link, then the topic shows them as text', async () => {
    await tb.fs.command('UALICE', '/compromise', 'start telnyx "<!channel> <https://evil.example|ok>"', {
      channelId: 'CGENERAL',
    });
    const channel = await tb.fs.waitFor(() => tb.fs.channels.find((c) => c.name.startsWith('compromise-')), {
      timeoutMs: 15_000,
    });
    await tb.fs.waitFor(() => (tb.fs.channelByName(channel.name)?.topic ?? '').includes('telnyx'));
    const topic = tb.fs.channelByName(channel.name)?.topic ?? '';
    expect(topic).toContain('&lt;!channel&gt;');
    expect(topic).not.toContain('<!channel>');
    expect(topic).not.toContain('<https://');
  });
});
