/** A provider connection: how Reclaim reaches one provider account, by a label people can type. */
import type { ProviderName } from './providers.js';

/** What Reclaim authenticates with, per provider (never shown, logged or audited). */
export type ProviderCredential =
  | { provider: 'telnyx'; apiKey: string }
  | { provider: 'twilio'; accountSid: string; authToken: string }
  | { provider: 'sendgrid'; apiKey: string };

export interface Connection {
  /** `telnyx` (from the environment) or `telnyx:eu`. */
  label: string;
  provider: ProviderName;
  /** The account's own id, read once with the credential (Twilio Account SID, SendGrid username). */
  accountId: string | null;
  source: 'env' | 'slack' | 'incident';
  incidentId: string | null;
  state: 'active' | 'refused';
  /** The credential version in use; every older one is kept to prove it is refused. */
  version: number;
  addedBy: string;
  createdAt: Date;
  lastVerifiedAt: Date | null;
  /** A Twilio subaccount added from its parent's connection: the parent's label (null otherwise). */
  parentLabel: string | null;
}

const LABEL = /^(telnyx|twilio|sendgrid)(:[a-z0-9][a-z0-9_-]{0,31})?$/;

/** Whether `label` is a connection label (`telnyx`, `twilio:parent`, …). */
export function isConnectionLabel(label: string): boolean {
  return LABEL.test(label);
}

/** The provider a label belongs to: the part before the colon. */
export function providerOfLabel(label: string): ProviderName | null {
  const match = LABEL.exec(label);
  return match ? (match[1] as ProviderName) : null;
}

/** The secret part of a credential, whose last 4 characters name it on cards. */
export function credentialHint(credential: ProviderCredential): string {
  const secret = credential.provider === 'twilio' ? credential.authToken : credential.apiKey;
  return secret.length > 8 ? secret.slice(-4) : '····';
}

/** Whether two credentials are the same (same provider, same values). */
export function sameCredential(a: ProviderCredential, b: ProviderCredential): boolean {
  if (a.provider !== b.provider) return false;
  if (a.provider === 'twilio' && b.provider === 'twilio') {
    return a.accountSid === b.accountSid && a.authToken === b.authToken;
  }
  return (a as { apiKey: string }).apiKey === (b as { apiKey: string }).apiKey;
}

/** The connection an incident works through for one provider: the one it names, else the default. */
export function connectionOf(labels: readonly string[] | undefined, provider: ProviderName): string {
  return labels?.find((l) => providerOfLabel(l) === provider) ?? provider;
}

/** What a cheap read said of a credential before Reclaim seals it. */
export type CredentialCheck = { ok: true; accountId: string | null } | { ok: false; reason: string };

/**
 * A Twilio subaccount as its parent reads it (`GET /2010-04-01/Accounts/{Sid}.json` with the
 * parent's credential): its owner and status, and a read of its Auth Token (made only when asked).
 * Not found: Twilio does not show that SID to the parent (404); refused: the parent's credential
 * was refused, in Twilio's words.
 */
export type SubaccountLookup =
  | { found: true; ownerSid: string | null; status: string | null; authToken(): Promise<string> }
  | { found: false; refused: string | null };
