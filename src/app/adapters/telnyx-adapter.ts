import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Incident } from '../../domain/types.js';
import { TELNYX_STEPS } from '../../playbooks/telnyx/index.js';
import type { StepDefinition } from '../../playbooks/types.js';
import { createTelnyxClient, type TelnyxClient } from '../../providers/telnyx/index.js';
import { rateFor } from '../../rate-limits/index.js';
import {
  loadSimulator,
  SANDBOX_API_KEY,
  SEED_TRUSTED,
  saveSimulator,
  seedAttackedAccount,
  simulatorFetch,
  type TelnyxSimulator,
} from '../../sandbox/telnyx/index.js';
import {
  accountOf,
  bearerHttp,
  clientPerIncident,
  SANDBOX_ACCOUNT,
  savingAfterWrites,
} from './adapter-kit.js';
import { type CredentialOf, connectionAccess, labelFor, refreshingHttp } from './connection-access.js';
import type { AdapterOptions, ProviderAdapter } from './provider-adapter.js';

const SANDBOX_URL = 'https://sandbox.telnyx.invalid/v2';
/** The in-process simulator answers at once; the client still paces itself, just faster. */
const SANDBOX_RATE_PER_SEC = 50;

/** Telnyx: the real account through the incident's connection (TELNYX_API_KEY is `telnyx`), or per rehearsal a seeded simulator kept in DATA_DIR. */
export function telnyxAdapter(options: AdapterOptions): ProviderAdapter {
  const { config, logger } = options;
  const credential = options.credential ?? connectionAccess(config).load;

  const sandboxClient = async (incident: Incident): Promise<TelnyxClient> => {
    const file = join(resolve(config.dataDir), 'sandbox', `telnyx-${incident.id}.json`);
    const sim: TelnyxSimulator = existsSync(file)
      ? await loadSimulator(file)
      : seedAttackedAccount({ since: incident.since ?? undefined, now: incident.createdAt });
    await saveSimulator(sim, file);
    const fetch = savingAfterWrites(simulatorFetch(sim), () => saveSimulator(sim, file), logger, 'telnyx');
    return createTelnyxClient(
      bearerHttp(
        'telnyx',
        {
          account: SANDBOX_ACCOUNT,
          baseUrl: SANDBOX_URL,
          apiKey: SANDBOX_API_KEY,
          ratePerSec: SANDBOX_RATE_PER_SEC,
          fetch,
        },
        options,
      ),
    );
  };

  return {
    provider: 'telnyx',
    steps: TELNYX_STEPS as StepDefinition[],
    configured: Boolean(config.telnyx.apiKey),
    rehearsable: true,
    rehearsalTrusted: SEED_TRUSTED,
    limiterAccount: accountOf('telnyx'),
    client: clientPerIncident({
      rehearsal: sandboxClient,
      async live(incident) {
        const label = labelFor(incident, 'telnyx');
        const http = (c: CredentialOf<'telnyx'>) =>
          bearerHttp(
            'telnyx',
            {
              account: label,
              baseUrl: config.telnyx.apiUrl,
              apiKey: c.apiKey,
              ratePerSec: rateFor('telnyx', config.telnyx.ratePerSec),
            },
            options,
          );
        const reload = () => credential(label, 'telnyx');
        return createTelnyxClient(refreshingHttp(await reload(), reload, http));
      },
    }),
  };
}
