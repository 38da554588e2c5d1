import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Incident } from '../../incidents/types.js';
import type { Logger } from '../../logger.js';
import { createProviderHttp, type FetchLike, rateFor } from '../../providers/http/index.js';
import { apiKeyIdOf, createSendgridClient, type SendgridClient } from '../../providers/sendgrid/index.js';
import {
  loadSendgridSimulator,
  SANDBOX_SENDGRID_API_KEY,
  SEED_TRUSTED,
  type SendgridSimulator,
  saveSendgridSimulator,
  seedAttackedSendgridAccount,
  sendgridSimulatorFetch,
} from '../../providers/sendgrid/simulator/index.js';
import { SENDGRID_STEPS } from '../sendgrid/index.js';
import type { StepDefinition } from '../types.js';
import type { ProviderAdapter } from './provider-adapter.js';
import type { AdapterOptions } from './telnyx-adapter.js';

const SANDBOX_URL = 'https://sandbox.sendgrid.invalid';
/** The in-process simulator answers at once; the client still paces itself, just faster. */
const SANDBOX_RATE_PER_SEC = 50;
/** The simulated account's own limit in a rehearsal: above the client's pace, so 429s stay rare. */
const SANDBOX_SIM_LIMIT = { rateLimit: { perSecond: 100 } };

/** The rehearsal's account file: `DATA_DIR/sandbox/sendgrid-<incident id>.json`. */
export function sendgridSandboxFile(dataDir: string, incidentId: string): string {
  return join(resolve(dataDir), 'sandbox', `sendgrid-${incidentId}.json`);
}

/** A fetch that saves the simulated account after every change, one save at a time. */
function savingAfterWrites(sim: SendgridSimulator, file: string, logger: Logger): FetchLike {
  const inner = sendgridSimulatorFetch(sim);
  let queue: Promise<void> = Promise.resolve();
  return async (url, init) => {
    const res = await inner(url, init);
    if ((init.method ?? 'GET') === 'GET') return res;
    queue = queue
      .then(() => saveSendgridSimulator(sim, file))
      .catch((err: unknown) =>
        logger.warn({ err: (err as Error).message }, 'sendgrid sandbox account not saved'),
      );
    await queue;
    return res;
  };
}

/**
 * SendGrid: the real account through SENDGRID_API_KEY (the key Reclaim uses, never deleted by its
 * own plans), or per rehearsal a seeded simulator kept in DATA_DIR and saved after every change,
 * so a restart carries the rehearsal on where it was.
 */
export function sendgridAdapter(options: AdapterOptions): ProviderAdapter {
  const { config, logger, limiters, observer } = options;
  const clients = new Map<string, Promise<SendgridClient>>();
  const client = (baseUrl: string, apiKey: string, ratePerSec: number, fetch?: FetchLike) =>
    createSendgridClient(
      createProviderHttp({
        provider: 'sendgrid',
        account: createHash('sha256').update(apiKey).digest('hex').slice(0, 12),
        baseUrl,
        auth: { bearer: apiKey },
        ratePerSec,
        limiters,
        logger,
        ...(fetch ? { fetch } : {}),
        ...(observer ? { observer } : {}),
      }),
      { ownApiKeyId: apiKeyIdOf(apiKey) },
    );

  const sandboxClient = async (incident: Incident): Promise<SendgridClient> => {
    const file = sendgridSandboxFile(config.dataDir, incident.id);
    const sim = existsSync(file)
      ? await loadSendgridSimulator(file, SANDBOX_SIM_LIMIT)
      : seedAttackedSendgridAccount({
          since: incident.since ?? undefined,
          now: incident.createdAt,
          simulator: SANDBOX_SIM_LIMIT,
        });
    await saveSendgridSimulator(sim, file);
    return client(
      SANDBOX_URL,
      SANDBOX_SENDGRID_API_KEY,
      SANDBOX_RATE_PER_SEC,
      savingAfterWrites(sim, file, logger),
    );
  };

  return {
    provider: 'sendgrid',
    steps: SENDGRID_STEPS as StepDefinition[],
    configured: Boolean(config.sendgrid.apiKey),
    rehearsable: true,
    rehearsalTrusted: SEED_TRUSTED,
    client(incident) {
      const key = incident.rehearsal ? incident.id : 'live';
      let found = clients.get(key);
      if (!found) {
        found = incident.rehearsal
          ? sandboxClient(incident)
          : Promise.resolve(
              client(
                config.sendgrid.apiUrl,
                config.sendgrid.apiKey ?? '',
                rateFor('sendgrid', config.sendgrid.ratePerSec),
              ),
            );
        found.catch(() => clients.delete(key));
        clients.set(key, found);
      }
      return found;
    },
  };
}
