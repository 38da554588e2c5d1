import type { CallControlApplication, TelnyxClient } from '../../providers/telnyx/index.js';
import type { AutomatedStepDefinition, Discovery } from '../types.js';
import { ALREADY_INACTIVE, planApp, summariseApps } from './app-review.js';
import {
  type ActionExecutor,
  dispatchByKind,
  stringParam,
  type TelnyxContext,
  writeUnlessDone,
} from './step-kit.js';
import { trustOf } from './trust.js';

export const REVIEW_CALL_CONTROL_APPS = 'telnyx.review-call-control-apps';

function view(app: CallControlApplication) {
  return {
    id: app.id,
    name: app.application_name,
    active: app.active,
    createdAt: app.created_at,
    updatedAt: app.updated_at,
    urls: [
      ['webhook_event_url', app.webhook_event_url],
      ['webhook_event_failover_url', app.webhook_event_failover_url],
    ] as [string, string | null][],
  };
}

async function discover(ctx: TelnyxContext): Promise<Discovery> {
  const trust = trustOf(ctx);
  const apps = await ctx.client.callControlApplications.list();
  const planned = apps.map((app) =>
    planApp(view(app), trust, {
      noun: 'Call Control app',
      kind: 'deactivate_call_control_app',
      // PATCH requires both on every update, so the deactivation resends them as they are.
      params: { application_name: app.application_name, webhook_event_url: app.webhook_event_url },
    }),
  );
  const actions = planned.flatMap((p) => (p.action ? [p.action] : []));
  return {
    findings: planned.map((p) => p.finding),
    actions,
    summary: summariseApps('Call Control app', planned, trust),
  };
}

const deactivate: ActionExecutor = (ctx, action, recheck) => {
  const api = ctx.client.callControlApplications;
  const update = {
    application_name: stringParam(action, 'application_name'),
    webhook_event_url: stringParam(action, 'webhook_event_url'),
    active: false,
  };
  return writeUnlessDone(
    recheck,
    async () => ((await api.get(action.target)).active ? undefined : ALREADY_INACTIVE),
    async () => ({ result: { active: (await api.update(action.target, update)).active } }),
  );
};

export const reviewCallControlAppsStep: AutomatedStepDefinition<TelnyxClient> = {
  id: REVIEW_CALL_CONTROL_APPS,
  kind: 'automated',
  title: 'Deactivate Voice API (Call Control) apps that call unknown hosts',
  why: 'A Call Control app sends every call event to its webhook and obeys the commands that come back, so an app pointed at the attacker’s server lets them steer your calls. Apps calling hosts that are not yours are switched off.',
  risk: 'high',
  discover,
  execute: dispatchByKind(REVIEW_CALL_CONTROL_APPS, { deactivate_call_control_app: deactivate }),
};
