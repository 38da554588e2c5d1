import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { accountPath, send } from './request.js';
import {
  type UsageRecurring,
  type UsageTriggerBy,
  usageRecordSchema,
  usageTriggerSchema,
} from './schemas/usage.js';

export interface UsageRecordFilter {
  /** e.g. `totalprice` (all spend), `calls`, `sms`. */
  category?: string;
  /** `YYYY-MM-DD`, inclusive. */
  startDate?: string;
  endDate?: string;
}

export type UsageTriggerFilter = Partial<Pick<NewUsageTrigger, 'recurring' | 'triggerBy' | 'usageCategory'>>;

/** `POST …/Usage/Triggers.json`; the spec requires the callback, the value and the category. */
export interface NewUsageTrigger {
  callbackUrl: string;
  /** A decimal string, e.g. `"50.00"` (in the account's currency when `triggerBy` is `price`). */
  triggerValue: string;
  usageCategory: string;
  triggerBy: UsageTriggerBy;
  recurring: UsageRecurring;
  friendlyName: string;
}

/** Usage over dates, and the triggers that call a webhook when usage passes a value. */
export type UsageApi = ReturnType<typeof createUsageApi>;

export function createUsageApi(http: ProviderHttp, accountSid: string) {
  const base = `${accountPath(accountSid)}/Usage`;
  return {
    records: async (filter: UsageRecordFilter = {}) =>
      listAll(http, {
        path: `${base}/Records.json`,
        key: 'usage_records',
        item: usageRecordSchema,
        operation: 'list usage records',
        idKeys: ['category'],
        query: { Category: filter.category, StartDate: filter.startDate, EndDate: filter.endDate },
      }),
    triggers: async (filter: UsageTriggerFilter = {}) =>
      listAll(http, {
        path: `${base}/Triggers.json`,
        key: 'usage_triggers',
        item: usageTriggerSchema,
        operation: 'list usage triggers',
        query: {
          Recurring: filter.recurring,
          TriggerBy: filter.triggerBy,
          UsageCategory: filter.usageCategory,
        },
      }),
    createTrigger: async (t: NewUsageTrigger) =>
      send(http, {
        method: 'POST',
        path: `${base}/Triggers.json`,
        operation: 'create usage trigger',
        schema: usageTriggerSchema,
        form: {
          CallbackUrl: t.callbackUrl,
          CallbackMethod: 'POST',
          TriggerValue: t.triggerValue,
          UsageCategory: t.usageCategory,
          TriggerBy: t.triggerBy,
          Recurring: t.recurring,
          FriendlyName: t.friendlyName,
        },
      }),
  };
}
