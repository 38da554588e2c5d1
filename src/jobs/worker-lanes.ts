// Two workers on one queue: one runs any job, the other only urgent kinds, so urgent work never waits behind the rest.
import { createWorker, type Worker, type WorkerOptions } from './create-worker.js';

/**
 * A worker of two lanes, seen from outside as one: the general lane claims every kind (urgent ones
 * too, when it is free first), the urgent lane only `urgentKinds`. Each claim still takes one job
 * under its own lease and fencing token, so a job runs once whichever lane claimed it.
 */
export function createWorkerLanes(options: WorkerOptions, urgentKinds: readonly string[]): Worker {
  const { workerId, kinds: _kinds, ...rest } = options;
  const general = createWorker({ ...rest, ...(workerId ? { workerId } : {}) });
  const urgent = createWorker({
    ...rest,
    ...(workerId ? { workerId: `${workerId}:urgent` } : {}),
    kinds: urgentKinds,
  });
  const lanes = [general, urgent];
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
