import { z } from 'zod';
import {
  booleanDefault,
  nested,
  nullableInt,
  nullableString,
  outboundLink,
  timestamps,
  webhookUrls,
} from './common.js';

/**
 * SIP connections (spec tags "Credential Connections", "IP Connections", "FQDN Connections").
 * `password` (credential and FQDN connections) and `outbound.ip_authentication_token` are in the
 * responses but deliberately absent here, so they are dropped on parse. The spec requires no field
 * of a connection in a response; only `id` is required here (without it nothing can be done to the
 * record, which is then reported as unreadable). `active` is "Defaults to true" in the spec.
 */
const connection = {
  id: z.string(),
  record_type: nullableString,
  connection_name: nullableString,
  active: booleanDefault(true),
};

export type CredentialConnection = z.output<typeof credentialConnectionSchema>;
export const credentialConnectionSchema = z.object({
  ...connection,
  user_name: nullableString,
  sip_uri_calling_preference: nullableString,
  ...webhookUrls,
  outbound: outboundLink,
  ...timestamps,
});

export type IpConnection = z.output<typeof ipConnectionSchema>;
export const ipConnectionSchema = z.object({
  ...connection,
  ...webhookUrls,
  inbound: nested({ sip_subdomain: nullableString, sip_subdomain_receive_settings: nullableString }),
  outbound: outboundLink,
  ...timestamps,
});

export type FqdnConnection = z.output<typeof fqdnConnectionSchema>;
export const fqdnConnectionSchema = z.object({
  ...connection,
  user_name: nullableString,
  ...webhookUrls,
  outbound: outboundLink,
  ...timestamps,
});

/** An address allowed to use an IP connection (spec tag "IPs"); the spec requires none of its fields. */
export type Ip = z.output<typeof ipSchema>;
export const ipSchema = z.object({
  id: z.string(),
  connection_id: nullableString,
  /** Null when Telnyx leaves it out: the step cannot judge the entry and asks a person to. */
  ip_address: nullableString,
  port: nullableInt,
  ...timestamps,
});

/** A host name attached to an FQDN connection (spec tag "FQDNs"). */
export type Fqdn = z.output<typeof fqdnSchema>;
export const fqdnSchema = z.object({
  id: z.string(),
  connection_id: nullableString,
  /** Null when Telnyx leaves it out: the step cannot judge the entry and asks a person to. */
  fqdn: nullableString,
  port: nullableInt,
  dns_record_type: nullableString,
  ...timestamps,
});

/** On-demand SIP credentials (spec tag "Credentials"); `sip_password` is dropped on parse. */
export type TelephonyCredential = z.output<typeof telephonyCredentialSchema>;
export const telephonyCredentialSchema = z.object({
  id: z.string(),
  name: nullableString,
  resource_id: nullableString,
  sip_username: nullableString,
  /** The spec: "Defaults to false". */
  expired: booleanDefault(false),
  expires_at: nullableString,
  ...timestamps,
});
