import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Incident } from '../../domain/types.js';
import { TWILIO_STEPS } from '../../playbooks/twilio/index.js';
import type { StepDefinition } from '../../playbooks/types.js';
import type { FetchLike } from '../../providers/http/index.js';
import {
  createTwilioClient,
  type TwilioClient,
  type TwilioTransport,
  twilioConnector,
} from '../../providers/twilio/index.js';
import { rateFor } from '../../rate-limits/index.js';
import {
  loadTwilioSimulator,
  SEED_TRUSTED,
  saveTwilioSimulator,
  seedAttackedTwilioAccount,
  twilioSimulatorFetch,
} from '../../sandbox/twilio/index.js';
import { accountOf, clientPerIncident, SANDBOX_ACCOUNT, savingAfterWrites } from './adapter-kit.js';
import { type CredentialOf, connectionAccess, labelFor, refreshingHttp } from './connection-access.js';
import type { AdapterOptions, ProviderAdapter } from './provider-adapter.js';

/** Twilio's own host: requests never leave the process, and the simulator checks each one's host. */
const SANDBOX_URL = 'https://api.twilio.com';
/** The in-process simulator answers at once; the client still paces itself, just faster. */
const SANDBOX_RATE_PER_SEC = 50;

/**
 * Twilio: the real account through the incident's connection (TWILIO_ACCOUNT_SID and
 * TWILIO_AUTH_TOKEN are `twilio`; every host derived from TWILIO_API_URL), or per rehearsal a seeded simulator kept in DATA_DIR/sandbox/twilio-<incident>.json.
 * A rehearsal's client always authenticates with the simulated account's current token, so a
 * rotated token survives a restart.
 */
export function twilioAdapter(options: AdapterOptions): ProviderAdapter {
  const { config, logger, limiters, observer } = options;
  const credential = options.credential ?? connectionAccess(config).load;
  const connector = (account: string, apiUrl: string, ratePerSec: number, fetch?: FetchLike) =>
    twilioConnector({
      account,
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
        SANDBOX_ACCOUNT,
        SANDBOX_URL,
        SANDBOX_RATE_PER_SEC,
        savingAfterWrites(twilioSimulatorFetch(sim), () => saveTwilioSimulator(sim, file), logger, 'twilio'),
      ),
    });
  };

  /** Each host's HTTP starts with the token it is given and, refused, reads the connection again. */
  const liveClient = async (incident: Incident): Promise<TwilioClient> => {
    const label = labelFor(incident, 'twilio');
    const reload = () => credential(label, 'twilio');
    const connect = connector(label, config.twilio.apiUrl, rateFor('twilio', config.twilio.ratePerSec));
    const current = await reload();
    return createTwilioClient({
      accountSid: current.accountSid,
      authToken: current.authToken,
      connect(given) {
        // A subaccount's own credentials (its Auth Token rotation) are used as given: refreshed
        // from the connection, a refused one would be sent again with the parent's, acting on it.
        if (given.accountSid !== current.accountSid) return connect(given);
        const built = new Map<string, TwilioTransport>();
        const transport = (c: CredentialOf<'twilio'>) => {
          const key = c.authToken;
          if (!built.has(key)) built.set(key, connect(c));
          return built.get(key)!;
        };
        const start: CredentialOf<'twilio'> = { provider: 'twilio', ...given };
        return {
          api: refreshingHttp(start, reload, (c) => transport(c).api),
          accounts: refreshingHttp(start, reload, (c) => transport(c).accounts),
          iam: refreshingHttp(start, reload, (c) => transport(c).iam),
          trunking: refreshingHttp(start, reload, (c) => transport(c).trunking),
          voice: refreshingHttp(start, reload, (c) => transport(c).voice),
          messaging: refreshingHttp(start, reload, (c) => transport(c).messaging),
          monitor: refreshingHttp(start, reload, (c) => transport(c).monitor),
        };
      },
    });
  };

  return {
    provider: 'twilio',
    steps: TWILIO_STEPS as StepDefinition[],
    configured: Boolean(config.twilio.accountSid && config.twilio.authToken),
    rehearsable: true,
    rehearsalTrusted: SEED_TRUSTED,
    limiterAccount: accountOf('twilio'),
    client: clientPerIncident({ rehearsal: sandboxClient, live: liveClient }),
  };
}
