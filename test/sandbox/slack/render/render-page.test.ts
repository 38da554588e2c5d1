import { describe, expect, it } from 'vitest';
import { readConsoleView } from '../../../../src/sandbox/slack/console/read-console-view.js';
import { LOCAL_PEOPLE, LOCAL_TEAM } from '../../../../src/sandbox/slack/model/local-users.js';
import { GENERAL_CHANNEL_ID, Workspace } from '../../../../src/sandbox/slack/model/workspace.js';
import {
  LOCAL_BANNER,
  renderFragments,
  renderPage,
} from '../../../../src/sandbox/slack/render/render-page.js';
import { buildProgressCard } from '../../../../src/slack/blocks/build-progress-card.js';
import { buildRevealMessage } from '../../../../src/slack/blocks/build-reveal-message.js';
import { makeIncident, NOW } from '../../../slack/blocks/fixtures.js';

const [REQUESTER, APPROVER] = LOCAL_PEOPLE;
const BOT = { user: LOCAL_TEAM.botUserId, postedWith: 't:bot' };

/** A workspace with an incident channel: a pinned card with a thread, a shared report, an ephemeral, a modal. */
function world() {
  let clock = Date.parse('2026-03-15T13:00:00Z');
  const ws = new Workspace({ ...LOCAL_TEAM, people: LOCAL_PEOPLE, now: () => (clock += 1000) });
  const incident = ws.addChannel({
    name: 'compromise-20260315-acme',
    isPrivate: true,
    members: [LOCAL_TEAM.botUserId, REQUESTER!.id, APPROVER!.id],
  });
  ws.channels.get(incident.id)!.topic = 'Rehearsal: telnyx acme <@ULOCALREQ>';
  const card = buildProgressCard({
    incident: makeIncident({ requestedBy: REQUESTER!.id }),
    steps: [],
    now: NOW,
  });
  const pinned = ws.postMessage(incident.id, { ...card, attachments: [] }, BOT);
  ws.pins.push({
    channel: incident.id,
    ts: pinned.ts,
    pinnedBy: LOCAL_TEAM.botUserId,
    at: new Date(ws.now()),
  });
  ws.postMessage(
    incident.id,
    { text: 'Full plan, part 1 of 1', blocks: [], attachments: [] },
    { ...BOT, threadTs: pinned.ts },
  );
  ws.files.set('F1', {
    id: 'F1',
    filename: 'reclaim-report.md',
    title: 'Reclaim report',
    length: 5,
    bytes: Buffer.from('# hi\n'),
    channel: incident.id,
    initialComment: undefined,
    threadTs: undefined,
    completed: true,
  });
  ws.postMessage(
    incident.id,
    {
      text: 'The full incident report',
      blocks: [],
      attachments: [],
      files: [{ id: 'F1', title: 'Reclaim report', name: 'reclaim-report.md' }],
    },
    BOT,
  );
  const reveal = buildRevealMessage('SIP password', 'pa55');
  ws.ephemerals.push({
    ...reveal,
    attachments: [],
    channel: incident.id,
    user: APPROVER!.id,
    ts: ws.nextTs(),
    via: 'response_url',
    at: new Date(ws.now()),
  });
  const modal = { type: 'modal', title: { type: 'plain_text', text: 'Skip step' }, blocks: [] };
  ws.views.set('V1', {
    id: 'V1',
    user: APPROVER!.id,
    triggerId: 't',
    state: 'open',
    view: modal,
    versions: [modal],
  });
  return { ws, incident };
}

describe('renderPage: the console around the messages', () => {
  it('when any page is drawn, then it says it is local and what to set to go live, and loads nothing from elsewhere', () => {
    const { ws } = world();
    const page = renderPage(
      readConsoleView(ws, { as: REQUESTER!, people: LOCAL_PEOPLE, channelId: undefined, notice: null }),
    );
    expect(page).toContain(LOCAL_BANNER);
    expect(LOCAL_BANNER).toMatch(/SLACK_BOT_TOKEN.*SLACK_SIGNING_SECRET/);
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(page).toContain('<label for="as">Acting as</label>');
    for (const person of LOCAL_PEOPLE) expect(page).toContain(`<option value="${person.id}"`);
    expect(page).toContain(`<option value="${REQUESTER!.id}" selected>`);
    expect(page).toContain('<label for="composer-text">Message #general');
  });

  it('when an approver opens the incident channel, then it is current, pinned and threaded messages are marked, the report links to its download and his ephemeral and modal show', () => {
    const { ws, incident } = world();
    const view = readConsoleView(ws, {
      as: APPROVER!,
      people: LOCAL_PEOPLE,
      channelId: incident.id,
      notice: 'This incident acts on your real telnyx account.',
    });
    const parts = renderFragments(view);
    expect(parts.channels).toContain(
      `<a href="/?channel=${incident.id}" aria-current="page">🔒 compromise-20260315-acme</a>`,
    );
    expect(parts.channel).toContain(
      '<p class="channel-notice" role="alert">⚠️ This incident acts on your real telnyx account.</p>',
    );
    expect(parts.channel).toContain('<span class="pin-badge">📌 Pinned</span>');
    expect(parts.channel).toMatch(
      /<p class="pins">📌 Pinned: <a href="#m-\d+_\d+">Compromise response: telnyx sip-fraud/,
    );
    expect(parts.channel).toContain('<details class="thread"><summary>1 reply</summary>');
    expect(parts.channel).toContain(
      '<a class="file-link" href="/console/files/F1" download="reclaim-report.md">📄 Reclaim report</a>',
    );
    expect(parts.channel).toContain('👁 Only visible to you');
    expect(parts.channel).toContain('<pre class="mk-pre">pa55</pre>');
    expect(parts.channel).toContain('<span class="mention">@Riley (requester)</span>');
    expect(parts.modals).toContain('<h2 id="view-V1-title">Skip step</h2>');
    expect(parts.channel.indexOf('Only visible to you')).toBeGreaterThan(
      parts.channel.indexOf('The full incident report'),
    );
  });

  it('when someone else looks at the same channel, then the ephemeral and the modal are not theirs to see', () => {
    const { ws, incident } = world();
    const parts = renderFragments(
      readConsoleView(ws, { as: REQUESTER!, people: LOCAL_PEOPLE, channelId: incident.id, notice: null }),
    );
    expect(parts.channel).not.toContain('pa55');
    expect(parts.modals).toBe('');
  });

  it('when the page is loaded again after an ephemeral arrived, then it is gone, as in Slack', () => {
    const { ws, incident } = world();
    const since = ws.now() + 1;
    const view = readConsoleView(ws, {
      as: APPROVER!,
      people: LOCAL_PEOPLE,
      channelId: incident.id,
      notice: null,
      since,
    });
    expect(renderFragments(view).channel).not.toContain('pa55');
    expect(renderPage(view)).toContain(`<body data-since="${since}">`);
  });

  it('when a person asks for a channel they are not in, then they get #general', () => {
    const { ws } = world();
    const outsider = ws.addChannel({ name: 'secret', isPrivate: true, members: [LOCAL_TEAM.botUserId] });
    const view = readConsoleView(ws, {
      as: REQUESTER!,
      people: LOCAL_PEOPLE,
      channelId: outsider.id,
      notice: null,
    });
    expect(view.channel?.id).toBe(GENERAL_CHANNEL_ID);
    expect(renderFragments(view).channels).not.toContain('secret');
  });
});

describe('renderPage: every form carries the session’s CSRF token', () => {
  it('when the incident channel is drawn for a session, then each form (messages, ephemeral, modal, switcher, composer) has the token and the fragments hand it to the script', () => {
    const { ws, incident } = world();
    const token = 'tok_0123456789abcdefghijklmnopqrstuvwxyzABCDE';
    const view = readConsoleView(ws, {
      as: APPROVER!,
      people: LOCAL_PEOPLE,
      channelId: incident.id,
      notice: null,
      csrf: token,
    });
    const page = renderPage(view);
    const forms = page.match(/<form[^>]*>/g) ?? [];
    expect(forms.some((f) => f.includes('/console/ephemerals/'))).toBe(true);
    expect(forms.some((f) => f.includes('/console/views/'))).toBe(true);
    expect(forms.some((f) => f.includes('/console/as'))).toBe(true);
    const hidden = `<input type="hidden" name="csrf" value="${token}">`;
    for (const form of page.split('<form').slice(1)) expect(form.split('</form>')[0]).toContain(hidden);
    expect(page).toContain(`<meta name="reclaim-csrf" content="${token}">`);
    expect(renderFragments(view).csrf).toBe(token);
  });
});
