import type { FoundButton } from '../support/fake-slack/index.js';
import type { TestBot } from '../support/test-bot.js';

/** `/compromise start …` from #general, then waits until every card is up and discovery is done. */
export async function startAndDiscover(tb: TestBot, user = 'UALICE', text = 'start telnyx acme') {
  const answer = await tb.fs.command(user, '/compromise', text, { channelId: 'CGENERAL' });
  const channel = await tb.fs.waitFor(
    () => tb.fs.channels.find((c) => c.name.endsWith(text.split(' ')[2] ?? 'acme')),
    {
      timeoutMs: 15_000,
    },
  );
  await tb.fs.waitFor(
    () => tb.fs.findButtons(channel.id, (b) => b.actionId === 'step.rediscover').length === 2,
    { timeoutMs: 15_000 },
  );
  return { answer, channel };
}

/** Text of the latest version of every message in a channel, for content assertions. */
export function channelText(tb: TestBot, channel: string): string {
  return tb.fs
    .messages(channel)
    .map((m) => `${m.text}\n${JSON.stringify(m.blocks)}`)
    .join('\n');
}

export function button(tb: TestBot, channel: string, actionId: string, textIncludes?: string): FoundButton {
  const found = tb.fs.findButtons(channel, (b) => b.actionId === actionId);
  const match = textIncludes
    ? found.find((b) =>
        JSON.stringify(tb.fs.messages(channel).find((m) => m.ts === b.messageTs)?.blocks).includes(
          textIncludes,
        ),
      )
    : found[0];
  if (!match)
    throw new Error(`no ${actionId} button${textIncludes ? ` on a card mentioning ${textIncludes}` : ''}`);
  return match;
}

/** What the clicker was told privately (response_url answers). */
export function repliesText(result: { responses: { body: Record<string, unknown> }[] }): string {
  return result.responses
    .map((r) => `${String(r.body.text ?? '')} ${JSON.stringify(r.body.blocks ?? [])}`)
    .join('\n');
}
