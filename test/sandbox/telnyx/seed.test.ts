import { describe, expect, it } from 'vitest';
import {
  ATTACKER_HOST,
  PLANTED_KINDS,
  plantedChanges,
  plantedIdsByKind,
  SEED_TRUSTED,
  SimulatorError,
  seedAttackedAccount,
  type TelnyxSimulator,
  unresolvedPlantedChanges,
} from '../../../src/sandbox/telnyx/index.js';
import { call, NOW, SINCE, seeded } from './sim-test-kit.js';

type Item = Record<string, unknown>;

async function listAll(sim: TelnyxSimulator, path: string): Promise<Item[]> {
  const out: Item[] = [];
  for (let page = 1; ; page += 1) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await call(sim, 'GET', `${path}${sep}page[size]=250&page[number]=${page}`);
    out.push(...res.body.data);
    if (page >= res.body.meta.total_pages) return out;
  }
}

const host = (url: unknown): string => (typeof url === 'string' && url !== '' ? new URL(url).hostname : '');
const trustedIp = (ip: string): boolean =>
  SEED_TRUSTED.ips.includes(ip as never) || (ip.startsWith('198.51.100.') && Number(ip.split('.')[3]) < 8);

/** Users, OAuth grants and clients, integration secrets and allow-list entries made after `since`. */
async function discoverAccess(sim: TelnyxSimulator, since: string): Promise<Record<string, string[]>> {
  const after = async (path: string, key = 'id') =>
    (await listAll(sim, path))
      .filter((i) => (i.created_at as string) > since)
      .map((i) => i[key] as string)
      .sort();
  return {
    organization_user: await after('/organizations/users'),
    oauth_grant: await after('/oauth_grants'),
    oauth_client: await after('/oauth_clients', 'client_id'),
    integration_secret: await after('/integration_secrets'),
    access_ip: [...(await after('/access_ip_address')), ...(await after('/access_ip_ranges'))].sort(),
  };
}

/** Port-out PINs, FQDN connections, messaging destinations and notifications the attacker touched. */
async function discoverFootholds(sim: TelnyxSimulator, since: string): Promise<Record<string, string[]>> {
  const ids = (items: Item[]) => items.map((i) => i.id as string).sort();
  const after = (items: Item[], field = 'created_at') =>
    ids(items.filter((i) => (i[field] as string) > since));
  const settings = await listAll(sim, '/notification_settings');
  const conditions = await listAll(sim, '/notification_event_conditions');
  return {
    port_out_pin: after(
      (await listAll(sim, '/phone_numbers')).filter((n) => n.external_pin !== null),
      'updated_at',
    ),
    fqdn_connection: after(await listAll(sim, '/fqdn_connections')),
    messaging_destinations: ids(
      (await listAll(sim, '/messaging_profiles')).filter((p) =>
        (p.whitelisted_destinations as string[]).includes('*'),
      ),
    ),
    notification_channel: after(await listAll(sim, '/notification_channels')),
    balance_alert: ids(
      conditions.filter(
        (c) =>
          /balance/i.test(c.name as string) &&
          !settings.some((x) => x.notification_event_condition_id === c.id),
      ),
    ),
  };
}

/** A plain discovery over the API, independent of the seed's own bookkeeping. */
async function discover(sim: TelnyxSimulator): Promise<Record<string, string[]>> {
  const since = SINCE.toISOString();
  const numbers = await listAll(sim, '/phone_numbers/voice');
  const own = new Set(numbers.map((n) => n.phone_number as string));
  const ok = (to: string) => to === '' || own.has(to) || SEED_TRUSTED.numbers.includes(to as never);
  const ids = (items: Item[]) => items.map((i) => i.id as string).sort();
  const ccApps = await listAll(sim, '/call_control_applications');
  const texml = await listAll(sim, '/texml_applications');
  const profiles = await listAll(sim, '/messaging_profiles');
  return {
    credential_connection: ids(
      (await listAll(sim, '/credential_connections')).filter((c) => (c.created_at as string) > since),
    ),
    ip: ids((await listAll(sim, '/ips')).filter((i) => !trustedIp(i.ip_address as string))),
    call_forwarding: ids(
      numbers.filter((n) => {
        const f = n.call_forwarding as { call_forwarding_enabled: boolean; forwards_to: string };
        return f.call_forwarding_enabled && !ok(f.forwards_to);
      }),
    ),
    call_control_application: ids(
      ccApps.filter((a) => !SEED_TRUSTED.hosts.includes(host(a.webhook_event_url) as never)),
    ),
    texml_application: ids(texml.filter((a) => !SEED_TRUSTED.hosts.includes(host(a.voice_url) as never))),
    outbound_voice_profile: ids(
      (await listAll(sim, '/outbound_voice_profiles')).filter((p) => !p.daily_spend_limit_enabled),
    ),
    messaging_profile_secret: ids(profiles),
    ...(await discoverAccess(sim, since)),
    ...(await discoverFootholds(sim, since)),
  };
}

describe('seedAttackedAccount', () => {
  it('when seeded twice with the same seed and dates, then the accounts are identical; another seed differs', () => {
    const a = seedAttackedAccount({ seed: 9, now: NOW, since: SINCE });
    const b = seedAttackedAccount({ seed: 9, now: NOW, since: SINCE });
    const c = seedAttackedAccount({ seed: 10, now: NOW, since: SINCE });
    expect(JSON.stringify(a.toJSON())).toBe(JSON.stringify(b.toJSON()));
    expect(JSON.stringify(a.toJSON())).not.toBe(JSON.stringify(c.toJSON()));
  });

  it('when seeded with defaults, then the sizes are as documented', () => {
    const sim = seeded();
    expect(sim.state.phoneNumbers).toHaveLength(48);
    expect(sim.state.credentialConnections).toHaveLength(3);
    expect(plantedIdsByKind(sim).call_forwarding).toHaveLength(3);
    for (const kind of PLANTED_KINDS) expect(plantedIdsByKind(sim)[kind].length).toBeGreaterThan(0);
  });

  it.each([1, 2, 3])(
    'when discovered over the API (seed %i), then exactly the planted changes are found',
    async (seed) => {
      const sim = seeded({ seed });
      expect(await discover(sim)).toEqual(plantedIdsByKind(sim));
    },
  );

  it('when the planted changes are read, then they name resources, values and no secrets', () => {
    const sim = seeded();
    const changes = plantedChanges(sim);
    const secrets = [
      ...sim.state.credentialConnections.map((c) => c.password),
      sim.state.messagingProfiles[0]!.v1_secret,
    ];
    for (const secret of secrets) expect(JSON.stringify(changes)).not.toContain(secret);
    expect(changes.filter((c) => c.kind === 'call_control_application')[0]?.value).toBe(ATTACKER_HOST);
    expect(changes.find((c) => c.kind === 'ip')?.value).toBe('192.0.2.66');
  });

  it('when the attacker’s changes are in the audit log, then each is after since and by the same member', async () => {
    const sim = seeded();
    const res = await call(
      sim,
      'GET',
      `/audit_events?filter[created_after]=${SINCE.toISOString()}&page[size]=250`,
    );
    const byMember = res.body.data.filter((e: Item) => e.change_made_by === 'organization_member');
    const audited = plantedChanges(sim).filter((c) => c.kind !== 'messaging_profile_secret');
    expect(byMember.map((e: Item) => e.resource_id).sort()).toEqual(audited.map((c) => c.id).sort());
    expect(new Set(byMember.map((e: Item) => e.user_id)).size).toBe(1);
  });

  it('when the account is cleaned through the API, then no planted change is left in effect', async () => {
    const sim = seeded();
    expect(unresolvedPlantedChanges(sim)).toHaveLength(plantedChanges(sim).length);
    const ids = plantedIdsByKind(sim);
    for (const c of sim.state.credentialConnections) {
      await call(sim, 'PATCH', `/credential_connections/${c.id}`, { password: `Rotated${c.id}` });
    }
    await call(sim, 'DELETE', `/ips/${ids.ip[0]}`);
    for (const id of ids.call_forwarding) {
      await call(sim, 'PATCH', `/phone_numbers/${id}/voice`, {
        call_forwarding: { call_forwarding_enabled: false },
      });
    }
    const cc = sim.state.callControlApplications.find((a) => a.id === ids.call_control_application[0])!;
    await call(sim, 'PATCH', `/call_control_applications/${cc.id}`, {
      application_name: cc.application_name,
      webhook_event_url: cc.webhook_event_url,
      active: false,
    });
    const tx = sim.state.texmlApplications.find((a) => a.id === ids.texml_application[0])!;
    await call(sim, 'PATCH', `/texml_applications/${tx.id}`, {
      friendly_name: tx.friendly_name,
      voice_url: tx.voice_url,
      active: false,
    });
    await call(sim, 'PATCH', `/outbound_voice_profiles/${ids.outbound_voice_profile[0]}`, {
      name: 'Default',
      daily_spend_limit: '50.00',
      daily_spend_limit_enabled: true,
      whitelisted_destinations: ['US', 'CA'],
    });
    await call(sim, 'PATCH', `/phone_numbers/${ids.port_out_pin[0]}`, { external_pin: '48151623' });
    await call(sim, 'PATCH', `/fqdn_connections/${ids.fqdn_connection[0]}`, { active: false });
    await call(sim, 'PATCH', `/messaging_profiles/${ids.messaging_destinations[0]}`, {
      whitelisted_destinations: ['US', 'CA'],
    });
    await call(sim, 'DELETE', `/notification_channels/${ids.notification_channel[0]}`);
    const own = sim.state.notificationChannels[0]!;
    await call(sim, 'POST', '/notification_settings', {
      notification_event_condition_id: ids.balance_alert[0],
      notification_profile_id: own.notification_profile_id,
      notification_channel_id: own.id,
      parameters: [{ name: 'amount', value: '100.00' }],
    });
    await call(sim, 'POST', `/organizations/users/${ids.organization_user[0]}/actions/remove`);
    await call(sim, 'DELETE', `/oauth_grants/${ids.oauth_grant[0]}`);
    await call(sim, 'DELETE', `/oauth_clients/${ids.oauth_client[0]}`);
    await call(sim, 'DELETE', `/integration_secrets/${ids.integration_secret[0]}`);
    await call(sim, 'DELETE', `/access_ip_address/${ids.access_ip[0]}`);
    expect(unresolvedPlantedChanges(sim).map((c) => c.kind)).toEqual(['messaging_profile_secret']);
    await call(
      sim,
      'POST',
      `/messaging_profiles/${ids.messaging_profile_secret[0]}/actions/regenerate_secret`,
    );
    expect(unresolvedPlantedChanges(sim)).toEqual([]);
  });

  it('when asked for the bench size, then it builds 2,000 numbers, 300 attacked, 200 connections', async () => {
    const sim = seeded({ numbers: 2000, forwarding: 300, credentialConnections: 200 });
    expect(sim.state.phoneNumbers).toHaveLength(2000);
    expect(new Set(sim.state.phoneNumbers.map((n) => n.phone_number)).size).toBe(2000);
    expect(sim.state.credentialConnections).toHaveLength(200);
    expect(plantedIdsByKind(sim).call_forwarding).toHaveLength(300);
    expect(plantedIdsByKind(sim).credential_connection).toHaveLength(1);
    expect(await discover(sim)).toEqual(plantedIdsByKind(sim));
  });

  it.each([
    [{ numbers: 2, forwarding: 3 }],
    [{ numbers: 0 }],
    [{ credentialConnections: 0 }],
    [{ forwarding: 1.5 }],
    [{ since: NOW }],
  ])('when the options are %j, then seeding refuses with simulator_bad_options', (options) => {
    expect(() => seedAttackedAccount({ now: NOW, ...options })).toThrow(SimulatorError);
    expect(() => seedAttackedAccount({ now: NOW, ...options })).toThrow(
      expect.objectContaining({ code: 'simulator_bad_options' }),
    );
  });
});
