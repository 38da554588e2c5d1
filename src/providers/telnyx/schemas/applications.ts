import { z } from 'zod';
import { nullableString, type OutboundLink, outboundLink } from './common.js';

/**
 * Voice API (Call Control) applications. `application_name` and `webhook_event_url` are required
 * here because `PATCH /call_control_applications/{id}` requires both: a deactivation resends them.
 */
export interface CallControlApplication {
  id: string;
  record_type: string | null;
  application_name: string;
  active: boolean;
  webhook_event_url: string;
  webhook_event_failover_url: string | null;
  outbound: OutboundLink;
  created_at: string | null;
  updated_at: string | null;
}

export const callControlApplicationSchema: z.ZodType<CallControlApplication> = z.object({
  id: z.string(),
  record_type: nullableString,
  application_name: z.string(),
  active: z.boolean(),
  webhook_event_url: z.string(),
  webhook_event_failover_url: nullableString,
  outbound: outboundLink,
  created_at: nullableString,
  updated_at: nullableString,
});

/**
 * TeXML applications. `friendly_name` and `voice_url` are required here because
 * `PATCH /texml_applications/{id}` requires both.
 */
export interface TexmlApplication {
  id: string;
  record_type: string | null;
  friendly_name: string;
  active: boolean;
  voice_url: string;
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
  friendly_name: z.string(),
  active: z.boolean(),
  voice_url: z.string(),
  voice_fallback_url: nullableString,
  voice_method: nullableString,
  status_callback: nullableString,
  status_callback_method: nullableString,
  outbound: outboundLink,
  created_at: nullableString,
  updated_at: nullableString,
});
