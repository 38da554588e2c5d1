import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Incident } from '../../incidents/types.js';
import type { Logger } from '../../logger.js';
import { type FetchLike, rateFor } from '../../providers/http/index.js';
import { createTwilioClient, type TwilioClient, twilioConnector } from '../../providers/twilio/index.js';
import {
  loadTwilioSimulator,
  SEED_TRUSTED,
  saveTwilioSimulator,
  seedAttackedTwilioAccount,
  type TwilioSimulator,
  twilioSimulatorFetch,
} from '../../providers/twilio/simulator/index.js';
import { TWILIO_STEPS } from '../twilio/index.js';
import type { StepDefinition } from '../types.js';
import type { ProviderAdapter } from './provider-adapter.js';
import type { AdapterOptions } from './telnyx-adapter.js';

/** Twilio's own host: requests never leave the process, and the simulator checks each one's host. */
const SANDBOX_URL = 'https://api.twilio.com';
/** The in-process simulator answers at once; the client still paces itself, just faster. */
const SANDBOX_RATE_PER_SEC = 50;

/** A fetch that saves the simulated account after every write, so a restart resumes the rehearsal. */
function savingAfterWrites(sim: TwilioSimulator, file: string, logger: Logger): FetchLike {
  const inner = twilioSimulatorFetch(sim);
  let saving: Promise<void> = Promise.resolve();
  return async (url, init) => {
    const res = await inner(url, init);
    if ((init.method ?? 'GET') === 'GET') return res;
    saving = saving
      .then(() => saveTwilioSimulator(sim, file))
      .catch((err: unknown) =>
        logger.warn({ err: (err as Error).message }, 'Twilio sandbox account not saved'),
      );
    await saving;
    return res;
  };
}

/**
 * Twilio: the real account through TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (both hosts derived from
 * TWILIO_API_URL), or per rehearsal a seeded simulator kept in DATA_DIR/sandbox/twilio-<incident>.json.
 * A rehearsal's client always authenticates with the simulated account's current token, so a
 * rotated token survives a restart.
 */
export function twilioAdapter(options: AdapterOptions): ProviderAdapter {
  const { config, logger, limiters, observer } = options;
  const clients = new Map<string, Promise<TwilioClient>>();
  const connector = (apiUrl: string, ratePerSec: number, fetch?: FetchLike) =>
    twilioConnector({
      apiUrl,
      ratePerSec,
      limiters,
      logger,
      ...(fetch ? { fetch } : {}),
      ...(observer ? { observer } : {}),
    });

  const sandboxClient = async (incident: Incident): Promise<TwilioClient> => {
    const file = join(resolve(config.dataDir), 'sandbox', `twilio-${incident.id}.json`);
    const sim = existsSync(file)
      ? await loadTwilioSimulator(file)
      : seedAttackedTwilioAccount({ since: incident.since ?? undefined, now: incident.createdAt });
    await saveTwilioSimulator(sim, file);
    return createTwilioClient({
      accountSid: sim.accountSid,
      authToken: sim.authToken,
      connect: connector(SANDBOX_URL, SANDBOX_RATE_PER_SEC, savingAfterWrites(sim, file, logger)),
    });
  };

  const liveClient = (): TwilioClient =>
    createTwilioClient({
      accountSid: config.twilio.accountSid ?? '',
      authToken: config.twilio.authToken ?? '',
      connect: connector(config.twilio.apiUrl, rateFor('twilio', config.twilio.ratePerSec)),
    });

  return {
    provider: 'twilio',
    steps: TWILIO_STEPS as StepDefinition[],
    configured: Boolean(config.twilio.accountSid && config.twilio.authToken),
    rehearsable: true,
    rehearsalTrusted: SEED_TRUSTED,
    client(incident) {
      const key = incident.rehearsal ? incident.id : 'live';
      let client = clients.get(key);
      if (!client) {
        client = incident.rehearsal ? sandboxClient(incident) : Promise.resolve().then(liveClient);
        client.catch(() => clients.delete(key));
        clients.set(key, client);
      }
      return client;
    },
  };
}
