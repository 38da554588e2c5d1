import type { ProviderHttp } from '../http/types.js';
import { accountPath } from './request.js';
import { resource } from './resource.js';
import {
  sipCredentialListSchema,
  sipCredentialSchema,
  sipIpAccessControlListSchema,
  sipIpAddressSchema,
} from './schemas/sip.js';
import { checkedSid } from './sid.js';

/** SIP credential lists and their credentials (`…/SIP/CredentialLists`). */
export type SipCredentialsApi = ReturnType<typeof createSipCredentialsApi>;

/** SIP IP access control lists and their addresses (`…/SIP/IpAccessControlLists`). */
export type SipIpAccessApi = ReturnType<typeof createSipIpAccessApi>;

export function createSipCredentialsApi(http: ProviderHttp, accountSid: string) {
  const base = `${accountPath(accountSid)}/SIP/CredentialLists`;
  const credentials = (listSid: string) =>
    resource(http, {
      base: (operation) => `${base}/${checkedSid('CL', listSid, operation)}/Credentials`,
      key: 'credentials',
      item: sipCredentialSchema,
      prefix: 'CR',
      noun: 'SIP credential',
      operations: { update: 'update SIP credential password' },
    });
  return {
    lists: resource(http, {
      base,
      key: 'credential_lists',
      item: sipCredentialListSchema,
      prefix: 'CL',
      noun: 'SIP credential list',
    }).list,
    list: async (listSid: string) => credentials(listSid).list(),
    fetch: async (listSid: string, sid: string) => credentials(listSid).fetch(sid),
    /**
     * A new password (the spec: at least 12 characters, a digit, mixed case). It goes only into the
     * request body; the answer never carries it.
     */
    updatePassword: async (listSid: string, sid: string, password: string) =>
      credentials(listSid).update(sid, { Password: password }),
    delete: async (listSid: string, sid: string) => credentials(listSid).delete(sid),
  };
}

export function createSipIpAccessApi(http: ProviderHttp, accountSid: string) {
  const base = `${accountPath(accountSid)}/SIP/IpAccessControlLists`;
  const addresses = (aclSid: string) =>
    resource(http, {
      base: (operation) => `${base}/${checkedSid('AL', aclSid, operation)}/IpAddresses`,
      key: 'ip_addresses',
      item: sipIpAddressSchema,
      prefix: 'IP',
      noun: 'SIP IP address',
      operations: { list: 'list SIP IP addresses' },
    });
  return {
    lists: resource(http, {
      base,
      key: 'ip_access_control_lists',
      item: sipIpAccessControlListSchema,
      prefix: 'AL',
      noun: 'SIP IP access control list',
    }).list,
    addresses: async (aclSid: string) => addresses(aclSid).list(),
    deleteAddress: async (aclSid: string, sid: string) => addresses(aclSid).delete(sid),
  };
}
