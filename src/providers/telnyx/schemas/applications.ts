import { z } from 'zod';
import { booleanDefault, nullableString, outboundLink, timestamps, webhookUrls } from './common.js';

/**
 * Voice API (Call Control) applications. The spec's response schema requires no field: `active` has
 * `default: true`; `application_name` and `webhook_event_url` may be missing (null here), although
 * `PATCH /call_control_applications/{id}` requires both, so an app without them cannot be
 * deactivated through the API and the step sends a person to the portal.
 */
export type CallControlApplication = z.output<typeof callControlApplicationSchema>;
export const callControlApplicationSchema = z.object({
  id: z.string(),
  record_type: nullableString,
  application_name: nullableString,
  active: booleanDefault(true),
  ...webhookUrls,
  outbound: outboundLink,
  ...timestamps,
});

/**
 * TeXML applications. As with Call Control apps, nothing is required in the response (`active`
 * defaults to true); `PATCH /texml_applications/{id}` requires `friendly_name` and `voice_url`.
 */
export type TexmlApplication = z.output<typeof texmlApplicationSchema>;
export const texmlApplicationSchema = z.object({
  id: z.string(),
  record_type: nullableString,
  friendly_name: nullableString,
  active: booleanDefault(true),
  voice_url: nullableString,
  voice_fallback_url: nullableString,
  voice_method: nullableString,
  status_callback: nullableString,
  status_callback_method: nullableString,
  outbound: outboundLink,
  ...timestamps,
});
