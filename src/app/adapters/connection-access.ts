/** How a real client reaches its account: the incident's connection, read fresh, reloaded once on a 401. */

import type { Config } from '../../config/config.js';
import type { ConnectionStore } from '../../connections/connection-store.js';
import { envCredentials } from '../../connections/env-connections.js';
import { connectionOf, type ProviderCredential, sameCredential } from '../../domain/connection.js';
import { NotFoundError } from '../../domain/errors.js';
import type { ProviderName } from '../../domain/providers.js';
import type { Incident } from '../../domain/types.js';
import { ProviderError, type ProviderHttp } from '../../providers/http/index.js';

export type CredentialOf<P extends ProviderName> = Extract<ProviderCredential, { provider: P }>;

/** The credential one connection uses now; without a store (no database yet), the environment's. */
export type LoadCredential = <P extends ProviderName>(label: string, provider: P) => Promise<CredentialOf<P>>;

/**
 * Reads the store given once the database is open (`useConnections`); before that, or in tools that
 * run no engine, the environment's key for the connection named after the provider.
 */
export function connectionAccess(config: Config): {
  use(store: ConnectionStore): void;
  store(): ConnectionStore | undefined;
  load: LoadCredential;
} {
  let store: ConnectionStore | undefined;
  const load: LoadCredential = async (label, provider) => {
    if (store) {
      const { credential } = await store.current(label);
      if (credential.provider !== provider) {
        throw new NotFoundError('connection_not_found', `The connection ${label} is not a ${provider} one.`);
      }
      return credential as CredentialOf<typeof provider>;
    }
    const env = envCredentials(config).find((c) => c.provider === provider);
    if (!env || label !== provider) {
      throw new NotFoundError('connection_not_found', `There is no connection named ${label}.`);
    }
    return env as CredentialOf<typeof provider>;
  };
  return { use: (s) => (store = s), store: () => store, load };
}

/** The label a real incident's client for `provider` works through (also its limiter account). */
export const labelFor = (incident: Incident, provider: ProviderName): string =>
  connectionOf(incident.connections, provider);

/**
 * HTTP built from a credential that, when the provider refuses it (401: not processed), reads the
 * connection again and, if it now holds another credential (a rotation by another replica, or
 * given from Slack), sends the request once more with it. A second refusal is the caller's.
 */
export function refreshingHttp<C extends ProviderCredential>(
  initial: C,
  reload: () => Promise<C>,
  build: (credential: C) => ProviderHttp,
): ProviderHttp {
  let credential = initial;
  let http = build(initial);
  return {
    provider: http.provider,
    async request(req) {
      const used = http;
      try {
        return await used.request(req);
      } catch (err) {
        if (!(err instanceof ProviderError && err.status === 401)) throw err;
        if (used !== http) return http.request(req);
        const fresh = await reload().catch(() => null);
        if (!fresh || sameCredential(fresh, credential)) throw err;
        credential = fresh;
        http = build(fresh);
        return http.request(req);
      }
    },
  };
}
