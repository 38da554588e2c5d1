import type { SendgridSimulator } from '../../../src/sandbox/sendgrid/index.js';
import type { TwilioSimulator } from '../../../src/sandbox/twilio/index.js';
import { BOT_TOKEN, SECRET_KEY, SIGNING_SECRET } from './bot-env.js';

/** Secrets shorter than this are not looked for (they would match by chance). */
const SHORTEST = 8;

/**
 * Every secret the Twilio account holds right now: the primary (and any secondary) Auth Token,
 * the subaccounts' Auth Tokens (Twilio serves them in every account read), every API key's
 * secret, every SIP credential's password (alone and as a Reveal shows it, `user / password`).
 * Call it before and after a run: together they cover the old and the new credentials.
 */
export function twilioSecrets(sim: TwilioSimulator): string[] {
  const s = sim.state;
  return [
    s.account.auth_token,
    ...(s.secondaryAuthToken ? [s.secondaryAuthToken.token] : []),
    ...s.subaccounts.map((a) => a.auth_token),
    ...s.keys.map((k) => k.secret),
    // Each subaccount's own: its secondary token and its keys' secrets.
    ...Object.values(s.identity.subaccounts).flatMap((r) => [
      ...(r.secondaryAuthToken ? [r.secondaryAuthToken.token] : []),
      ...r.keys.map((k) => k.secret),
    ]),
    ...s.credentials.flatMap((c) => [c.password, `${c.username} / ${c.password}`]),
  ].filter((secret) => secret.length >= SHORTEST);
}

/**
 * The SendGrid account's secrets: the key Reclaim is configured with and the tokens of pending
 * invitations (whoever holds one joins the account). The account keeps no other key's value: a
 * key created during the run is known only from its Reveal.
 */
export function sendgridSecrets(sim: SendgridSimulator): string[] {
  return [sim.apiKey, ...sim.state.invites.map((i) => i.token)].filter((s) => s.length >= SHORTEST);
}

/** The secrets of the bot's own configuration besides the providers': the Slack ones and the sealing key. */
export const BOT_SECRETS: readonly string[] = [BOT_TOKEN, SIGNING_SECRET, SECRET_KEY];
