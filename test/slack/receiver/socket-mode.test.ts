import { describe, expect, it } from 'vitest';
import { APP_TOKEN, startTestBot } from '../../support/test-bot.js';
import { button, channelText, repliesText, startAndDiscover } from '../support.js';

const FORWARDING = 'Disable suspicious forwarding';

describe('the Slack front door in Socket Mode (in process, against the fake)', () => {
  it('when the bot starts, then apps.connections.open goes to SLACK_API_URL with the app token, and a command over the socket is acked with its answer', async ({
    onTestFinished,
  }) => {
    const tb = await startTestBot({ socketMode: {} });
    onTestFinished(() => tb.stop());
    const socket = tb.fs.socket!;
    expect(tb.fs.callsTo('apps.connections.open')).toMatchObject([{ ok: true }]);
    expect(socket.connections).toHaveLength(1);
    const { answer, channel } = await startAndDiscover(tb);
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).toContain('Opening a telnyx incident');
    await tb.fs.waitFor(() => repliesText(answer).includes(`<#${channel.id}>`));
    expect(socket.envelopes.map((e) => e.type)).toEqual(['slash_commands']);
    expect(socket.problems).toEqual({ late: [], stray: [], unaccepted: [] });
    // The health port answers on loopback only; Slack never needs to reach in.
    expect(new URL(tb.bot.url).hostname).toBe('127.0.0.1');
    expect(tb.logs()).not.toContain(APP_TOKEN);
  });

  it('when an ack is lost on its way and Slack delivers the click again, then it is acked again and the approval counted once', async ({
    onTestFinished,
  }) => {
    const tb = await startTestBot({ socketMode: {} });
    onTestFinished(() => tb.stop());
    const { channel } = await startAndDiscover(tb);
    tb.fs.socket!.loseNextAcks(1);
    const click = await tb.fs.click('UBOB', button(tb, channel.id, 'step.approve', FORWARDING));
    expect(click.status).toBe(200);
    const [, envelope] = tb.fs.socket!.envelopes;
    expect(envelope?.deliveries.map((d) => d.reason)).toEqual(['', 'timeout']);
    expect(envelope?.acks.map((a) => a.lost)).toEqual([true, false]);
    await tb.fs.waitFor(() => channelText(tb, channel.id).includes('<@UBOB>'));
    const { rows } = await tb.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM approvals');
    expect(rows[0]?.n).toBe(1);
    expect(tb.logs()).toContain('acknowledged again, not handled twice');
    expect(repliesText(click)).not.toMatch(/already/i);
  });

  it('when the socket stays down longer than the reconnect budget, then /healthz is red until it is back', async ({
    onTestFinished,
  }) => {
    const tb = await startTestBot({ socketMode: { reconnectBudgetMs: 1_000 } });
    onTestFinished(() => tb.stop());
    const socket = tb.fs.socket!;
    const health = async () => (await fetch(`${tb.bot.url}/healthz`)).status;
    expect(await health()).toBe(200);
    socket.disconnect('link_disabled');
    await tb.fs.waitFor(() => !socket.isConnected());
    await tb.fs.waitFor(async () => (await health()) === 503, { timeoutMs: 15_000 });
    const body = (await (await fetch(`${tb.bot.url}/healthz`)).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ok: false, slack: false, database: true, worker: true });
    socket.enable();
    await socket.waitForConnections(2, 30_000);
    await tb.fs.waitFor(async () => (await health()) === 200, { timeoutMs: 15_000 });
  });
});
