/** Mark done, checked where an API can confirm it: every Telnyx key Reclaim held before must now be refused. */
import type { ConnectionStore } from '../../connections/connection-store.js';
import type { CredentialCheck, ProviderCredential } from '../../domain/connection.js';
import { connectionOf } from '../../domain/connection.js';
import type { Incident } from '../../domain/types.js';

export type ManualCheck = { ok: true } | { ok: false; message: string };

/** The manual steps an API can confirm, by step id. */
export const VERIFIED_MANUAL_STEPS = ['telnyx.replace-api-keys'] as const;

/**
 * `telnyx.replace-api-keys`: the incident's Telnyx connection must hold a newer key than before
 * (given with "Give Reclaim the new key" or `/compromise connect`), and each key it held before is
 * tried once (`GET /v2/balance`): done only when Telnyx refuses every one. A key that still works is
 * named by its last 4 characters. Other steps, and rehearsals, are not checked.
 */
export function manualStepVerifier(
  store: () => ConnectionStore | undefined,
  verify: (credential: ProviderCredential) => Promise<CredentialCheck>,
): (incident: Incident, stepKey: string) => Promise<ManualCheck> {
  return async (incident, stepKey) => {
    const connections = store();
    if (stepKey !== 'telnyx.replace-api-keys' || incident.rehearsal || !connections) return { ok: true };
    const label = connectionOf(incident.connections, 'telnyx');
    const [current, ...before] = await connections.held(label);
    if (!current || before.length === 0) {
      return {
        ok: false,
        message: `Reclaim still works with the only key it has for \`${label}\`: give it the new one first (“Give Reclaim the new key”, or \`/compromise connect telnyx\`), then mark this done.`,
      };
    }
    const working: string[] = [];
    for (const old of before) if ((await verify(old.credential)).ok) working.push(old.hint);
    if (working.length > 0) {
      const keys = working.map((h) => `…${h}`).join(', ');
      return {
        ok: false,
        message: `Not done yet: Telnyx still accepts the old key${working.length > 1 ? 's' : ''} ending ${keys}. Delete ${working.length > 1 ? 'them' : 'it'} in the portal, then mark this done again.`,
      };
    }
    return { ok: true };
  };
}
