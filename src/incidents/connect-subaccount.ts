/** `/compromise connect twilio:<name> --subaccount AC…`: a Twilio subaccount as its own connection, read through its parent's. */
import { appendAudit } from '../audit/append-audit.js';
import type { Actor } from '../domain/actor.js';
import { type Connection, isConnectionLabel, providerOfLabel, sameCredential } from '../domain/connection.js';
import { connectionGate } from './connection-gate.js';
import { type Refusal, refuse, type UseCaseDeps } from './deps.js';

export interface ConnectSubaccountInput extends Actor {
  /** The new connection (`twilio:staging`). */
  label: string;
  /** The subaccount's Account SID. */
  subaccountSid: string;
  /** The connection of its parent account (`twilio` by default). */
  parentLabel: string;
}

const ACCOUNT_SID = /^AC[0-9a-f]{32}$/i;

/**
 * Approvers only. Nothing is typed in Slack but the SID: the subaccount is read with the parent
 * connection's sealed credential (`GET /2010-04-01/Accounts/{Sid}.json`), must be the parent's
 * (`owner_account_sid`) and active; its Auth Token, which Twilio returns to the parent, is checked
 * with the same read-only call as any Twilio connection, then sealed as the new connection's, the
 * subaccount's SID as its account. Asked again for the same subaccount and parent, it reads the
 * token afresh and seals it as the next version if it changed. Audited with labels and SIDs, never
 * the token.
 */
export async function connectSubaccount(
  deps: UseCaseDeps,
  input: ConnectSubaccountInput,
): Promise<{ ok: true; connection: Connection; version: number } | Refusal> {
  const gate = connectionGate(deps, input);
  if (!gate.ok) return gate;
  const { label, parentLabel } = input;
  const sid = input.subaccountSid;
  if (!isConnectionLabel(label) || providerOfLabel(label) !== 'twilio' || label === 'twilio') {
    return refuse(
      'connection_label_invalid',
      `\`${label}\` is not a name for a Twilio subaccount, like \`twilio:staging\`.`,
    );
  }
  if (!ACCOUNT_SID.test(sid)) {
    return refuse('twilio_invalid_sid', 'A subaccount SID is AC followed by 32 hex digits.');
  }
  // The same subaccount through the same parent again: its token read afresh (a parent's incident
  // may have rotated it), a new version when it changed. Any other connection of that name: taken.
  const existing = await gate.store.find(label);
  if (existing && (existing.parentLabel !== parentLabel || existing.accountId !== sid)) {
    return refuse(
      'connection_label_taken',
      `\`${label}\` already names a connection; pick another name, or \`/compromise disconnect ${label}\` first.`,
    );
  }
  const parent = await gate.store.find(parentLabel);
  if (parent?.provider !== 'twilio' || parent.source === 'incident') {
    return refuse(
      'connection_not_found',
      `There is no Twilio connection named \`${parentLabel}\` to read the subaccount through; \`/compromise connections\` lists them.`,
    );
  }
  const { credential } = await gate.store.current(parentLabel);
  if (credential.provider !== 'twilio' || !deps.playbooks.readSubaccount) {
    return refuse('no_connection_store', 'This Reclaim cannot read Twilio subaccounts.');
  }
  const notOurs = refuse(
    'not_a_subaccount',
    `\`${sid}\` is not a subaccount of \`${parentLabel}\`: Twilio shows no such subaccount to it.`,
  );
  if (sid.toUpperCase() === credential.accountSid.toUpperCase()) return notOurs;
  const found = await deps.playbooks.readSubaccount(parentLabel, credential, sid);
  if (!found.found) return found.refused ? refuse('credential_refused', found.refused) : notOurs;
  if (found.ownerSid?.toUpperCase() !== credential.accountSid.toUpperCase()) return notOurs;
  if (found.status !== 'active') {
    return refuse(
      'subaccount_not_active',
      `\`${sid}\` is ${found.status ?? 'not active'} in Twilio: only an active subaccount can be connected.`,
    );
  }
  const token = { provider: 'twilio' as const, accountSid: sid, authToken: await found.authToken() };
  const check = deps.playbooks.verifyCredential
    ? await deps.playbooks.verifyCredential(token)
    : ({ ok: true, accountId: sid } as const);
  if (!check.ok) return refuse('credential_refused', check.reason);
  const at = deps.now();
  const ids = { subaccount: sid, parent: parentLabel, parentAccount: credential.accountSid };
  const version = await deps.db.transaction(async (tx) => {
    if (existing) {
      const [held] = await gate.store.held(label, tx);
      if (held?.version === existing.version && sameCredential(held.credential, token))
        return existing.version;
      const rotated = await gate.store.rotate(tx, label, token);
      await appendAudit(tx, {
        actor: input.userId,
        action: 'connection.rotated',
        payload: { label, version: rotated, source: 'slack', ...ids },
      });
      return rotated;
    }
    const added = await gate.store.add(tx, {
      label,
      credential: token,
      accountId: check.accountId ?? sid,
      source: 'slack',
      addedBy: input.userId,
      verifiedAt: at,
      parentLabel,
    });
    await appendAudit(tx, {
      actor: input.userId,
      action: 'connection.added',
      payload: { label, provider: 'twilio', version: added.version, source: 'slack', ...ids },
    });
    return added.version;
  });
  await gate.store.verified(label, at, 'active');
  const connection = (await gate.store.find(label))!;
  return { ok: true, connection, version };
}
