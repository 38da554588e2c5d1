import type {
  JsonObject,
  SimAccount,
  SimApplication,
  SimCredential,
  SimCredentialList,
  SimIncomingPhoneNumber,
  SimIpAccessControlList,
  SimIpAddress,
  SimKey,
  SimUsageTrigger,
} from './account-state.js';

/**
 * How each record is served: the stored fields plus `account_sid` and `uri` (and
 * `subresource_uris` where the spec has them), without the secrets Twilio never serves: a key's
 * `secret` (shown only when created) and a SIP credential's `password`. An account keeps its
 * `auth_token`: Twilio returns it in every account read.
 */
export function accountView(a: SimAccount): JsonObject {
  const uri = `/2010-04-01/Accounts/${a.sid}`;
  return {
    ...structuredClone(a),
    uri: `${uri}.json`,
    subresource_uris: {
      incoming_phone_numbers: `${uri}/IncomingPhoneNumbers.json`,
      applications: `${uri}/Applications.json`,
      keys: `${uri}/Keys.json`,
      sip: `${uri}/SIP.json`,
      usage: `${uri}/Usage.json`,
    },
  };
}

/** A key as the 2010 API shows it: no secret, and nothing of iam v1 (`restricted`, `flags`). */
export function keyView(k: SimKey): JsonObject {
  const { secret: _secret, restricted: _restricted, flags: _flags, ...rest } = k;
  return rest;
}

export function credentialListView(owner: string, l: SimCredentialList): JsonObject {
  const uri = `/2010-04-01/Accounts/${owner}/SIP/CredentialLists/${l.sid}`;
  return {
    ...structuredClone(l),
    account_sid: owner,
    uri: `${uri}.json`,
    subresource_uris: { credentials: `${uri}/Credentials.json` },
  };
}

export function credentialView(owner: string, c: SimCredential): JsonObject {
  const { password: _password, ...rest } = c;
  return {
    ...rest,
    account_sid: owner,
    uri: `/2010-04-01/Accounts/${owner}/SIP/CredentialLists/${c.credential_list_sid}/Credentials/${c.sid}.json`,
  };
}

export function ipAclView(owner: string, l: SimIpAccessControlList): JsonObject {
  const uri = `/2010-04-01/Accounts/${owner}/SIP/IpAccessControlLists/${l.sid}`;
  return {
    ...structuredClone(l),
    account_sid: owner,
    uri: `${uri}.json`,
    subresource_uris: { ip_addresses: `${uri}/IpAddresses.json` },
  };
}

export function ipAddressView(owner: string, ip: SimIpAddress): JsonObject {
  return {
    ...structuredClone(ip),
    account_sid: owner,
    uri: `/2010-04-01/Accounts/${owner}/SIP/IpAccessControlLists/${ip.ip_access_control_list_sid}/IpAddresses/${ip.sid}.json`,
  };
}

export function numberView(owner: string, n: SimIncomingPhoneNumber): JsonObject {
  return {
    ...structuredClone(n),
    account_sid: owner,
    uri: `/2010-04-01/Accounts/${owner}/IncomingPhoneNumbers/${n.sid}.json`,
  };
}

export function applicationView(owner: string, a: SimApplication): JsonObject {
  return {
    ...structuredClone(a),
    account_sid: owner,
    uri: `/2010-04-01/Accounts/${owner}/Applications/${a.sid}.json`,
  };
}

export function usageTriggerView(owner: string, t: SimUsageTrigger): JsonObject {
  return {
    ...structuredClone(t),
    account_sid: owner,
    api_version: '2010-04-01',
    uri: `/2010-04-01/Accounts/${owner}/Usage/Triggers/${t.sid}.json`,
    usage_record_uri: `/2010-04-01/Accounts/${owner}/Usage/Records.json?Category=${t.usage_category}`,
  };
}
