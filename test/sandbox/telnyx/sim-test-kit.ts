import type { FetchLike } from '../../../src/providers/http/types.js';
import {
  type SeedOptions,
  seedAttackedAccount,
  simulatorFetch,
  type TelnyxSimulator,
} from '../../../src/sandbox/telnyx/index.js';

export const NOW = new Date('2026-03-01T12:00:00Z');
export const SINCE = new Date('2026-02-26T00:00:00Z');
export const BASE = 'https://api.telnyx.com/v2';

/** A small seeded account with no rate limit unless a test asks for one. */
export function seeded(options: SeedOptions = {}): TelnyxSimulator {
  return seedAttackedAccount({
    seed: 42,
    now: NOW,
    since: SINCE,
    simulator: { rateLimit: null },
    ...options,
  });
}

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions
  body: any;
}

/** One authorised JSON request through `fetchLike` (the simulator's in-process fetch by default). */
export async function call(
  sim: TelnyxSimulator,
  method: string,
  path: string,
  body?: unknown,
  options: { fetch?: FetchLike; base?: string; key?: string | null; signal?: AbortSignal } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const key = options.key === undefined ? sim.apiKey : options.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = JSON.stringify(body);
  if (options.signal) init.signal = options.signal;
  const res = await (options.fetch ?? simulatorFetch(sim))(`${options.base ?? BASE}${path}`, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
}
