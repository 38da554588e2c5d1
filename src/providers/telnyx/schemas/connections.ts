import { z } from 'zod';
import { booleanDefault, nullableInt, nullableString, type OutboundLink, outboundLink } from './common.js';

/**
 * SIP connections (spec tags "Credential Connections", "IP Connections", "FQDN Connections").
 * `password` (credential and FQDN connections) and `outbound.ip_authentication_token` are in the
 * responses but deliberately absent here, so they are dropped on parse. The spec requires no field
 * of a connection in a response; only `id` is required here (without it nothing can be done to the
 * record, which is then reported as unreadable). `active` is "Defaults to true" in the spec.
 */
const active = booleanDefault(true);

export interface CredentialConnection {
  id: string;
  record_type: string | null;
  connection_name: string | null;
  active: boolean;
  user_name: string | null;
  sip_uri_calling_preference: string | null;
  webhook_event_url: string | null;
  webhook_event_failover_url: string | null;
  outbound: OutboundLink;
  created_at: string | null;
  updated_at: string | null;
}

export const credentialConnectionSchema: z.ZodType<CredentialConnection> = z.object({
  id: z.string(),
  record_type: nullableString,
  connection_name: nullableString,
  active,
  user_name: nullableString,
  sip_uri_calling_preference: nullableString,
  webhook_event_url: nullableString,
  webhook_event_failover_url: nullableString,
  outbound: outboundLink,
  created_at: nullableString,
  updated_at: nullableString,
});

export interface IpConnection {
  id: string;
  record_type: string | null;
  connection_name: string | null;
  active: boolean;
  webhook_event_url: string | null;
  webhook_event_failover_url: string | null;
  inbound: { sip_subdomain: string | null; sip_subdomain_receive_settings: string | null };
  outbound: OutboundLink;
  created_at: string | null;
  updated_at: string | null;
}

const sipSubdomainSettings = z
  .object({ sip_subdomain: nullableString, sip_subdomain_receive_settings: nullableString })
  .nullish()
  .transform((v) => ({
    sip_subdomain: v?.sip_subdomain ?? null,
    sip_subdomain_receive_settings: v?.sip_subdomain_receive_settings ?? null,
  }));

export const ipConnectionSchema: z.ZodType<IpConnection> = z.object({
  id: z.string(),
  record_type: nullableString,
  connection_name: nullableString,
  active,
  webhook_event_url: nullableString,
  webhook_event_failover_url: nullableString,
  inbound: sipSubdomainSettings,
  outbound: outboundLink,
  created_at: nullableString,
  updated_at: nullableString,
});

export interface FqdnConnection {
  id: string;
  record_type: string | null;
  connection_name: string | null;
  active: boolean;
  user_name: string | null;
  webhook_event_url: string | null;
  webhook_event_failover_url: string | null;
  outbound: OutboundLink;
  created_at: string | null;
  updated_at: string | null;
}

export const fqdnConnectionSchema: z.ZodType<FqdnConnection> = z.object({
  id: z.string(),
  record_type: nullableString,
  connection_name: nullableString,
  active,
  user_name: nullableString,
  webhook_event_url: nullableString,
  webhook_event_failover_url: nullableString,
  outbound: outboundLink,
  created_at: nullableString,
  updated_at: nullableString,
});

/** An address allowed to use an IP connection (spec tag "IPs"); the spec requires none of its fields. */
export interface Ip {
  id: string;
  connection_id: string | null;
  /** Null when Telnyx leaves it out: the step cannot judge the entry and asks a person to. */
  ip_address: string | null;
  port: number | null;
  created_at: string | null;
  updated_at: string | null;
}

export const ipSchema: z.ZodType<Ip> = z.object({
  id: z.string(),
  connection_id: nullableString,
  ip_address: nullableString,
  port: nullableInt,
  created_at: nullableString,
  updated_at: nullableString,
});

/** A host name attached to an FQDN connection (spec tag "FQDNs"). */
export interface Fqdn {
  id: string;
  connection_id: string | null;
  /** Null when Telnyx leaves it out: the step cannot judge the entry and asks a person to. */
  fqdn: string | null;
  port: number | null;
  dns_record_type: string | null;
  created_at: string | null;
  updated_at: string | null;
}

export const fqdnSchema: z.ZodType<Fqdn> = z.object({
  id: z.string(),
  connection_id: nullableString,
  fqdn: nullableString,
  port: nullableInt,
  dns_record_type: nullableString,
  created_at: nullableString,
  updated_at: nullableString,
});

/** On-demand SIP credentials (spec tag "Credentials"); `sip_password` is dropped on parse. */
export interface TelephonyCredential {
  id: string;
  name: string | null;
  resource_id: string | null;
  sip_username: string | null;
  /** The spec: "Defaults to false". */
  expired: boolean;
  expires_at: string | null;
  created_at: string | null;
  updated_at: string | null;
}

export const telephonyCredentialSchema: z.ZodType<TelephonyCredential> = z.object({
  id: z.string(),
  name: nullableString,
  resource_id: nullableString,
  sip_username: nullableString,
  expired: booleanDefault(false),
  expires_at: nullableString,
  created_at: nullableString,
  updated_at: nullableString,
});
