import type { FetchLike } from '../../../src/providers/http/types.js';
import {
  seedAttackedTwilioAccount,
  type TwilioSeedOptions,
  type TwilioSimulator,
  twilioSimulatorFetch,
} from '../../../src/sandbox/twilio/index.js';

export const NOW = new Date('2026-03-01T12:00:00Z');
export const SINCE = new Date('2026-02-26T00:00:00Z');

/** A small seeded account with no rate limit unless a test asks for one. */
export function seeded(options: TwilioSeedOptions = {}): TwilioSimulator {
  return seedAttackedTwilioAccount({
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
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field in assertions
  body: any;
}

/**
 * One request through `fetch` (the simulator's in-process one by default) as the account's owner:
 * HTTP Basic with the account SID and `token` (the primary by default; null sends none), a form
 * body when `form` is given. `path` starting with `/Accounts` is under `/2010-04-01`.
 */
export async function call(
  sim: TwilioSimulator,
  method: string,
  path: string,
  form?: Record<string, string>,
  options: { fetch?: FetchLike; origin?: string; token?: string | null; signal?: AbortSignal } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = options.token === undefined ? sim.authToken : options.token;
  if (token !== null)
    headers.authorization = `Basic ${Buffer.from(`${sim.accountSid}:${token}`).toString('base64')}`;
  const init: RequestInit = { method, headers };
  if (form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    init.body = new URLSearchParams(form).toString();
  }
  if (options.signal) init.signal = options.signal;
  const full = path.startsWith('/Accounts') ? `/2010-04-01${path}` : path;
  const origin =
    options.origin ?? (full.startsWith('/v1/') ? 'https://accounts.twilio.com' : 'https://api.twilio.com');
  const res = await (options.fetch ?? twilioSimulatorFetch(sim))(`${origin}${full}`, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** `/Accounts/{the sim's SID}` + `rest`. */
export function own(sim: TwilioSimulator, rest: string): string {
  return `/Accounts/${sim.accountSid}${rest}`;
}
