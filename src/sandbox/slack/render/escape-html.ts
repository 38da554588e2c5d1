const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text or attribute content: the five characters that could end or open markup are escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** Slack's own escapes in message text (`&amp;`, `&lt;`, `&gt;`) back to the characters they stand for. */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** A few emoji shortcodes Slack turns into pictures; the rest stay as written. */
const EMOJI: Record<string, string> = {
  warning: '⚠️',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  x: '❌',
  lock: '🔒',
  key: '🔑',
  rotating_light: '🚨',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  no_entry_sign: '🚫',
  information_source: 'ℹ️',
  pushpin: '📌',
  page_facing_up: '📄',
  mag: '🔍',
  gear: '⚙️',
  test_tube: '🧪',
  thumbsup: '👍',
  '+1': '👍',
};

/** Replaces `:name:` shortcodes that have a picture; text already escaped stays escaped. */
export function replaceEmoji(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole);
}
