/**
 * Footprint on PGlite: cold start to ready (spawn → /healthz 200), first on an empty DATA_DIR (the
 * embedded database is created and migrated) and again on the same one; then RSS with 50 open
 * incidents (sandbox rehearsals, each a full Telnyx playbook, driven through a fake Slack).
 * Goals: ready < 2 s, RSS ≤ 200 MB.   npx tsx bench/footprint.ts
 */
import { startFakeSlack } from '../test/support/fake-slack/index.js';
import { isMain } from './support/percentiles.js';
import { buildOnce, spawnBot } from './support/spawn-bot.js';

const INCIDENTS = 50;
const SCALE = 0.01;

export async function runFootprintBench(options: { build?: boolean } = {}) {
  if (options.build !== false) buildOnce();
  const secret = 'bench-signing-secret';
  const fs = await startFakeSlack({ tierScale: SCALE, botToken: 'xoxb-bench' });
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: secret,
    SLACK_API_URL: fs.apiUrl,
    RECLAIM_RESPONDERS: 'UALICE',
    RECLAIM_SLACK_PACE: String(SCALE),
  };
  try {
    const first = await spawnBot(env);
    const firstReadyMs = first.readyMs;
    const idleRssMb = first.rssMb();
    await first.stop();
    const bot = await spawnBot(env, { dataDir: first.dataDir });
    fs.connectBot({ eventsUrl: `${bot.url}/slack/events`, signingSecret: secret });
    for (let i = 0; i < INCIDENTS; i += 1) {
      await fs.command('UALICE', '/compromise', `start sandbox fp${i}`, { channelId: 'CGENERAL' });
    }
    await fs.waitFor(
      () =>
        fs.channels.filter(
          (c) =>
            c.name.startsWith('compromise-') &&
            fs.findButtons(c.id, (b) => b.actionId === 'step.approve').length >= 3,
        ).length === INCIDENTS || null,
      { timeoutMs: 600_000, intervalMs: 250 },
    );
    const loadedRssMb = bot.rssMb();
    await bot.stop();
    const third = await spawnBot(env, { dataDir: first.dataDir });
    const resumedReadyMs = third.readyMs;
    const resumedRssMb = third.rssMb();
    await third.stop();
    return { firstReadyMs, warmReadyMs: bot.readyMs, resumedReadyMs, idleRssMb, loadedRssMb, resumedRssMb };
  } finally {
    await fs.close();
  }
}

if (isMain(import.meta.url)) {
  const r = await runFootprintBench();
  const f = (n: number) => n.toFixed(0);
  console.log('footprint on PGlite (goals: ready < 2000 ms, RSS ≤ 200 MB)');
  console.log(
    `  cold start to ready, empty DATA_DIR (creates and migrates the database): ${f(r.firstReadyMs)} ms`,
  );
  console.log(`  cold start to ready, existing DATA_DIR: ${f(r.warmReadyMs)} ms`);
  console.log(`  cold start to ready with ${INCIDENTS} open incidents to resume: ${f(r.resumedReadyMs)} ms`);
  console.log(
    `  RSS idle ${f(r.idleRssMb)} MB, with ${INCIDENTS} open incidents ${f(r.loadedRssMb)} MB, after resuming them ${f(r.resumedRssMb)} MB`,
  );
}
