import type { JsonObject } from './account-state.js';

/**
 * Users, OAuth grants and clients, integration secrets and the API access allow-list of a simulated
 * account, each record as the spec's response schema has it.
 */
export interface SimAccountAccess {
  organizationUsers: JsonObject[];
  oauthGrants: JsonObject[];
  /** Named by `client_id`: the spec's OAuth client has no `id`. */
  oauthClients: JsonObject[];
  integrationSecrets: JsonObject[];
  accessIpAddresses: JsonObject[];
  accessIpRanges: JsonObject[];
}

export function emptyAccountAccess(): SimAccountAccess {
  return {
    organizationUsers: [],
    oauthGrants: [],
    oauthClients: [],
    integrationSecrets: [],
    accessIpAddresses: [],
    accessIpRanges: [],
  };
}
