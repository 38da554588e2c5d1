import { addAllowed, listActivity, listAllowed, removeAllowed } from './handle-access.js';
import {
  createApiKey,
  deleteApiKey,
  getApiKey,
  listApiKeys,
  listOwnScopes,
  updateApiKey,
} from './handle-keys.js';
import {
  cancelInvite,
  deleteTeammate,
  listInvites,
  listSubusers,
  listTeammates,
  updateSubuser,
  userEmail,
} from './handle-people.js';
import {
  deleteFrom,
  getForwarding,
  listAlerts,
  listAuthenticatedDomains,
  listBrandedLinks,
  listVerifiedSenders,
  updateForwarding,
} from './handle-senders.js';
import {
  deleteParseSetting,
  getEventWebhook,
  listEventWebhooks,
  listMessages,
  listParseSettings,
  updateEventWebhook,
} from './handle-webhooks.js';
import type { RouteArgs, SimContext } from './sim-context.js';
import type { SimResponse } from './sim-http.js';

export interface Route {
  method: string;
  /** e.g. `/v3/api_keys/{api_key_id}`; a route has at most one `{parameter}`. */
  template: string;
  run(ctx: SimContext, args: RouteArgs): SimResponse;
}

/** Every route the simulator serves, with SendGrid's path templates; literal segments come first. */
export const ROUTES: readonly Route[] = [
  { method: 'GET', template: '/v3/api_keys', run: listApiKeys },
  { method: 'POST', template: '/v3/api_keys', run: createApiKey },
  { method: 'GET', template: '/v3/api_keys/{api_key_id}', run: getApiKey },
  { method: 'PUT', template: '/v3/api_keys/{api_key_id}', run: updateApiKey },
  { method: 'DELETE', template: '/v3/api_keys/{api_key_id}', run: deleteApiKey },
  { method: 'GET', template: '/v3/access_settings/activity', run: listActivity },
  { method: 'GET', template: '/v3/access_settings/whitelist', run: listAllowed },
  { method: 'POST', template: '/v3/access_settings/whitelist', run: addAllowed },
  { method: 'DELETE', template: '/v3/access_settings/whitelist/{rule_id}', run: removeAllowed },
  { method: 'GET', template: '/v3/teammates', run: listTeammates },
  { method: 'GET', template: '/v3/teammates/pending', run: listInvites },
  { method: 'DELETE', template: '/v3/teammates/pending/{token}', run: cancelInvite },
  { method: 'DELETE', template: '/v3/teammates/{username}', run: deleteTeammate },
  { method: 'GET', template: '/v3/subusers', run: listSubusers },
  { method: 'PATCH', template: '/v3/subusers/{subuser_name}', run: updateSubuser },
  { method: 'GET', template: '/v3/user/email', run: userEmail },
  { method: 'GET', template: '/v3/user/webhooks/event/settings/all', run: listEventWebhooks },
  { method: 'GET', template: '/v3/user/webhooks/event/settings/{id}', run: getEventWebhook },
  { method: 'PATCH', template: '/v3/user/webhooks/event/settings/{id}', run: updateEventWebhook },
  { method: 'GET', template: '/v3/user/webhooks/parse/settings', run: listParseSettings },
  { method: 'DELETE', template: '/v3/user/webhooks/parse/settings/{hostname}', run: deleteParseSetting },
  { method: 'GET', template: '/v3/messages', run: listMessages },
  { method: 'GET', template: '/v3/scopes', run: listOwnScopes },
  { method: 'GET', template: '/v3/verified_senders', run: listVerifiedSenders },
  { method: 'DELETE', template: '/v3/verified_senders/{id}', run: deleteFrom('verifiedSenders') },
  { method: 'GET', template: '/v3/whitelabel/domains', run: listAuthenticatedDomains },
  {
    method: 'DELETE',
    template: '/v3/whitelabel/domains/{domain_id}',
    run: deleteFrom('authenticatedDomains'),
  },
  { method: 'GET', template: '/v3/whitelabel/links', run: listBrandedLinks },
  { method: 'DELETE', template: '/v3/whitelabel/links/{id}', run: deleteFrom('brandedLinks') },
  { method: 'GET', template: '/v3/mail_settings/forward_spam', run: getForwarding('forwardSpam') },
  {
    method: 'PATCH',
    template: '/v3/mail_settings/forward_spam',
    run: updateForwarding('forwardSpam', 'forward_spam'),
  },
  { method: 'GET', template: '/v3/mail_settings/forward_bounce', run: getForwarding('forwardBounce') },
  {
    method: 'PATCH',
    template: '/v3/mail_settings/forward_bounce',
    run: updateForwarding('forwardBounce', 'forward_bounce'),
  },
  { method: 'GET', template: '/v3/alerts', run: listAlerts },
  { method: 'DELETE', template: '/v3/alerts/{alert_id}', run: deleteFrom('alerts') },
];

export interface RouteMatch {
  /** `METHOD /template` (stats key), or `METHOD ?` when no template fits the path. */
  label: string;
  route: Route | undefined;
  /** The decoded path parameter, if the template has one. */
  id: string | undefined;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function fits(template: string, segments: readonly string[]): { id: string | undefined } | undefined {
  const parts = template.split('/').slice(1);
  if (parts.length !== segments.length) return undefined;
  let id: string | undefined;
  for (const [i, part] of parts.entries()) {
    const segment = segments[i] ?? '';
    if (part.startsWith('{')) id = segment;
    else if (part !== segment) return undefined;
  }
  return { id };
}

/** The route for `method path`; the first template that fits the path names it even on a 404/405. */
export function matchRoute(method: string, path: string): RouteMatch {
  const segments = path.replace(/\/+$/, '').split('/').slice(1).map(decode);
  let first: { template: string; id: string | undefined } | undefined;
  for (const route of ROUTES) {
    const fit = fits(route.template, segments);
    if (!fit) continue;
    first ??= { template: route.template, id: fit.id };
    if (route.method === method && route.template === first.template) {
      return { label: `${method} ${route.template}`, route, id: fit.id };
    }
  }
  return { label: `${method} ${first?.template ?? '?'}`, route: undefined, id: first?.id };
}
