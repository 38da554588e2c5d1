/**
 * What the legitimate operator of a seeded Twilio account would configure as theirs
 * (`RECLAIM_TRUSTED_HOSTS`, `RECLAIM_TRUSTED_IPS`, `RECLAIM_TRUSTED_NUMBERS`). Every legitimate
 * webhook and SIP address of `seedAttackedTwilioAccount` is covered by it; nothing the attacker
 * planted is. Addresses are from the documentation ranges (RFC 5737) and `example` domains.
 */
export const SEED_TRUSTED = {
  hosts: ['hooks.acme-voice.example.com', 'twiml.acme-voice.example.com'],
  ips: ['203.0.113.0/25', '198.51.100.0/29'],
  numbers: ['+14155550123'],
} as const;

/** The attacker's webhook host. */
export const ATTACKER_HOST = 'relay.callfwd.example.net';

/** The attacker's SIP source address, added to an otherwise legitimate IP access control list. */
export const ATTACKER_IP = '192.0.2.66';

export const TRUSTED_HOOKS = `https://${SEED_TRUSTED.hosts[0]}`;
export const TRUSTED_TWIML = `https://${SEED_TRUSTED.hosts[1]}`;
export const ATTACKER_HOOKS = `https://${ATTACKER_HOST}`;

/** Area codes of the account's own numbers. */
export const OWN_AREA_CODES = ['303', '720', '212', '646', '512', '206'];
