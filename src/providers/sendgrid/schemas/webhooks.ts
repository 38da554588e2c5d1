import { z } from 'zod';
import { type Listing, recordsOf } from '../../http/tolerant-records.js';
import { booleanOr, orNull } from './common.js';

/**
 * An Event Webhook (`GET /v3/user/webhooks/event/settings/all`, `…/settings/{id}`): where SendGrid
 * posts delivery events, and the OAuth token URL it fetches a token from first. The per-event
 * flags and the signing `public_key` are not kept. The spec requires no field: `id` is required
 * here (every change names it); `url` may be null (then nothing can be PATCHed, since the PATCH
 * requires it, and the step sends a person); `enabled` has no default in the spec and is read as
 * true when missing, so a webhook that does not say is judged as live.
 */
export type EventWebhook = z.output<typeof eventWebhookSchema>;

export const eventWebhookSchema = z.object({
  id: z.string(),
  url: orNull(z.string()),
  enabled: booleanOr(true),
  friendly_name: orNull(z.string()),
  oauth_client_id: orNull(z.string()),
  oauth_token_url: orNull(z.string()),
  created_date: orNull(z.string()),
  updated_date: orNull(z.string()),
});

export function eventWebhookListSchema(provider: string) {
  return z.object({
    max_allowed: orNull(z.number()),
    webhooks: recordsOf(eventWebhookSchema, { provider, operation: 'list event webhooks', idKeys: ['id'] }),
  }) as z.ZodType<{ max_allowed: number | null; webhooks: Listing<EventWebhook> }>;
}

/** An Inbound Parse setting: mail to `hostname` is parsed and posted to `url` (null when SendGrid leaves it out). */
export type ParseSetting = z.output<typeof parseSettingSchema>;

export const parseSettingSchema = z.object({
  hostname: z.string(),
  url: orNull(z.string()),
  spam_check: orNull(z.boolean()),
  send_raw: orNull(z.boolean()),
});
