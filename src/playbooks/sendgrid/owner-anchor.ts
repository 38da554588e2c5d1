// Whether the account email's domain may vouch for people: never alone without a finding, never free mail.
import type { Finding } from '../../domain/types.js';
import { findingOf } from '../kit/judge-resource.js';
import { domainIsKnown, domainOf, knownDomains } from '../kit/mail-domains.js';
import type { Discovery } from '../types.js';

/**
 * Mail domains anyone can get an address on: an account email there says nothing about whose the
 * people on it are. Not exhaustive; the large providers an owner is most likely to sign up with.
 */
export const FREE_MAIL_DOMAINS: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.com',
  'yandex.com',
  'yandex.ru',
  'mail.ru',
  'qq.com',
  '163.com',
  '126.com',
  'zoho.com',
  'fastmail.com',
  'tutanota.com',
];

export interface OwnerAnchor {
  /** The account email to count as the operator's (`null`: its domain vouches for nobody). */
  counted: string | null;
  /** What the card says about the account email, when there is something to say. */
  finding?: Finding;
}

/**
 * `discovery` with the account-email finding first, when there is one and there were people to
 * judge by it (`judged`): it is the anchor of every judgement below it.
 */
export function withOwnerFinding(
  discovery: Discovery,
  trust: { ownerFinding?: Finding },
  judged: number,
): Discovery {
  return trust.ownerFinding && judged > 0
    ? { ...discovery, findings: [trust.ownerFinding, ...discovery.findings] }
    : discovery;
}

/** The resource the account-email finding is filed under. */
export const ACCOUNT_EMAIL = 'account:email';

const CHANGEABLE = 'whoever held the account could have changed it (PUT /v3/user/email)';

/**
 * The account email is a weak anchor: the attacker can change it, and it may be free mail. With
 * RECLAIM_TRUSTED_HOSTS set, those hosts are the anchor and the email counts only when it is on
 * one of their domains (otherwise it is flagged); without them, the email's domain is the only
 * anchor, and the card says so; a free-mail domain never counts.
 */
export function ownerAnchor(ownerEmail: string | null, trustedHosts: readonly string[]): OwnerAnchor {
  const domain = domainOf(ownerEmail);
  if (!ownerEmail || domain === '') return { counted: null };
  const flag = (reason: string): Finding =>
    findingOf({ resource: ACCOUNT_EMAIL, summary: `Account email ${ownerEmail}`, reasons: [reason] });
  if (FREE_MAIL_DOMAINS.includes(domain)) {
    return {
      counted: null,
      finding: flag(
        `${domain} is a free-mail domain, so Reclaim does not count addresses on it as yours; set RECLAIM_TRUSTED_HOSTS to your own domains`,
      ),
    };
  }
  const trusted = knownDomains(null, trustedHosts);
  if (trusted.length > 0) {
    if (domainIsKnown(domain, trusted)) return { counted: ownerEmail };
    return {
      counted: null,
      finding: flag(
        `${domain} is not among the domains of RECLAIM_TRUSTED_HOSTS (${trusted.join(', ')}); ${CHANGEABLE}: check it in Settings › Account Details`,
      ),
    };
  }
  return {
    counted: ownerEmail,
    finding: flag(
      `its domain (${domain}) is the only thing telling your people from others, and ${CHANGEABLE}; set RECLAIM_TRUSTED_HOSTS to anchor on your own domains`,
    ),
  };
}
