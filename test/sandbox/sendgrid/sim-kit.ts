import { createProviderHttp, type ProviderHttpOptions } from '../../../src/providers/http/index.js';
import {
  apiKeyIdOf,
  createSendgridClient,
  type SendgridClient,
} from '../../../src/providers/sendgrid/index.js';
import {
  SANDBOX_SENDGRID_API_KEY,
  type SendgridSeedOptions,
  type SendgridSimulator,
  seedAttackedSendgridAccount,
  sendgridSimulatorFetch,
} from '../../../src/sandbox/sendgrid/index.js';
import { silentLogger } from '../../../src/util/logger.js';

export const NOW = new Date('2026-03-01T12:00:00Z');
export const SINCE = new Date('2026-02-26T00:00:00Z');

export function seeded(options: SendgridSeedOptions = {}): SendgridSimulator {
  return seedAttackedSendgridAccount({
    seed: 7,
    now: NOW,
    since: SINCE,
    simulator: { rateLimit: null },
    ...options,
  });
}

/** The real client in-process over the simulator, fast pace, retries in milliseconds. */
export function clientOf(
  sim: SendgridSimulator,
  options: Partial<Pick<ProviderHttpOptions, 'retry' | 'timeoutMs' | 'observer' | 'now' | 'timeUnitMs'>> & {
    apiKey?: string;
  } = {},
): SendgridClient {
  const apiKey = options.apiKey ?? SANDBOX_SENDGRID_API_KEY;
  const http = createProviderHttp({
    provider: 'sendgrid',
    account: `sim-${Math.random()}`,
    baseUrl: 'https://api.sendgrid.com',
    auth: { bearer: apiKey },
    ratePerSec: 1_000,
    timeUnitMs: options.timeUnitMs ?? 1,
    fetch: sendgridSimulatorFetch(sim),
    logger: silentLogger(),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.observer ? { observer: options.observer } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  return createSendgridClient(http, { ownApiKeyId: apiKeyIdOf(apiKey) });
}

/** One raw request through the simulator's fetch, for answers the client would not let through. */
export async function raw(
  sim: SendgridSimulator,
  method: string,
  path: string,
  body?: unknown,
  apiKey = SANDBOX_SENDGRID_API_KEY,
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const res = await sendgridSimulatorFetch(sim)(`https://api.sendgrid.com${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
}
