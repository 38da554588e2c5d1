import { csrfInput } from './csrf-input.js';
import { escapeHtml } from './escape-html.js';
import { renderChannel, renderChannelList } from './render-channel.js';
import { renderModal } from './render-modal.js';
import type { ConsoleView } from './types.js';

/** Said at the top of every page: where this is, and what to set to reach a real Slack workspace. */
export const LOCAL_BANNER =
  'Reclaim Local: a Slack stand-in on this computer; nothing here reaches Slack. To go live, create the Slack app from manifest.yml and set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN), and RECLAIM_APPROVERS, then restart. See README.md.';

/** The parts of the page that change as the workspace does; the page script swaps them in. */
export interface ConsoleFragments {
  title: string;
  channels: string;
  channel: string;
  modals: string;
  /** The session's CSRF token, for the forms outside the fragments (after a restart it changes). */
  csrf: string;
}

export function renderFragments(view: ConsoleView): ConsoleFragments {
  const where = view.channel ? `${view.channel.isPrivate ? '' : '#'}${view.channel.name}` : 'no channel';
  return {
    title: `${where} · Reclaim Local`,
    channels: renderChannelList(view),
    channel: renderChannel(view),
    modals: view.views.map((v) => renderModal(v, view.names, view.csrf)).join(''),
    csrf: view.csrf,
  };
}

function switcher(view: ConsoleView): string {
  const options = view.people.map(
    (p) =>
      `<option value="${escapeHtml(p.id)}"${p.id === view.as.id ? ' selected' : ''}>${escapeHtml(p.realName ?? p.name)}</option>`,
  );
  return [
    '<form class="switcher" method="post" action="/console/as">',
    `<input type="hidden" name="channel" value="${escapeHtml(view.channel?.id ?? '')}">`,
    csrfInput(view.csrf),
    '<label for="as">Acting as</label>',
    `<select id="as" name="as">${options.join('')}</select>`,
    '<button type="submit" class="bk-button">Switch</button>',
    '</form>',
  ].join('');
}

function composer(view: ConsoleView): string {
  if (!view.channel) return '';
  const label = `Message ${view.channel.isPrivate ? '' : '#'}${view.channel.name}`;
  return [
    '<form id="composer" class="composer" method="post" action="/console/command" data-js>',
    `<input type="hidden" name="channel" value="${escapeHtml(view.channel.id)}">`,
    csrfInput(view.csrf),
    `<label for="composer-text">${escapeHtml(label)} (type <kbd>/compromise help</kbd>)</label>`,
    '<div class="composer-row">',
    '<input id="composer-text" name="text" type="text" autocomplete="off" required placeholder="/compromise start sandbox demo">',
    '<button type="submit" class="bk-button bk-primary">Send</button>',
    '</div></form>',
  ].join('');
}

/** The whole console page: banner, user switcher, channels, the open channel, the message box, modals. */
export function renderPage(view: ConsoleView): string {
  const parts = renderFragments(view);
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="reclaim-csrf" content="${escapeHtml(view.csrf)}">`,
    `<title>${escapeHtml(parts.title)}</title>`,
    '<link rel="stylesheet" href="/assets/console.css">',
    '<link rel="stylesheet" href="/assets/blocks.css">',
    '<script type="module" src="/assets/console.js"></script>',
    `</head><body data-since="${view.since}">`,
    `<p class="banner" role="note">${escapeHtml(LOCAL_BANNER)}</p>`,
    `<header class="topbar"><span class="brand">Reclaim Local</span>${switcher(view)}</header>`,
    '<div class="layout">',
    `<nav class="sidebar" id="channels" aria-label="Channels">${parts.channels}</nav>`,
    '<main class="main">',
    `<section id="channel" class="channel">${parts.channel}</section>`,
    '<p id="notice" class="notice" role="status"></p>',
    composer(view),
    '</main></div>',
    `<div id="modals">${parts.modals}</div>`,
    '</body></html>',
  ].join('\n');
}
