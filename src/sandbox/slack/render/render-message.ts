import type { EphemeralMessage, MessageView, StoredFile } from '../model/types.js';
import { csrfInput } from './csrf-input.js';
import { escapeHtml } from './escape-html.js';
import { renderBlocks } from './render-blocks.js';
import { renderMrkdwn } from './render-mrkdwn.js';
import { htmlId } from './render-text.js';
import type { RenderNames } from './types.js';

export interface MessageContext {
  names: RenderNames;
  botUserId: string;
  pinned: ReadonlySet<string>;
  files: ReadonlyMap<string, StoredFile>;
  /** Replies to this message (its thread), oldest first. */
  replies?: readonly MessageView[];
  /** The page's CSRF token, carried by every form. */
  csrf?: string;
}

/** `1767225600.000100` as `2026-01-01 00:00:00 UTC`, with its machine-readable form. */
function timeOf(ts: string): string {
  const date = new Date(Math.floor(Number(ts.split('.')[0]) * 1000));
  const iso = date.toISOString();
  return `<time datetime="${iso}">${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC</time>`;
}

function author(user: string, ctx: MessageContext): string {
  const name = escapeHtml(ctx.names.user(user));
  return user === ctx.botUserId
    ? `<span class="msg-author">${name}</span> <span class="app-badge">APP</span>`
    : `<span class="msg-author">${name}</span>`;
}

function body(m: { text: string; blocks: unknown[]; ts: string }, ctx: MessageContext, interactive: boolean) {
  if (m.blocks.length === 0)
    return m.text ? `<div class="msg-text">${renderMrkdwn(m.text, ctx.names)}</div>` : '';
  return renderBlocks(m.blocks, { names: ctx.names, idPrefix: htmlId('m', m.ts), interactive });
}

function files(m: MessageView, ctx: MessageContext): string {
  if (!m.files || m.files.length === 0) return '';
  const items = m.files.map((f) => {
    const stored = ctx.files.get(f.id);
    const size = stored ? ` · ${stored.bytes?.length ?? stored.length} bytes` : '';
    return `<li><a class="file-link" href="/console/files/${encodeURIComponent(f.id)}" download="${escapeHtml(f.name)}">📄 ${escapeHtml(f.title)}</a> <span class="file-meta">${escapeHtml(f.name)}${size}</span></li>`;
  });
  return `<ul class="msg-files" aria-label="Files">${items.join('')}</ul>`;
}

/**
 * A channel message: author, time, pinned marker, its blocks (or text) inside a form whose buttons
 * post clicks for this message, shared files with download links, and its thread.
 */
export function renderMessage(m: MessageView, ctx: MessageContext): string {
  const pinned = ctx.pinned.has(m.ts) ? ' <span class="pin-badge">📌 Pinned</span>' : '';
  const replies = ctx.replies ?? [];
  const thread =
    replies.length === 0
      ? ''
      : `<details class="thread"><summary>${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}</summary>${replies
          .map((r) => renderMessage(r, { ...ctx, replies: [] }))
          .join('')}</details>`;
  const classes = [
    'msg',
    m.user === ctx.botUserId ? 'msg-bot' : '',
    ctx.pinned.has(m.ts) ? 'msg-pinned' : '',
    m.threadTs ? 'msg-reply' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return [
    `<article class="${classes}" id="${htmlId('m', m.ts)}" data-ts="${escapeHtml(m.ts)}">`,
    `<header class="msg-head">${author(m.user, ctx)} ${timeOf(m.ts)}${pinned}</header>`,
    `<form class="msg-body" method="post" action="/console/click" data-js>`,
    `<input type="hidden" name="channel" value="${escapeHtml(m.channel)}">`,
    `<input type="hidden" name="ts" value="${escapeHtml(m.ts)}">`,
    csrfInput(ctx.csrf ?? ''),
    body(m, ctx, true),
    '</form>',
    files(m, ctx),
    thread,
    '</article>',
  ].join('');
}

/** An ephemeral message: marked as seen by the acting person only, buttons inert, with Dismiss. */
export function renderEphemeral(e: EphemeralMessage, ctx: MessageContext): string {
  return [
    `<article class="msg msg-ephemeral" id="${htmlId('e', e.ts)}" aria-label="Only visible to you">`,
    `<header class="msg-head">${author(ctx.botUserId, ctx)} ${timeOf(e.ts)} <span class="ephemeral-badge">👁 Only visible to you</span></header>`,
    `<div class="msg-body">${body(e, ctx, false)}</div>`,
    `<form method="post" action="/console/ephemerals/${encodeURIComponent(e.ts)}/dismiss" data-js>`,
    `<input type="hidden" name="channel" value="${escapeHtml(e.channel)}">`,
    csrfInput(ctx.csrf ?? ''),
    '<button type="submit" class="link-button">Dismiss message</button></form>',
    '</article>',
  ].join('');
}
