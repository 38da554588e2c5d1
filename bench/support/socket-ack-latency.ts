// Ack latency in Socket Mode: 500 envelopes written at once on the bot's WebSocket, each timed to its ack.

import { startFakeSlack } from '../../test/support/fake-slack/index.js';
import type { EnvelopeRecord } from '../../test/support/fake-socket-mode/envelope-book.js';
import { socketBotTarget } from '../../test/support/fake-socket-mode/socket-bot-target.js';
import {
  buildBenchClicks,
  histogramP99,
  INCIDENTS,
  openBenchIncidents,
  REQUESTS,
} from './bench-incidents.js';
import { percentile } from './percentiles.js';
import { spawnBot } from './spawn-bot.js';

const SCALE = 0.01;
const APP_TOKEN = 'xapp-1-ABENCH-bench-app-token';

export interface SocketAckLatency {
  requests: number;
  incidents: number;
  p50: number;
  p95: number;
  p99: number;
  unacked: number;
  serverP99: number;
  connections: number;
}

/**
 * The bot with only SLACK_BOT_TOKEN, SLACK_APP_TOKEN and SLACK_API_URL (the fake serves Socket
 * Mode); 50 rehearsals opened over the socket; then REQUESTS clicks and commands, built first, are
 * written to the socket in one loop. Each is timed from its write to its ack's arrival in the fake
 * (which runs in this process, as Slack's side of the socket).
 */
export async function runSocketAckLatencyBench(
  options: { databaseUrl?: string } = {},
): Promise<SocketAckLatency> {
  const fs = await startFakeSlack({
    tierScale: SCALE,
    botToken: 'xoxb-bench',
    socketMode: { appToken: APP_TOKEN },
  });
  const socket = fs.socket!;
  const bot = await spawnBot({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: fs.apiUrl,
    RECLAIM_APPROVERS: 'UBOB,UCAROL,UDAVE',
    RECLAIM_RESPONDERS: 'UALICE,UERIN',
    RECLAIM_SLACK_PACE: String(SCALE),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
  try {
    await fs.waitFor(() => socket.isConnected(), { timeoutMs: 60_000 });
    const channels = await openBenchIncidents(fs, bot.url);
    const forms: Record<string, string>[] = [];
    fs.connectBot({
      deliver: async (form) => {
        forms.push(form);
        return { status: 200, body: '' };
      },
    });
    await buildBenchClicks(fs, channels);
    fs.connectBot(socketBotTarget(socket));
    const records: Promise<EnvelopeRecord>[] = [];
    for (const form of forms) {
      const interactive = 'payload' in form;
      const payload = interactive ? (JSON.parse(form.payload ?? '{}') as Record<string, unknown>) : form;
      records.push(socket.deliver(interactive ? 'interactive' : 'slash_commands', payload));
    }
    const done = await Promise.all(records);
    const timings = done.flatMap((r) => {
      const ack = r.acks.find((a) => !a.lost);
      const sent = r.deliveries[0]?.at;
      return ack && sent !== undefined && r.deliveries.length === 1 ? [ack.at - sent] : [];
    });
    await new Promise((r) => setTimeout(r, 3_000)); // let the card redraws the clicks caused go out
    const metrics = await (await fetch(`${bot.url}/metrics`)).text();
    return {
      requests: REQUESTS,
      incidents: INCIDENTS,
      p50: percentile(timings, 50),
      p95: percentile(timings, 95),
      p99: percentile(timings, 99),
      unacked: done.length - timings.length,
      serverP99: histogramP99(metrics, 'reclaim_slack_ack_seconds'),
      connections: socket.connections.length,
    };
  } finally {
    await bot.stop();
    await fs.close();
  }
}
