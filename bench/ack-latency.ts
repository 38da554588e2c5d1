/**
 * Ack latency of the Slack front door: 50 incidents open, then 500 signed clicks and commands fired
 * at once at Bolt's HTTP receiver. The fake Slack builds and signs them first; a client in its own
 * process opens 500 connections and writes every request in one loop. Prints p50/p95/p99 ack time
 * (HTTP round trip on loopback, which the receiver answers at the ack), the same burst's round trip
 * to a server that does nothing (this machine's floor), the bot's own receipt-to-ack time, Slack Web
 * API calls per incident, and the 429s the fake Slack (enforcing Slack's tiers, time-scaled like the
 * bot's pacing) had to send. Goal: p99 < 25 ms, 0 429s.
 *   npx tsx bench/ack-latency.ts [--pglite]      (--pglite: skip the PostgreSQL run)
 */
import { TELNYX_STEPS } from '../src/playbooks/telnyx/index.js';
import { startFakeSlack } from '../test/support/fake-slack/index.js';
import { withBenchSchema } from './support/bench-schema.js';
import { fireBurst, startRecorder } from './support/burst.js';
import { loadGeneratorFloor } from './support/null-server.js';
import { isMain, ms, percentile } from './support/percentiles.js';
import { buildOnce, spawnBot } from './support/spawn-bot.js';

const INCIDENTS = 50;
const REQUESTS = 500;
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
    // Rehearsals (the in-process sandbox) so the bench needs no provider; each is a full Telnyx playbook.
    for (let i = 0; i < INCIDENTS; i += 1) {
      await fs.command('UALICE', '/compromise', `start sandbox inc${i}`, { channelId: 'CGENERAL' });
    }
    const channels = await fs.waitFor(
      () => {
        const cs = fs.channels.filter((c) => c.name.startsWith('compromise-'));
        const ready = cs.filter(
          (c) => fs.findButtons(c.id, (b) => b.actionId === 'step.approve').length >= 3,
        );
        return ready.length === INCIDENTS ? ready : null;
      },
      { timeoutMs: 600_000, intervalMs: 250 },
    );
    // Discovery of the 50 playbooks goes on after the first cards are ready: wait until no step is
    // pending or discovering, so the burst measures acks, not acks under 50 concurrent discoveries.
    const automated = TELNYX_STEPS.filter((step) => step.kind === 'automated').length * INCIDENTS;
    await fs.waitFor(
      async () => {
        const metrics = await (await fetch(`${bot.url}/metrics`)).text();
        const discovered = [...metrics.matchAll(/^reclaim_steps\{state="(\w+)"\} (\d+)/gm)]
          .filter(([, state]) => state !== 'pending' && state !== 'discovering')
          .reduce((sum, [, , n]) => sum + Number(n), 0);
        return discovered >= automated;
      },
      { timeoutMs: 600_000, intervalMs: 500 },
    );
    const users = ['UBOB', 'UCAROL', 'UDAVE', 'UERIN', 'UALICE'];
    // The fake Slack builds and signs every click and command (as Slack would, with the message's
    // current blocks) against a recorder; the burst then fires them all at once, pre-built.
    const recorder = await startRecorder();
    fs.connectBot({ eventsUrl: `${recorder.url}/slack/events`, signingSecret: secret });
    for (let i = 0; i < REQUESTS; i += 1) {
      const channel = channels[i % channels.length]!;
      const user = users[i % users.length]!;
      if (i % 5 === 4) await fs.command(user, '/compromise', 'status', { channelId: channel.id });
      else {
        const kind = i % 2 ? 'step.approve' : 'step.skip';
        await fs.click(user, fs.findButtons(channel.id, (b) => b.actionId === kind)[0]!);
      }
    }
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

/** Upper bound of the bucket holding the 99th percentile, from a Prometheus histogram (all labels summed). */
function histogramP99(text: string, name: string): number {
  const buckets = new Map<number, number>();
  for (const line of text.split('\n')) {
    const m = new RegExp(`^${name}_bucket\\{le="([^"]+)"[^}]*\\} (\\d+)`).exec(line);
    if (m) buckets.set(Number(m[1]), (buckets.get(Number(m[1])) ?? 0) + Number(m[2]));
  }
  const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
  const total = sorted.at(-1)?.[1] ?? 0;
  return (sorted.find(([, n]) => n >= 0.99 * total)?.[0] ?? Number.NaN) * 1000;
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
  }
  await pg?.drop();
}
