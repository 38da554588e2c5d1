import { z } from 'zod';
import { booleanOr, orNull } from './common.js';

/**
 * `GET|PATCH /v3/mail_settings/forward_spam` and `…/forward_bounce`: whether SendGrid forwards
 * spam reports or bounces, and to which address (comma-separated for spam). `enabled` has no
 * default in the spec and is read as true when missing, so a setting that does not say is judged.
 */
export type ForwardSetting = z.output<typeof forwardSettingSchema>;

export const forwardSettingSchema = z.object({
  enabled: booleanOr(true),
  email: orNull(z.string()),
});

/**
 * An alert (`GET /v3/alerts`, `/v3/alerts/{alert_id}`): a usage or statistics mail to `email_to`.
 * `created_at` and `updated_at` are Unix seconds.
 */
export type Alert = z.output<typeof alertSchema>;

export const alertSchema = z.object({
  id: z.number().int(),
  type: z.string(),
  email_to: orNull(z.string()),
  frequency: orNull(z.string()),
  percentage: orNull(z.number()),
  created_at: orNull(z.number()),
  updated_at: orNull(z.number()),
});

/** `GET /v3/scopes`: the scopes of the key that asks. */
export const scopesSchema = z.object({ scopes: z.array(z.string()) });
