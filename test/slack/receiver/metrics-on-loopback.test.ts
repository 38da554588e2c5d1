import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { SIGNING_SECRET, startTestBot } from '../../support/test-bot.js';

const port = (url: string) => new URL(url).port;

describe('/metrics answers this machine only', () => {
  it('when HOST is a public interface and METRICS_PORT is unset, then the public port serves /healthz and /slack/events but not /metrics', async ({
    onTestFinished,
  }) => {
    const tb = await startTestBot({ env: { HOST: '0.0.0.0' } });
    onTestFinished(() => tb.stop());
    const base = `http://127.0.0.1:${port(tb.bot.url)}`;
    tb.fs.connectBot({ eventsUrl: `${base}/slack/events`, signingSecret: SIGNING_SECRET });
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await tb.fs.command('UALICE', '/compromise', 'help')).status).toBe(200);
    expect(tb.bot.metricsUrl).toBeUndefined();
    expect(tb.logs()).toContain('set METRICS_PORT');
  });

  it('when METRICS_PORT is set, then /metrics has its own listener on 127.0.0.1 and not the public port', async ({
    onTestFinished,
  }) => {
    const tb = await startTestBot({ env: { HOST: '0.0.0.0', METRICS_PORT: '0' } });
    onTestFinished(() => tb.stop());
    const metricsUrl = tb.bot.metricsUrl ?? '';
    expect(new URL(metricsUrl).hostname).toBe('127.0.0.1');
    const scraped = await fetch(`${metricsUrl}/metrics`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('reclaim_open_incidents');
    expect((await fetch(`http://127.0.0.1:${port(tb.bot.url)}/metrics`)).status).toBe(404);
  });

  it('when HOST is loopback, then /metrics sits beside /healthz', async ({ onTestFinished }) => {
    const tb = await startTestBot();
    onTestFinished(() => tb.stop());
    expect((await fetch(`${tb.bot.url}/metrics`)).status).toBe(200);
  });

  it('when Socket Mode is configured without HOST, then it listens on loopback', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(config.host).toBe('127.0.0.1');
    expect(config.metrics).toEqual({ port: undefined, host: '127.0.0.1' });
  });
});
