import type { Block } from './types.js';

/**
 * Escapes text for Slack mrkdwn: `&`, `<` and `>` become entities, so user or provider text (a
 * label, a webhook URL, an error message) cannot turn into a mention, a broadcast or a link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Shortens text to at most `max` UTF-16 units, ending with `…`; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** User or provider text as mrkdwn: escaped, whitespace folded, at most `max` characters. */
export function clip(text: string, max: number): string {
  const escaped = escapeMrkdwn(text.replace(/\s+/g, ' ').trim());
  if (escaped.length <= max) return escaped;
  // Do not leave half an entity (`&am…`) at the cut.
  return truncate(escaped, max).replace(/&[a-z]*…$/, '…');
}

/** A mention for a Slack user id; anything that is not an id is shown as escaped text. */
export function mention(userId: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

export function mentionList(userIds: string[], max = 10): string {
  const shown = userIds.slice(0, max).map(mention).join(', ');
  return userIds.length > max ? `${shown} and ${userIds.length - max} more` : shown;
}

/** A timestamp Slack renders in each reader's own time zone, with an ISO fallback. */
export function slackDate(date: Date): string {
  const seconds = Math.floor(date.getTime() / 1000);
  return `<!date^${seconds}^{date_short_pretty} at {time}|${date.toISOString()}>`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Joins lines into chunks of at most `max` characters (one line per row); a single line longer
 * than `max` is shortened.
 */
export function packLines(lines: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncate(raw, max);
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return chunks;
}

export function sectionBlock(blockId: string, text: string): Block {
  return { type: 'section', block_id: blockId, text: { type: 'mrkdwn', text } };
}

/** Sections for many lines, block ids `<prefix>-1`, `<prefix>-2`… */
export function sectionBlocks(prefix: string, lines: string[], max = 3000): Block[] {
  return packLines(lines, max).map((text, i) => sectionBlock(`${prefix}-${i + 1}`, text));
}

export function contextBlock(blockId: string, texts: string[]): Block {
  const elements = texts.slice(0, 10).map((text) => ({ type: 'mrkdwn' as const, text }));
  return { type: 'context', block_id: blockId, elements };
}

export function headerBlock(blockId: string, text: string): Block {
  return {
    type: 'header',
    block_id: blockId,
    text: { type: 'plain_text', text: truncate(text.replace(/\s+/g, ' ').trim() || ' ', 150), emoji: true },
  };
}
