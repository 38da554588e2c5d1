import type { PlannedAction } from '../../domain/types.js';
import type { OAuthClient, OAuthGrant, TelnyxClient } from '../../providers/telnyx/index.js';
import { discoveryOf, namedWithId, type PlannedResource } from '../kit/action-kit.js';
import { judgeResource, reasonsOf } from '../kit/judge-resource.js';
import { nothingFound, plural, removeListed, shownTime } from '../kit/step-kit.js';
import { type Trust, trustOf } from '../kit/trust.js';
import { unreadableOf, withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { dispatchByKind } from './playbook-error.js';

export const REVOKE_OAUTH_ACCESS = 'telnyx.revoke-oauth-access';

const scopesOf = (scopes: readonly string[]) => (scopes.length > 0 ? scopes.join(', ') : 'no scopes');

function planGrant(g: OAuthGrant, trust: Trust, clientName: (id: string | null) => string): PlannedResource {
  const used = g.last_used_at ? `last used ${shownTime(g.last_used_at)}` : 'never used';
  const created = trust.inWindow(g.created_at, 'created');
  const client = clientName(g.client_id);
  return judgeResource(
    {
      resource: g.id,
      summary: `OAuth grant ${g.id} to ${client} (${scopesOf(g.scopes)}), ${used}`,
      reasons: reasonsOf(created),
    },
    created !== undefined && {
      kind: 'revoke_oauth_grant',
      target: g.id,
      params: { clientId: g.client_id ?? '' },
      description: `Revoke the OAuth grant to ${client}, created after the incident began`,
    },
  );
}

/**
 * A client made in the window is deleted. One made before is never deleted by Reclaim: changed in
 * the window or redirecting to a host you do not trust, it is flagged for a person.
 */
function planClient(c: OAuthClient, trust: Trust): PlannedResource {
  const label = namedWithId(c.name, c.client_id);
  const created = trust.inWindow(c.created_at, 'created');
  const host = trust.untrustedHost(c.redirect_uris);
  const reasons = reasonsOf(
    created ?? trust.inWindow(c.updated_at, 'changed'),
    host && `redirects to ${host}, not a trusted host`,
  );
  return judgeResource(
    {
      resource: c.client_id,
      summary: `OAuth client ${label}, ${c.client_type ?? 'unknown type'} (${scopesOf(c.allowed_scopes)})`,
      reasons,
    },
    created !== undefined && {
      kind: 'delete_oauth_client',
      target: c.client_id,
      params: { name: c.name ?? '' },
      description: `Delete OAuth client ${label}, created after the incident began`,
    },
  );
}

function summarise(
  grants: number,
  clients: number,
  planned: PlannedResource[],
  actions: PlannedAction[],
): string {
  const flagged = planned.filter((p) => p.finding.suspicious && !p.action).length;
  const check =
    flagged > 0
      ? ` ${plural(flagged, 'older client')} changed since or calling an unknown host: check below.`
      : '';
  if (actions.length === 0) {
    if (flagged > 0) return check.trim();
    return nothingFound(
      `${plural(grants, 'OAuth grant')} and ${plural(clients, 'OAuth client')}, none made since the incident began.`,
    );
  }
  const revoke = actions.filter((a) => a.kind === 'revoke_oauth_grant').length;
  const remove = actions.length - revoke;
  return `Revoke ${revoke} of ${plural(grants, 'OAuth grant')} and delete ${remove} of ${plural(clients, 'OAuth client')}, made since the incident began.${check}`;
}

async function discover(ctx: PlaybookContext<TelnyxClient>): Promise<Discovery> {
  const trust = trustOf(ctx);
  const [grants, clients] = await Promise.all([
    ctx.client.oauthGrants.list(),
    ctx.client.oauthClients.list(),
  ]);
  const names = new Map(clients.items.map((c) => [c.client_id, namedWithId(c.name, c.client_id)]));
  const clientName = (id: string | null) => (id ? (names.get(id) ?? `client ${id}`) : 'an unnamed client');
  // Grants first: a client deleted first could take its grants with it, and a grant gone is done.
  const planned = [
    ...grants.items.map((g) => planGrant(g, trust, clientName)),
    ...clients.items.map((c) => planClient(c, trust)),
  ];
  const discovery = discoveryOf(planned, (actions) =>
    summarise(grants.items.length, clients.items.length, planned, actions),
  );
  return withUnreadable(discovery, unreadableOf(grants, clients));
}

export const revokeOauthAccessStep: AutomatedStepDefinition<TelnyxClient> = {
  id: REVOKE_OAUTH_ACCESS,
  kind: 'automated',
  title: 'Revoke OAuth grants and clients made since the takeover',
  why: 'An OAuth grant lets an app act on the account with its own token, and an OAuth client lets the attacker ask for new grants: neither stops working when your password or API keys change. Those made in the incident window are revoked and deleted.',
  risk: 'high',
  discover,
  execute: dispatchByKind(REVOKE_OAUTH_ACCESS, {
    revoke_oauth_grant: removeListed(
      (client) => client.oauthGrants,
      (g) => g.id,
      { result: { revoked: true } },
    ),
    delete_oauth_client: removeListed(
      (client) => client.oauthClients,
      (c) => c.client_id,
      { result: { deleted: true } },
    ),
  }),
};
