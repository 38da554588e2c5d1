import { accessRef, allowRuleRef } from '../../../providers/sendgrid/refs.js';
import { FULL_ACCESS_SCOPES } from '../full-access-scopes.js';
import type { SeedBuilder } from './seed-builder.js';
import { seconds } from './seed-builder.js';
import { ATTACKER_IP, LEGIT_ACCESS_IPS, LEGIT_ALLOWED } from './seed-trusted.js';

/** Restricted keys an integration would hold, cycled through for larger accounts. */
const LEGIT_KEYS: readonly { name: string; scopes: string[] }[] = [
  { name: 'Production mail', scopes: ['mail.send'] },
  { name: 'Marketing sync', scopes: ['mail.send', 'marketing.read', 'templates.read'] },
  { name: 'Stats dashboard', scopes: ['stats.read', 'email_activity.read'] },
  { name: 'Billing export', scopes: ['billing.read'] },
];

/**
 * API keys: Reclaim's own (the key the simulator answers to, full access), `count` restricted keys
 * of integrations, and the attacker's new full-access key named like a default.
 */
export function seedApiKeys(b: SeedBuilder, ownKeyId: string, count: number): void {
  b.state.apiKeys.push({
    api_key_id: ownKeyId,
    name: 'Reclaim incident response',
    scopes: [...FULL_ACCESS_SCOPES],
  });
  for (let i = 0; i < count; i += 1) {
    const template = LEGIT_KEYS[i % LEGIT_KEYS.length]!;
    const round = Math.floor(i / LEGIT_KEYS.length);
    const name = round === 0 ? template.name : `${template.name} ${round + 1}`;
    b.state.apiKeys.push({ api_key_id: b.random.token(22), name, scopes: [...template.scopes] });
  }
  const attackerId = b.random.token(22);
  b.state.apiKeys.push({ api_key_id: attackerId, name: 'Default', scopes: [...FULL_ACCESS_SCOPES] });
  b.plant({ kind: 'api_key', id: attackerId, summary: `full-access key “Default” (${attackerId})` });
}

/**
 * The allow list: the operator's entries (and, for larger accounts, more addresses in their
 * trusted /24), then the attacker's address added in the window. Access activity: the operator's
 * sign-ins and API calls before and during the window, and the attacker's, allowed.
 */
export function seedIpAccess(b: SeedBuilder, extraAllowed: number): void {
  const legit = [...LEGIT_ALLOWED];
  for (let i = 0; i < extraAllowed; i += 1) legit.push(`198.51.100.${8 + (i % 240)}`);
  for (const ip of legit) {
    const at = seconds(b.before());
    b.state.allowList.push({ id: b.nextNumber(), ip, created_at: at, updated_at: at });
  }
  const added = seconds(b.after());
  const ruleId = b.nextNumber();
  b.state.allowList.push({ id: ruleId, ip: ATTACKER_IP, created_at: added, updated_at: added });
  b.plant({ kind: 'allowed_ip', id: allowRuleRef(ruleId), summary: `${ATTACKER_IP} on the allow list` });

  for (const [i, ip] of LEGIT_ACCESS_IPS.entries()) {
    const first = seconds(b.before());
    b.state.activity.push({
      ip,
      allowed: true,
      auth_method: i === 1 ? 'basic' : 'api_key',
      location: 'Denver, CO',
      first_at: first,
      last_at: seconds(b.after()),
    });
  }
  const first = seconds(b.after());
  b.state.activity.push({
    ip: ATTACKER_IP,
    allowed: true,
    auth_method: 'basic',
    location: 'Unknown',
    first_at: first,
    last_at: Math.min(seconds(b.now), first + 3_600),
  });
  b.plant({ kind: 'access_attempt', id: accessRef(ATTACKER_IP), summary: `sign-in from ${ATTACKER_IP}` });
}
