import type { TelnyxAccountState } from './account.js';
import type { JsonObject } from './account-state.js';
import type { ResourceSpec } from './resource-spec.js';
import { type SimResponse, telnyxErrors } from './sim-http.js';
import { validateSipCredentials } from './validate-body.js';

function mustReference(
  body: JsonObject,
  records: readonly { id: string }[],
  what: string,
): SimResponse | undefined {
  const id = body.connection_id;
  if (typeof id !== 'string' || records.some((r) => r.id === id)) return undefined;
  return telnyxErrors.invalidField('connection_id', `connection_id must be the id of one of your ${what}.`);
}

/**
 * Rules beyond field types: SIP credential format and uniqueness, the outbound voice profile's
 * 3-character `name`, and `connection_id` pointing at a connection of the right kind.
 */
export function checkResourceRules(
  spec: ResourceSpec,
  body: JsonObject,
  state: TelnyxAccountState,
  selfId: string | undefined,
): SimResponse | undefined {
  switch (spec.path) {
    case 'credential_connections':
      return validateSipCredentials(body, state.credentialConnections, selfId);
    case 'outbound_voice_profiles':
      if (typeof body.name === 'string' && body.name.trim().length < 3) {
        return telnyxErrors.invalidField('name', 'name must be at least 3 characters long.');
      }
      return undefined;
    case 'ips':
      return mustReference(body, state.ipConnections, 'IP connections');
    case 'fqdns':
      return mustReference(body, state.fqdnConnections, 'FQDN connections');
    case 'telephony_credentials':
      return mustReference(body, state.credentialConnections, 'credential connections');
    default:
      return undefined;
  }
}

/** What goes with a deleted connection: its IPs, FQDNs and on-demand credentials; numbers lose it. */
export function cascadeDelete(state: TelnyxAccountState, deletedId: string): void {
  state.ips = state.ips.filter((ip) => ip.connection_id !== deletedId);
  state.fqdns = state.fqdns.filter((f) => f.connection_id !== deletedId);
  state.telephonyCredentials = state.telephonyCredentials.filter(
    (c) => c.resource_id !== `connection:${deletedId}`,
  );
  for (const number of state.phoneNumbers) {
    if (number.connection_id === deletedId) number.connection_id = null;
  }
}
