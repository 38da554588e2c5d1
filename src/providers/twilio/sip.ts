import { type Listing, withRequestedId } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { accountPath, noContent, send } from './request.js';
import {
  type SipCredential,
  type SipCredentialList,
  type SipIpAccessControlList,
  type SipIpAddress,
  sipCredentialListSchema,
  sipCredentialSchema,
  sipIpAccessControlListSchema,
  sipIpAddressSchema,
} from './schemas/sip.js';
import { checkedSid } from './sid.js';

/** SIP credential lists and their credentials (`…/SIP/CredentialLists`). */
export interface SipCredentialsApi {
  lists(): Promise<Listing<SipCredentialList>>;
  list(listSid: string): Promise<Listing<SipCredential>>;
  fetch(listSid: string, sid: string): Promise<SipCredential>;
  /**
   * A new password (the spec: at least 12 characters, a digit, mixed case). It goes only into the
   * request body; the answer never carries it.
   */
  updatePassword(listSid: string, sid: string, password: string): Promise<SipCredential>;
  delete(listSid: string, sid: string): Promise<void>;
}

/** SIP IP access control lists and their addresses (`…/SIP/IpAccessControlLists`). */
export interface SipIpAccessApi {
  lists(): Promise<Listing<SipIpAccessControlList>>;
  addresses(aclSid: string): Promise<Listing<SipIpAddress>>;
  deleteAddress(aclSid: string, sid: string): Promise<void>;
}

export function createSipCredentialsApi(http: ProviderHttp, accountSid: string): SipCredentialsApi {
  const lists = `${accountPath(accountSid)}/SIP/CredentialLists`;
  const credentials = (listSid: string, what: string) =>
    `${lists}/${checkedSid('CL', listSid, what)}/Credentials`;
  const one = (listSid: string, sid: string, what: string) =>
    `${credentials(listSid, what)}/${checkedSid('CR', sid, what)}.json`;
  return {
    lists: async () =>
      listAll(http, {
        path: `${lists}.json`,
        key: 'credential_lists',
        item: sipCredentialListSchema,
        operation: 'list SIP credential lists',
      }),
    list: async (listSid) =>
      listAll(http, {
        path: `${credentials(listSid, 'list SIP credentials')}.json`,
        key: 'credentials',
        item: sipCredentialSchema,
        operation: 'list SIP credentials',
      }),
    fetch: async (listSid, sid) =>
      send(http, {
        method: 'GET',
        path: one(listSid, sid, 'fetch SIP credential'),
        operation: 'fetch SIP credential',
        schema: withRequestedId(sipCredentialSchema, 'sid', sid),
      }),
    updatePassword: async (listSid, sid, password) =>
      send(http, {
        method: 'POST',
        path: one(listSid, sid, 'update SIP credential password'),
        operation: 'update SIP credential password',
        schema: withRequestedId(sipCredentialSchema, 'sid', sid),
        form: { Password: password },
      }),
    delete: async (listSid, sid) =>
      send(http, {
        method: 'DELETE',
        path: one(listSid, sid, 'delete SIP credential'),
        operation: 'delete SIP credential',
        schema: noContent,
      }),
  };
}

export function createSipIpAccessApi(http: ProviderHttp, accountSid: string): SipIpAccessApi {
  const lists = `${accountPath(accountSid)}/SIP/IpAccessControlLists`;
  const addresses = (aclSid: string, what: string) =>
    `${lists}/${checkedSid('AL', aclSid, what)}/IpAddresses`;
  return {
    lists: async () =>
      listAll(http, {
        path: `${lists}.json`,
        key: 'ip_access_control_lists',
        item: sipIpAccessControlListSchema,
        operation: 'list SIP IP access control lists',
      }),
    addresses: async (aclSid) =>
      listAll(http, {
        path: `${addresses(aclSid, 'list SIP IP addresses')}.json`,
        key: 'ip_addresses',
        item: sipIpAddressSchema,
        operation: 'list SIP IP addresses',
      }),
    deleteAddress: async (aclSid, sid) =>
      send(http, {
        method: 'DELETE',
        path: `${addresses(aclSid, 'delete SIP IP address')}/${checkedSid('IP', sid, 'delete SIP IP address')}.json`,
        operation: 'delete SIP IP address',
        schema: noContent,
      }),
  };
}
