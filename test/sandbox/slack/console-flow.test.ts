import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../support/fake-slack/wait-for.js';
import {
  APPROVER_1,
  APPROVER_2,
  type LocalHarness,
  REQUESTER,
  startLocalHarness,
} from './support/local-harness.js';

const LIVE_ENV = {
  TELNYX_API_KEY: 'KEY-test-telnyx',
  RECLAIM_LOCAL_REAL: '1',
  RECLAIM_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
};
const FORWARDING = 'Disable suspicious forwarding';
const SECRET = 'S3cr3t-Value-xyz'; // what the fake playbook generates for +15550100
const SKIP_REASON = JSON.stringify(['reason', 'reason']);

let h: LocalHarness;
afterEach(() => h.stop());

async function startIncident(text = '/compromise start telnyx acme') {
  expect(await h.type(REQUESTER, 'CGENERAL', text)).toEqual({ ok: true });
  const channel = await h.incidentChannel();
  await waitFor(() => h.buttons(channel.id, 'step.approve', FORWARDING), { timeoutMs: 15_000 });
  return channel;
}

describe('Reclaim Local: an incident driven through the console', () => {
  it('when a real-provider incident runs, then start, two approvals, execute, reveal, skip and close all work and every page says it is a real account', async () => {
    h = await startLocalHarness(LIVE_ENV);
    const channel = await startIncident();
    expect(h.channelText(channel.id)).toContain('This is your real telnyx account');
    const page = await h.fragment(REQUESTER, channel.id);
    expect(page.channel).toContain('acts on your real telnyx account');
    expect(page.channel).not.toContain('bk-unknown');

    await h.click(REQUESTER, h.buttons(channel.id, 'step.approve', FORWARDING)[0]!);
    await waitFor(() => h.ephemeralText(channel.id, REQUESTER).includes('Only approvers'));
    await h.click(APPROVER_1, h.buttons(channel.id, 'step.approve', FORWARDING)[0]!);
    await waitFor(() => h.channelText(channel.id).includes(`<@${APPROVER_1}>`));
    expect(h.account.writes).toEqual([]);
    await h.click(APPROVER_2, h.buttons(channel.id, 'step.approve', FORWARDING)[0]!);
    await waitFor(() => h.account.writes.length === 2, { timeoutMs: 10_000 });

    const [reveal] = await waitFor(() => h.buttons(channel.id, 'step.reveal'), { timeoutMs: 10_000 });
    expect(await h.click(APPROVER_1, reveal!)).toEqual({ ok: true });
    await waitFor(() => h.ephemeralText(channel.id, APPROVER_1).includes(SECRET));
    expect((await h.fragment(APPROVER_1, channel.id)).channel).toContain('Only visible to you');
    expect((await h.fragment(REQUESTER, channel.id)).channel).not.toContain(SECRET);

    await h.click(APPROVER_2, h.buttons(channel.id, 'step.skip', 'Change the password')[0]!);
    const view = await waitFor(() =>
      [...h.local.console.workspace.views.values()].find((v) => v.state === 'open'),
    );
    expect((await h.fragment(APPROVER_2, channel.id)).modals).toContain('Why skip it?');
    const empty = await h.act(APPROVER_2, `/console/views/${view.id}/submit`, { [SKIP_REASON]: ' ' });
    expect(empty.ok).toBe(false);
    expect((await h.fragment(APPROVER_2, channel.id)).modals).toContain('Say why this step is skipped.');
    await h.act(APPROVER_2, `/console/views/${view.id}/submit`, { [SKIP_REASON]: 'done by IT already' });
    await waitFor(() => h.channelText(channel.id).includes('done by IT already'));

    await h.type(APPROVER_1, channel.id, '/compromise close --force "handled by phone"');
    const file = await waitFor(
      () =>
        [...h.local.console.workspace.files.values()].find((f) => f.completed && f.channel === channel.id),
      { timeoutMs: 10_000 },
    );
    const download = await fetch(`${h.local.url}/console/files/${file.id}?as=${APPROVER_1}`);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="reclaim-report-/);
    const report = await download.text();
    expect(report).toContain('handled by phone');
    expect(report).not.toContain(SECRET);

    await h.local.console.flush();
    const { rows } = await h.t.db.query<{ s: string }>(
      'SELECT snapshot::text AS s FROM local_slack_workspaces',
    );
    expect(rows[0]?.s).toContain(channel.name);
    expect(rows[0]?.s).not.toContain(SECRET);
    expect(h.logs()).not.toContain(SECRET);
  });

  it('when one browser approves a real-account step as Avery and then tries as Sam, then the second is refused with a sentence and nothing runs until Sam approves in their own browser', async () => {
    h = await startLocalHarness(LIVE_ENV);
    const channel = await startIncident();
    const browser = await h.sessionOf(APPROVER_1);
    const approve = () => h.buttons(channel.id, 'step.approve', FORWARDING)[0]!;
    expect(await h.click(APPROVER_1, approve(), browser)).toEqual({ ok: true });
    await waitFor(() => h.channelText(channel.id).includes(`<@${APPROVER_1}>`));

    const refusal = {
      ok: false,
      notice:
        'This browser already acts as Avery (approver) in this incident; a second approver must use their own browser.',
    };
    expect(await h.click(APPROVER_2, approve(), browser)).toEqual(refusal);
    expect(
      await h.act(
        APPROVER_2,
        '/console/command',
        { channel: channel.id, text: '/compromise status' },
        browser,
      ),
    ).toEqual(refusal);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.account.writes).toEqual([]);
    expect(h.channelText(channel.id)).not.toContain(`<@${APPROVER_2}>`);

    expect(await h.click(APPROVER_2, approve())).toEqual({ ok: true });
    await waitFor(() => h.account.writes.length === 2, { timeoutMs: 10_000 });
  });

  it('when one browser acts as two people in a rehearsal, then the switcher works as before', async () => {
    h = await startLocalHarness();
    const channel = await startIncident('/compromise start sandbox demo');
    const browser = await h.sessionOf(REQUESTER);
    expect(await h.type(REQUESTER, channel.id, 'starting the drill')).toEqual({ ok: true });
    expect(
      await h.act(APPROVER_1, '/console/command', { channel: channel.id, text: 'on it' }, browser),
    ).toEqual({ ok: true });
    expect(await h.click(APPROVER_2, h.buttons(channel.id, 'step.approve', FORWARDING)[0]!, browser)).toEqual(
      {
        ok: true,
      },
    );
  });

  it('when no provider key is set, then /compromise start telnyx is refused, names the variable and opens nothing', async () => {
    h = await startLocalHarness();
    await h.type(REQUESTER, 'CGENERAL', '/compromise start telnyx acme');
    await waitFor(() => h.ephemeralText('CGENERAL', REQUESTER).includes('TELNYX_API_KEY'));
    expect(h.local.console.workspace.channels.size).toBe(1);
  });

  it.each([
    ['a command the workspace does not have', '/deploy now', /not a command here/],
    ['an empty message', '   ', /Type a message/],
  ])(
    'when the message box gets %s, then the page is told why and nothing reaches the bot',
    async (_label, text, notice) => {
      h = await startLocalHarness();
      const answer = await h.type(REQUESTER, 'CGENERAL', text);
      expect(answer.ok).toBe(false);
      expect(answer.notice).toMatch(notice);
    },
  );

  it('when plain text is typed, then it appears as the person’s message, escaped', async () => {
    h = await startLocalHarness();
    expect(await h.type(APPROVER_1, 'CGENERAL', 'hello <!channel> & all')).toEqual({ ok: true });
    const page = await h.fragment(APPROVER_1, 'CGENERAL');
    expect(page.channel).toContain('hello &lt;!channel&gt; &amp; all');
    expect(page.channel).toContain('Avery (approver)');
  });
});
