// The account's sending identities and notifications: the company's own, then the attacker's in each place.
import type { SeedBuilder } from './seed-builder.js';
import { seconds } from './seed-builder.js';
import { ATTACKER_DOMAIN, COMPANY_DOMAIN } from './seed-trusted.js';

/** Where the attacker has spam reports, bounces and alerts sent. */
export const ATTACKER_MAILBOX = `reports@${ATTACKER_DOMAIN}`;

function sender(b: SeedBuilder, nickname: string, email: string) {
  return {
    id: b.nextNumber(),
    nickname,
    from_email: email,
    from_name: nickname,
    reply_to: email,
    reply_to_name: nickname,
    address: `${b.random.int(1, 999)} Market St`,
    city: 'Denver',
    country: 'USA',
    verified: true,
    locked: false,
  };
}

function branded(b: SeedBuilder, domain: string, subdomain: string, validatedAt?: number) {
  return {
    id: b.nextNumber(),
    user_id: 4_000_001,
    domain,
    subdomain,
    username: b.state.username,
    valid: true,
    default: false,
    legacy: false,
    ...(validatedAt === undefined ? {} : { last_validation_attempt_at: seconds(validatedAt) }),
  };
}

/**
 * Sender Identities, an authenticated domain and a branded link of the company's, and the
 * attacker's of each on their domain; spam forwarding and bounce forwarding to the attacker; a
 * usage alert of the owner's and a statistics alert the attacker made in the window.
 */
export function seedSenders(b: SeedBuilder): void {
  const { state } = b;
  state.verifiedSenders.push(sender(b, 'Acme Orders', `orders@${COMPANY_DOMAIN}`));
  const theirs = sender(b, 'Account Security', `security@${ATTACKER_DOMAIN}`);
  state.verifiedSenders.push(theirs);
  b.plant({ kind: 'verified_sender', id: `sender:${theirs.id}`, summary: `sender ${theirs.from_email}` });

  state.authenticatedDomains.push(branded(b, COMPANY_DOMAIN, 'em', b.before()));
  const domain = branded(b, ATTACKER_DOMAIN, 'em', b.after());
  state.authenticatedDomains.push(domain);
  b.plant({
    kind: 'authenticated_domain',
    id: `domain:${domain.id}`,
    summary: `authenticated domain ${ATTACKER_DOMAIN}`,
  });
  state.brandedLinks.push(branded(b, COMPANY_DOMAIN, 'links'));
  const link = branded(b, ATTACKER_DOMAIN, 'click');
  state.brandedLinks.push(link);
  b.plant({ kind: 'branded_link', id: `link:${link.id}`, summary: `branded link click.${ATTACKER_DOMAIN}` });

  state.forwardSpam = { enabled: true, email: `abuse@${COMPANY_DOMAIN}, ${ATTACKER_MAILBOX}` };
  b.plant({
    kind: 'mail_setting',
    id: 'mail-setting:forward_spam',
    summary: `spam forwarded to ${ATTACKER_MAILBOX}`,
  });
  state.forwardBounce = { enabled: true, email: ATTACKER_MAILBOX };
  b.plant({
    kind: 'mail_setting',
    id: 'mail-setting:forward_bounce',
    summary: `bounces forwarded to ${ATTACKER_MAILBOX}`,
  });

  const old = seconds(b.before());
  state.alerts.push({
    id: b.nextNumber(),
    type: 'usage_limit',
    email_to: state.email,
    percentage: 90,
    created_at: old,
    updated_at: old,
  });
  const made = seconds(b.after());
  const alert = {
    id: b.nextNumber(),
    type: 'stats_notification' as const,
    email_to: ATTACKER_MAILBOX,
    frequency: 'daily',
    created_at: made,
    updated_at: made,
  };
  state.alerts.push(alert);
  b.plant({
    kind: 'alert',
    id: `alert:${alert.id}`,
    summary: `daily statistics alert to ${ATTACKER_MAILBOX}`,
  });
}
