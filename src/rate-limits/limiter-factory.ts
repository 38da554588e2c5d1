import { createRequire } from 'node:module';
import Bottleneck from 'bottleneck';
import type { Redis } from 'ioredis';
import { ReclaimError } from '../domain/errors.js';
import type { Logger } from '../util/logger.js';
import { maxConcurrentFor } from './documented-rates.js';
import { PaceTracker } from './pace-tracker.js';
import { type JobOptions, PacedQueue } from './paced-queue.js';

/** What a client schedules its attempts on: an in-process `PacedQueue`, or Bottleneck over Redis. */
export interface AccountLimiter {
  schedule<T>(fn: () => PromiseLike<T>): Promise<T>;
  schedule<T>(options: JobOptions & { expiration?: number }, fn: () => PromiseLike<T>): Promise<T>;
  /** Jobs waiting for their turn. */
  queued(): number;
}

/** One key's limiter and how to hold it (a 429's pause) or let it go. */
interface Entry {
  limiter: AccountLimiter;
  hold(held: boolean): void;
}

export interface LimiterFactoryOptions {
  /**
   * Share every limiter through Redis (Bottleneck clustering), so replicas together keep one rate
   * per key. `url`: the factory opens and owns the connection. `client`: the factory works on its
   * own `duplicate()` of it, so `close()` leaves the caller's client alone.
   */
  redis?: { url: string } | { client: Redis };
  /** Real ms per provider second (default 1000); tests pass 1 so a 1/s pace is 1 ms apart. */
  timeUnitMs?: number;
  logger?: Logger;
  /** Prefix of the limiter ids, hence of the Redis keys (default `reclaim`). */
  idPrefix?: string;
}

/**
 * Where provider limiters come from: one per key (`telnyx:<account>`), created on first use and
 * returned again after, in the manner of octokit/plugin-throttling's groups: a `PacedQueue` in
 * process, a Bottleneck sharing its state through Redis when clustered. Built once at start-up and
 * handed to every provider client; never a module-level singleton.
 */
export interface LimiterFactory {
  /** True when limiters live in Redis (jobs then get an expiration, so a crash frees its slot). */
  readonly clustered: boolean;
  /** The limiter for `key`, pacing `ratePerSec` evenly; the first call's rate wins. */
  get(key: string, ratePerSec: number): AccountLimiter;
  /**
   * What `key`'s answers said of its pace (request time, rate headers), kept by the clients that
   * share its limiter; undefined before `get(key)`. The executor sizes its window from it.
   */
  pace(key: string): PaceTracker | undefined;
  /**
   * Stop `key`'s limiter from starting anything for `ms` real ms (a 429 told us to wait): queued
   * requests wait instead of all meeting a 429 too. A longer pause extends a shorter one. Jobs a
   * clustered Bottleneck had already given a slot (it hands them out ahead, each with a wait) are
   * not held: they ask `pausedFor` when their turn comes and step back.
   */
  pause(key: string, ms: number): void;
  /** Real ms left of this process's pause of `key` (0 when not paused). */
  pausedFor(key: string): number;
  /** Requests waiting in each limiter of this process, by key (for metrics). */
  queued(): Record<string, number>;
  /**
   * Resolves once limiters can run: at once in process; when clustered, once Redis answers, else
   * `limiter_unavailable` after `timeoutMs` (default 5 s). Call it at start-up: Bottleneck holds
   * every job until its Redis connection is ready, so an unreachable Redis would stall requests.
   */
  ready(timeoutMs?: number): Promise<void>;
  /** Ends pauses, detaches limiters and, when clustered, closes the Redis connection. */
  close(): Promise<void>;
}

/** The shared limiter store cannot be used: `limiter_unavailable` (Redis does not answer). */
export class LimiterError extends ReclaimError {}

/** Redis keys of an idle limiter expire after this long (ms). */
const REDIS_TTL_MS = 2 * 60_000;

export function createLimiterFactory(options: LimiterFactoryOptions = {}): LimiterFactory {
  const timeUnitMs = options.timeUnitMs ?? 1000;
  const prefix = options.idPrefix ?? 'reclaim';
  const log = options.logger;
  const redis = options.redis ? openConnection(options.redis, log) : undefined;
  const connection = redis?.connection;
  const limiters = new Map<string, Entry>();
  const paces = new Map<string, PaceTracker>();
  const pauses = new Map<string, { until: number; timer: NodeJS.Timeout }>();

  const settle = (key: string, change: Promise<unknown>) =>
    change.catch((err: unknown) => log?.warn({ key, err }, 'could not update provider rate limiter'));

  return {
    clustered: connection !== undefined,
    get(key, ratePerSec) {
      const existing = limiters.get(key);
      if (existing) return existing.limiter;
      const maxConcurrent = maxConcurrentFor(ratePerSec);
      let entry: Entry;
      if (connection) {
        // Whole ms, rounded up: Bottleneck's Redis scripts stall on a fractional minTime.
        const pace = { minTime: Math.ceil((1000 / ratePerSec) * (timeUnitMs / 1000)), maxConcurrent };
        const limiter = new Bottleneck({
          ...pace,
          id: `${prefix}:${key}`,
          datastore: 'ioredis',
          connection,
          clearDatastore: false,
          timeout: REDIS_TTL_MS,
        });
        limiter.on('error', (err: unknown) => log?.warn({ key, err }, 'provider rate limiter error'));
        // A stored limiter keeps its old settings (and a pause a crashed replica never lifted).
        settle(key, Promise.resolve(limiter.updateSettings({ ...pace, reservoir: null })));
        const hold = (held: boolean) =>
          settle(key, Promise.resolve(limiter.updateSettings({ reservoir: held ? 0 : null })));
        entry = { limiter, hold };
      } else {
        const queue = new PacedQueue({ ratePerSec, maxConcurrent, timeUnitMs });
        entry = { limiter: queue, hold: (held) => queue.setHeld(held) };
      }
      limiters.set(key, entry);
      paces.set(key, new PaceTracker(ratePerSec, { timeUnitMs }));
      return entry.limiter;
    },
    pace: (key) => paces.get(key),
    pause(key, ms) {
      const entry = limiters.get(key);
      if (!entry || ms <= 0) return;
      const until = Date.now() + ms;
      const current = pauses.get(key);
      if (current && current.until >= until) return;
      if (current) clearTimeout(current.timer);
      else entry.hold(true);
      const timer = setTimeout(() => {
        pauses.delete(key);
        entry.hold(false);
      }, ms);
      timer.unref();
      pauses.set(key, { until, timer });
    },
    pausedFor(key) {
      const current = pauses.get(key);
      return current ? Math.max(0, current.until - Date.now()) : 0;
    },
    queued() {
      return Object.fromEntries([...limiters].map(([key, entry]) => [key, entry.limiter.queued()]));
    },
    async ready(timeoutMs = 5_000) {
      if (!redis || redis.client.status === 'ready') return;
      const client = redis.client;
      let timer: NodeJS.Timeout | undefined;
      const up = new Promise<boolean>((resolve) => {
        client.once('ready', () => resolve(true));
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const answered = await up.finally(() => clearTimeout(timer));
      if (!answered) {
        throw new LimiterError(
          'limiter_unavailable',
          `Redis did not answer within ${timeoutMs} ms, so provider rate limits cannot be shared; check REDIS_URL.`,
        );
      }
    },
    async close() {
      for (const { timer } of pauses.values()) clearTimeout(timer);
      pauses.clear();
      const all = [...limiters.values()].map((e) => e.limiter);
      limiters.clear();
      paces.clear();
      for (const limiter of all) if (limiter instanceof PacedQueue) limiter.stop();
      if (!redis) return;
      if (redis.client.status !== 'ready') {
        // Nothing to flush; a polite QUIT would wait for a connection that never comes.
        await redis.connection.disconnect(false);
        return;
      }
      await Promise.all(all.map((limiter) => (limiter as Bottleneck).disconnect(false)));
      await redis.connection.disconnect(true);
    },
  };
}

/** ioredis is loaded only when REDIS_URL asks for it (it costs ~0.1 s of start-up otherwise). */
function loadRedis(): typeof Redis {
  return (createRequire(import.meta.url)('ioredis') as { Redis: typeof Redis }).Redis;
}

function openConnection(redis: { url: string } | { client: Redis }, log: Logger | undefined) {
  const RedisClass = loadRedis();
  const client =
    'url' in redis ? new RedisClass(redis.url, { maxRetriesPerRequest: 3 }) : redis.client.duplicate();
  const connection = new Bottleneck.IORedisConnection({ client, Redis: RedisClass });
  connection.on('error', (err: unknown) => log?.warn({ err }, 'provider rate limiter lost Redis'));
  return { connection, client };
}
