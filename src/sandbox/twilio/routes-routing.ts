// The simulator's routes for SIP trunks and domains, Messaging Services and geo permissions.
import {
  bulkUpdateCountries,
  fetchService,
  listDialingCountries,
  listMessagingGeo,
  listServices,
  updateMessagingGeo,
  updateService,
} from './handle-messaging.js';
import {
  deleteDomainMapping,
  fetchSipDomain,
  listDomainMappings,
  listSipDomains,
  updateSipDomain,
} from './handle-sip-domains.js';
import {
  deleteTrunk,
  deleteTrunkMember,
  fetchTrunkMember,
  listTrunkMembers,
  listTrunks,
} from './handle-trunking.js';
import type { SimContext } from './sim-context.js';
import type { SimResponse } from './sim-http.js';

/** A route as `routes.ts` declares it (kept here too, so that file can import this one). */
interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  template: string;
  run(ctx: SimContext, args: RouteArgs): SimResponse;
}

interface RouteArgs {
  params: Record<string, string>;
  query: URLSearchParams;
  form: URLSearchParams;
  path: string;
}

const D = '/2010-04-01/Accounts/{AccountSid}/SIP/Domains';
const p = (args: RouteArgs, name: string): string => args.params[name] ?? '';

/** Each domain mapping path (`CredentialListMappings`, `Auth/Calls/…`), as a literal segment of its templates. */
const MAPPINGS = [
  'CredentialListMappings',
  'IpAccessControlListMappings',
  'Auth/Calls/CredentialListMappings',
  'Auth/Calls/IpAccessControlListMappings',
  'Auth/Registrations/CredentialListMappings',
];

const TRUNK_MEMBERS = ['OriginationUrls', 'CredentialLists', 'IpAccessControlLists'];

export const ROUTING_ROUTES: readonly Route[] = [
  { method: 'GET', template: '/v1/Trunks', run: (c, a) => listTrunks(c, a.query) },
  { method: 'DELETE', template: '/v1/Trunks/{Sid}', run: (c, a) => deleteTrunk(c, p(a, 'Sid'), a.path) },
  ...TRUNK_MEMBERS.flatMap((kind): Route[] => [
    {
      method: 'GET',
      template: `/v1/Trunks/{TrunkSid}/${kind}`,
      run: (c, a) => listTrunkMembers(c, p(a, 'TrunkSid'), kind, a.query, a.path),
    },
    {
      method: 'GET',
      template: `/v1/Trunks/{TrunkSid}/${kind}/{Sid}`,
      run: (c, a) => fetchTrunkMember(c, p(a, 'TrunkSid'), kind, p(a, 'Sid'), a.path),
    },
    {
      method: 'DELETE',
      template: `/v1/Trunks/{TrunkSid}/${kind}/{Sid}`,
      run: (c, a) => deleteTrunkMember(c, p(a, 'TrunkSid'), kind, p(a, 'Sid'), a.path),
    },
  ]),
  { method: 'GET', template: `${D}.json`, run: (c, a) => listSipDomains(c, a.query, a.path) },
  { method: 'GET', template: `${D}/{Sid}.json`, run: (c, a) => fetchSipDomain(c, p(a, 'Sid'), a.path) },
  {
    method: 'POST',
    template: `${D}/{Sid}.json`,
    run: (c, a) => updateSipDomain(c, p(a, 'Sid'), a.form, a.path),
  },
  ...MAPPINGS.flatMap((mapping): Route[] => [
    {
      method: 'GET',
      template: `${D}/{DomainSid}/${mapping}.json`,
      run: (c, a) => listDomainMappings(c, p(a, 'DomainSid'), mapping, a.query, a.path),
    },
    {
      method: 'DELETE',
      template: `${D}/{DomainSid}/${mapping}/{Sid}.json`,
      run: (c, a) => deleteDomainMapping(c, p(a, 'DomainSid'), mapping, p(a, 'Sid'), a.path),
    },
  ]),
  { method: 'GET', template: '/v1/Services', run: (c, a) => listServices(c, a.query) },
  { method: 'GET', template: '/v1/Services/{Sid}', run: (c, a) => fetchService(c, p(a, 'Sid'), a.path) },
  {
    method: 'POST',
    template: '/v1/Services/{Sid}',
    run: (c, a) => updateService(c, p(a, 'Sid'), a.form, a.path),
  },
  {
    method: 'GET',
    template: '/v1/DialingPermissions/Countries',
    run: (c, a) => listDialingCountries(c, a.query),
  },
  {
    method: 'POST',
    template: '/v1/DialingPermissions/BulkCountryUpdates',
    run: (c, a) => bulkUpdateCountries(c, a.form),
  },
  { method: 'GET', template: '/v1/Messaging/GeoPermissions', run: (c, a) => listMessagingGeo(c, a.query) },
  { method: 'PATCH', template: '/v1/Messaging/GeoPermissions', run: (c, a) => updateMessagingGeo(c, a.form) },
];
