import type { EphemeralMessage, MessageView } from '../model/types.js';
import { escapeHtml } from './escape-html.js';
import { renderEphemeral, renderMessage } from './render-message.js';
import { renderMrkdwn } from './render-mrkdwn.js';
import { htmlId } from './render-text.js';
import type { ChannelEntry, ConsoleView } from './types.js';

/** A channel's name as the sidebar and headings show it: `#name`, or a lock for private ones. */
export function channelLabel(c: ChannelEntry): string {
  return `${c.isPrivate ? '🔒 ' : '# '}${escapeHtml(c.name)}${c.isArchived ? ' (archived)' : ''}`;
}

/** The sidebar: the channels the acting person is in, the current one marked. */
export function renderChannelList(view: ConsoleView): string {
  const items = view.channels.map((c) => {
    const current = c.id === view.channel?.id ? ' aria-current="page"' : '';
    return `<li><a href="/?channel=${encodeURIComponent(c.id)}"${current}>${channelLabel(c)}</a></li>`;
  });
  return `<h2 class="sidebar-title">Channels</h2><ul class="channel-list">${items.join('')}</ul>`;
}

type Entry = { ts: string; html: string };

/**
 * The open channel: its name and topic, a warning when its incident acts on a real account, a
 * line linking the pinned messages, then every message and the acting person's ephemerals in time
 * order, thread replies under their message.
 */
export function renderChannel(view: ConsoleView): string {
  const channel = view.channel;
  if (!channel) return '<p class="empty">You are in no channel yet.</p>';
  const ctx = {
    names: view.names,
    botUserId: view.botUserId,
    pinned: view.pinned,
    files: view.files,
    csrf: view.csrf,
  };
  const top = view.messages.filter((m) => !m.threadTs || m.threadTs === m.ts);
  const repliesOf = (m: MessageView) => view.messages.filter((r) => r.threadTs === m.ts && r.ts !== m.ts);
  const entries: Entry[] = [
    ...top.map((m) => ({ ts: m.ts, html: renderMessage(m, { ...ctx, replies: repliesOf(m) }) })),
    ...view.ephemerals.map((e: EphemeralMessage) => ({ ts: e.ts, html: renderEphemeral(e, ctx) })),
  ].sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
  const pins = view.messages.filter((m) => view.pinned.has(m.ts));
  const pinLine =
    pins.length === 0
      ? ''
      : `<p class="pins">📌 Pinned: ${pins.map((m) => `<a href="#${htmlId('m', m.ts)}">${escapeHtml(pinTitle(m))}</a>`).join(', ')}</p>`;
  const notice = channel.notice
    ? `<p class="channel-notice" role="alert">⚠️ ${escapeHtml(channel.notice)}</p>`
    : '';
  const topic = channel.topic ? `<p class="topic">${renderMrkdwn(channel.topic, view.names)}</p>` : '';
  return [
    `<header class="channel-head"><h1>${channelLabel(channel)}</h1>${topic}</header>`,
    notice,
    pinLine,
    `<div class="timeline" aria-label="Messages in ${escapeHtml(channel.name)}">`,
    entries.length === 0 ? '<p class="empty">No messages yet.</p>' : entries.map((e) => e.html).join(''),
    '</div>',
  ].join('');
}

function pinTitle(m: MessageView): string {
  const text = m.text.replace(/\s+/g, ' ').trim();
  return text.length > 80 ? `${text.slice(0, 79)}…` : text || 'message';
}
