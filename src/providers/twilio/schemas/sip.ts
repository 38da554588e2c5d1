import { z } from 'zod';
import { nullableInt, nullableString } from './common.js';

/** A SIP credential list (`CL…`): a named group of username/password pairs. */
export interface SipCredentialList {
  sid: string;
  friendly_name: string | null;
  date_created: string | null;
  date_updated: string | null;
}

export const sipCredentialListSchema: z.ZodType<SipCredentialList> = z.object({
  sid: z.string(),
  friendly_name: nullableString,
  date_created: nullableString,
  date_updated: nullableString,
});

/** A SIP credential (`CR…`). Twilio never returns its password. */
export interface SipCredential {
  sid: string;
  credential_list_sid: string | null;
  username: string | null;
  date_created: string | null;
  date_updated: string | null;
}

export const sipCredentialSchema: z.ZodType<SipCredential> = z.object({
  sid: z.string(),
  credential_list_sid: nullableString,
  username: nullableString,
  date_created: nullableString,
  date_updated: nullableString,
});

/** A SIP IP access control list (`AL…`). */
export interface SipIpAccessControlList {
  sid: string;
  friendly_name: string | null;
  date_created: string | null;
  date_updated: string | null;
}

export const sipIpAccessControlListSchema: z.ZodType<SipIpAccessControlList> = z.object({
  sid: z.string(),
  friendly_name: nullableString,
  date_created: nullableString,
  date_updated: nullableString,
});

/**
 * An address (`IP…`) an IP access control list lets in: one IPv4 address, or a range with a prefix.
 * `ip_address` is nullable in the spec: without it the entry cannot be judged, and the step sends a
 * person to the Console.
 */
export interface SipIpAddress {
  sid: string;
  ip_access_control_list_sid: string | null;
  friendly_name: string | null;
  ip_address: string | null;
  /** 0 (the spec's default) or 32 mean the one address. */
  cidr_prefix_length: number | null;
  date_created: string | null;
  date_updated: string | null;
}

export const sipIpAddressSchema: z.ZodType<SipIpAddress> = z.object({
  sid: z.string(),
  ip_access_control_list_sid: nullableString,
  friendly_name: nullableString,
  ip_address: nullableString,
  cidr_prefix_length: nullableInt,
  date_created: nullableString,
  date_updated: nullableString,
});
