import { z } from 'zod';
import { nullableString, stringList, timestamps } from './common.js';

/**
 * Who and what can reach the account besides its API keys (spec tags "Organization Users", "OAuth
 * Grants", "OAuth Clients", "Integration Secrets", "IP Addresses", "IP Ranges"). An OAuth client's
 * `client_secret` is in the spec's listing and is deliberately absent here, so it is dropped on
 * parse; an integration secret's value is never in a response. Only the id is required.
 */
export const organizationUserSchema = z.object({
  id: z.string(),
  email: nullableString,
  /** `organization_owner` or `organization_sub_user`. */
  record_type: nullableString,
  /** `enabled`, `disabled` or `blocked` (spec default `enabled`). */
  user_status: nullableString,
  last_sign_in_at: nullableString,
  created_at: nullableString,
});

export const oauthGrantSchema = z.object({
  id: z.string(),
  client_id: nullableString,
  scopes: stringList,
  created_at: nullableString,
  last_used_at: nullableString,
});

/** The spec names an OAuth client by `client_id` (it has no `id`), which `DELETE /oauth_clients/{id}` takes. */
export const oauthClientSchema = z.object({
  client_id: z.string(),
  name: nullableString,
  client_type: nullableString,
  allowed_scopes: stringList,
  redirect_uris: stringList,
  user_id: nullableString,
  ...timestamps,
});

export const integrationSecretSchema = z.object({
  id: z.string(),
  identifier: nullableString,
  ...timestamps,
});

/** An entry of the API access allow-list; `status` is `pending` or `added`. */
const accessEntry = {
  id: z.string(),
  description: nullableString,
  status: nullableString,
  user_id: nullableString,
  created_at: nullableString,
};

export const accessIpAddressSchema = z.object({ ...accessEntry, ip_address: nullableString });
export const accessIpRangeSchema = z.object({ ...accessEntry, cidr_block: nullableString });

export type OrganizationUser = z.output<typeof organizationUserSchema>;
export type OAuthGrant = z.output<typeof oauthGrantSchema>;
export type OAuthClient = z.output<typeof oauthClientSchema>;
export type IntegrationSecret = z.output<typeof integrationSecretSchema>;
export type AccessIpAddress = z.output<typeof accessIpAddressSchema>;
export type AccessIpRange = z.output<typeof accessIpRangeSchema>;
