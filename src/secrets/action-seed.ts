import { createHmac, hkdfSync } from 'node:crypto';

/** What the seed is bound to: one action's row of one plan of one incident. */
export interface SeededAction {
  incidentId: string;
  actionId: number;
  planDigest: string;
}

/**
 * 32 bytes for one planned action, derived from the secret key (HKDF to a key of its own, then
 * HMAC over the incident, the action's row id and the plan digest): the same on every attempt of
 * that action, new for every other action and every later plan, and unknown to anyone without the
 * key. A step that generates a credential (a port-out PIN) derives it from the seed, so a retry
 * after a lost answer can tell its own earlier write from anyone else's and hand that same
 * credential back, instead of writing a new one. Whoever holds the key and the database could
 * re-derive it; they could already unseal the provider credentials that read it from the provider.
 */
export function actionSeed(secretKey: Buffer, action: SeededAction): Buffer {
  const key = Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'reclaim action seed v1', 32));
  return createHmac('sha256', key)
    .update(`${action.incidentId}\0${action.actionId}\0${action.planDigest}`)
    .digest();
}
