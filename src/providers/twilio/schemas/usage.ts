import { z } from 'zod';
import { nullablePrice, nullableString } from './common.js';

/** One category's usage over the requested dates (`GET …/Usage/Records.json`). */
export interface UsageRecord {
  category: string | null;
  description: string | null;
  start_date: string | null;
  end_date: string | null;
  count: string | null;
  count_unit: string | null;
  usage: string | null;
  usage_unit: string | null;
  price: number | null;
  price_unit: string | null;
}

export const usageRecordSchema: z.ZodType<UsageRecord> = z.object({
  category: nullableString,
  description: nullableString,
  start_date: nullableString,
  end_date: nullableString,
  count: nullableString,
  count_unit: nullableString,
  usage: nullableString,
  usage_unit: nullableString,
  price: nullablePrice,
  price_unit: nullableString,
});

export type UsageRecurring = 'daily' | 'monthly' | 'yearly' | 'alltime';
export type UsageTriggerBy = 'count' | 'usage' | 'price';

/** A usage trigger (`UT…`): Twilio calls `callback_url` once per period when usage passes the value. */
export interface UsageTrigger {
  sid: string;
  friendly_name: string | null;
  usage_category: string | null;
  trigger_by: UsageTriggerBy | null;
  trigger_value: string | null;
  recurring: UsageRecurring | null;
  callback_url: string | null;
  callback_method: string | null;
  current_value: string | null;
  date_fired: string | null;
  date_created: string | null;
  date_updated: string | null;
}

/** An enum field read leniently: a one-off trigger's `recurring` comes back empty, not absent. */
function oneOf<const T extends readonly string[]>(values: T) {
  return z
    .string()
    .nullish()
    .transform((v): T[number] | null => (values.includes(v ?? '') ? (v as T[number]) : null));
}

export const usageTriggerSchema: z.ZodType<UsageTrigger> = z.object({
  sid: z.string(),
  friendly_name: nullableString,
  usage_category: nullableString,
  trigger_by: oneOf(['count', 'usage', 'price'] as const),
  trigger_value: nullableString,
  recurring: oneOf(['daily', 'monthly', 'yearly', 'alltime'] as const),
  callback_url: nullableString,
  callback_method: nullableString,
  current_value: nullableString,
  date_fired: nullableString,
  date_created: nullableString,
  date_updated: nullableString,
});
