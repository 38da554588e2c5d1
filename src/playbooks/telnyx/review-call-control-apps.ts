import type { CallControlApplication } from '../../providers/telnyx/index.js';
import { createAppReviewStep } from './app-review-step.js';
import { textParam } from './playbook-error.js';

export const REVIEW_CALL_CONTROL_APPS = 'telnyx.review-call-control-apps';

export const reviewCallControlAppsStep = createAppReviewStep<CallControlApplication>({
  id: REVIEW_CALL_CONTROL_APPS,
  title: 'Deactivate Voice API (Call Control) apps that call unknown hosts',
  why: 'A Call Control app sends every call event to its webhook and obeys the commands that come back, so an app pointed at the attacker’s server lets them steer your calls. Apps calling hosts that are not yours are switched off.',
  noun: 'Call Control app',
  kind: 'deactivate_call_control_app',
  list: (client) => client.callControlApplications.list(),
  get: (client, id) => client.callControlApplications.get(id),
  view: (app) => ({
    id: app.id,
    name: app.application_name,
    active: app.active,
    createdAt: app.created_at,
    updatedAt: app.updated_at,
    urls: [
      ['webhook_event_url', app.webhook_event_url],
      ['webhook_event_failover_url', app.webhook_event_failover_url],
    ],
  }),
  // PATCH requires both on every update, so the deactivation resends them as they are.
  required: (app) => ({ application_name: app.application_name, webhook_event_url: app.webhook_event_url }),
  deactivate: (client, action) =>
    client.callControlApplications.update(action.target, {
      application_name: textParam(action, 'application_name'),
      webhook_event_url: textParam(action, 'webhook_event_url'),
      active: false,
    }),
});
