/** `/compromise connect`: an approver gives Reclaim access to a provider account, checked before it is sealed. */
import { appendAudit } from '../audit/append-audit.js';
import type { Actor } from '../domain/actor.js';
import {
  type Connection,
  isConnectionLabel,
  type ProviderCredential,
  providerOfLabel,
} from '../domain/connection.js';
import { connectionGate } from './connection-gate.js';
import { type Refusal, refuse, type UseCaseDeps } from './deps.js';

export interface ConnectInput extends Actor {
  label: string;
  credential: ProviderCredential;
  /** Given for one incident only (wiped at its close). */
  incidentId?: string;
}

/**
 * Approvers only. The credential is checked with one cheap read first; a refusal comes back in the
 * provider's words and nothing is stored. A new label is added; an existing one gets a new version
 * (the old ones stay, to prove them refused later). Audited with the label, never the credential.
 */
export async function connectProvider(
  deps: UseCaseDeps,
  input: ConnectInput,
): Promise<{ ok: true; connection: Connection; version: number } | Refusal> {
  const gate = connectionGate(deps, input);
  if (!gate.ok) return gate;
  const { label, credential } = input;
  if (!isConnectionLabel(label) || providerOfLabel(label) !== credential.provider) {
    return refuse(
      'connection_label_invalid',
      `\`${label}\` is not a ${credential.provider} connection label.`,
    );
  }
  const check = deps.playbooks.verifyCredential
    ? await deps.playbooks.verifyCredential(credential)
    : ({ ok: true, accountId: null } as const);
  if (!check.ok) return refuse('credential_refused', check.reason);
  const at = deps.now();
  const out = await deps.db.transaction(async (tx) => {
    const existing = await gate.store.find(label, tx);
    let version: number;
    if (existing) {
      version = await gate.store.rotate(tx, label, credential);
    } else {
      const added = await gate.store.add(tx, {
        label,
        credential,
        accountId: check.accountId ?? (credential.provider === 'twilio' ? credential.accountSid : null),
        source: input.incidentId ? 'incident' : 'slack',
        incidentId: input.incidentId ?? null,
        addedBy: input.userId,
        verifiedAt: at,
      });
      version = added.version;
    }
    await appendAudit(tx, {
      ...(input.incidentId ? { incidentId: input.incidentId } : {}),
      actor: input.userId,
      action: existing ? 'connection.rotated' : 'connection.added',
      payload: {
        label,
        provider: credential.provider,
        version,
        source: input.incidentId ? 'incident' : 'slack',
      },
    });
    return version;
  });
  await gate.store.verified(label, at, 'active');
  const connection = (await gate.store.find(label))!;
  return { ok: true, connection, version: out };
}
