import { describe, it } from 'vitest';
import {
  DELETE_INTEGRATION_SECRETS,
  REMOVE_UNKNOWN_USERS,
  REVIEW_API_ALLOW_LIST,
  REVOKE_OAUTH_ACCESS,
} from '../../src/playbooks/telnyx/index.js';
import {
  ATTACKER_API_IP,
  ATTACKER_HOST,
  ATTACKER_USER_EMAIL,
  accountAccessOf,
  plantedIdsByKind,
  SEED_TRUSTED,
  unresolvedPlantedChanges,
} from '../../src/sandbox/telnyx/index.js';
import { APPROVERS } from './support/bot-env.js';
import { cardTitled, squeezed } from './support/cards.js';
import { approveAs, openIncident, titleOf, waitForCardState } from './support/drive-incident.js';
import { flaggedLines } from './support/planted-on-cards.js';
import { startedWorld } from './support/world.js';

const MINE = ['organization_user', 'oauth_grant', 'oauth_client', 'integration_secret', 'access_ip'];

describe('Telnyx footholds beside the API keys, found and undone through the cards', () => {
  it('when a real-account incident opens on the attacked account, then the attacker’s user, OAuth grant and client, integration secret and allow-list entry are flagged on their cards, and two approvals on each undo them in the account', async ({
    expect,
    onTestFinished,
  }) => {
    const world = await startedWorld(onTestFinished);
    const { fs, sim } = world;
    const ids = plantedIdsByKind(sim);
    const { channel } = await openIncident(world);
    const card = (id: string) => cardTitled(fs, channel.id, titleOf(id));
    const flagged = (id: string) => flaggedLines(card(id).text).join('\n');

    // Discovery: each planted change is on a ⚠️ line of its own card, and nothing was written.
    expect(flagged(REMOVE_UNKNOWN_USERS)).toContain(ATTACKER_USER_EMAIL);
    expect(flagged(REMOVE_UNKNOWN_USERS)).not.toContain('ops@acme-voice.example.com');
    expect(flagged(REVOKE_OAUTH_ACCESS)).toContain(ids.oauth_grant[0]);
    expect(flagged(REVOKE_OAUTH_ACCESS)).toContain(ATTACKER_HOST);
    expect(flagged(DELETE_INTEGRATION_SECRETS)).toContain('relay-bearer');
    expect(flagged(REVIEW_API_ALLOW_LIST)).toContain(ATTACKER_API_IP);
    expect(squeezed(card(REVIEW_API_ALLOW_LIST).text)).toContain(squeezed('so Reclaim stays allowed'));
    const secrets = accountAccessOf(sim.state).oauthClients.map((c) => c.client_secret as string);
    for (const secret of secrets) expect(card(REVOKE_OAUTH_ACCESS).text).not.toContain(secret);
    expect(sim.stats.totalWrites()).toBe(0);

    // Each is a high-risk step on a real account: two approvers, then it executes and ends done.
    for (const id of [
      REMOVE_UNKNOWN_USERS,
      REVOKE_OAUTH_ACCESS,
      REVIEW_API_ALLOW_LIST,
      DELETE_INTEGRATION_SECRETS,
    ]) {
      await approveAs(world, channel.id, titleOf(id), [APPROVERS[0], APPROVERS[1]]);
      await waitForCardState(world, channel.id, titleOf(id), 'done');
    }

    // The account as the simulator holds it now.
    const access = accountAccessOf(sim.state);
    expect(access.organizationUsers.map((u) => u.email).sort()).toEqual([
      'jo@acme-voice.example.com',
      'ops@acme-voice.example.com',
    ]);
    expect(access.oauthGrants.map((g) => g.id)).not.toContain(ids.oauth_grant[0]);
    expect(access.oauthClients.map((c) => c.name)).toEqual(['Acme CRM']);
    expect(access.integrationSecrets.map((s) => s.identifier)).toEqual(['crm-webhook-token']);
    const allowed = [
      ...access.accessIpAddresses.map((e) => e.ip_address),
      ...access.accessIpRanges.map((e) => e.cidr_block),
    ].sort();
    // The attacker's address is gone and every trusted address (Reclaim's among them) is allowed.
    expect(allowed).toEqual([...SEED_TRUSTED.ips].sort());
    expect(unresolvedPlantedChanges(sim).filter((c) => MINE.includes(c.kind))).toEqual([]);
    // One write per change: five removals and the one trusted address added.
    expect(sim.stats.totalWrites()).toBe(6);
  }, 180_000);
});
