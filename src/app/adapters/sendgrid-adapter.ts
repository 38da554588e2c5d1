import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Incident } from '../../domain/types.js';
import { SENDGRID_STEPS } from '../../playbooks/sendgrid/index.js';
import type { StepDefinition } from '../../playbooks/types.js';
import type { FetchLike } from '../../providers/http/index.js';
import { apiKeyIdOf, createSendgridClient, type SendgridClient } from '../../providers/sendgrid/index.js';
import { rateFor } from '../../rate-limits/index.js';
import {
  loadSendgridSimulator,
  SANDBOX_SENDGRID_API_KEY,
  SEED_TRUSTED,
  saveSendgridSimulator,
  seedAttackedSendgridAccount,
  sendgridSimulatorFetch,
} from '../../sandbox/sendgrid/index.js';
import {
  accountOf,
  bearerHttp,
  clientPerIncident,
  SANDBOX_ACCOUNT,
  savingAfterWrites,
} from './adapter-kit.js';
import { type CredentialOf, connectionAccess, labelFor, refreshingHttp } from './connection-access.js';
import type { AdapterOptions, ProviderAdapter } from './provider-adapter.js';

const SANDBOX_URL = 'https://sandbox.sendgrid.invalid';
/** The in-process simulator answers at once; the client still paces itself, just faster. */
const SANDBOX_RATE_PER_SEC = 50;
/** The simulated account's own limit in a rehearsal: above the client's pace, so 429s stay rare. */
const SANDBOX_SIM_LIMIT = { rateLimit: { perSecond: 100 } };

/** The rehearsal's account file: `DATA_DIR/sandbox/sendgrid-<incident id>.json`. */
export function sendgridSandboxFile(dataDir: string, incidentId: string): string {
  return join(resolve(dataDir), 'sandbox', `sendgrid-${incidentId}.json`);
}

/**
 * SendGrid: the real account through the incident's connection (the key Reclaim uses, never deleted by its
 * own plans), or per rehearsal a seeded simulator kept in DATA_DIR and saved after every change,
 * so a restart carries the rehearsal on where it was.
 */
export function sendgridAdapter(options: AdapterOptions): ProviderAdapter {
  const { config, logger } = options;
  const credential = options.credential ?? connectionAccess(config).load;
  const client = (account: string, baseUrl: string, apiKey: string, ratePerSec: number, fetch?: FetchLike) =>
    createSendgridClient(bearerHttp('sendgrid', { account, baseUrl, apiKey, ratePerSec, fetch }, options), {
      ownApiKeyId: apiKeyIdOf(apiKey),
    });

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
    const save = () => saveSendgridSimulator(sim, file);
    return client(
      SANDBOX_ACCOUNT,
      SANDBOX_URL,
      SANDBOX_SENDGRID_API_KEY,
      SANDBOX_RATE_PER_SEC,
      savingAfterWrites(sendgridSimulatorFetch(sim), save, logger, 'sendgrid'),
    );
  };

  return {
    provider: 'sendgrid',
    steps: SENDGRID_STEPS as StepDefinition[],
    configured: Boolean(config.sendgrid.apiKey),
    rehearsable: true,
    rehearsalTrusted: SEED_TRUSTED,
    limiterAccount: accountOf('sendgrid'),
    client: clientPerIncident({
      rehearsal: sandboxClient,
      async live(incident) {
        const label = labelFor(incident, 'sendgrid');
        const reload = () => credential(label, 'sendgrid');
        const current = await reload();
        const rate = rateFor('sendgrid', config.sendgrid.ratePerSec);
        const http = (c: CredentialOf<'sendgrid'>) =>
          bearerHttp(
            'sendgrid',
            { account: label, baseUrl: config.sendgrid.apiUrl, apiKey: c.apiKey, ratePerSec: rate },
            options,
          );
        return createSendgridClient(refreshingHttp(current, reload, http), {
          ownApiKeyId: apiKeyIdOf(current.apiKey),
        });
      },
    }),
  };
}
