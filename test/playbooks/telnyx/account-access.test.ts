import { describe, expect, it } from 'vitest';
import {
  DELETE_INTEGRATION_SECRETS,
  REMOVE_UNKNOWN_USERS,
  REVIEW_API_ALLOW_LIST,
  REVOKE_OAUTH_ACCESS,
} from '../../../src/playbooks/telnyx/index.js';
import {
  ATTACKER_API_IP,
  ATTACKER_USER_EMAIL,
  accountAccessOf,
  plantedIdsByKind,
  SEED_TRUSTED,
} from '../../../src/sandbox/telnyx/index.js';
import { executeAll, harness, NOW, SINCE, seeded, step, suspiciousResources } from './telnyx-kit.js';

const IN_WINDOW = new Date((SINCE.getTime() + NOW.getTime()) / 2).toISOString();
const noIps = { hosts: [...SEED_TRUSTED.hosts], ips: [], numbers: [...SEED_TRUSTED.numbers] };

describe('telnyx.remove-unknown-users', () => {
  it('when the attacker added a user, then only that user is planned for removal and the owner never is', async () => {
    const h = harness();
    const planted = plantedIdsByKind(h.sim).organization_user;
    const users = accountAccessOf(h.sim.state).organizationUsers;
    // Even an owner record made in the window stays.
    const owner = users.find((u) => u.record_type === 'organization_owner')!;
    owner.created_at = IN_WINDOW;
    const d = await step(REMOVE_UNKNOWN_USERS).discover(h.ctx);
    expect(d.actions.map((a) => [a.kind, a.target])).toEqual([['remove_user', planted[0]]]);
    expect(suspiciousResources(d)).toEqual(planted);
    expect(d.actions[0]?.description).toBe(`Remove user ${ATTACKER_USER_EMAIL} from the organization`);
    expect(d.findings.find((f) => f.resource === planted[0])?.reasons.join(' ')).toMatch(
      /not one of your domains/,
    );
    expect(d.summary).toMatch(/^Remove 1 of 3 users/);
  });

  it('when a user added in the window is on your own domain, then it is flagged for a person and not removed', async () => {
    const h = harness();
    const users = accountAccessOf(h.sim.state).organizationUsers;
    users.push({
      ...users[1]!,
      id: 'u-new-colleague',
      email: 'sam@acme-voice.example.com',
      created_at: IN_WINDOW,
    });
    const d = await step(REMOVE_UNKNOWN_USERS).discover(h.ctx);
    expect(d.actions.map((a) => a.target)).not.toContain('u-new-colleague');
    const finding = d.findings.find((f) => f.resource === 'u-new-colleague');
    expect(finding?.suspicious).toBe(true);
    expect(finding?.reasons.join(' ')).toContain('on your domain acme-voice.example.com');
  });

  it('when the removal is executed, then the user is gone, and a recheck writes nothing more', async () => {
    const h = harness();
    const s = step(REMOVE_UNKNOWN_USERS);
    const { actions } = await s.discover(h.ctx);
    await executeAll(s, h.ctx, actions);
    const users = accountAccessOf(h.sim.state).organizationUsers;
    expect(users.map((u) => u.email)).not.toContain(ATTACKER_USER_EMAIL);
    expect(users).toHaveLength(2);
    const writes = h.sim.stats.totalWrites();
    const [again] = await executeAll(s, h.ctx, actions, true);
    expect(again?.result).toMatchObject({ removed: true, note: 'already gone' });
    expect(h.sim.stats.totalWrites()).toBe(writes);
  });
});

describe('telnyx.revoke-oauth-access', () => {
  it('when the attacker made an OAuth client and a grant, then the grant is revoked first, then the client deleted, and no client secret is on the card', async () => {
    const h = harness();
    const ids = plantedIdsByKind(h.sim);
    const d = await step(REVOKE_OAUTH_ACCESS).discover(h.ctx);
    expect(d.actions.map((a) => [a.kind, a.target])).toEqual([
      ['revoke_oauth_grant', ids.oauth_grant[0]],
      ['delete_oauth_client', ids.oauth_client[0]],
    ]);
    const secrets = accountAccessOf(h.sim.state).oauthClients.map((c) => c.client_secret as string);
    for (const secret of secrets) expect(JSON.stringify(d)).not.toContain(secret);
    expect(d.findings.find((f) => f.resource === ids.oauth_client[0])?.reasons.join(' ')).toContain(
      'redirects to evil-hooks.example.net',
    );
  });

  it('when an older client was changed in the window, then it is flagged but never deleted', async () => {
    const h = harness();
    const crm = accountAccessOf(h.sim.state).oauthClients.find((c) => c.name === 'Acme CRM')!;
    crm.updated_at = IN_WINDOW;
    const d = await step(REVOKE_OAUTH_ACCESS).discover(h.ctx);
    expect(d.actions.map((a) => a.target)).not.toContain(crm.client_id);
    expect(d.findings.find((f) => f.resource === crm.client_id)?.suspicious).toBe(true);
  });

  it('when executed, then the grant and client are gone from the account; a client removed by someone first counts as done', async () => {
    const h = harness();
    const s = step(REVOKE_OAUTH_ACCESS);
    const { actions } = await s.discover(h.ctx);
    const access = accountAccessOf(h.sim.state);
    const ids = plantedIdsByKind(h.sim);
    access.oauthClients = access.oauthClients.filter((c) => c.client_id !== ids.oauth_client[0]);
    const outcomes = await executeAll(s, h.ctx, actions);
    expect(access.oauthGrants.map((g) => g.id)).not.toContain(ids.oauth_grant[0]);
    expect(outcomes[1]?.result).toMatchObject({ deleted: true, note: 'already gone' });
    expect((await s.discover(h.ctx)).summary).toMatch(/^Nothing found/);
  });
});

describe('telnyx.delete-integration-secrets', () => {
  it('when a secret was created in the window, then it alone is deleted', async () => {
    const h = harness();
    const [planted] = plantedIdsByKind(h.sim).integration_secret;
    const s = step(DELETE_INTEGRATION_SECRETS);
    const d = await s.discover(h.ctx);
    expect(d.actions.map((a) => a.target)).toEqual([planted]);
    expect(d.actions[0]?.description).toContain('“relay-bearer”');
    await executeAll(s, h.ctx, d.actions);
    expect(accountAccessOf(h.sim.state).integrationSecrets.map((x) => x.identifier)).toEqual([
      'crm-webhook-token',
    ]);
  });
});

describe('telnyx.review-api-allow-list', () => {
  const addresses = (h: ReturnType<typeof harness>) => {
    const a = accountAccessOf(h.sim.state);
    return [
      ...a.accessIpAddresses.map((e) => e.ip_address),
      ...a.accessIpRanges.map((e) => e.cidr_block),
    ].sort();
  };

  it('when RECLAIM_TRUSTED_IPS is set, then the trusted addresses missing from the list are added before the attacker’s entry is removed', async () => {
    const h = harness();
    const s = step(REVIEW_API_ALLOW_LIST);
    const d = await s.discover(h.ctx);
    expect(d.actions.map((a) => a.kind)).toEqual(['add_access_ips', 'remove_access_ip']);
    expect(d.actions[0]?.params.ips).toEqual(['203.0.113.11']);
    expect(d.actions[1]?.description).toBe(`Remove ${ATTACKER_API_IP} from the API allow-list`);
    expect(d.summary).toMatch(
      /^Add 1 trusted address first, so Reclaim stays allowed, then remove 1 of the 3 entries/,
    );
    await executeAll(s, h.ctx, d.actions);
    expect(addresses(h)).toEqual(['198.51.100.0/29', '203.0.113.10', '203.0.113.11']);
    const writes = h.sim.stats.totalWrites();
    await executeAll(s, h.ctx, d.actions, true);
    expect(h.sim.stats.totalWrites()).toBe(writes);
    expect((await s.discover(h.ctx)).summary).toMatch(/^Nothing found/);
  });

  it('when RECLAIM_TRUSTED_IPS is not set and other entries would stay, then nothing is planned and the card says why', async () => {
    const h = harness(seeded(), { trusted: noIps });
    const d = await step(REVIEW_API_ALLOW_LIST).discover(h.ctx);
    expect(d.actions).toEqual([]);
    expect(suspiciousResources(d)).toEqual(expect.arrayContaining(plantedIdsByKind(h.sim).access_ip));
    expect(d.summary).toContain('could lock Reclaim and your integrations out of the API');
    expect(d.summary).not.toMatch(/^Nothing found/);
  });

  it('when RECLAIM_TRUSTED_IPS is not set and the attacker’s entry is the only one, then removing it turns the list off', async () => {
    const h = harness(seeded(), { trusted: noIps });
    const access = accountAccessOf(h.sim.state);
    access.accessIpRanges = [];
    access.accessIpAddresses = access.accessIpAddresses.filter((e) => e.ip_address === ATTACKER_API_IP);
    const s = step(REVIEW_API_ALLOW_LIST);
    const d = await s.discover(h.ctx);
    expect(d.actions.map((a) => a.kind)).toEqual(['remove_access_ip']);
    expect(d.summary).toContain('The list is then empty');
    await executeAll(s, h.ctx, d.actions);
    expect(addresses(h)).toEqual([]);
  });

  it('when an entry appeared after that plan was drawn, then the removal refuses rather than leave an unknown list', async () => {
    const h = harness(seeded(), { trusted: noIps });
    const access = accountAccessOf(h.sim.state);
    access.accessIpRanges = [];
    access.accessIpAddresses = access.accessIpAddresses.filter((e) => e.ip_address === ATTACKER_API_IP);
    const s = step(REVIEW_API_ALLOW_LIST);
    const { actions } = await s.discover(h.ctx);
    access.accessIpAddresses.push({
      id: 'late',
      ip_address: '198.18.0.9',
      status: 'added',
      user_id: 'u',
      created_at: IN_WINDOW,
    });
    const err = await executeAll(s, h.ctx, actions).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'telnyx_lockout_guard' });
    expect(h.sim.stats.totalWrites()).toBe(0);
    expect(addresses(h)).toContain(ATTACKER_API_IP);
  });

  it('when the trusted addresses were not added first, then no removal runs', async () => {
    const h = harness();
    const s = step(REVIEW_API_ALLOW_LIST);
    const { actions } = await s.discover(h.ctx);
    const removals = actions.filter((a) => a.kind === 'remove_access_ip');
    const err = await executeAll(s, h.ctx, removals).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'telnyx_lockout_guard' });
    expect((err as Error).message).toContain('203.0.113.11 would not be on it');
    expect(h.sim.stats.totalWrites()).toBe(0);
  });

  it('when the attacker allowed every address and the trusted ones are all listed, then only that range is removed and nothing is added', async () => {
    const h = harness();
    const access = accountAccessOf(h.sim.state);
    access.accessIpAddresses = access.accessIpAddresses.filter((e) => e.ip_address !== ATTACKER_API_IP);
    access.accessIpAddresses.push({
      id: 'office-2',
      ip_address: '203.0.113.11',
      status: 'added',
      created_at: '2025-01-01T00:00:00Z',
    });
    access.accessIpRanges.push({
      id: 'everyone',
      cidr_block: '0.0.0.0/0',
      status: 'added',
      created_at: '2025-01-01T00:00:00Z',
    });
    const d = await step(REVIEW_API_ALLOW_LIST).discover(h.ctx);
    expect(d.actions.map((a) => [a.kind, a.target])).toEqual([['remove_access_ip', 'everyone']]);
    expect(d.findings.find((f) => f.resource === 'everyone')?.reasons).toEqual([
      'not in RECLAIM_TRUSTED_IPS',
    ]);
  });

  it('when an entry comes without its address, then it is left to a person and counts as staying', async () => {
    const h = harness(seeded(), { trusted: noIps });
    const access = accountAccessOf(h.sim.state);
    access.accessIpRanges = [{ id: 'blank', status: 'added', created_at: IN_WINDOW }];
    access.accessIpAddresses = access.accessIpAddresses.filter((e) => e.ip_address === ATTACKER_API_IP);
    const d = await step(REVIEW_API_ALLOW_LIST).discover(h.ctx);
    expect(d.actions).toEqual([]);
    expect(d.findings.find((f) => f.resource === 'blank')?.suspicious).toBe(true);
    expect(d.summary).toContain('Reclaim is not removing them');
  });
});
