import { inviteRef } from '../../../providers/sendgrid/refs.js';
import type { SeedBuilder } from './seed-builder.js';
import { seconds } from './seed-builder.js';
import { ATTACKER_DOMAIN, ATTACKER_INVITE_EMAIL, COMPANY_DOMAIN } from './seed-trusted.js';

const FIRST = ['Alice', 'Bob', 'Carol', 'Dan', 'Erin', 'Femi', 'Grace', 'Hiro', 'Ines', 'Jon'];
const LAST = ['Ng', 'Okafor', 'Silva', 'Berg', 'Kaur', 'Moreau', 'Tanaka', 'Walsh'];

function teammate(b: SeedBuilder, username: string, email: string, type: 'owner' | 'admin' | 'teammate') {
  return {
    username,
    email,
    first_name: b.random.pick(FIRST),
    last_name: b.random.pick(LAST),
    user_type: type,
    is_admin: type !== 'teammate',
    scopes: type === 'teammate' ? ['mail.send', 'stats.read'] : [],
    phone: `+1303555${b.random.digits(4)}`,
    address: `${b.random.int(1, 999)} Market St`,
    city: 'Denver',
    country: 'US',
  };
}

/**
 * Teammates: the owner and `count` colleagues on the company domain, then the attacker's admin on
 * theirs. Invitations: one for a new colleague and one the attacker sent to an outside address.
 */
export function seedTeammates(b: SeedBuilder, count: number, legitInvites: number): void {
  b.state.teammates.push(teammate(b, 'acme-owner', b.state.email, 'owner'));
  for (let i = 0; i < count; i += 1) {
    const name = `${FIRST[i % FIRST.length]!.toLowerCase()}${i >= FIRST.length ? i : ''}`;
    b.state.teammates.push(
      teammate(b, `acme-${name}`, `${name}@${COMPANY_DOMAIN}`, i === 0 ? 'admin' : 'teammate'),
    );
  }
  b.state.teammates.push(teammate(b, 'mailops', `ops@${ATTACKER_DOMAIN}`, 'admin'));
  b.plant({ kind: 'teammate', id: 'mailops', summary: `admin teammate ops@${ATTACKER_DOMAIN}` });

  const expires = seconds(b.now) + 7 * 86_400;
  for (let i = 0; i < legitInvites; i += 1) {
    b.state.invites.push({
      email: `new-hire${i === 0 ? '' : i}@${COMPANY_DOMAIN}`,
      is_admin: false,
      scopes: ['mail.send'],
      token: b.random.token(32),
      expiration_date: expires,
    });
  }
  const token = b.random.token(32);
  b.state.invites.push({
    email: ATTACKER_INVITE_EMAIL,
    is_admin: true,
    scopes: [],
    token,
    expiration_date: expires,
  });
  b.plant({
    kind: 'pending_invite',
    id: inviteRef(token),
    summary: `admin invitation to ${ATTACKER_INVITE_EMAIL}`,
  });
}

/**
 * Subusers: the company's own (one EU, one long disabled, more for larger accounts), then the
 * attacker's sending subuser. Returns the attacker's username.
 */
export function seedSubusers(b: SeedBuilder, count: number): string {
  const names = ['transactional', 'marketing', 'eu-notify', 'legacy'];
  for (let i = 0; i < count; i += 1) {
    const base = names[i % names.length]!;
    const name = i < names.length ? base : `${base}-${i}`;
    b.state.subusers.push({
      id: b.nextNumber(),
      username: `acme-${name}`,
      email: `${name}@${COMPANY_DOMAIN}`,
      disabled: base === 'legacy',
      region: base === 'eu-notify' ? 'eu' : 'global',
    });
  }
  const username = 'promo-sender';
  b.state.subusers.push({
    id: b.nextNumber(),
    username,
    email: `promo@${ATTACKER_DOMAIN}`,
    disabled: false,
    region: 'global',
  });
  b.plant({ kind: 'subuser', id: username, summary: `subuser ${username} (promo@${ATTACKER_DOMAIN})` });
  return username;
}
