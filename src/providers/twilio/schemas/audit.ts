import { z } from 'zod';
import { dates, nullableString } from './common.js';

/** A verified caller ID (`…/OutgoingCallerIds.json`); its SID is `PN…`, like a number's; RFC 2822 dates. */
export const outgoingCallerIdSchema = z.object({
  sid: z.string(),
  phone_number: nullableString,
  friendly_name: nullableString,
  ...dates,
});

export type OutgoingCallerId = z.infer<typeof outgoingCallerIdSchema>;

/**
 * One Monitor event (`monitor.twilio.com/v1/Events`): `event_type` is `RESOURCE_TYPE.ACTION`
 * (`api-key.created`), `event_date` ISO 8601, `actor_sid` a `US…` user or an `AC…` account,
 * `source` `web`/`api`/`twilio`. `event_data` is dropped: its contents depend on the type.
 */
export const monitorEventSchema = z.object({
  sid: z.string(),
  event_type: nullableString,
  event_date: nullableString,
  actor_sid: nullableString,
  actor_type: nullableString,
  source: nullableString,
  source_ip_address: nullableString,
  resource_sid: nullableString,
  resource_type: nullableString,
  description: nullableString,
});

export type MonitorEvent = z.infer<typeof monitorEventSchema>;
