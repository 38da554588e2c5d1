/**
 * What the legitimate operator of a seeded account would configure as theirs
 * (`RECLAIM_TRUSTED_HOSTS`, `RECLAIM_TRUSTED_IPS`, `RECLAIM_TRUSTED_NUMBERS`). Every legitimate
 * webhook, IP and outside forwarding target of `seedAttackedAccount` is covered by it; nothing the
 * attacker planted is. Addresses are from the documentation ranges (RFC 5737) and `example` domains.
 */
export const SEED_TRUSTED = {
  hosts: ['hooks.acme-voice.example.com', 'sip.acme-voice.example.com'],
  ips: ['203.0.113.10', '203.0.113.11', '198.51.100.0/29'],
  numbers: ['+14155550123', '+14155550188'],
} as const;

/** The attacker's webhook host. */
export const ATTACKER_HOST = 'evil-hooks.example.net';

/** The attacker's SIP source address, added to an otherwise legitimate IP connection. */
export const ATTACKER_IP = '192.0.2.66';

/** The address the attacker added to the API access allow-list. */
export const ATTACKER_API_IP = '192.0.2.77';

/** The user the attacker added to the organization. */
export const ATTACKER_USER_EMAIL = 'backup-admin@evil-hooks.example.net';

export const TRUSTED_HOOKS = `https://${SEED_TRUSTED.hosts[0]}`;

/** Legitimate addresses on the seeded IP connection (the last one inside the trusted /29). */
export const LEGIT_IPS = ['203.0.113.10', '203.0.113.11', '198.51.100.4'];

/** Area codes of the account's own numbers (none is 415, where the trusted outside numbers are). */
export const OWN_AREA_CODES = ['303', '720', '212', '646', '512', '206'];

/**
 * High-cost destinations attackers forward to: international networks (+882), Iridium (+8816),
 * UK premium rate (+44 9), US premium rate (+1 900), international premium rate (+979).
 */
export const PREMIUM_PREFIXES: readonly { prefix: string; digits: number }[] = [
  { prefix: '+88213', digits: 7 },
  { prefix: '+8816', digits: 8 },
  { prefix: '+44909', digits: 7 },
  { prefix: '+1900', digits: 7 },
  { prefix: '+979', digits: 8 },
];

/** What the attacker opened the planted outbound voice profile to. */
export const WIDE_DESTINATIONS = [
  'US',
  'CA',
  'GB',
  'CU',
  'SO',
  'LV',
  'LT',
  'TN',
  'ZW',
  'PG',
  'SN',
  'GN',
  'SL',
  'MV',
];
