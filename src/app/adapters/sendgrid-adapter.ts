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

/** `work` one call at a time: a save asked for while one runs starts after it. */
function serially(work: () => Promise<void>): () => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return () => {
    const next = last.then(work, work);
    last = next.catch(() => undefined);
    return next;
  };
}

/** The rehearsal's account file: `DATA_DIR/sandbox/sendgrid-<incident id>.json`. */
export function sendgridSandboxFile(dataDir: string, incidentId: string): string {
  return join(resolve(dataDir), 'sandbox', `sendgrid-${incidentId}.json`);
}

/**
 * SendGrid: the real account through the incident's connection (the key Reclaim uses; when a plan
 * replaces it, the client switches to the new one before the old is deleted), or per rehearsal a seeded simulator kept in DATA_DIR and saved after every change,
 * so a restart carries the rehearsal on where it was.
 */
export function sendgridAdapter(options: AdapterOptions): ProviderAdapter {
  const { config, logger } = options;
  const credential = options.credential ?? connectionAccess(config).load;
  /** A rehearsal's client: it signs with the simulated account's current key, and a switch is saved at once. */
  const sandboxHttp = (apiKey: string, fetch: FetchLike) =>
    bearerHttp(
      'sendgrid',
      { account: SANDBOX_ACCOUNT, baseUrl: SANDBOX_URL, apiKey, ratePerSec: SANDBOX_RATE_PER_SEC, fetch },
      options,
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
    const save = serially(() => saveSendgridSimulator(sim, file));
    const fetch = savingAfterWrites(sendgridSimulatorFetch(sim), save, logger, 'sendgrid');
    return createSendgridClient(sandboxHttp(sim.apiKey, fetch), {
      ownApiKeyId: apiKeyIdOf(sim.apiKey),
      // A rehearsal has no connection: the account file remembers the key Reclaim switched to.
      async connect(apiKey) {
        sim.useClientKey(apiKey);
        await save();
        return sandboxHttp(apiKey, fetch);
      },
    });
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
          // After replacing its own key: the new one, which the engine seals into the connection.
          connect: (apiKey) => refreshingHttp({ provider: 'sendgrid', apiKey }, reload, http),
        });
      },
    }),
  };
}
