import type { TelnyxClient, TexmlApplication } from '../../providers/telnyx/index.js';
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

export const REVIEW_TEXML_APPS = 'telnyx.review-texml-apps';

function view(app: TexmlApplication) {
  return {
    id: app.id,
    name: app.friendly_name,
    active: app.active,
    createdAt: app.created_at,
    updatedAt: app.updated_at,
    urls: [
      ['voice_url', app.voice_url],
      ['voice_fallback_url', app.voice_fallback_url],
      ['status_callback', app.status_callback],
    ] as [string, string | null][],
  };
}

async function discover(ctx: TelnyxContext): Promise<Discovery> {
  const trust = trustOf(ctx);
  const apps = await ctx.client.texmlApplications.list();
  const planned = apps.map((app) =>
    planApp(view(app), trust, {
      noun: 'TeXML app',
      kind: 'deactivate_texml_app',
      // PATCH requires both on every update, so the deactivation resends them as they are.
      params: { friendly_name: app.friendly_name, voice_url: app.voice_url },
    }),
  );
  const actions = planned.flatMap((p) => (p.action ? [p.action] : []));
  return {
    findings: planned.map((p) => p.finding),
    actions,
    summary: summariseApps('TeXML app', planned, trust),
  };
}

const deactivate: ActionExecutor = (ctx, action, recheck) => {
  const api = ctx.client.texmlApplications;
  const update = {
    friendly_name: stringParam(action, 'friendly_name'),
    voice_url: stringParam(action, 'voice_url'),
    active: false,
  };
  return writeUnlessDone(
    recheck,
    async () => ((await api.get(action.target)).active ? undefined : ALREADY_INACTIVE),
    async () => ({ result: { active: (await api.update(action.target, update)).active } }),
  );
};

export const reviewTexmlAppsStep: AutomatedStepDefinition<TelnyxClient> = {
  id: REVIEW_TEXML_APPS,
  kind: 'automated',
  title: 'Deactivate TeXML apps that fetch from unknown hosts',
  why: 'A TeXML app runs whatever instructions its voice URL returns, and it keeps running after the API keys are disabled: replacing keys alone does not stop it. Apps fetching from hosts that are not yours are switched off.',
  risk: 'high',
  discover,
  execute: dispatchByKind(REVIEW_TEXML_APPS, { deactivate_texml_app: deactivate }),
};
