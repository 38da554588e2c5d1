import { z } from 'zod';
import { orNull } from './common.js';

/**
 * An Event Webhook (`GET /v3/user/webhooks/event/settings/all`, `…/settings/{id}`): where SendGrid
 * posts delivery events, and the OAuth token URL it fetches a token from first. The per-event
 * flags and the signing `public_key` are not kept.
 */
export interface EventWebhook {
  id: string;
  url: string;
  enabled: boolean;
  friendly_name: string | null;
  oauth_client_id: string | null;
  oauth_token_url: string | null;
  created_date: string | null;
  updated_date: string | null;
}

export const eventWebhookSchema: z.ZodType<EventWebhook> = z.object({
  id: z.string(),
  url: z.string(),
  enabled: z.boolean(),
  friendly_name: orNull(z.string()),
  oauth_client_id: orNull(z.string()),
  oauth_token_url: orNull(z.string()),
  created_date: orNull(z.string()),
  updated_date: orNull(z.string()),
});

export const eventWebhookListSchema = z.object({
  max_allowed: orNull(z.number()),
  webhooks: z.array(eventWebhookSchema),
});

/** An Inbound Parse setting: mail to `hostname` is parsed and posted to `url`. */
export interface ParseSetting {
  hostname: string;
  url: string;
  spam_check: boolean | null;
  send_raw: boolean | null;
}

export const parseSettingSchema: z.ZodType<ParseSetting> = z.object({
  hostname: z.string(),
  url: z.string(),
  spam_check: orNull(z.boolean()),
  send_raw: orNull(z.boolean()),
});
