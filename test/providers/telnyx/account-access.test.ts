import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/http/index.js';
import { accountAccessOf, plantedIdsByKind } from '../../../src/sandbox/telnyx/index.js';
import { harness } from '../../playbooks/telnyx/telnyx-kit.js';

describe('the Telnyx client’s users, OAuth, integration secrets and API allow-list', () => {
  it('when the listings are read, then each record keeps the fields Reclaim judges by and no client secret', async () => {
    const { client, sim } = harness();
    const users = await client.organizationUsers.list();
    expect(users.items.find((u) => u.record_type === 'organization_owner')?.email).toBe(
      'ops@acme-voice.example.com',
    );
    const clients = await client.oauthClients.list();
    expect(clients.items).toHaveLength(2);
    const secrets = accountAccessOf(sim.state).oauthClients.map((c) => c.client_secret as string);
    for (const secret of secrets) expect(JSON.stringify(clients)).not.toContain(secret);
    expect((await client.accessIpRanges.list()).items[0]?.cidr_block).toBe('198.51.100.0/29');
    expect((await client.integrationSecrets.list()).items.map((s) => s.identifier)).toContain('relay-bearer');
  });

  it('when an OAuth client comes without its client_id, then it is set aside as unreadable, named by nothing else', async () => {
    const { client, sim } = harness();
    const first = accountAccessOf(sim.state).oauthClients[0]!;
    delete first.client_id;
    const listing = await client.oauthClients.list();
    expect(listing.items).toHaveLength(1);
    expect(listing.unreadable).toHaveLength(1);
  });

  it('when each removal is sent, then it reaches the spec’s path and method, and a second one is a normalised 404', async () => {
    const { client, sim } = harness();
    const ids = plantedIdsByKind(sim);
    await client.organizationUsers.delete(ids.organization_user[0]!);
    await client.oauthGrants.delete(ids.oauth_grant[0]!);
    await client.oauthClients.delete(ids.oauth_client[0]!);
    await client.integrationSecrets.delete(ids.integration_secret[0]!);
    await client.accessIpAddresses.delete(ids.access_ip[0]!);
    expect(
      Object.keys(sim.stats.byRoute)
        .filter((r) => !r.startsWith('GET'))
        .sort(),
    ).toEqual([
      'DELETE /access_ip_address/{id}',
      'DELETE /integration_secrets/{id}',
      'DELETE /oauth_clients/{id}',
      'DELETE /oauth_grants/{id}',
      'POST /organizations/users/{id}/actions/remove',
    ]);
    const again = await client.oauthClients.delete(ids.oauth_client[0]!).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ProviderError);
    expect((again as ProviderError).code).toBe('provider_not_found');
  });

  it('when an allow-list entry is added, then the entry Telnyx answers with (not in `data`) is returned', async () => {
    const { client } = harness();
    const entry = await client.accessIpAddresses.add('203.0.113.11', 'Reclaim');
    expect(entry).toMatchObject({ ip_address: '203.0.113.11', description: 'Reclaim', status: 'added' });
    const range = await client.accessIpRanges.add('203.0.113.0/28', 'Reclaim');
    expect(range.cidr_block).toBe('203.0.113.0/28');
  });
});
