import {
  createSecondaryToken,
  deleteSecondaryToken,
  fetchAccount,
  listAccounts,
  promoteSecondaryToken,
  updateAccount,
} from './handle-accounts.js';
import { listIamKeys } from './handle-iam-keys.js';
import { deleteCallerId, listCallerIds, listEvents } from './handle-identity.js';
import { createKey, deleteKey, listKeys } from './handle-keys.js';
import {
  fetchApplication,
  fetchNumber,
  listApplications,
  listNumbers,
  updateApplication,
  updateNumber,
} from './handle-numbers.js';
import {
  deleteCredential,
  deleteIpAddress,
  fetchCredential,
  listCredentialLists,
  listCredentials,
  listIpAcls,
  listIpAddresses,
  updateCredential,
} from './handle-sip.js';
import { createUsageTrigger, listUsageRecords, listUsageTriggers } from './handle-usage.js';
import { ROUTING_ROUTES } from './routes-routing.js';
import type { SimContext } from './sim-context.js';
import type { SimResponse } from './sim-http.js';

export interface RouteArgs {
  /** Path parameters by name: `AccountSid`, `Sid`, `ListSid`. */
  params: Record<string, string>;
  query: URLSearchParams;
  form: URLSearchParams;
  /** The request path, for 404 messages and page URIs. */
  path: string;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** e.g. `/2010-04-01/Accounts/{AccountSid}/Keys/{Sid}.json`. */
  template: string;
  run(ctx: SimContext, args: RouteArgs): SimResponse;
}

const A = '/2010-04-01/Accounts/{AccountSid}';

/** Every route the simulator serves: the 2010-04-01 API, accounts v1 Auth Tokens and iam v1 Keys. */
export const ROUTES: readonly Route[] = [
  { method: 'GET', template: '/2010-04-01/Accounts.json', run: (c, a) => listAccounts(c, a.query, a.path) },
  {
    method: 'GET',
    template: '/2010-04-01/Accounts/{Sid}.json',
    run: (c, a) => fetchAccount(c, p(a, 'Sid'), a.path),
  },
  {
    method: 'POST',
    template: '/2010-04-01/Accounts/{Sid}.json',
    run: (c, a) => updateAccount(c, p(a, 'Sid'), a.form, a.path),
  },
  { method: 'GET', template: `${A}/Keys.json`, run: (c, a) => listKeys(c, a.query, a.path) },
  { method: 'POST', template: `${A}/Keys.json`, run: (c, a) => createKey(c, a.form) },
  { method: 'DELETE', template: `${A}/Keys/{Sid}.json`, run: (c, a) => deleteKey(c, p(a, 'Sid'), a.path) },
  {
    method: 'GET',
    template: `${A}/SIP/CredentialLists.json`,
    run: (c, a) => listCredentialLists(c, a.query, a.path),
  },
  {
    method: 'GET',
    template: `${A}/SIP/CredentialLists/{ListSid}/Credentials.json`,
    run: (c, a) => listCredentials(c, p(a, 'ListSid'), a.query, a.path),
  },
  {
    method: 'GET',
    template: `${A}/SIP/CredentialLists/{ListSid}/Credentials/{Sid}.json`,
    run: (c, a) => fetchCredential(c, p(a, 'ListSid'), p(a, 'Sid'), a.path),
  },
  {
    method: 'POST',
    template: `${A}/SIP/CredentialLists/{ListSid}/Credentials/{Sid}.json`,
    run: (c, a) => updateCredential(c, p(a, 'ListSid'), p(a, 'Sid'), a.form, a.path),
  },
  {
    method: 'DELETE',
    template: `${A}/SIP/CredentialLists/{ListSid}/Credentials/{Sid}.json`,
    run: (c, a) => deleteCredential(c, p(a, 'ListSid'), p(a, 'Sid'), a.path),
  },
  {
    method: 'GET',
    template: `${A}/SIP/IpAccessControlLists.json`,
    run: (c, a) => listIpAcls(c, a.query, a.path),
  },
  {
    method: 'GET',
    template: `${A}/SIP/IpAccessControlLists/{ListSid}/IpAddresses.json`,
    run: (c, a) => listIpAddresses(c, p(a, 'ListSid'), a.query, a.path),
  },
  {
    method: 'DELETE',
    template: `${A}/SIP/IpAccessControlLists/{ListSid}/IpAddresses/{Sid}.json`,
    run: (c, a) => deleteIpAddress(c, p(a, 'ListSid'), p(a, 'Sid'), a.path),
  },
  {
    method: 'GET',
    template: `${A}/IncomingPhoneNumbers.json`,
    run: (c, a) => listNumbers(c, a.query, a.path),
  },
  {
    method: 'GET',
    template: `${A}/IncomingPhoneNumbers/{Sid}.json`,
    run: (c, a) => fetchNumber(c, p(a, 'Sid'), a.path),
  },
  {
    method: 'POST',
    template: `${A}/IncomingPhoneNumbers/{Sid}.json`,
    run: (c, a) => updateNumber(c, p(a, 'Sid'), a.form, a.path),
  },
  { method: 'GET', template: `${A}/Applications.json`, run: (c, a) => listApplications(c, a.query, a.path) },
  {
    method: 'GET',
    template: `${A}/Applications/{Sid}.json`,
    run: (c, a) => fetchApplication(c, p(a, 'Sid'), a.path),
  },
  {
    method: 'POST',
    template: `${A}/Applications/{Sid}.json`,
    run: (c, a) => updateApplication(c, p(a, 'Sid'), a.form, a.path),
  },
  { method: 'GET', template: `${A}/Usage/Records.json`, run: (c, a) => listUsageRecords(c, a.query, a.path) },
  {
    method: 'GET',
    template: `${A}/Usage/Triggers.json`,
    run: (c, a) => listUsageTriggers(c, a.query, a.path),
  },
  { method: 'POST', template: `${A}/Usage/Triggers.json`, run: (c, a) => createUsageTrigger(c, a.form) },
  { method: 'POST', template: '/v1/AuthTokens/Secondary', run: (c) => createSecondaryToken(c) },
  { method: 'DELETE', template: '/v1/AuthTokens/Secondary', run: (c, a) => deleteSecondaryToken(c, a.path) },
  { method: 'POST', template: '/v1/AuthTokens/Promote', run: (c) => promoteSecondaryToken(c) },
  { method: 'GET', template: '/v1/Keys', run: (c, a) => listIamKeys(c, a.query) },
  { method: 'DELETE', template: '/v1/Keys/{Sid}', run: (c, a) => deleteKey(c, p(a, 'Sid'), a.path, true) },
  ...ROUTING_ROUTES,
  {
    method: 'GET',
    template: `${A}/OutgoingCallerIds.json`,
    run: (c, a) => listCallerIds(c, a.query, a.path),
  },
  {
    method: 'DELETE',
    template: `${A}/OutgoingCallerIds/{Sid}.json`,
    run: (c, a) => deleteCallerId(c, p(a, 'Sid'), a.path),
  },
  { method: 'GET', template: '/v1/Events', run: (c, a) => listEvents(c, a.query) },
];

function p(args: RouteArgs, name: string): string {
  return args.params[name] ?? '';
}
