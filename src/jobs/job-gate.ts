// Jobs of one process side by side, except the ones that must run with nothing else in flight.

/**
 * A readers–writer gate for the jobs of one process: `shared` work runs side by side; `alone`
 * work waits until nothing else holds the gate, and holds it alone. Admission is first come, first
 * served, so work arriving after a waiting `alone` waits behind it (it is never starved).
 */
export interface JobGate {
  shared<T>(work: () => Promise<T>): Promise<T>;
  alone<T>(work: () => Promise<T>): Promise<T>;
  /** How many hold the gate now, and whether alone (for tests and metrics). */
  held(): { shared: number; alone: boolean };
}

interface Waiting {
  alone: boolean;
  admit: () => void;
}

export function createJobGate(): JobGate {
  let shared = 0;
  let alone = false;
  const queue: Waiting[] = [];

  const admitNext = () => {
    for (let next = queue[0]; next && !alone; next = queue[0]) {
      if (next.alone && shared > 0) return;
      queue.shift();
      if (next.alone) alone = true;
      else shared += 1;
      next.admit();
    }
  };

  const enter = async <T>(asAlone: boolean, work: () => Promise<T>): Promise<T> => {
    await new Promise<void>((admit) => {
      queue.push({ alone: asAlone, admit });
      admitNext();
    });
    try {
      return await work();
    } finally {
      if (asAlone) alone = false;
      else shared -= 1;
      admitNext();
    }
  };

  return {
    shared: (work) => enter(false, work),
    alone: (work) => enter(true, work),
    held: () => ({ shared, alone }),
  };
}
