import { decodeSlackEntities, escapeHtml, replaceEmoji } from './escape-html.js';
import type { RenderNames } from './types.js';

/** Marks a piece of finished HTML inside text still being formatted (a private-use character, dropped from input). */
const MARK = '\uE000';

/** A Slack date token's seconds as `2026-03-15 13:12 UTC`. */
export function formatSlackDate(seconds: number): string {
  const iso = new Date(seconds * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function link(url: string, label: string): string {
  if (!/^(https?:\/\/|mailto:)/i.test(url)) return escapeHtml(label || url);
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(label || url)}</a>`;
}

/** One `<…>` token: a mention, a channel, a date, a broadcast or a link. Anything else shows as written. */
function renderToken(inner: string, names: RenderNames): string {
  const [target = '', label] = splitLabel(decodeSlackEntities(inner));
  if (/^@[UW][A-Z0-9]+$/.test(target)) {
    return `<span class="mention">@${escapeHtml(label ?? names.user(target.slice(1)))}</span>`;
  }
  if (/^#[CG][A-Z0-9]+$/.test(target)) {
    const id = target.slice(1);
    const name = label ?? names.channel(id) ?? id;
    return `<a class="channel-link" href="/?channel=${encodeURIComponent(id)}">#${escapeHtml(name)}</a>`;
  }
  const date = /^!date\^(\d+)\^/.exec(target);
  if (date) {
    const seconds = Number(date[1]);
    const iso = new Date(seconds * 1000).toISOString();
    return `<time datetime="${iso}">${escapeHtml(formatSlackDate(seconds))}</time>`;
  }
  if (/^!(here|channel|everyone)$/.test(target)) return `<span class="mention">@${target.slice(1)}</span>`;
  if (target.startsWith('!subteam^')) return `<span class="mention">${escapeHtml(label ?? '@group')}</span>`;
  if (/^(https?:\/\/|mailto:)/i.test(target)) return link(target, label ?? target);
  return escapeHtml(`<${decodeSlackEntities(inner)}>`);
}

function splitLabel(token: string): [string, string | undefined] {
  const bar = token.indexOf('|');
  return bar < 0 ? [token, undefined] : [token.slice(0, bar), token.slice(bar + 1)];
}

const BOLD = /(^|[\s(>~_\uE000])\*(?!\s)([^*\n]+?)\*(?=$|[\s).,;:!?~_\uE000<])/g;
const ITALIC = /(^|[\s(>~*\uE000])_(?!\s)([^_\n]+?)_(?=$|[\s).,;:!?~*\uE000<])/g;
const STRIKE = /(^|[\s(>*_\uE000])~(?!\s)([^~\n]+?)~(?=$|[\s).,;:!?*_\uE000<])/g;

/**
 * Slack mrkdwn as HTML: code blocks and spans, `<@U…>` mentions, `<#C…>` channels, dates, links,
 * *bold*, _italic_, ~strike~, `>` quotes, emoji shortcodes and line breaks. Every character of the
 * input reaches the output escaped; only the markup made here is HTML.
 */
export function renderMrkdwn(text: string, names: RenderNames): string {
  const pieces: string[] = [];
  const keep = (html: string) => `${MARK}${pieces.push(html) - 1}${MARK}`;
  let out = text.replace(/\uE000/g, '');
  out = out.replace(/```([\s\S]*?)```/g, (_m, code: string) =>
    keep(`<pre class="mk-pre">${escapeHtml(decodeSlackEntities(code.replace(/^\n/, '')))}</pre>`),
  );
  out = out.replace(/`([^`\n]+)`/g, (_m, code: string) =>
    keep(`<code>${escapeHtml(decodeSlackEntities(code))}</code>`),
  );
  out = out.replace(/<([^<>\n]*)>/g, (_m, inner: string) => keep(renderToken(inner, names)));
  out = replaceEmoji(escapeHtml(decodeSlackEntities(out)));
  out = out.replace(BOLD, '$1<strong>$2</strong>');
  out = out.replace(ITALIC, '$1<em>$2</em>');
  out = out.replace(STRIKE, '$1<del>$2</del>');
  out = quoteLines(out);
  return out.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => pieces[Number(i)] ?? '');
}

/** Lines starting with `>` (escaped by now) become quotes; the rest keep their line breaks. */
function quoteLines(html: string): string {
  const lines = html.split('\n');
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length > 0) out.push(`<blockquote>${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  for (const line of lines) {
    const m = /^&gt; ?(.*)$/.exec(line);
    if (m) quote.push(m[1] ?? '');
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out
    .join('<br>')
    .replace(/<br><blockquote>/g, '<blockquote>')
    .replace(/<\/blockquote><br>/g, '</blockquote>');
}

/** A plain_text object's text: escaped, emoji shortcodes shown when `emoji` is not false, line breaks kept. */
export function renderPlainText(text: string, emoji = true): string {
  const html = escapeHtml(text);
  return (emoji ? replaceEmoji(html) : html).replace(/\n/g, '<br>');
}
