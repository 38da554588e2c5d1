import type { PlannedAction } from '../../domain/types.js';
import type { Fqdn, Ip, IpConnection, TelnyxClient } from '../../providers/telnyx/index.js';
import { discoveryOf, namedWithId, type PlannedResource } from '../kit/action-kit.js';
import { judgeAddress, judgeResource, reasonsOf } from '../kit/judge-resource.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import { type Trust, trustOf } from '../kit/trust.js';
import { unreadableOf, withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { deactivateIpConnection, removeFqdn, removeIp } from './address-actions.js';
import { dispatchByKind } from './playbook-error.js';

export const REVIEW_IP_CONNECTIONS = 'telnyx.review-ip-connections';

/** An entry whose address Telnyx left out: nothing can judge it, so a person looks (no action). */
function noAddress(id: string, what: string, owner: string): PlannedResource {
  return judgeResource({
    resource: id,
    summary: `${what} (no address in Telnyx's answer) on connection “${owner}”`,
    reasons: ['Telnyx did not return its address, so Reclaim cannot judge it: review it in the portal'],
  });
}

function planIp(ip: Ip, owner: string, trust: Trust): PlannedResource {
  if (ip.ip_address === null) return noAddress(ip.id, 'IP', owner);
  const { reasons, act } = judgeAddress(
    ip.ip_address,
    {
      trusted: trust.ipTrusted(ip.ip_address),
      configured: trust.ipsConfigured,
      added: trust.inWindow(ip.created_at, 'added'),
    },
    'in RECLAIM_TRUSTED_IPS',
    'RECLAIM_TRUSTED_IPS is not set',
  );
  return judgeResource(
    {
      resource: ip.id,
      summary: `IP ${ip.ip_address}${ip.port ? `:${ip.port}` : ''} on connection “${owner}”`,
      reasons,
    },
    act && {
      kind: 'remove_ip',
      target: ip.id,
      params: { ipAddress: ip.ip_address, connectionId: ip.connection_id ?? '', connectionName: owner },
      description: `Remove IP ${ip.ip_address} from connection “${owner}”`,
    },
  );
}

function planFqdn(f: Fqdn, owner: string, trust: Trust): PlannedResource {
  if (f.fqdn === null) return noAddress(f.id, 'FQDN', owner);
  const { reasons, act } = judgeAddress(
    f.fqdn,
    {
      trusted: trust.addressTrusted(f.fqdn),
      configured: trust.hostsConfigured || trust.ipsConfigured,
      added: trust.inWindow(f.created_at, 'added'),
    },
    'a trusted host',
    'neither RECLAIM_TRUSTED_HOSTS nor RECLAIM_TRUSTED_IPS is set',
  );
  return judgeResource(
    { resource: f.id, summary: `FQDN ${f.fqdn} on connection “${owner}”`, reasons },
    act && {
      kind: 'remove_fqdn',
      target: f.id,
      params: { fqdn: f.fqdn, connectionId: f.connection_id ?? '', connectionName: owner },
      description: `Remove FQDN ${f.fqdn} from connection “${owner}”`,
    },
  );
}

function planConnection(c: IpConnection, trust: Trust): PlannedResource {
  const created = trust.inWindow(c.created_at, 'created');
  const open = created && c.inbound.sip_subdomain_receive_settings === 'from_anyone';
  const label = namedWithId(c.connection_name, c.id);
  return judgeResource(
    {
      resource: c.id,
      summary: `IP connection ${label}${c.active ? '' : ', inactive'}`,
      reasons: reasonsOf(created, open && 'its SIP subdomain accepts calls from anyone'),
    },
    created !== undefined &&
      c.active && {
        kind: 'deactivate_ip_connection',
        target: c.id,
        params: { connectionName: c.connection_name ?? '' },
        description: `Deactivate IP connection ${label}, created after the incident began`,
      },
  );
}

/** The variables whose absence leaves some of the addresses unjudged. */
function unsetLists(trust: Trust, ips: number, fqdns: number): string[] {
  return [
    !trust.ipsConfigured && ips > 0 && 'RECLAIM_TRUSTED_IPS',
    !trust.hostsConfigured && !trust.ipsConfigured && fqdns > 0 && 'RECLAIM_TRUSTED_HOSTS',
  ].filter((v): v is string => typeof v === 'string');
}

function summarise(
  trust: Trust,
  ips: number,
  fqdns: number,
  actions: PlannedAction[],
  unjudged: number,
): string {
  const count = (kind: string) => actions.filter((a) => a.kind === kind).length;
  const unset = unsetLists(trust, ips, fqdns);
  const vars = `${unset.join(' and ')} ${unset.length === 1 ? 'is' : 'are'} not set`;
  const note =
    unset.length === 0 ? '' : ` ${vars}, so those addresses are judged only by when they were added.`;
  const check =
    unjudged === 0
      ? ''
      : `${plural(unjudged, 'address', 'addresses')} allowed on your connections cannot be judged (${vars}): check ${unjudged === 1 ? 'it' : 'them'} below, or set ${unset.length === 1 ? 'it' : 'them'} and rediscover.`;
  if (actions.length === 0 && unjudged === 0) {
    if (ips + fqdns === 0) return nothingFound('no IP or FQDN is allowed on any connection.');
    return nothingFound(
      `${plural(ips, 'IP')} and ${plural(fqdns, 'FQDN')} on your connections, none unknown.${note}`,
    );
  }
  const removals = count('remove_ip') + count('remove_fqdn');
  const parts = [
    removals > 0 &&
      `${count('remove_ip')} of ${plural(ips, 'IP')} and ${count('remove_fqdn')} of ${plural(fqdns, 'FQDN')} are not yours: remove them`,
    count('deactivate_ip_connection') > 0 &&
      `deactivate ${plural(count('deactivate_ip_connection'), 'IP connection')} created after the incident began`,
  ].filter((p): p is string => typeof p === 'string');
  if (parts.length === 0) return check;
  const planned = parts.join('; ');
  return `${planned.charAt(0).toUpperCase()}${planned.slice(1)}.${check ? ` ${check}` : note}`;
}

async function discover(ctx: PlaybookContext<TelnyxClient>): Promise<Discovery> {
  const trust = trustOf(ctx);
  const { client } = ctx;
  const listings = await Promise.all([
    client.ipConnections.list(),
    client.ips.list(),
    client.fqdnConnections.list(),
    client.fqdns.list(),
  ]);
  const [connections, ips, fqdnConnections, fqdns] = [
    listings[0].items,
    listings[1].items,
    listings[2].items,
    listings[3].items,
  ];
  const names = new Map<string, string>();
  for (const c of [...connections, ...fqdnConnections]) names.set(c.id, c.connection_name ?? c.id);
  const owner = (id: string | null) => (id ? (names.get(id) ?? id) : 'none');
  const addresses = [
    ...ips.map((ip) => planIp(ip, owner(ip.connection_id), trust)),
    ...fqdns.map((f) => planFqdn(f, owner(f.connection_id), trust)),
  ];
  const blank = new Set([
    ...ips.filter((ip) => ip.ip_address === null).map((ip) => ip.id),
    ...fqdns.filter((f) => f.fqdn === null).map((f) => f.id),
  ]);
  const unjudged = addresses.filter(
    (p) => p.finding.suspicious && !p.action && !blank.has(p.finding.resource),
  ).length;
  const noAddress =
    blank.size === 0
      ? ''
      : ` ${plural(blank.size, 'entry', 'entries')} came without an address: review ${blank.size === 1 ? 'it' : 'them'} in the portal.`;
  const discovery = discoveryOf(
    [...connections.map((c) => planConnection(c, trust)), ...addresses],
    (actions) => `${summarise(trust, ips.length, fqdns.length, actions, unjudged)}${noAddress}`,
  );
  return withUnreadable(discovery, unreadableOf(...listings));
}

export const reviewIpConnectionsStep: AutomatedStepDefinition<TelnyxClient> = {
  id: REVIEW_IP_CONNECTIONS,
  kind: 'automated',
  title: 'Remove unknown IPs and FQDNs from SIP connections',
  why: 'IP- and FQDN-authenticated connections accept calls from whatever addresses are listed, so an attacker who adds their own can call out on your account without any password. Only your addresses should stay.',
  risk: 'high',
  discover,
  execute: dispatchByKind(REVIEW_IP_CONNECTIONS, {
    remove_ip: removeIp,
    remove_fqdn: removeFqdn,
    deactivate_ip_connection: deactivateIpConnection,
  }),
};
