// A second bot process beside a world's own, on the same database: a replica, as a deployment runs two.
import { type BotProcess, freePort, spawnBot, waitForHealthy } from './bot-process.js';
import { builtEntry } from './build-bot.js';
import type { World } from './world.js';

/**
 * Starts another bot process with the world's environment on a port of its own (PostgreSQL only:
 * PGlite is one process's database) and waits until it is healthy. Slack's events keep going to the
 * world's own bot; the replica's job worker takes jobs from the same queue. Killed when the test ends.
 */
export async function startReplica(
  world: World,
  onTestFinished: (fn: () => Promise<void>) => void,
): Promise<BotProcess> {
  if (!process.env.DATABASE_URL) throw new Error('a replica needs PostgreSQL (DATABASE_URL)');
  const entry = await builtEntry();
  const port = await freePort();
  const replica = spawnBot(entry, world.envFor(port), world.dataDir);
  onTestFinished(async () => {
    if (!replica.done) await replica.crash();
  });
  await waitForHealthy(replica, `http://127.0.0.1:${port}`);
  return replica;
}
