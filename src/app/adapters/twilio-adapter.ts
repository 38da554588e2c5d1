import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Incident } from '../../domain/types.js';
import { TWILIO_STEPS } from '../../playbooks/twilio/index.js';
import type { StepDefinition } from '../../playbooks/types.js';
import { type FetchLike, rateFor } from '../../providers/http/index.js';
import { createTwilioClient, type TwilioClient, twilioConnector } from '../../providers/twilio/index.js';
import {
  loadTwilioSimulator,
  SEED_TRUSTED,
  saveTwilioSimulator,
  seedAttackedTwilioAccount,
  twilioSimulatorFetch,
} from '../../sandbox/twilio/index.js';
import { clientPerIncident, savingAfterWrites } from './adapter-kit.js';
import type { AdapterOptions, ProviderAdapter } from './provider-adapter.js';

/** Twilio's own host: requests never leave the process, and the simulator checks each one's host. */
const SANDBOX_URL = 'https://api.twilio.com';
/** The in-process simulator answers at once; the client still paces itself, just faster. */
const SANDBOX_RATE_PER_SEC = 50;

/**
 * Twilio: the real account through TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (both hosts derived from
 * TWILIO_API_URL), or per rehearsal a seeded simulator kept in DATA_DIR/sandbox/twilio-<incident>.json.
 * A rehearsal's client always authenticates with the simulated account's current token, so a
 * rotated token survives a restart.
 */
export function twilioAdapter(options: AdapterOptions): ProviderAdapter {
  const { config, logger, limiters, observer } = options;
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
      connect: connector(
        SANDBOX_URL,
        SANDBOX_RATE_PER_SEC,
        savingAfterWrites(twilioSimulatorFetch(sim), () => saveTwilioSimulator(sim, file), logger, 'twilio'),
      ),
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
    client: clientPerIncident({ rehearsal: sandboxClient, live: liveClient }),
  };
}
