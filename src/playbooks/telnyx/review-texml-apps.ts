import type { TexmlApplication } from '../../providers/telnyx/index.js';
import { createAppReviewStep } from './app-review-step.js';
import { textParam } from './playbook-error.js';

export const REVIEW_TEXML_APPS = 'telnyx.review-texml-apps';

export const reviewTexmlAppsStep = createAppReviewStep<TexmlApplication>({
  id: REVIEW_TEXML_APPS,
  title: 'Deactivate TeXML apps that fetch from unknown hosts',
  why: 'A TeXML app runs whatever instructions its voice URL returns, and it keeps running after the API keys are disabled: replacing keys alone does not stop it. Apps fetching from hosts that are not yours are switched off.',
  noun: 'TeXML app',
  kind: 'deactivate_texml_app',
  list: (client) => client.texmlApplications.list(),
  get: (client, id) => client.texmlApplications.get(id),
  view: (app) => ({
    id: app.id,
    name: app.friendly_name,
    active: app.active,
    createdAt: app.created_at,
    updatedAt: app.updated_at,
    urls: [
      ['voice_url', app.voice_url],
      ['voice_fallback_url', app.voice_fallback_url],
      ['status_callback', app.status_callback],
    ],
  }),
  // PATCH requires both on every update, so the deactivation resends them as they are.
  required: (app) => ({ friendly_name: app.friendly_name, voice_url: app.voice_url }),
  deactivate: (client, action) =>
    client.texmlApplications.update(action.target, {
      friendly_name: textParam(action, 'friendly_name'),
      voice_url: textParam(action, 'voice_url'),
      active: false,
    }),
});
