import type { FakeSlack, FoundButton, MessageView } from '../../support/fake-slack/index.js';

type Obj = Record<string, unknown>;

/** Every piece of text in a message's latest version (blocks walked, JSON escapes undone). */
export function messageText(m: Pick<MessageView, 'text' | 'blocks'>): string {
  const parts: string[] = [m.text];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node as Obj)) {
        if (key === 'text' && typeof value === 'string') parts.push(value);
        else walk(value);
      }
    }
  };
  walk(m.blocks);
  return parts.join('\n');
}

export interface StepCard {
  ts: string;
  /** 1-based, as the header shows it. */
  number: number;
  title: string;
  text: string;
  message: MessageView;
  buttons: FoundButton[];
}

function headerOf(m: MessageView): string | undefined {
  const first = m.blocks[0] as Obj | undefined;
  if (first?.type !== 'header') return undefined;
  const text = (first.text as Obj | undefined)?.text;
  return typeof text === 'string' ? text : undefined;
}

/** The step cards of an incident channel (top-level messages whose header is `N. Title`), in order. */
export function stepCards(fs: FakeSlack, channel: string): StepCard[] {
  return fs
    .messages(channel)
    .filter((m) => !m.threadTs)
    .flatMap((m) => {
      const match = /^(\d+)\. (.*)$/s.exec(headerOf(m) ?? '');
      if (!match) return [];
      return [
        {
          ts: m.ts,
          number: Number(match[1]),
          title: match[2] ?? '',
          text: messageText(m),
          message: m,
          buttons: fs.findButtons(channel, (b) => b.messageTs === m.ts),
        },
      ];
    })
    .sort((a, b) => a.number - b.number);
}

/** The card whose title is `title`; throws (so `waitFor` keeps waiting) when it is not there yet. */
export function cardTitled(fs: FakeSlack, channel: string, title: string): StepCard {
  const card = stepCards(fs, channel).find((c) => c.title === title);
  if (!card) throw new Error(`no step card titled "${title}"`);
  return card;
}

/** A button on the card titled `title`; throws when the card does not offer it (yet). */
export function buttonOn(fs: FakeSlack, channel: string, title: string, actionId: string): FoundButton {
  const button = cardTitled(fs, channel, title).buttons.find((b) => b.actionId === actionId);
  if (!button) throw new Error(`the card "${title}" has no ${actionId} button`);
  return button;
}

/** The pinned progress card's text (the first pin of the channel). */
export function progressText(fs: FakeSlack, channel: string): string {
  const pin = fs.pins(channel)[0];
  if (!pin) throw new Error('no pinned progress card');
  return messageText(pin);
}

/** What a clicker or command user was told privately (response_url answers). */
export function repliesText(result: { responses: { body: Record<string, unknown> }[] }): string {
  return result.responses
    .map((r) => messageText({ text: String(r.body.text ?? ''), blocks: (r.body.blocks ?? []) as unknown[] }))
    .join('\n');
}

/** Text with blanks and dashes taken out, so `+882 13 1234567` matches `+882131234567`. */
export function squeezed(text: string): string {
  return text.replace(/[\s\u00a0\u2009\u202f\-()]/g, '');
}
