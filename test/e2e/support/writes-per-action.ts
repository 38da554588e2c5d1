import { expect } from 'vitest';
import type { World } from './world.js';

/**
 * Each write happened once: the simulator counted one per executed action. Several steps may
 * change one resource (a number's forwarding, then its port-out PIN), so a resource a plan named
 * was written once per done action on it, and any other write made a new record, once. Reads the
 * database: on PGlite, call it once the bot has stopped.
 */
export async function expectOneWritePerAction(world: World): Promise<void> {
  const { sim } = world;
  await world.withDb(async (db) => {
    const { rows } = await db.query<{ target: string }>(
      `SELECT target FROM plan_actions WHERE state = 'done'`,
    );
    expect(sim.stats.totalWrites()).toBe(rows.length);
    const planned = new Map<string, number>();
    for (const { target } of rows) planned.set(target, (planned.get(target) ?? 0) + 1);
    expect(Object.entries(sim.stats.writes).filter(([id, n]) => n !== (planned.get(id) ?? 1))).toEqual([]);
  });
}
