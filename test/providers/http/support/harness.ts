import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import {
  createProviderHttp,
  type ProviderHttpOptions,
} from '../../../../src/providers/http/create-provider-http.js';
import type { ProviderObserver } from '../../../../src/providers/http/observer.js';
import type { ProviderHttp } from '../../../../src/providers/http/types.js';
import { createLimiterFactory, type LimiterFactory } from '../../../../src/rate-limits/limiter-factory.js';
import { createLogger } from '../../../../src/util/logger.js';

export const BASE = 'https://api.provider.test';
export const BASE_URL = `${BASE}/v2`;
export const API_KEY = 'KEY0123456789ABCDEF0123456789ABCDEF_SuperSecretPart42';

type ObserverEvent<K extends keyof ProviderObserver> = Parameters<NonNullable<ProviderObserver[K]>>[0];

/** Every observer call, in order: the delays the `failed` handler returned are in `retries`. */
export interface Recorded {
  finished: ObserverEvent<'requestFinished'>[];
  rateLimited: ObserverEvent<'rateLimited'>[];
  retries: ObserverEvent<'retryScheduled'>[];
}

export function recordingObserver(): { observer: ProviderObserver; recorded: Recorded } {
  const recorded: Recorded = { finished: [], rateLimited: [], retries: [] };
  return {
    recorded,
    observer: {
      requestFinished: (e) => recorded.finished.push(e),
      rateLimited: (e) => recorded.rateLimited.push(e),
      retryScheduled: (e) => recorded.retries.push(e),
    },
  };
}

/** A debug-level pino logger writing into memory, for asserting what log lines hold. */
export function capturedLogger() {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), text: () => chunks.join('') };
}

export interface Harness {
  http: ProviderHttp;
  recorded: Recorded;
  limiters: LimiterFactory;
  logText: () => string;
}

/**
 * A client on nock's side of `fetch`, with waits in ms (`timeUnitMs: 1`), the jitter pinned to the
 * middle of its range, a fixed clock, a unique account (so limiters never meet across tests) and a
 * fast pace unless the test sets one.
 */
export function makeHttp(overrides: Partial<ProviderHttpOptions> = {}): Harness {
  const { observer, recorded } = recordingObserver();
  const logs = capturedLogger();
  const timeUnitMs = overrides.timeUnitMs ?? 1;
  const limiters = overrides.limiters ?? createLimiterFactory({ timeUnitMs });
  const http = createProviderHttp({
    provider: 'telnyx',
    account: `acct-${randomUUID().slice(0, 8)}`,
    baseUrl: BASE_URL,
    auth: { bearer: API_KEY },
    ratePerSec: 1000,
    logger: logs.logger,
    observer,
    random: () => 0.5,
    now: () => Date.parse('2025-03-01T12:00:00Z'),
    ...overrides,
    timeUnitMs,
    limiters,
  });
  return { http, recorded, limiters, logText: logs.text };
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the request to fail, but it succeeded');
}
