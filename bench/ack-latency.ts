/**
 * Ack latency of the Slack front door: 50 incidents open, then 500 signed clicks and commands fired
 * at once at Bolt's HTTP receiver. The fake Slack builds and signs them first; a client in its own
 * process opens 500 connections and writes every request in one loop. Prints p50/p95/p99 ack time
 * (HTTP round trip on loopback, which the receiver answers at the ack), the same burst's round trip
 * to a server that does nothing (this machine's floor), the bot's own receipt-to-ack time, Slack Web
 * API calls per incident, and the 429s the fake Slack (enforcing Slack's tiers, time-scaled like the
 * bot's pacing) had to send. Goal: p99 < 25 ms, 0 429s. Then the same in Socket Mode: the bot
 * with SLACK_APP_TOKEN, 50 rehearsals opened over the socket, 500 envelopes written at once on it,
 * each timed from its write to its ack (support/socket-ack-latency.ts).
 *   npx tsx bench/ack-latency.ts [--pglite]      (--pglite: skip the PostgreSQL run)
 */
import { startFakeSlack } from '../test/support/fake-slack/index.js';
import {
  buildBenchClicks,
  histogramP99,
  INCIDENTS,
  openBenchIncidents,
  REQUESTS,
} from './support/bench-incidents.js';
import { withBenchSchema } from './support/bench-schema.js';
import { fireBurst, startRecorder } from './support/burst.js';
import { loadGeneratorFloor } from './support/null-server.js';
import { isMain, ms, percentile } from './support/percentiles.js';
import { runSocketAckLatencyBench } from './support/socket-ack-latency.js';
import { buildOnce, spawnBot } from './support/spawn-bot.js';

const SCALE = 0.01; // Slack's minute-long tier windows shrunk to 0.6 s, for the fake and the bot alike

export async function runAckLatencyBench(options: { build?: boolean; databaseUrl?: string } = {}) {
  if (options.build !== false) buildOnce();
  const secret = 'bench-signing-secret';
  const fs = await startFakeSlack({ tierScale: SCALE, botToken: 'xoxb-bench' });
  const bot = await spawnBot({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: secret,
    SLACK_API_URL: fs.apiUrl,
    RECLAIM_APPROVERS: 'UBOB,UCAROL,UDAVE',
    RECLAIM_RESPONDERS: 'UALICE,UERIN',
    RECLAIM_SLACK_PACE: String(SCALE),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
  fs.connectBot({ eventsUrl: `${bot.url}/slack/events`, signingSecret: secret });
  try {
    const channels = await openBenchIncidents(fs, bot.url);
    // The fake Slack builds and signs every click and command (as Slack would, with the message's
    // current blocks) against a recorder; the burst then fires them all at once, pre-built.
    const recorder = await startRecorder();
    fs.connectBot({ eventsUrl: `${recorder.url}/slack/events`, signingSecret: secret });
    await buildBenchClicks(fs, channels);
    const requests = recorder.take();
    await recorder.close();
    fs.connectBot({ eventsUrl: `${bot.url}/slack/events`, signingSecret: secret });
    // The same burst at a server that does nothing, while the bot is idle: the floor of this
    // machine and client under any round trip measured here.
    const floor = await loadGeneratorFloor(requests);
    const callsBefore = fs.calls.length;
    const burst = await fireBurst(Number(new URL(bot.url).port), requests);
    const statuses = new Map<number, number>();
    for (const status of burst.statuses) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    await new Promise((r) => setTimeout(r, 3_000)); // let the card redraws the clicks caused go out
    const clickBytes = Math.round(requests.reduce((a, r) => a + r.body.length, 0) / requests.length);
    const timings = burst.timings;
    const metrics = await (await fetch(`${bot.url}/metrics`)).text();
    return {
      requests: REQUESTS,
      p50: percentile(timings, 50),
      p95: percentile(timings, 95),
      p99: percentile(timings, 99),
      serverP99: histogramP99(metrics, 'reclaim_slack_ack_seconds'),
      floor,
      clickBytes,
      statuses: Object.fromEntries(statuses),
      slackCallsPerIncident: fs.calls.length / INCIDENTS,
      slackCallsForRequests: fs.calls.length - callsBefore,
      slack429s: fs.calls.filter((c) => c.status === 429).map((c) => c.method),
    };
  } finally {
    await bot.stop();
    await fs.close();
  }
}

if (isMain(import.meta.url)) {
  buildOnce();
  const runs: [string, string | undefined][] = [['PGlite', undefined]];
  const pgliteOnly = process.argv.includes('--pglite');
  const pg = pgliteOnly ? null : await withBenchSchema();
  if (pg) runs.push(['PostgreSQL', pg.url]);
  else if (!pgliteOnly) console.log('PostgreSQL does not answer on 127.0.0.1:5432: PGlite only');
  for (const [name, databaseUrl] of runs) {
    const r = await runAckLatencyBench({ build: false, ...(databaseUrl ? { databaseUrl } : {}) });
    console.log(
      `ack latency on ${name}: ${r.requests} concurrent signed requests, ${INCIDENTS} open incidents`,
    );
    console.log(
      `  HTTP round trip to the ack: p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}   (goal p99 < 25 ms)`,
    );
    console.log(
      `  the load generator alone (${r.requests} POSTs of ${r.clickBytes} bytes at once to a server that does nothing): p50 ${ms(r.floor.p50)}  p99 ${ms(r.floor.p99)}`,
    );
    console.log(`  in the bot, receipt to ack (histogram bucket holding p99): ≤ ${ms(r.serverP99)}`);
    console.log(`  HTTP statuses ${JSON.stringify(r.statuses)}`);
    console.log(
      `  Slack Web API calls per incident ${r.slackCallsPerIncident.toFixed(1)} (${r.slackCallsForRequests} for the ${r.requests} requests)`,
    );
    console.log(`  429s from the fake Slack ${r.slack429s.length} ${JSON.stringify(r.slack429s)}   (goal 0)`);
    const s = await runSocketAckLatencyBench(databaseUrl ? { databaseUrl } : {});
    console.log(
      `ack latency in Socket Mode on ${name}: ${s.requests} envelopes written at once on the socket, ${s.incidents} open incidents`,
    );
    console.log(
      `  envelope written to its ack read: p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}   (${s.unacked} not acked on the first delivery; ${s.connections} connection)`,
    );
    console.log(`  in the bot, receipt to ack (histogram bucket holding p99): ≤ ${ms(s.serverP99)}`);
  }
  await pg?.drop();
}
