import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../../config.js';
import type { Incident } from '../../incidents/types.js';
import type { Logger } from '../../logger.js';
import {
  createProviderHttp,
  type FetchLike,
  type LimiterFactory,
  type ProviderObserver,
  rateFor,
} from '../../providers/http/index.js';
import { createTelnyxClient, type TelnyxClient } from '../../providers/telnyx/index.js';
import {
  loadSimulator,
  SANDBOX_API_KEY,
  SEED_TRUSTED,
  saveSimulator,
  seedAttackedAccount,
  simulatorFetch,
  type TelnyxSimulator,
} from '../../providers/telnyx/simulator/index.js';
import { TELNYX_STEPS } from '../telnyx/index.js';
import type { StepDefinition } from '../types.js';
import type { ProviderAdapter } from './provider-adapter.js';

const SANDBOX_URL = 'https://sandbox.telnyx.invalid/v2';
/** The in-process simulator answers at once; the client still paces itself, just faster. */
const SANDBOX_RATE_PER_SEC = 50;

export interface AdapterOptions {
  config: Config;
  logger: Logger;
  limiters: LimiterFactory;
  observer?: ProviderObserver;
}

/** Telnyx: the real account through TELNYX_API_KEY, or per rehearsal a seeded simulator kept in DATA_DIR. */
export function telnyxAdapter(options: AdapterOptions): ProviderAdapter {
  const { config, logger, limiters, observer } = options;
  const clients = new Map<string, Promise<TelnyxClient>>();
  const http = (baseUrl: string, apiKey: string, ratePerSec: number, fetch?: FetchLike) =>
    createProviderHttp({
      provider: 'telnyx',
      account: createHash('sha256').update(apiKey).digest('hex').slice(0, 12),
      baseUrl,
      auth: { bearer: apiKey },
      ratePerSec,
      limiters,
      logger,
      ...(fetch ? { fetch } : {}),
      ...(observer ? { observer } : {}),
    });

  const sandboxClient = async (incident: Incident): Promise<TelnyxClient> => {
    const file = join(resolve(config.dataDir), 'sandbox', `telnyx-${incident.id}.json`);
    const sim: TelnyxSimulator = existsSync(file)
      ? await loadSimulator(file)
      : seedAttackedAccount({ since: incident.since ?? undefined, now: incident.createdAt });
    await saveSimulator(sim, file);
    const inner = simulatorFetch(sim);
    let saving: Promise<void> = Promise.resolve();
    // Every change is saved, so a restart carries on the rehearsal where it was.
    const persisting: FetchLike = async (url, init) => {
      const res = await inner(url, init);
      if ((init.method ?? 'GET') !== 'GET') {
        saving = saving
          .then(() => saveSimulator(sim, file))
          .catch((err: unknown) => {
            logger.warn({ err: (err as Error).message }, 'sandbox account not saved');
          });
        await saving;
      }
      return res;
    };
    return createTelnyxClient(http(SANDBOX_URL, SANDBOX_API_KEY, SANDBOX_RATE_PER_SEC, persisting));
  };

  return {
    provider: 'telnyx',
    steps: TELNYX_STEPS as StepDefinition[],
    configured: Boolean(config.telnyx.apiKey),
    rehearsable: true,
    rehearsalTrusted: SEED_TRUSTED,
    client(incident) {
      const key = incident.rehearsal ? incident.id : 'live';
      let client = clients.get(key);
      if (!client) {
        client = incident.rehearsal
          ? sandboxClient(incident)
          : Promise.resolve(
              createTelnyxClient(
                http(
                  config.telnyx.apiUrl,
                  config.telnyx.apiKey ?? '',
                  rateFor('telnyx', config.telnyx.ratePerSec),
                ),
              ),
            );
        client.catch(() => clients.delete(key));
        clients.set(key, client);
      }
      return client;
    },
  };
}
