/** The environment's provider keys, as the connection named after each provider. */
import { appendAudit } from '../audit/append-audit.js';
import type { Config } from '../config/config.js';
import type { Db } from '../db/db.js';
import { type ProviderCredential, sameCredential } from '../domain/connection.js';
import type { ConnectionStore } from './connection-store.js';

/** The credentials the environment configures, one per provider. */
export function envCredentials(config: Config): ProviderCredential[] {
  const out: ProviderCredential[] = [];
  if (config.telnyx.apiKey) out.push({ provider: 'telnyx', apiKey: config.telnyx.apiKey });
  if (config.twilio.accountSid && config.twilio.authToken) {
    out.push({
      provider: 'twilio',
      accountSid: config.twilio.accountSid,
      authToken: config.twilio.authToken,
    });
  }
  if (config.sendgrid.apiKey) out.push({ provider: 'sendgrid', apiKey: config.sendgrid.apiKey });
  return out;
}

/**
 * At start, each provider key in the environment is the connection named after its provider. A key
 * the connection already held (in use, or an older one a playbook rotated away) changes nothing: a
 * restart with the old Twilio token still in the environment keeps the promoted one. A key it never
 * held is a new version (the operator put a new key in the environment), audited.
 */
export async function syncEnvConnections(
  db: Db,
  store: ConnectionStore,
  credentials: readonly ProviderCredential[],
): Promise<void> {
  for (const credential of credentials) {
    const label = credential.provider;
    await db.transaction(async (tx) => {
      const existing = await store.find(label, tx);
      if (!existing) {
        await store.add(tx, {
          label,
          credential,
          accountId: accountIdOf(credential),
          source: 'env',
          addedBy: 'environment',
          verifiedAt: null,
        });
        await appendAudit(tx, {
          actor: 'reclaim',
          action: 'connection.added',
          payload: { label, source: 'env' },
        });
        return;
      }
      const held = await store.held(label, tx);
      if (held.some((h) => sameCredential(h.credential, credential))) return;
      const version = await store.rotate(tx, label, credential);
      await appendAudit(tx, {
        actor: 'reclaim',
        action: 'connection.rotated',
        payload: { label, version, source: 'env' },
      });
    });
  }
}

function accountIdOf(credential: ProviderCredential): string | null {
  return credential.provider === 'twilio' ? credential.accountSid : null;
}
