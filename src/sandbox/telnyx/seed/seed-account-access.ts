// The seeded account's people and doors besides its keys, with the attacker's additions among them.
import type { PlantedChange, TelnyxAccountState } from '../account.js';
import { emptyAccountAccess } from '../account-access-state.js';
import type { JsonObject } from '../account-state.js';
import { accountAccessOf } from '../handle-account-access.js';
import type { SeedBuilder } from './seed-builder.js';
import { ATTACKER_API_IP, ATTACKER_HOST, ATTACKER_USER_EMAIL, SEED_TRUSTED } from './seed-trusted.js';

const OWN_DOMAIN = 'acme-voice.example.com';

/**
 * The owner and a colleague on the operator's domain, an OAuth client and grant of their CRM, an
 * integration secret, and an API allow-list of two trusted entries; then the attacker's: a user on
 * their domain, an OAuth client redirecting to their host with a grant to it, an integration
 * secret, and their address on the allow-list, each made after `since`.
 */
export function seedAccountAccess(b: SeedBuilder): void {
  const access = accountAccessOf(b.state);
  const user = (id: string, email: string, owner: boolean, created: string, signedIn: string | null) => ({
    id,
    record_type: owner ? 'organization_owner' : 'organization_sub_user',
    email,
    user_status: 'enabled',
    last_sign_in_at: signedIn,
    organization_user_bypasses_sso: false,
    created_at: created,
  });
  const owner = b.legit();
  access.organizationUsers.push(
    user(b.state.ownerUserId, `ops@${OWN_DOMAIN}`, true, owner.created, owner.updated),
  );
  const colleague = b.legit();
  access.organizationUsers.push(user(b.random.uuid(), `jo@${OWN_DOMAIN}`, false, colleague.created, null));

  const crm = client(b, 'Acme CRM', [`https://${SEED_TRUSTED.hosts[0]}/oauth/callback`], b.legit().created);
  access.oauthClients.push(crm);
  access.oauthGrants.push(grant(b, crm.client_id as string, b.legit().created));
  access.integrationSecrets.push(secret(b, 'crm-webhook-token', b.legit().created));
  access.accessIpAddresses.push(
    entry(b, { ip_address: SEED_TRUSTED.ips[0], source: 'portal' }, 'Office', b.legit().created),
  );
  access.accessIpRanges.push(entry(b, { cidr_block: SEED_TRUSTED.ips[2] }, 'Data centre', b.legit().created));

  const at = b.attack();
  const intruder = user(b.attackerUserId, ATTACKER_USER_EMAIL, false, at, b.attack());
  access.organizationUsers.push(intruder);
  plant(
    b,
    {
      kind: 'organization_user',
      id: intruder.id,
      summary: `user ${ATTACKER_USER_EMAIL} added`,
      value: ATTACKER_USER_EMAIL,
    },
    at,
  );

  const rogue = client(b, 'Sync helper', [`https://${ATTACKER_HOST}/oauth/callback`], b.attack());
  access.oauthClients.push(rogue);
  const rogueId = rogue.client_id as string;
  plant(
    b,
    { kind: 'oauth_client', id: rogueId, summary: `OAuth client "Sync helper" added`, value: ATTACKER_HOST },
    rogue.created_at as string,
  );
  const rogueGrant = grant(b, rogueId, b.attack());
  access.oauthGrants.push(rogueGrant);
  plant(
    b,
    { kind: 'oauth_grant', id: rogueGrant.id as string, summary: 'OAuth grant to "Sync helper"' },
    rogueGrant.created_at as string,
  );

  const relay = secret(b, 'relay-bearer', b.attack());
  access.integrationSecrets.push(relay);
  plant(
    b,
    {
      kind: 'integration_secret',
      id: relay.id as string,
      summary: 'integration secret "relay-bearer" added',
    },
    relay.created_at as string,
  );

  const door = entry(b, { ip_address: ATTACKER_API_IP, source: 'api' }, 'backup', b.attack());
  access.accessIpAddresses.push(door);
  plant(
    b,
    {
      kind: 'access_ip',
      id: door.id as string,
      summary: `${ATTACKER_API_IP} added to the API allow-list`,
      value: ATTACKER_API_IP,
    },
    door.created_at as string,
  );
}

function client(b: SeedBuilder, name: string, redirects: string[], created: string): JsonObject {
  return {
    record_type: 'oauth_client',
    client_id: b.random.uuid(),
    name,
    org_id: b.state.organizationId,
    user_id: b.state.ownerUserId,
    client_type: 'confidential',
    client_secret: b.random.token(32),
    require_pkce: false,
    allowed_grant_types: ['authorization_code', 'refresh_token'],
    allowed_scopes: ['admin'],
    redirect_uris: redirects,
    logo_uri: null,
    policy_uri: null,
    tos_uri: null,
    created_at: created,
    updated_at: created,
  };
}

function grant(b: SeedBuilder, clientId: string, created: string): JsonObject {
  return {
    id: b.random.uuid(),
    record_type: 'oauth_grant',
    client_id: clientId,
    scopes: ['admin'],
    created_at: created,
    last_used_at: null,
  };
}

function secret(b: SeedBuilder, identifier: string, created: string): JsonObject {
  return {
    id: b.random.uuid(),
    record_type: 'integration_secret',
    identifier,
    created_at: created,
    updated_at: created,
  };
}

function entry(b: SeedBuilder, fields: JsonObject, description: string, created: string): JsonObject {
  return {
    id: b.random.uuid(),
    ...fields,
    status: 'added',
    user_id: b.state.ownerUserId,
    description,
    created_at: created,
    updated_at: created,
  };
}

function plant(b: SeedBuilder, change: PlantedChange, at: string): void {
  b.plant(change, { at, changeType: 'create', changes: null });
}

/** Whether a planted user, grant, client, secret or allow-list entry is still there. */
export function accessPlantInEffect(state: TelnyxAccountState, change: PlantedChange): boolean {
  const access = state.accountAccess ?? emptyAccountAccess();
  const has = (records: JsonObject[], key = 'id') => records.some((r) => r[key] === change.id);
  switch (change.kind) {
    case 'organization_user':
      return has(access.organizationUsers);
    case 'oauth_grant':
      return has(access.oauthGrants);
    case 'oauth_client':
      return has(access.oauthClients, 'client_id');
    case 'integration_secret':
      return has(access.integrationSecrets);
    default:
      return has(access.accessIpAddresses) || has(access.accessIpRanges);
  }
}
