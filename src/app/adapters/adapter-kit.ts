import type { Incident } from '../../domain/types.js';
import { createProviderHttp, type FetchLike, type ProviderHttp } from '../../providers/http/index.js';
import type { Logger } from '../../util/logger.js';
import { labelFor } from './connection-access.js';
import type { AdapterOptions } from './provider-adapter.js';

/**
 * The client for each incident: a rehearsal gets its own (its simulated account), kept; a real
 * incident's is built at each call from its connection's current credential (read fresh, so a
 * rotation by another replica or a restart is seen). A client that failed to open is forgotten, so
 * the next call tries again.
 */
export function clientPerIncident<C>(open: {
  rehearsal(incident: Incident): Promise<C>;
  live(incident: Incident): Promise<C>;
}): (incident: Incident) => Promise<C> {
  const clients = new Map<string, Promise<C>>();
  return (incident) => {
    if (!incident.rehearsal) return open.live(incident);
    const key = incident.id;
    let client = clients.get(key);
    if (!client) {
      client = open.rehearsal(incident);
      client.catch(() => clients.delete(key));
      clients.set(key, client);
    }
    return client;
  };
}

/**
 * A fetch to an in-process simulator that saves its account after every change, one save at a
 * time, so a restart carries the rehearsal on where it was. A failed save is logged, not thrown.
 */
export function savingAfterWrites(
  inner: FetchLike,
  save: () => Promise<void>,
  logger: Logger,
  provider: string,
): FetchLike {
  let saving: Promise<void> = Promise.resolve();
  return async (url, init) => {
    const res = await inner(url, init);
    if ((init.method ?? 'GET') === 'GET') return res;
    saving = saving
      .then(save)
      .catch((err: unknown) =>
        logger.warn({ provider, err: (err as Error).message }, 'sandbox account not saved'),
      );
    await saving;
    return res;
  };
}

/** How a bearer-key provider's client names its account in limiter keys: a rehearsal's, or the real one. */
export const SANDBOX_ACCOUNT = 'sandbox';
/** A real incident's account is its connection's label (`telnyx`, `telnyx:eu`). */
export const accountOf =
  (provider: 'telnyx' | 'twilio' | 'sendgrid') =>
  (incident: Incident): string =>
    incident.rehearsal ? SANDBOX_ACCOUNT : labelFor(incident, provider);

/**
 * HTTP to a provider that takes an API key as a bearer token (Telnyx, SendGrid). The account is
 * named in limiter keys, /metrics and logs by `account` (its connection label, or `sandbox`): nothing derived from the
 * key, which would let anyone who sees a label test a guessed key, and would change at each rotation.
 */
export function bearerHttp(
  provider: 'telnyx' | 'sendgrid',
  target: {
    account: string;
    baseUrl: string;
    apiKey: string;
    ratePerSec: number;
    fetch?: FetchLike | undefined;
  },
  options: AdapterOptions,
): ProviderHttp {
  return createProviderHttp({
    provider,
    account: target.account,
    baseUrl: target.baseUrl,
    auth: { bearer: target.apiKey },
    ratePerSec: target.ratePerSec,
    limiters: options.limiters,
    logger: options.logger,
    ...(target.fetch ? { fetch: target.fetch } : {}),
    ...(options.observer ? { observer: options.observer } : {}),
  });
}
