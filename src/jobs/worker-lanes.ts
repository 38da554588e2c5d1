// Workers on one queue: a general lane of one or more workers that run any job, and one that runs only urgent kinds, so urgent work never waits behind the rest.
import { createWorker, DEFAULT_POLL_INTERVAL_MS, type Worker, type WorkerOptions } from './create-worker.js';

/** The second and later general workers poll this many times less often than the first. */
export const SIBLING_POLL_FACTOR = 4;

/**
 * Worker lanes, seen from outside as one worker: `general` workers that claim every kind (urgent
 * ones too, when one is free first), and one urgent worker for `urgentKinds` only. With more than
 * one general worker, that many jobs run at once in this process (several steps discovered or
 * executed side by side, as several replicas would run them); each claim still takes one job
 * under its own lease and fencing token, so a job runs once whichever worker claimed it.
 */
export function createWorkerLanes(
  options: WorkerOptions,
  urgentKinds: readonly string[],
  general = 1,
): Worker {
  const { workerId, kinds: _kinds, ...rest } = options;
  const named = (suffix: string) => (workerId ? { workerId: `${workerId}${suffix}` } : {});
  const poll = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const generals: Worker[] = [];
  // A claim means more may be due: the siblings look at once instead of at their next poll.
  const wakeSiblings = (self: number) => () => {
    for (const [i, sibling] of generals.entries()) if (i !== self) sibling.notify();
  };
  for (let i = 0; i < Math.max(1, Math.floor(general)); i += 1) {
    generals.push(
      createWorker({
        ...rest,
        ...named(i === 0 ? '' : `:${i + 1}`),
        // The first polls at the interval (it finds what another replica queued); the others
        // are woken by an enqueue here or by a sibling's claim, and poll seldom besides.
        pollIntervalMs: i === 0 ? poll : poll * SIBLING_POLL_FACTOR,
        onClaimed: wakeSiblings(i),
      }),
    );
  }
  const lanes = [...generals, createWorker({ ...rest, ...named(':urgent'), kinds: urgentKinds })];
  return {
    start: () => {
      for (const lane of lanes) lane.start();
    },
    async stop(stopOptions) {
      await Promise.all(lanes.map((lane) => lane.stop(stopOptions)));
    },
    notify: () => {
      for (const lane of lanes) lane.notify();
    },
    isAlive: () => lanes.every((lane) => lane.isAlive()),
    lastTickAt() {
      const ticks = lanes.map((lane) => lane.lastTickAt()?.getTime() ?? null);
      if (ticks.some((t) => t === null)) return null;
      return new Date(Math.min(...(ticks as number[])));
    },
  };
}
