import { ACCOUNT_ACCESS_ROUTES } from './handle-account-access.js';
import { listAuditEvents, regenerateSecret } from './handle-actions.js';
import { getBalance } from './handle-balance.js';
import { createRecord, deleteRecord, getRecord, listCollection, updateRecord } from './handle-collection.js';
import { createUpdateNumbersJob, getNumbersJob, listNumbersJobs } from './handle-number-jobs.js';
import {
  deletePhoneNumber,
  getPhoneNumber,
  listPhoneNumbers,
  listVoiceSettings,
  updatePhoneNumber,
  updateVoiceSettings,
} from './handle-phone-numbers.js';
import { RESOURCES } from './resource-table.js';
import type { SimContext } from './sim-context.js';
import type { SimResponse } from './sim-http.js';

export interface RouteArgs {
  id: string;
  query: URLSearchParams;
  body: unknown;
}

export interface Route {
  method: string;
  /** e.g. `/credential_connections/{id}`; `{id}` is the only parameter any route has. */
  template: string;
  run(ctx: SimContext, args: RouteArgs): SimResponse;
}

function collectionRoutes(): Route[] {
  return RESOURCES.flatMap((spec): Route[] => [
    { method: 'GET', template: `/${spec.path}`, run: (ctx, a) => listCollection(ctx, spec, a.query) },
    { method: 'POST', template: `/${spec.path}`, run: (ctx, a) => createRecord(ctx, spec, a.body) },
    { method: 'GET', template: `/${spec.path}/{id}`, run: (ctx, a) => getRecord(ctx, spec, a.id) },
    {
      method: 'PATCH',
      template: `/${spec.path}/{id}`,
      run: (ctx, a) => updateRecord(ctx, spec, a.id, a.body),
    },
    { method: 'DELETE', template: `/${spec.path}/{id}`, run: (ctx, a) => deleteRecord(ctx, spec, a.id) },
  ]);
}

/** Every route the simulator serves; literal segments come before `{id}` ones. */
export const ROUTES: readonly Route[] = [
  ...collectionRoutes(),
  {
    method: 'POST',
    template: '/messaging_profiles/{id}/actions/regenerate_secret',
    run: (ctx, a) => regenerateSecret(ctx, a.id),
  },
  { method: 'GET', template: '/phone_numbers', run: (ctx, a) => listPhoneNumbers(ctx, a.query) },
  { method: 'GET', template: '/phone_numbers/voice', run: (ctx, a) => listVoiceSettings(ctx, a.query) },
  { method: 'GET', template: '/phone_numbers/jobs', run: (ctx, a) => listNumbersJobs(ctx, a.query) },
  {
    method: 'POST',
    template: '/phone_numbers/jobs/update_phone_numbers',
    run: (ctx, a) => createUpdateNumbersJob(ctx, a.body),
  },
  { method: 'GET', template: '/phone_numbers/jobs/{id}', run: (ctx, a) => getNumbersJob(ctx, a.id) },
  { method: 'GET', template: '/phone_numbers/{id}', run: (ctx, a) => getPhoneNumber(ctx, a.id, false) },
  { method: 'PATCH', template: '/phone_numbers/{id}', run: (ctx, a) => updatePhoneNumber(ctx, a.id, a.body) },
  { method: 'DELETE', template: '/phone_numbers/{id}', run: (ctx, a) => deletePhoneNumber(ctx, a.id) },
  { method: 'GET', template: '/phone_numbers/{id}/voice', run: (ctx, a) => getPhoneNumber(ctx, a.id, true) },
  {
    method: 'PATCH',
    template: '/phone_numbers/{id}/voice',
    run: (ctx, a) => updateVoiceSettings(ctx, a.id, a.body),
  },
  { method: 'GET', template: '/audit_events', run: (ctx, a) => listAuditEvents(ctx, a.query) },
  ...ACCOUNT_ACCESS_ROUTES,
  { method: 'GET', template: '/balance', run: () => getBalance() },
];

export interface RouteMatch {
  /** `METHOD /template`, or `METHOD ?` when no template fits the path. */
  label: string;
  route: Route | undefined;
  id: string | undefined;
}

function matchTemplate(
  template: string,
  segments: readonly string[],
): { id: string | undefined } | undefined {
  const parts = template.split('/').slice(1);
  if (parts.length !== segments.length) return undefined;
  let id: string | undefined;
  for (const [i, part] of parts.entries()) {
    const segment = segments[i] as string;
    if (part === '{id}') id = segment;
    else if (part !== segment) return undefined;
  }
  return { id };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function matchRoute(method: string, path: string): RouteMatch {
  const segments = path.replace(/\/+$/, '').split('/').slice(1).map(decodeSegment);
  let template: string | undefined;
  let id: string | undefined;
  for (const route of ROUTES) {
    const match = matchTemplate(route.template, segments);
    if (!match) continue;
    template ??= route.template;
    id ??= match.id;
    if (route.method === method && route.template === template)
      return { label: `${method} ${template}`, route, id };
  }
  return { label: `${method} ${template ?? '?'}`, route: undefined, id };
}
