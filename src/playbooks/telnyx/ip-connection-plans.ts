// How the IP-connection review judges each connection and each allowed address.
import type { Fqdn, FqdnConnection, Ip, IpConnection } from '../../providers/telnyx/index.js';
import { namedWithId, type PlannedResource } from '../kit/action-kit.js';
import { judgeAddress, judgeResource, reasonsOf } from '../kit/judge-resource.js';
import type { Trust } from '../kit/trust.js';

/** An entry whose address Telnyx left out: nothing can judge it, so a person looks (no action). */
function noAddress(id: string, what: string, owner: string): PlannedResource {
  return judgeResource({
    resource: id,
    summary: `${what} (no address in Telnyx's answer) on connection “${owner}”`,
    reasons: ['Telnyx did not return its address, so Reclaim cannot judge it: review it in the portal'],
  });
}

export function planIp(ip: Ip, owner: string, trust: Trust): PlannedResource {
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

export function planFqdn(f: Fqdn, owner: string, trust: Trust): PlannedResource {
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

export function planConnection(c: IpConnection, trust: Trust): PlannedResource {
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

/** An active FQDN connection made in the window is switched off like an IP connection (`active: false`). */
export function planFqdnConnection(c: FqdnConnection, trust: Trust): PlannedResource {
  const created = trust.inWindow(c.created_at, 'created');
  const label = namedWithId(c.connection_name, c.id);
  return judgeResource(
    {
      resource: c.id,
      summary: `FQDN connection ${label}${c.active ? '' : ', inactive'}`,
      // Switched off, it carries no calls: nothing left to flag (an IP connection is read alike).
      reasons: c.active ? reasonsOf(created) : [],
    },
    created !== undefined &&
      c.active && {
        kind: 'deactivate_fqdn_connection',
        target: c.id,
        params: { connectionName: c.connection_name ?? '' },
        description: `Deactivate FQDN connection ${label}, created after the incident began`,
      },
  );
}
