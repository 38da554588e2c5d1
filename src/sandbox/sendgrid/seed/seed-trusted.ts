/**
 * The legitimate side of a seeded SendGrid account (Acme Mail), and what its operator would set
 * as theirs (`RECLAIM_TRUSTED_HOSTS`, `RECLAIM_TRUSTED_IPS`). Every legitimate webhook host,
 * allow-list entry and teammate domain is covered by it; nothing the attacker planted is.
 * Addresses come from the documentation ranges (RFC 5737) and `example` domains.
 */
export const SEED_TRUSTED = {
  hosts: ['hooks.acme-mail.example.com', 'inbound.acme-mail.example.com'],
  // 203.0.113.50 is the responders' office: trusted, but not yet on the allow list.
  ips: ['203.0.113.10', '203.0.113.11', '198.51.100.0/24', '203.0.113.50'],
  numbers: [],
} as const;

/** The company's mail domain: the owner's address, teammates, senders. */
export const COMPANY_DOMAIN = 'acme-mail.example.com';

/** Entries the legitimate operator put on the allow list (the range covers their integration hosts). */
export const LEGIT_ALLOWED = ['203.0.113.10', '203.0.113.11', '198.51.100.0/29'];

/** Where the legitimate operator's access attempts come from. */
export const LEGIT_ACCESS_IPS = ['203.0.113.10', '203.0.113.11', '198.51.100.4'];

/** The attacker's address: on the allow list and signing in. */
export const ATTACKER_IP = '192.0.2.66';

/** The attacker's mail domain: their teammate, their subuser, their sender. */
export const ATTACKER_DOMAIN = 'mail-blast.example.net';

/** Where the attacker's invitation went. */
export const ATTACKER_INVITE_EMAIL = 'helpdesk@quick-inbox.example.net';

/** The attacker's Event Webhook host. */
export const ATTACKER_HOST = 'evil-hooks.example.net';

/** Subjects of the attacker's spam. */
export const SPAM_SUBJECTS = [
  'URGENT: Verify your account now',
  'You have won a $500 gift card!!!',
  'Exclusive crypto investment - act now',
];

/**
 * The key a seeded sandbox answers to: `SG.<22-character id>.<43-character secret>`, listed among
 * the account's keys as Reclaim's own. A fake, not a credential.
 */
export const SANDBOX_SENDGRID_API_KEY =
  'SG.RcLmSandboxKey00000001.NotARealKeyJustTheSendgridSandboxForReclaim';
