import { z } from 'zod';
import { booleanDefault, nullableString, type OutboundLink, outboundLink } from './common.js';

/**
 * Voice API (Call Control) applications. The spec's response schema requires no field: `active` has
 * `default: true`; `application_name` and `webhook_event_url` may be missing (null here), although
 * `PATCH /call_control_applications/{id}` requires both, so an app without them cannot be
 * deactivated through the API and the step sends a person to the portal.
 */
export interface CallControlApplication {
  id: string;
  record_type: string | null;
  application_name: string | null;
  active: boolean;
  webhook_event_url: string | null;
  webhook_event_failover_url: string | null;
  outbound: OutboundLink;
  created_at: string | null;
  updated_at: string | null;
}

export const callControlApplicationSchema: z.ZodType<CallControlApplication> = z.object({
  id: z.string(),
  record_type: nullableString,
  application_name: nullableString,
  active: booleanDefault(true),
  webhook_event_url: nullableString,
  webhook_event_failover_url: nullableString,
  outbound: outboundLink,
  created_at: nullableString,
  updated_at: nullableString,
});

/**
 * TeXML applications. As with Call Control apps, nothing is required in the response (`active`
 * defaults to true); `PATCH /texml_applications/{id}` requires `friendly_name` and `voice_url`.
 */
export interface TexmlApplication {
  id: string;
  record_type: string | null;
  friendly_name: string | null;
  active: boolean;
  voice_url: string | null;
  voice_fallback_url: string | null;
  voice_method: string | null;
  status_callback: string | null;
  status_callback_method: string | null;
  outbound: OutboundLink;
  created_at: string | null;
  updated_at: string | null;
}

export const texmlApplicationSchema: z.ZodType<TexmlApplication> = z.object({
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
  created_at: nullableString,
  updated_at: nullableString,
});
