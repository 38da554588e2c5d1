import { z } from 'zod';
import { dates, namedRecord, nullableInt, nullableString } from './common.js';

/** A SIP credential list (`CL…`): a named group of username/password pairs. */
export const sipCredentialListSchema = namedRecord({});
export type SipCredentialList = z.output<typeof sipCredentialListSchema>;

/** A SIP credential (`CR…`). Twilio never returns its password. */
export const sipCredentialSchema = z.object({
  sid: z.string(),
  credential_list_sid: nullableString,
  username: nullableString,
  ...dates,
});
export type SipCredential = z.output<typeof sipCredentialSchema>;

/** A SIP IP access control list (`AL…`). */
export const sipIpAccessControlListSchema = namedRecord({});
export type SipIpAccessControlList = z.output<typeof sipIpAccessControlListSchema>;

/**
 * An address (`IP…`) an IP access control list lets in: one IPv4 address, or a range with a prefix.
 * `ip_address` is nullable in the spec: without it the entry cannot be judged, and the step sends a
 * person to the Console.
 */
export const sipIpAddressSchema = z.object({
  sid: z.string(),
  ip_access_control_list_sid: nullableString,
  friendly_name: nullableString,
  ip_address: nullableString,
  /** 0 (the spec's default) or 32 mean the one address. */
  cidr_prefix_length: nullableInt,
  ...dates,
});
export type SipIpAddress = z.output<typeof sipIpAddressSchema>;
