import type { EphemeralMessage } from '../../../src/sandbox/slack/model/types.js';
import { SANDBOX_API_KEY, type TelnyxSimulator } from '../../../src/sandbox/telnyx/index.js';
import { APP_TOKEN, BOT_TOKEN, SECRET_KEY, SIGNING_SECRET } from './bot-env.js';
import { messageText } from './cards.js';
import type { World } from './world.js';

/** The secrets of the bot's own configuration: none may ever show in Slack or in its logs. */
export const CONFIG_SECRETS: readonly string[] = [
  SANDBOX_API_KEY,
  BOT_TOKEN,
  APP_TOKEN,
  SIGNING_SECRET,
  SECRET_KEY,
];

/**
 * Every secret the account holds right now (SIP passwords, user names of credential connections
 * whose password is known to the bot, on-demand SIP passwords, messaging v1 secrets, port-out PINs), plus the
 * configuration's. Call it before and after a run: together they cover the old and new credentials.
 */
export function knownSecrets(sim: TelnyxSimulator): string[] {
  const s = sim.state;
  return [
    ...CONFIG_SECRETS,
    ...s.credentialConnections.flatMap((c) => [c.password, `${c.user_name} / ${c.password}`]),
    ...s.telephonyCredentials.map((t) => t.sip_password),
    ...s.messagingProfiles.map((p) => p.v1_secret),
    ...s.phoneNumbers.map((n) => n.external_pin ?? ''),
    ...(s.accountAccess?.oauthClients ?? []).map((c) => String(c.client_secret ?? '')),
  ].filter((secret) => secret.length >= 8);
}

/** The secrets found in `text` (each named by its first four characters, so a failure leaks nothing). */
export function leaksIn(text: string, secrets: readonly string[]): string[] {
  return [...new Set(secrets)].filter((secret) => text.includes(secret)).map((s) => `${s.slice(0, 4)}…`);
}

/**
 * Everything a secret must never show in: every Slack call, every version of every channel message,
 * every ephemeral but the Reveal answers in `revealed`, the report and the bot's log output.
 */
export function everywhereButReveals(
  world: World,
  revealed: readonly EphemeralMessage[],
  report: string,
): string {
  const { fs } = world;
  return [
    JSON.stringify(fs.calls),
    ...fs.channels.flatMap((c) => fs.messages(c.id)).flatMap((m) => m.versions.map((v) => messageText(v))),
    ...fs.workspace.ephemerals.filter((e) => !revealed.includes(e)).map((e) => messageText(e)),
    report,
    world.logs(),
  ].join('\n');
}
