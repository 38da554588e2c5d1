import { Writable } from 'node:stream';
import type { Queryable } from '../../src/db/db.js';
import type { JobState } from '../../src/jobs/job.js';
import { createLogger, type Logger } from '../../src/util/logger.js';

/** Polls `check` every 10 ms until it returns true; fails the test after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function jobState(q: Queryable, id: number): Promise<JobState | undefined> {
  const { rows } = await q.query<{ state: JobState }>('SELECT state FROM jobs WHERE id = $1', [id]);
  return rows[0]?.state;
}

export function waitForState(q: Queryable, id: number, state: JobState): Promise<void> {
  return waitFor(`job ${id} to be ${state}`, async () => (await jobState(q, id)) === state);
}

/** As if the worker holding the job died long ago: its lease ended a minute back. */
export async function expireLease(q: Queryable, id: number): Promise<void> {
  await q.query("UPDATE jobs SET locked_until = now() - interval '1 minute' WHERE id = $1", [id]);
}

/** Makes a job due now (e.g. one waiting out its retry delay). */
export async function makeDue(q: Queryable, id: number): Promise<void> {
  await q.query("UPDATE jobs SET run_at = now() - interval '1 second' WHERE id = $1", [id]);
}

/** A pino logger whose JSON lines the test can read. */
export function capturingLogger(): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  const logger = createLogger({ level: 'debug', pretty: false, destination });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines };
}

/** A promise with its resolve exposed (a gate a handler waits at). */
export function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
