import type { PlannedAction } from '../../domain/types.js';
import type { TelnyxClient } from '../../providers/telnyx/index.js';
import { discoveryOf } from '../kit/action-kit.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import { type Trust, trustOf } from '../kit/trust.js';
import { unreadableOf, withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { deactivateFqdnConnection, deactivateIpConnection, removeFqdn, removeIp } from './address-actions.js';
import { planConnection, planFqdn, planFqdnConnection, planIp } from './ip-connection-plans.js';
import { dispatchByKind } from './playbook-error.js';

export const REVIEW_IP_CONNECTIONS = 'telnyx.review-ip-connections';

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
    count('deactivate_fqdn_connection') > 0 &&
      `deactivate ${plural(count('deactivate_fqdn_connection'), 'FQDN connection')} created after the incident began`,
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
    [
      ...connections.map((c) => planConnection(c, trust)),
      ...addresses,
      ...fqdnConnections.map((c) => planFqdnConnection(c, trust)),
    ],
    (actions) => `${summarise(trust, ips.length, fqdns.length, actions, unjudged)}${noAddress}`,
  );
  return withUnreadable(discovery, unreadableOf(...listings));
}

export const reviewIpConnectionsStep: AutomatedStepDefinition<TelnyxClient> = {
  id: REVIEW_IP_CONNECTIONS,
  kind: 'automated',
  title: 'Remove unknown IPs and FQDNs from SIP connections',
  why: 'IP- and FQDN-authenticated connections accept calls from whatever addresses are listed, so an attacker who adds their own, or a connection of their own, can call out on your account without any password. Only your addresses stay; IP and FQDN connections created after the incident began are switched off.',
  risk: 'high',
  discover,
  execute: dispatchByKind(REVIEW_IP_CONNECTIONS, {
    remove_ip: removeIp,
    remove_fqdn: removeFqdn,
    deactivate_ip_connection: deactivateIpConnection,
    deactivate_fqdn_connection: deactivateFqdnConnection,
  }),
};
