import { apiKeyIdOf } from '../../../providers/sendgrid/api-key-id.js';
import { SeededRandom } from '../../telnyx/random.js';
import { SimulatorError } from '../../telnyx/simulator-error.js';
import { emptyAccountState } from '../account.js';
import { SendgridSimulator, type SendgridSimulatorOptions } from '../simulator.js';
import { seedApiKeys, seedIpAccess } from './seed-access.js';
import { SeedBuilder } from './seed-builder.js';
import { seedMessages, seedWebhooks } from './seed-mail.js';
import { seedSubusers, seedTeammates } from './seed-people.js';
import { seedSenders } from './seed-senders.js';
import { COMPANY_DOMAIN, SANDBOX_SENDGRID_API_KEY } from './seed-trusted.js';

export interface SendgridSeedOptions {
  /** Restricted integration keys besides Reclaim's and the attacker's; default 3. */
  apiKeys?: number;
  /** Allow-list entries besides the three legitimate ones and the attacker's; default 0. */
  extraAllowedIps?: number;
  /** Teammates besides the owner and the attacker; default 4. */
  teammates?: number;
  /** Legitimate pending invitations; default 1. */
  invites?: number;
  /** Legitimate subusers; default 4. */
  subusers?: number;
  /** Legitimate Event Webhooks besides the first; default 0. */
  extraWebhooks?: number;
  /** Legitimate messages (some older than 30 days); default 240. */
  messages?: number;
  /** Spam the attacker's subuser sent; default 60. */
  spam?: number;
  /** Whether the account has the Email Activity add-on; default true. */
  emailActivity?: boolean;
  /** PRNG seed: the same seed, `now` and `since` give the same account; default 1. */
  seed?: number;
  /** The account's present; default the current time. */
  now?: Date;
  /** When the attacker got in; default 3 days before `now`. */
  since?: Date;
  /** The key clients must send (`SG.<id>.<secret>`); default `SANDBOX_SENDGRID_API_KEY`. */
  apiKey?: string;
  /** Rate limit and clock of the simulator returned; the clock defaults to `now`, then real time. */
  simulator?: SendgridSimulatorOptions;
}

function count(value: number | undefined, fallback: number, name: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 0) {
    throw new SimulatorError('simulator_bad_options', `${name} must be a whole number of at least 0.`);
  }
  return n;
}

/**
 * A simulated SendGrid account with an attacker's changes planted among legitimate ones: a new
 * full-access API key, their IP on the allow list (and their sign-in in the access activity), an
 * admin teammate and a pending admin invitation on outside domains, a subuser that sent spam under
 * odd subjects, an Event Webhook on their host, a Sender Identity, an authenticated domain and a
 * branded link on their domain, spam and bounce forwarding and a statistics alert to their mailbox. `plantedChanges` lists them; `SEED_TRUSTED` is
 * what the legitimate operator would configure.
 */
export function seedAttackedSendgridAccount(options: SendgridSeedOptions = {}): SendgridSimulator {
  const now = (options.now ?? new Date()).getTime();
  const since = options.since?.getTime() ?? now - 3 * 86_400_000;
  if (!(since < now)) throw new SimulatorError('simulator_bad_options', 'since must be before now.');
  const apiKey = options.apiKey ?? SANDBOX_SENDGRID_API_KEY;
  const ownKeyId = apiKeyIdOf(apiKey);
  if (!ownKeyId) throw new SimulatorError('simulator_bad_options', 'apiKey must look like SG.<id>.<secret>.');

  const random = new SeededRandom(options.seed ?? 1);
  const state = emptyAccountState({
    apiKey,
    username: 'acme-mail',
    email: `owner@${COMPANY_DOMAIN}`,
    random: 0,
  });
  state.emailActivity = options.emailActivity ?? true;
  const b = new SeedBuilder(state, random, now, since);
  seedApiKeys(b, ownKeyId, count(options.apiKeys, 3, 'apiKeys'));
  seedIpAccess(b, count(options.extraAllowedIps, 0, 'extraAllowedIps'));
  seedTeammates(b, count(options.teammates, 4, 'teammates'), count(options.invites, 1, 'invites'));
  const spamSender = seedSubusers(b, count(options.subusers, 4, 'subusers'));
  seedWebhooks(b, count(options.extraWebhooks, 0, 'extraWebhooks'));
  seedMessages(b, count(options.messages, 240, 'messages'), count(options.spam, 60, 'spam'), spamSender);
  seedSenders(b);
  state.random = random.seed;
  return new SendgridSimulator(state, { clock: clockFrom(now), ...options.simulator });
}

/** A clock that reads `now` at seeding and runs on in real time, so later writes follow the seed's timeline. */
function clockFrom(now: number): () => number {
  const offset = now - Date.now();
  return () => Date.now() + offset;
}
