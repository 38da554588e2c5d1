import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './start-fake-slack.js';
import { slackErrorOf, webClientFor } from './web-client-for.js';

const SECRET = 'test-signing-secret';

const skipModal = {
  type: 'modal' as const,
  callback_id: 'skip_modal',
  private_metadata: 'step-1',
  title: { type: 'plain_text' as const, text: 'Skip step' },
  submit: { type: 'plain_text' as const, text: 'Skip' },
  blocks: [
    {
      type: 'input' as const,
      block_id: 'reason',
      label: { type: 'plain_text' as const, text: 'Why?' },
      element: { type: 'plain_text_input' as const, action_id: 'reason' },
    },
  ],
};

/** A real Bolt app on an ephemeral port, talking to the fake for its Web API, with a few listeners. */
async function startBolt(fs: FakeSlack) {
  const seen = { commands: [] as unknown[], actions: [] as unknown[], submissions: [] as unknown[] };
  const app = new App({
    token: 'xoxb-test-token',
    signingSecret: SECRET,
    botId: 'BBOT',
    botUserId: 'UBOT',
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fs.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true },
  });
  app.command('/compromise', async ({ ack, command, client, respond }) => {
    seen.commands.push(command);
    if (command.text === 'help') return ack({ text: 'usage: /compromise start <provider>' });
    await ack();
    if (command.text === 'skip') await client.views.open({ trigger_id: command.trigger_id, view: skipModal });
    await respond({ text: `working on: ${command.text}` });
  });
  app.action('approve', async ({ ack, body, respond }) => {
    await ack();
    seen.actions.push(body);
    await respond({ replace_original: true, text: `Approved by <@${body.user.id}>` });
  });
  app.view('skip_modal', async ({ ack, view }) => {
    seen.submissions.push(view);
    const reason = view.state.values.reason?.reason?.value ?? '';
    if (reason.length < 3)
      return ack({ response_action: 'errors', errors: { reason: 'Say why (3+ characters).' } });
    await ack();
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  const { port } = server.address() as AddressInfo;
  fs.connectBot({ eventsUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET });
  return { app, seen };
}

describe('fake Slack driving a real Bolt app over signed HTTP', () => {
  let fs: FakeSlack;
  let bolt: Awaited<ReturnType<typeof startBolt>>;

  beforeEach(async () => {
    fs = await startFakeSlack({ users: ['UREQ'] });
    bolt = await startBolt(fs);
  });
  afterEach(async () => {
    await bolt.app.stop();
    await fs.close();
  });

  it('when a user runs a command, then Bolt accepts the signature and its respond() lands as an ephemeral', async () => {
    const res = await fs.command('UREQ', '/compromise', 'status');
    expect(res.status).toBe(200);
    await fs.waitFor(() => res.responses.length === 1);
    expect(res.responses[0]?.body).toMatchObject({ text: 'working on: status' });
    expect(fs.ephemerals('CGENERAL', 'UREQ')).toMatchObject([
      { text: 'working on: status', via: 'response_url' },
    ]);
  });

  it('when the ack carries a message, then the user sees it as an ephemeral', async () => {
    await fs.command('UALICE', '/compromise', 'help');
    expect(fs.ephemerals('CGENERAL', 'UALICE')).toMatchObject([
      { text: 'usage: /compromise start <provider>', via: 'ack' },
    ]);
  });

  it('when a command opens a modal with its trigger, then the view is open and the trigger is spent', async () => {
    const res = await fs.command('UREQ', '/compromise', 'skip');
    const view = await fs.waitFor(() => fs.views.find((v) => v.user === 'UREQ'));
    expect(view).toMatchObject({
      state: 'open',
      triggerId: res.triggerId,
      view: { callback_id: 'skip_modal' },
    });
    const again = webClientFor(fs).views.open({ trigger_id: res.triggerId, view: skipModal });
    expect((await slackErrorOf(again)).error).toBe('exchanged_trigger_id');
    const unknown = webClientFor(fs).views.open({ trigger_id: '1.2.nope', view: skipModal });
    expect((await slackErrorOf(unknown)).error).toBe('invalid_trigger_id');
  });

  it('when a modal is submitted, then the bot’s response_action errors keep it open and a good value closes it', async () => {
    await fs.command('UREQ', '/compromise', 'skip');
    const view = await fs.waitFor(() => fs.views.find((v) => v.user === 'UREQ'));
    const short = await fs.submitView('UREQ', view.id, {
      reason: { reason: { type: 'plain_text_input', value: 'no' } },
    });
    expect(short.body).toEqual({ response_action: 'errors', errors: { reason: 'Say why (3+ characters).' } });
    expect(view.state).toBe('open');
    const good = { reason: { reason: { type: 'plain_text_input', value: 'done by hand' } } };
    expect((await fs.submitView('UREQ', view.id, good)).status).toBe(200);
    expect(view.state).toBe('closed');
    expect(bolt.seen.submissions.at(-1)).toMatchObject({
      callback_id: 'skip_modal',
      private_metadata: 'step-1',
    });
  });

  it('when a user clicks a button on the latest card, then Bolt gets block_actions and replace_original redraws it', async () => {
    const client = webClientFor(fs);
    const channel = (await client.conversations.create({ name: 'inc' })).channel!.id!;
    const blocks = [
      {
        type: 'actions',
        block_id: 'step-1',
        elements: [
          {
            type: 'button',
            action_id: 'approve',
            text: { type: 'plain_text', text: 'Approve' },
            value: 'v1',
            style: 'primary',
          },
        ],
      },
    ];
    await client.chat.postMessage({ channel, text: 'Step 1', blocks });
    const [button] = fs.findButtons(channel, (b) => b.actionId === 'approve');
    expect(button).toMatchObject({ blockId: 'step-1', value: 'v1', text: 'Approve', style: 'primary' });
    const res = await fs.click('UBOB', button!);
    expect(res.status).toBe(200);
    await fs.waitFor(() => fs.messages(channel)[0]?.text.startsWith('Approved'));
    expect(fs.messages(channel)[0]).toMatchObject({ text: 'Approved by <@UBOB>', blocks: [] });
    expect(fs.findButtons(channel)).toEqual([]);
    expect(bolt.seen.actions[0]).toMatchObject({
      type: 'block_actions',
      user: { id: 'UBOB' },
      channel: { id: channel },
      container: { message_ts: button?.messageTs, channel_id: channel },
      actions: [{ action_id: 'approve', block_id: 'step-1', value: 'v1', type: 'button' }],
      message: { ts: button?.messageTs, blocks },
    });
  });

  it.each([
    ['a forged signature', { signature: 'forged' as const }],
    ['no signature', { signature: 'missing' as const }],
    ['a 6-minute-old timestamp', { ageSec: 360 }],
  ])('when a request has %s, then Bolt answers 401 and no listener runs', async (_what, sign) => {
    const res = await fs.command('UREQ', '/compromise', 'status', { sign });
    expect(res.status).toBe(401);
    expect(bolt.seen.commands).toEqual([]);
  });
});
