import { createHmac } from 'node:crypto';
import { loadOrCreateLocalKey } from '../../../secrets/load-or-create-local-key.js';

/** The bot token and signing secret the bot and the console share; made for this machine only. */
export interface LocalCredentials {
  botToken: string;
  signingSecret: string;
}

/** Each credential from the key by its own purpose (HMAC-SHA256): neither says anything about the key. */
export function deriveLocalCredentials(key: Buffer): LocalCredentials {
  const derive = (purpose: string) =>
    createHmac('sha256', key).update(`reclaim-local:${purpose}`).digest('hex');
  return {
    botToken: `xoxb-local-${derive('bot-token').slice(0, 48)}`,
    signingSecret: derive('signing-secret'),
  };
}

/**
 * Reclaim Local's own credentials, derived from the local key kept in DATA_DIR/secret.key (made
 * once, mode 0600), so they stay the same across restarts without another file. They authenticate
 * the bot to the console and the console's signed requests to the bot; they are never used when
 * real Slack is configured.
 */
export async function loadOrCreateLocalCredentials(dataDir: string): Promise<LocalCredentials> {
  return deriveLocalCredentials(await loadOrCreateLocalKey(dataDir));
}
