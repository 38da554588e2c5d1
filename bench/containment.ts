/**
 * Time to containment through the front door: the bot spawned as `npm start` runs it, Slack faked
 * at Slack's own pace (tiers and the bot's pacing in real time), the 2,000-number Telnyx account
 * (300 forwarding, 200 SIP connections) served at R requests/s. `/compromise start` is typed, the
 * Contain now card's Approve is clicked the moment the card offers it, and the clock stops when the
 * card says contained (every stop written). Prints each leg and the total. Goal: under 10 s.
 *   npx tsx bench/containment.ts [--rate 20] [--runs 3]
 */
import { CONTAIN_NOW } from '../src/playbooks/telnyx/index.js';
import { SANDBOX_API_KEY, SEED_TRUSTED } from '../src/sandbox/telnyx/index.js';
import { stepCards } from '../test/e2e/support/cards.js';
import { definitionOf } from '../test/e2e/support/drive-incident.js';
import { startFakeSlack } from '../test/support/fake-slack/index.js';
import { isMain, ms } from './support/percentiles.js';
import { startSimulatorInProcess } from './support/simulator-process.js';
import { buildOnce, spawnBot } from './support/spawn-bot.js';

const CONTAIN = definitionOf(CONTAIN_NOW);
const SIZE = { numbers: 2000, forwarding: 300, credentialConnections: 200 };
const REQUESTER = 'UALICE';
const APPROVER = 'UDAVE';

async function until<T>(look: () => T | null | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const started = performance.now();
  for (;;) {
    const found = look();
    if (found) return found;
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function runContainmentBench(rate = 20) {
  const now = new Date();
  const since = new Date(now.getTime() - 3 * 86_400_000);
  const sim = await startSimulatorInProcess({
    ...SIZE,
    now,
    since,
    simulator: { rateLimit: { perSecond: rate, burst: rate } },
  });
  const fs = await startFakeSlack({ tierScale: 1, botToken: 'xoxb-bench' });
  const secret = 'bench-signing-secret';
  const bot = await spawnBot({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: secret,
    SLACK_API_URL: fs.apiUrl,
    RECLAIM_APPROVERS: 'UBOB,UCAROL,UDAVE',
    RECLAIM_RESPONDERS: 'UALICE,UERIN',
    RECLAIM_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
    TELNYX_API_KEY: SANDBOX_API_KEY,
    TELNYX_API_URL: sim.started.url,
    TELNYX_RATE_PER_SEC: String(rate),
    RECLAIM_TRUSTED_HOSTS: SEED_TRUSTED.hosts.join(','),
    RECLAIM_TRUSTED_IPS: SEED_TRUSTED.ips.join(','),
    RECLAIM_TRUSTED_NUMBERS: SEED_TRUSTED.numbers.join(','),
  });
  fs.connectBot({ eventsUrl: `${bot.url}/slack/events`, signingSecret: secret });
  // The provider side: when each profile write reached the account (polled every 20 ms).
  const STOPS = ['PATCH /outbound_voice_profiles/{id}', 'PATCH /messaging_profiles/{id}'];
  const stopsPlanned = (await sim.report()).sizes;
  const expected = (stopsPlanned.outboundVoiceProfiles ?? 0) + (stopsPlanned.messagingProfiles ?? 0);
  let lastStopAt = 0;
  let stopsSeen = 0;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const byRoute = (await sim.stats()).byRoute;
      const n = STOPS.reduce((sum, route) => sum + (byRoute[route] ?? 0), 0);
      if (n > stopsSeen) {
        stopsSeen = n;
        lastStopAt = performance.now();
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  try {
    const t0 = performance.now();
    const day = since.toISOString().slice(0, 10);
    const answer = await fs.command(REQUESTER, '/compromise', `start telnyx acme --since ${day}`, {
      channelId: 'CGENERAL',
    });
    if (answer.status !== 200) throw new Error(`/compromise start answered ${answer.status}`);
    const channel = await until(
      () => fs.channels.find((c) => c.name.startsWith('compromise-')),
      'the channel',
    );
    const card = () => stepCards(fs, channel.id).find((c) => c.title === CONTAIN.title);
    const approve = await until(() => card()?.buttons.find((b) => b.actionId === 'step.approve'), 'Approve');
    const offered = performance.now();
    const clicked = await fs.click(APPROVER, approve);
    if (clicked.status !== 200) throw new Error(`Approve answered ${clicked.status}`);
    const acked = performance.now();
    await until(() => (stopsSeen >= expected ? true : null), 'every stop written');
    const written = lastStopAt;
    await until(() => (card()?.text.includes('Contained at') ? true : null), 'the card says contained');
    const contained = performance.now();
    const stats = await sim.stats();
    const line = card()?.text.match(/(\d+) s after start/);
    return {
      rate,
      toApproveMs: offered - t0,
      clickAckMs: acked - offered,
      toLastStopMs: written - acked,
      totalMs: written - t0,
      stops: expected,
      cardSaysMs: contained - t0,
      statedSeconds: line ? Number(line[1]) : null,
      requestsSoFar: stats.requests,
      cardsPosted: stepCards(fs, channel.id).length,
    };
  } finally {
    polling = false;
    await poll;
    await bot.stop();
    await fs.close();
    await sim.close();
  }
}

if (isMain(import.meta.url)) {
  buildOnce();
  const argOf = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const rate = argOf('rate', 20);
  for (let run = 1, runs = argOf('runs', 3); run <= runs; run += 1) {
    const r = await runContainmentBench(rate);
    console.log(
      `time to containment through the front door at ${r.rate} requests/s (2,000 numbers, Slack at its own pace), run ${run} of ${runs}`,
    );
    console.log(
      `  /compromise start → Approve on the Contain now card ${ms(r.toApproveMs)}; click → ack ${ms(r.clickAckMs)}; ack → the last of ${r.stops} stops written ${ms(r.toLastStopMs)}`,
    );
    console.log(
      `  start → last stop written ${ms(r.totalMs)} (goal < 10 s); the card says contained at ${ms(r.cardSaysMs)} ("${r.statedSeconds} s after start"); ${r.requestsSoFar} provider requests by then, ${r.cardsPosted} cards posted`,
    );
  }
}
