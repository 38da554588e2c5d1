import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { button, startAndDiscover } from '../slack/support.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';

let tb: TestBot;
beforeEach(async () => {
  tb = await startTestBot();
});
afterEach(() => tb.stop());

function metricValue(text: string, line: RegExp): number {
  const match = text.split('\n').find((l) => line.test(l));
  return match ? Number(match.split(' ').at(-1)) : Number.NaN;
}

describe('/metrics and /healthz', () => {
  it('when an incident runs, then /metrics counts incidents, steps by state, jobs and Slack acks', async () => {
    const { channel } = await startAndDiscover(tb);
    await tb.fs.click('UBOB', button(tb, channel.id, 'step.approve', 'Disable suspicious forwarding'));
    const res = await fetch(`${tb.bot.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(metricValue(text, /^reclaim_open_incidents /)).toBe(1);
    expect(metricValue(text, /^reclaim_steps\{state="awaiting_approval"\}/)).toBe(2);
    expect(metricValue(text, /^reclaim_steps\{state="pending"\}/)).toBe(1);
    expect(
      metricValue(text, /^reclaim_job_duration_seconds_count\{kind="step.discover",outcome="done"\}/),
    ).toBe(2);
    expect(metricValue(text, /^reclaim_slack_ack_seconds_count\{kind="command"\}/)).toBe(1);
    expect(metricValue(text, /^reclaim_slack_ack_seconds_count\{kind="block_actions"\}/)).toBe(1);
  });

  it('when the database and worker are fine, then /healthz answers 200', async () => {
    const res = await fetch(`${tb.bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: true, worker: true });
  });
});
