import {
  type SendgridSeedOptions,
  type SendgridSimulator,
  seedAttackedSendgridAccount,
  serveSendgridSimulator,
} from '../../../src/sandbox/sendgrid/index.js';
import {
  type SeedOptions,
  seedAttackedAccount,
  serveSimulator,
  type TelnyxSimulator,
} from '../../../src/sandbox/telnyx/index.js';
import {
  seedAttackedTwilioAccount,
  serveTwilioSimulator,
  type TwilioSeedOptions,
  type TwilioSimulator,
} from '../../../src/sandbox/twilio/index.js';
import { type AccountEnv, sendgridAccountEnv, telnyxAccountEnv, twilioAccountEnv } from './bot-env.js';
import type { ProviderName } from './playbook-steps.js';

/** A seeded account served over HTTP on 127.0.0.1. */
export interface ServedAccount<Sim> {
  sim: Sim;
  url: string;
  /** How the bot is configured for it now. */
  env(): AccountEnv;
  close(): Promise<void>;
}

export interface SimulatedAccounts {
  readonly providers: readonly ProviderName[];
  telnyx?: ServedAccount<TelnyxSimulator>;
  twilio?: ServedAccount<TwilioSimulator>;
  sendgrid?: ServedAccount<SendgridSimulator>;
  /** Every account's configuration, in the order of `providers`. */
  envs(): AccountEnv[];
  close(): Promise<void>;
}

export interface SimulatedAccountsOptions {
  providers: readonly ProviderName[];
  /** When the attacker got in, for every seed (a seed's own `since` wins). */
  since: Date;
  telnyx?: SeedOptions;
  twilio?: TwilioSeedOptions;
  sendgrid?: SendgridSeedOptions;
}

/** The SendGrid account allows what the bot's pace needs (its default, 10/s, is the real account's). */
const SENDGRID_SIM_LIMIT = { rateLimit: { perSecond: 100 } };

async function telnyxAccount(since: Date, seed: SeedOptions = {}): Promise<ServedAccount<TelnyxSimulator>> {
  const sim = seedAttackedAccount({ since, ...seed });
  const served = await serveSimulator(sim);
  return { sim, url: served.url, env: () => telnyxAccountEnv(served.url), close: () => served.close() };
}

async function twilioAccount(
  since: Date,
  seed: TwilioSeedOptions = {},
): Promise<ServedAccount<TwilioSimulator>> {
  const sim = seedAttackedTwilioAccount({ since, ...seed });
  const served = await serveTwilioSimulator(sim);
  return {
    sim,
    url: served.url,
    env: () => twilioAccountEnv(served.url, sim.accountSid, sim.authToken),
    close: () => served.close(),
  };
}

async function sendgridAccount(
  since: Date,
  seed: SendgridSeedOptions = {},
): Promise<ServedAccount<SendgridSimulator>> {
  const sim = seedAttackedSendgridAccount({ since, simulator: SENDGRID_SIM_LIMIT, ...seed });
  const served = await serveSendgridSimulator(sim);
  return {
    sim,
    url: served.url,
    env: () => sendgridAccountEnv(served.url, sim.apiKey),
    close: () => served.close(),
  };
}

/**
 * One seeded, attacked account per provider, each served over HTTP. A bot (re)started is given the
 * credentials each account answers to at that moment: after a rotation, the new Twilio Auth Token,
 * as an operator who set TWILIO_AUTH_TOKEN the way the card asks.
 */
export async function startSimulatedAccounts(options: SimulatedAccountsOptions): Promise<SimulatedAccounts> {
  const { providers, since } = options;
  const accounts: SimulatedAccounts = {
    providers,
    envs: () =>
      providers.flatMap((p) => {
        const account = accounts[p];
        return account ? [account.env()] : [];
      }),
    async close() {
      for (const p of providers) await accounts[p]?.close();
    },
  };
  if (providers.includes('telnyx')) accounts.telnyx = await telnyxAccount(since, options.telnyx);
  if (providers.includes('twilio')) accounts.twilio = await twilioAccount(since, options.twilio);
  if (providers.includes('sendgrid')) accounts.sendgrid = await sendgridAccount(since, options.sendgrid);
  return accounts;
}
