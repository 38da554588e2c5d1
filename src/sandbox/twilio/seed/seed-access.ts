import type { SimAccount, SimKey } from '../account-state.js';
import { digestOf, type SeedBuilder } from './seed-builder.js';

/** The main account's Auth Token, presumed read by the attacker in the Console. */
export function plantLeakedAuthToken(b: SeedBuilder): void {
  const account = b.state.account;
  b.plant({
    kind: 'auth_token',
    id: account.sid,
    summary: `Auth Token of ${account.friendly_name} presumed leaked`,
    secretDigest: digestOf(account.auth_token),
  });
}

/** `legit` API keys made long ago, and one the attacker made in the window. */
export function seedKeys(b: SeedBuilder, legit: number): void {
  const names = ['Production backend', 'Call analytics', 'Status page', 'CI deploys'];
  for (let i = 0; i < legit; i += 1) {
    const name = names[i] ?? `Service ${String(i + 1).padStart(3, '0')}`;
    b.state.keys.push({ sid: b.sid('SK'), friendly_name: name, secret: b.token(), ...b.legit() });
  }
  const rogue: SimKey = { sid: b.sid('SK'), friendly_name: 'backup', secret: b.token(), ...b.attack() };
  b.state.keys.push(rogue);
  b.plant({ kind: 'api_key', id: rogue.sid, summary: `API key "backup" created after the incident began` });
}

function subaccount(b: SeedBuilder, name: string, stamps: ReturnType<SeedBuilder['legit']>): SimAccount {
  return {
    sid: b.sid('AC'),
    friendly_name: name,
    status: 'active',
    owner_account_sid: b.state.account.sid,
    type: 'Full',
    auth_token: b.token(),
    ...stamps,
  };
}

/** Two legitimate subaccounts (one already suspended by the owner) and the attacker's active one. */
export function seedSubaccounts(b: SeedBuilder): void {
  const staging = subaccount(b, 'Acme staging', b.legit());
  const old = { ...subaccount(b, 'Acme spring campaign', b.legit()), status: 'suspended' as const };
  const rogue = subaccount(b, 'Support Ops', b.attack());
  b.state.subaccounts.push(staging, old, rogue);
  b.plant({
    kind: 'subaccount',
    id: rogue.sid,
    summary: 'subaccount "Support Ops" created after the incident began',
  });
}
