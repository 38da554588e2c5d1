import { z } from 'zod';
import { dates, nullablePrice, nullableString } from './common.js';

/** One category's usage over the requested dates (`GET …/Usage/Records.json`). */
export const usageRecordSchema = z.object({
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
export type UsageRecord = z.output<typeof usageRecordSchema>;

export type UsageRecurring = 'daily' | 'monthly' | 'yearly' | 'alltime';
export type UsageTriggerBy = 'count' | 'usage' | 'price';

/** An enum field read leniently: a one-off trigger's `recurring` comes back empty, not absent. */
function oneOf<const T extends readonly string[]>(values: T) {
  return z
    .string()
    .nullish()
    .transform((v): T[number] | null => (values.includes(v ?? '') ? (v as T[number]) : null));
}

/** A usage trigger (`UT…`): Twilio calls `callback_url` once per period when usage passes the value. */
export const usageTriggerSchema = z.object({
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
  ...dates,
});
export type UsageTrigger = z.output<typeof usageTriggerSchema>;
